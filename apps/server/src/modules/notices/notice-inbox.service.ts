import { sql } from 'drizzle-orm';
import type { NoticeInboxItem, NoticeInboxQuery, ReceivedNotice } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { notify } from '../../platform/notify/notify.service.js';
import { inboxRow, inboxRows, type InboxRow } from './notice-receipt.repository.js';
import { attachmentsOf, dayOf, iso, noticeHeader, receiptFields } from './notice-view.js';

const OBJECT = 'notice_receipt';

function header(r: InboxRow) {
  return noticeHeader({ ...r, id: r.notice_id, org_id: r.sender_org_id, org_name: r.sender_name });
}

export function inboxAbilities(auth: AuthContext, r: InboxRow): ReceivedNotice['abilities'] {
  const live = r.status === 'sent' && auth.permissions.has('notice:inbox:handle');
  const editable = ['none', 'draft', 'returned'].includes(r.reply_status);
  const canSubmitReply = live && r.reply_required && editable;
  return { canSign: live && r.signed_at === null, canReply: canSubmitReply || (live && r.reply_required && r.reply_status === 'submitted' && r.reply_open), canSubmitReply };
}

function inboxItem(r: InboxRow): NoticeInboxItem {
  return { ...header(r), receiptId: r.id, firstReadAt: iso(r.first_read_at), signedAt: iso(r.signed_at), replyStatus: receiptFields(r).replyStatus, signOverdue: r.sign_overdue, replyOverdue: r.reply_overdue };
}

export function receivedView(auth: AuthContext, r: InboxRow): ReceivedNotice {
  return {
    ...header(r),
    receiptId: r.id,
    body: r.body,
    replyInstructions: r.reply_instructions,
    attachments: attachmentsOf(r.attachments),
    withdrawnAt: iso(r.withdrawn_at),
    withdrawReason: r.withdraw_reason,
    receipt: receiptFields(r),
    abilities: inboxAbilities(auth, r),
  };
}

export async function listInbox(db: Db, auth: AuthContext, q: NoticeInboxQuery) {
  const rows = await inboxRows(db, auth.user.orgId, q);
  return { items: rows.map(inboxItem), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

/** A receipt addressed to the caller's union, else 404. */
export async function loadReceived(db: Db, auth: AuthContext, id: string, lock = false): Promise<InboxRow> {
  const r = await inboxRow(db, auth.user.orgId, id, lock);
  if (!r) throw notFound('收文');
  return r;
}

export async function getReceived(db: Db, auth: AuthContext, id: string): Promise<ReceivedNotice> {
  return receivedView(auth, await loadReceived(db, auth, id));
}

/** Opening it: the first read (time + user) is recorded once; later opens change nothing. */
export async function markRead(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<ReceivedNotice> {
  await loadReceived(db, auth, id);
  await db.transaction(async (tx) => {
    const done = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE notice_receipts SET first_read_at = now(), first_read_by = ${auth.user.id}::uuid, first_read_by_name = ${auth.user.name}, updated_at = now()
          WHERE id = ${id}::uuid AND org_id = ${auth.user.orgId}::uuid AND first_read_at IS NULL RETURNING id`,
    );
    if (done.length) await recordAudit(tx, actor, { action: 'data.update', objectType: OBJECT, objectId: id, detail: { step: 'read' } }, true);
  });
  return getReceived(db, auth, id);
}

/**
 * 签收 for the union: the first signer and time are kept; signing again (or a double click racing
 * the first) answers 200 with the same receipt and writes nothing more.
 */
export async function signReceived(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<ReceivedNotice> {
  const r = await loadReceived(db, auth, id);
  if (r.status !== 'sent' && r.signed_at === null) throw conflict('该通知已撤回,不能签收', 'ILLEGAL_TRANSITION');
  await db.transaction(async (tx) => {
    const done = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE notice_receipts r SET signed_at = now(), signed_by = ${auth.user.id}::uuid, signed_by_name = ${auth.user.name},
            first_read_at = coalesce(r.first_read_at, now()), first_read_by = coalesce(r.first_read_by, ${auth.user.id}::uuid), first_read_by_name = coalesce(r.first_read_by_name, ${auth.user.name}), updated_at = now()
          FROM notices n WHERE n.id = r.notice_id AND n.status = 'sent' AND r.id = ${id}::uuid AND r.org_id = ${auth.user.orgId}::uuid AND r.signed_at IS NULL RETURNING r.id`,
    );
    if (done.length) await recordAudit(tx, actor, { action: 'data.update', objectType: OBJECT, objectId: id, detail: { step: 'sign', noticeId: r.notice_id } }, true);
  });
  return getReceived(db, auth, id);
}

/** Saves the 报送说明 (a draft until submitted; a submitted reply stays editable until the deadline or the review). */
export async function saveReply(db: Db, auth: AuthContext, actor: Actor, id: string, text: string): Promise<ReceivedNotice> {
  await db.transaction(async (tx) => {
    const r = await loadReceived(tx, auth, id, true);
    if (!inboxAbilities(auth, r).canReply) throw conflict('当前不能修改报送材料(未要求报送、已撤回、已接收或已过报送期限)', 'ILLEGAL_TRANSITION');
    const [was] = await queryRows<{ reply_text: string | null }>(tx, sql`SELECT reply_text FROM notice_receipts WHERE id = ${id}::uuid`);
    await tx.execute(sql`UPDATE notice_receipts SET reply_text = ${text}, reply_status = CASE WHEN reply_status = 'none' THEN 'draft' ELSE reply_status END, updated_at = now() WHERE id = ${id}::uuid`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: OBJECT, objectId: id, detail: { step: 'reply_edit', chars: text.length, before: { replyText: was?.reply_text ?? null }, after: { replyText: text } } }, true);
  });
  return getReceived(db, auth, id);
}

/** 报送: text or at least one file; late when past the reply deadline (flagged, still taken). */
export async function submitReply(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<ReceivedNotice> {
  await db.transaction(async (tx) => {
    const r = await loadReceived(tx, auth, id, true);
    if (!inboxAbilities(auth, r).canSubmitReply) throw conflict('当前不能报送(未要求报送、已撤回、已报送待审核或已接收)', 'ILLEGAL_TRANSITION');
    if (!r.reply_text?.trim() && attachmentsOf(r.reply_attachments).length === 0) throw invalidField('text', '请填写报送说明或上传报送材料');
    const late = r.reply_deadline !== null && new Date(r.reply_deadline).getTime() < Date.now();
    await tx.execute(sql`UPDATE notice_receipts SET reply_status = 'submitted', reply_submitted_at = now(), reply_submitted_by_name = ${auth.user.name}, reply_late = ${late},
        signed_at = coalesce(signed_at, now()), signed_by = coalesce(signed_by, ${auth.user.id}::uuid), signed_by_name = coalesce(signed_by_name, ${auth.user.name}), updated_at = now() WHERE id = ${id}::uuid`);
    await notify(tx, { orgId: r.sender_org_id, kind: 'notice.replied', title: `${r.org_name}已报送:${r.title}`, body: late ? `逾期报送(期限 ${dayOf(r.reply_deadline!)})` : null, link: `/notices/${r.notice_id}` });
    await recordAudit(tx, actor, { action: 'data.update', objectType: OBJECT, objectId: id, detail: { step: 'reply_submit', late, replyStatus: { from: r.reply_status, to: 'submitted' } } }, true);
  });
  return getReceived(db, auth, id);
}
