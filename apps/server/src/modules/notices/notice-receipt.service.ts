import { sql } from 'drizzle-orm';
import { NOTICE_REPLY_STATUS_LABELS, type NoticeReceipt, type NoticeReceiptQuery } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, notFound } from '../../platform/http/app-error.js';
import type { CellValue, SheetColumn } from '../../platform/import-export/xlsx-writer.js';
import { notify } from '../../platform/notify/notify.service.js';
import type { NoticeRow } from './notice.repository.js';
import { loadNotice, loadOwn } from './notice.service.js';
import { matrixRows, receiptOfNotice } from './notice-receipt.repository.js';
import { dayOf, iso, isOwnSender, noticeView, receiptFields, type ReceiptRow } from './notice-view.js';

const OBJECT = 'notice_receipt';

export function receiptView(auth: AuthContext, n: NoticeRow, r: ReceiptRow): NoticeReceipt {
  const own = isOwnSender(auth, n.org_id) && n.status === 'sent';
  const pending = r.signed_at === null || (n.reply_required && !['submitted', 'accepted'].includes(r.reply_status));
  const remindedToday = r.manual_reminded_at !== null && dayOf(r.manual_reminded_at) === shanghaiDate(new Date());
  return { ...receiptFields(r), manualRemindedAt: iso(r.manual_reminded_at), canRemind: own && pending && !remindedToday, canReview: own && n.reply_required && r.reply_status === 'submitted' };
}

/** A receipt of a notice the caller sees on the sender side (else 404). */
export async function senderReceipt(db: Db, auth: AuthContext, receiptId: string): Promise<{ n: NoticeRow; r: ReceiptRow }> {
  const [row] = await queryRows<{ notice_id: string }>(db, sql`SELECT notice_id FROM notice_receipts WHERE id = ${receiptId}::uuid`);
  if (!row) throw notFound('收文单位');
  const n = await loadNotice(db, auth, row.notice_id);
  const r = await receiptOfNotice(db, n.id, receiptId);
  if (!r) throw notFound('收文单位');
  return { n, r };
}

/** The sender's matrix: per recipient org read / signed / replied / overdue, with filters, paging and totals. */
export async function receiptMatrix(db: Db, auth: AuthContext, id: string, q: NoticeReceiptQuery) {
  const n = await loadNotice(db, auth, id);
  const rows = await matrixRows(db, id, q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map((r) => receiptView(auth, n, r)), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize, totals: noticeView(auth, n).totals };
}

/** 接收 or 退回 (with a reason: the recipient edits and submits again) a submitted 报送. */
export async function reviewReply(db: Db, auth: AuthContext, actor: Actor, id: string, receiptId: string, decision: 'accept' | 'return', reason?: string) {
  await db.transaction(async (tx) => {
    const n = await loadOwn(tx, auth, id, 'sent', '审核报送材料');
    const r = await receiptOfNotice(tx, id, receiptId, true);
    if (!r) throw notFound('收文单位');
    if (!n.reply_required || r.reply_status !== 'submitted') throw conflict('该单位当前没有待审核的报送材料', 'ILLEGAL_TRANSITION');
    const to = decision === 'accept' ? 'accepted' : 'returned';
    await tx.execute(sql`UPDATE notice_receipts SET reply_status = ${to}, reply_reviewed_at = now(), reply_reviewed_by_name = ${auth.user.name}, return_reason = ${decision === 'return' ? (reason ?? null) : null}, updated_at = now() WHERE id = ${receiptId}::uuid`);
    if (decision === 'return') await notify(tx, { orgId: r.org_id, kind: 'notice.reply.returned', title: `报送材料被退回:${n.title}`, body: `退回原因:${reason ?? ''},请修改后重新报送。`, link: `/notice-inbox/${receiptId}` });
    await recordAudit(tx, actor, { action: 'data.update', objectType: OBJECT, objectId: receiptId, detail: { step: `reply_${decision}`, noticeId: id, reason: reason ?? null, replyStatus: { from: 'submitted', to } } }, true);
  });
  const n = await loadNotice(db, auth, id);
  const r = await receiptOfNotice(db, id, receiptId);
  return receiptView(auth, n, r!);
}

/** 催办 chosen recipient orgs that still owe a signature or a 报送: at most once per org per day. */
export async function remindReceipts(db: Db, auth: AuthContext, actor: Actor, id: string, receiptIds: string[]) {
  return db.transaction(async (tx) => {
    const n = await loadOwn(tx, auth, id, 'sent', '催办');
    const today = shanghaiDate(new Date());
    const dayStart = new Date(Date.parse(`${today}T00:00:00+08:00`));
    const ids = [...new Set(receiptIds)];
    const rows = await queryRows<{ id: string; org_id: string; signed: boolean }>(
      tx,
      sql`UPDATE notice_receipts r SET manual_reminded_at = now(), manual_remind_count = manual_remind_count + 1, updated_at = now()
          WHERE r.notice_id = ${id}::uuid AND r.id IN (${sql.join(ids.map((x) => sql`${x}::uuid`), sql`, `)})
            AND (r.manual_reminded_at IS NULL OR r.manual_reminded_at < ${dayStart.toISOString()}::timestamptz)
            AND (r.signed_at IS NULL OR (${n.reply_required} AND r.reply_status NOT IN ('submitted','accepted')))
          RETURNING r.id, r.org_id, r.signed_at IS NOT NULL AS signed`,
    );
    for (const r of rows) {
      const what = r.signed ? `请于${dayOf(n.reply_deadline ?? n.sign_deadline)}前报送材料` : `请于${dayOf(n.sign_deadline)}前签收`;
      await notify(tx, { orgId: r.org_id, kind: 'notice.remind', title: `催办:${n.title}`, body: `${n.org_name}催办:${what}。`, link: `/notice-inbox/${r.id}` });
    }
    if (rows.length) await recordAudit(tx, actor, { action: 'data.update', objectType: 'notice', objectId: id, detail: { step: 'remind', reminded: rows.map((r) => r.id) } }, true);
    return { reminded: rows.length, skipped: ids.length - rows.length };
  });
}

const yesNo = (v: boolean) => (v ? '是' : '');
const local = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

export const MATRIX_COLUMNS: SheetColumn[] = [
  { header: '收文单位', key: 'org', width: 32 },
  { header: '首次阅读', key: 'read', width: 18 },
  { header: '阅读人', key: 'reader', width: 10 },
  { header: '签收时间', key: 'signed', width: 18 },
  { header: '签收人', key: 'signer', width: 10 },
  { header: '报送状态', key: 'reply', width: 10 },
  { header: '报送时间', key: 'replied', width: 18 },
  { header: '逾期报送', key: 'late', width: 8 },
  { header: '逾期', key: 'overdue', width: 6 },
];

/** The whole matrix of one notice as sheet rows (audited as an export). */
export async function matrixExport(db: Db, auth: AuthContext, actor: Actor, id: string) {
  const n = await loadNotice(db, auth, id);
  const rows = await matrixRows(db, id, { filter: 'all' }, { limit: 100_000, offset: 0 });
  await recordAudit(db, actor, { action: 'data.export', objectType: 'notice', objectId: id, detail: { rows: rows.length } });
  async function* sheet(): AsyncGenerator<Record<string, CellValue>> {
    for (const row of rows) {
      const r = receiptFields(row);
      yield { org: r.orgName, read: local(r.firstReadAt), reader: r.firstReadByName ?? '', signed: local(r.signedAt), signer: r.signedByName ?? '', reply: n.reply_required ? NOTICE_REPLY_STATUS_LABELS[r.replyStatus] : '—', replied: local(r.replySubmittedAt), late: yesNo(r.replyLate), overdue: yesNo(r.signOverdue || r.replyOverdue) };
    }
  }
  return { name: `${n.title.slice(0, 20)}-签收情况`, rows: sheet() };
}
