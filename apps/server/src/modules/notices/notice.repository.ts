import { sql, type SQL } from 'drizzle-orm';
import type { NoticeListQuery } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

export interface NoticeRow {
  id: string;
  org_id: string;
  org_name: string;
  title: string;
  doc_no: string | null;
  body: string;
  category: string;
  urgency: string;
  attachments: unknown;
  target: unknown;
  sign_deadline: Date | string;
  reply_required: boolean;
  reply_deadline: Date | string | null;
  reply_instructions: string | null;
  status: string;
  recipient_count: number;
  sent_at: Date | string | null;
  sent_by_name: string | null;
  withdrawn_at: Date | string | null;
  withdrawn_by_name: string | null;
  withdraw_reason: string | null;
  created_by_name: string | null;
  created_at: Date | string;
  recipients: number;
  read: number;
  signed: number;
  replied: number;
  overdue: number;
  total?: number;
}

/** A receipt is overdue when unsigned past the sign deadline, or its 报送 is missing past the reply deadline (sent notices only). */
export const SIGN_OVERDUE = sql`(n.status = 'sent' AND r.signed_at IS NULL AND n.sign_deadline < now())`;
export const REPLY_OVERDUE = sql`(n.status = 'sent' AND n.reply_required AND r.reply_status NOT IN ('submitted','accepted') AND n.reply_deadline < now())`;
export const REPLIED = sql`r.reply_status IN ('submitted','accepted')`;

const TOTALS = sql`LEFT JOIN LATERAL (
    SELECT count(*)::int AS recipients, count(r.first_read_at)::int AS read, count(r.signed_at)::int AS signed,
           (count(*) FILTER (WHERE ${REPLIED}))::int AS replied,
           (count(*) FILTER (WHERE ${SIGN_OVERDUE} OR ${REPLY_OVERDUE}))::int AS overdue
    FROM notice_receipts r WHERE r.notice_id = n.id) t ON true`;

/** What the sender side sees: its own union's notices (drafts too), and sent notices of orgs in its scope (read-only). */
export function senderVisible(auth: AuthContext): SQL {
  return sql`(n.org_id = ${auth.user.orgId}::uuid OR (n.status <> 'draft' AND ${scopePredicate(auth.scope, { org: sql`n.org_id` })}))`;
}

const COLUMNS = sql`n.*, o.name AS org_name, t.recipients, t.read, t.signed, t.replied, t.overdue`;
const FROM = sql`FROM notices n JOIN orgs o ON o.id = n.org_id ${TOTALS}`;
const SELECT = sql`SELECT ${COLUMNS} ${FROM}`;

export async function findNotice(db: Db, auth: AuthContext, id: string, lock = false): Promise<NoticeRow | null> {
  if (lock) await db.execute(sql`SELECT 1 FROM notices WHERE id = ${id}::uuid FOR UPDATE`);
  const [row] = await queryRows<NoticeRow>(db, sql`${SELECT} WHERE n.id = ${id}::uuid AND ${senderVisible(auth)}`);
  return row ?? null;
}

export async function noticeRows(db: Db, auth: AuthContext, q: NoticeListQuery): Promise<NoticeRow[]> {
  const where: SQL[] = [senderVisible(auth)];
  where.push(q.box === 'own' ? sql`n.org_id = ${auth.user.orgId}::uuid` : sql`n.org_id <> ${auth.user.orgId}::uuid`);
  if (q.status) where.push(sql`n.status = ${q.status}`);
  if (q.category) where.push(sql`n.category = ${q.category}`);
  if (q.q) where.push(sql`(n.title ILIKE ${`%${q.q}%`} OR n.doc_no ILIKE ${`%${q.q}%`})`);
  return queryRows<NoticeRow>(
    db,
    sql`SELECT ${COLUMNS}, (count(*) OVER ())::int AS total ${FROM}
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY coalesce(n.sent_at, n.created_at) DESC, n.id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
}
