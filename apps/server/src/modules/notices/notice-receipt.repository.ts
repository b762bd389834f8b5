import { sql, type SQL } from 'drizzle-orm';
import type { NoticeInboxQuery, NoticeReceiptQuery } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { REPLIED, REPLY_OVERDUE, SIGN_OVERDUE } from './notice.repository.js';
import type { ReceiptRow } from './notice-view.js';

const RECEIPT = sql`SELECT r.*, o.name AS org_name, ${SIGN_OVERDUE} AS sign_overdue, ${REPLY_OVERDUE} AS reply_overdue
  FROM notice_receipts r JOIN notices n ON n.id = r.notice_id JOIN orgs o ON o.id = r.org_id`;

const MATRIX_FILTERS: Record<NoticeReceiptQuery['filter'], SQL> = {
  all: sql`true`,
  unread: sql`r.first_read_at IS NULL`,
  unsigned: sql`r.signed_at IS NULL`,
  signed: sql`r.signed_at IS NOT NULL`,
  unreplied: sql`(n.reply_required AND NOT ${REPLIED})`,
  replied: REPLIED,
  overdue: sql`(${SIGN_OVERDUE} OR ${REPLY_OVERDUE})`,
};

/** The sender's matrix rows of one notice (the notice was checked visible by the caller). */
export async function matrixRows(db: Db, noticeId: string, q: Pick<NoticeReceiptQuery, 'filter' | 'q'>, page: { limit: number; offset: number }): Promise<(ReceiptRow & { total: number })[]> {
  const name = q.q ? sql`AND o.name ILIKE ${`%${q.q}%`}` : sql``;
  return queryRows(
    db,
    sql`SELECT x.*, (count(*) OVER ())::int AS total FROM (${RECEIPT} WHERE r.notice_id = ${noticeId}::uuid AND ${MATRIX_FILTERS[q.filter]} ${name}) x
        ORDER BY (SELECT code FROM orgs WHERE id = x.org_id) LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
}

/** One receipt of a notice (for the sender), locked when asked. */
export async function receiptOfNotice(db: Db, noticeId: string, receiptId: string, lock = false): Promise<ReceiptRow | null> {
  const [row] = await queryRows<ReceiptRow>(db, sql`${RECEIPT} WHERE r.id = ${receiptId}::uuid AND r.notice_id = ${noticeId}::uuid ${lock ? sql`FOR UPDATE OF r` : sql``}`);
  return row ?? null;
}

export interface InboxRow extends ReceiptRow {
  title: string;
  doc_no: string | null;
  category: string;
  urgency: string;
  status: string;
  sender_org_id: string;
  sender_name: string;
  body: string;
  attachments: unknown;
  sign_deadline: Date | string;
  reply_required: boolean;
  reply_deadline: Date | string | null;
  reply_instructions: string | null;
  sent_at: Date | string | null;
  withdrawn_at: Date | string | null;
  withdraw_reason: string | null;
  reply_open: boolean;
  total?: number;
}

const INBOX = sql`SELECT r.*, o.name AS org_name, ${SIGN_OVERDUE} AS sign_overdue, ${REPLY_OVERDUE} AS reply_overdue,
    n.title, n.doc_no, n.category, n.urgency, n.status, n.org_id AS sender_org_id, s.name AS sender_name, n.body, n.attachments,
    n.sign_deadline, n.reply_required, n.reply_deadline, n.reply_instructions, n.sent_at, n.withdrawn_at, n.withdraw_reason,
    (n.reply_deadline IS NOT NULL AND now() <= n.reply_deadline) AS reply_open
  FROM notice_receipts r JOIN notices n ON n.id = r.notice_id JOIN orgs o ON o.id = r.org_id JOIN orgs s ON s.id = n.org_id`;

const INBOX_FILTERS: Record<NoticeInboxQuery['filter'], SQL> = {
  all: sql`true`,
  unread: sql`r.first_read_at IS NULL`,
  unsigned: sql`(n.status = 'sent' AND r.signed_at IS NULL)`,
  overdue: sql`(${SIGN_OVERDUE} OR ${REPLY_OVERDUE})`,
  reply_pending: sql`(n.status = 'sent' AND n.reply_required AND r.reply_status IN ('none','draft','returned'))`,
};

/** The 收文 of one union: receipts addressed to it, newest first. */
export async function inboxRows(db: Db, orgId: string, q: NoticeInboxQuery): Promise<InboxRow[]> {
  const title = q.q ? sql`AND (n.title ILIKE ${`%${q.q}%`} OR n.doc_no ILIKE ${`%${q.q}%`})` : sql``;
  return queryRows(
    db,
    sql`SELECT x.*, (count(*) OVER ())::int AS total FROM (${INBOX} WHERE r.org_id = ${orgId}::uuid AND ${INBOX_FILTERS[q.filter]} ${title}) x
        ORDER BY x.sent_at DESC, x.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
}

/** One receipt addressed to the union, with its notice; null outside (the caller answers 404). */
export async function inboxRow(db: Db, orgId: string, receiptId: string, lock = false): Promise<InboxRow | null> {
  if (lock) await db.execute(sql`SELECT 1 FROM notice_receipts WHERE id = ${receiptId}::uuid FOR UPDATE`);
  const [row] = await queryRows<InboxRow>(db, sql`${INBOX} WHERE r.id = ${receiptId}::uuid AND r.org_id = ${orgId}::uuid`);
  return row ?? null;
}
