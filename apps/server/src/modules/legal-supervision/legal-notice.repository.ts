import { sql, type SQL } from 'drizzle-orm';
import type { Attachment } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

export interface NoticeRow {
  id: string;
  org_id: string;
  org_name: string;
  org_kind: string;
  enterprise_id: string;
  enterprise_name: string;
  district_id: string | null;
  district_name: string | null;
  kind: string;
  status: string;
  category: string;
  addressee: string;
  problem: string;
  legal_basis: string;
  demand: string;
  reply_days: number;
  serial_no: string | null;
  issued_at: string | null;
  delivery_method: string | null;
  delivered_on: string | null;
  receiver: string | null;
  delivery_proof: Attachment[];
  reply_due_on: string | null;
  overdue_at: string | null;
  replied_on: string | null;
  reply_content: string | null;
  rectification: string | null;
  verdict: string | null;
  verdict_note: string | null;
  reply_files: Attachment[];
  closed_at: string | null;
  escalated_at: string | null;
  previous_id: string | null;
  previous_label: string | null;
  next_id: string | null;
  next_kind: string | null;
  version: number;
  created_at: string;
  /** the caller's scope holds the issuing union (it may act on the instrument) */
  issuer_in_scope: boolean;
  total: number;
}

export interface NoticeFilter {
  kind?: string;
  status?: string;
  overdue?: boolean;
  districtId?: string;
  year?: number;
  enterpriseId?: string;
  q?: string;
}

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const ENT_ORG = sql`coalesce(e.union_org_id, e.org_id)`;
const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

/** Visible: issued by a union in scope, or about an enterprise in scope (its history). */
export const noticeScope = (scope: DataScope): SQL => sql`(${scopePredicate(scope, { org: sql`n.org_id` })} OR ${scopePredicate(scope, { org: ENT_ORG })})`;

function whereOf(scope: DataScope, f: NoticeFilter, today: string): SQL {
  const conds: SQL[] = [noticeScope(scope)];
  if (f.kind) conds.push(sql`n.kind = ${f.kind}`);
  if (f.status) conds.push(sql`n.status = ${f.status}`);
  if (f.overdue === true) conds.push(sql`(n.status = 'overdue' OR (n.status = 'delivered' AND n.reply_due_on < ${today}::date))`);
  if (f.overdue === false) conds.push(sql`NOT (n.status = 'overdue' OR (n.status = 'delivered' AND n.reply_due_on < ${today}::date))`);
  if (f.districtId) conds.push(sql`${ENT_ORG} IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.districtId}::uuid)`);
  if (f.year) conds.push(sql`coalesce(n.serial_year, extract(year FROM n.created_at AT TIME ZONE 'Asia/Shanghai')::int) = ${f.year}`);
  if (f.enterpriseId) conds.push(sql`n.enterprise_id = ${f.enterpriseId}::uuid`);
  if (f.q) conds.push(sql`(e.name LIKE ${like(f.q)} OR n.serial_no LIKE ${like(f.q)})`);
  return sql.join(conds, sql` AND `);
}

function selectNotices(scope: DataScope, where: SQL, tail: SQL): SQL {
  return sql`SELECT n.id, n.org_id, o.name AS org_name, o.kind AS org_kind, n.enterprise_id, e.name AS enterprise_name, d.id AS district_id, d.name AS district_name,
      n.kind, n.status, n.category, n.addressee, n.problem, n.legal_basis, n.demand, n.reply_days, n.serial_no, ${iso(sql`n.issued_at`)} AS issued_at,
      n.delivery_method, n.delivered_on::text AS delivered_on, n.receiver, n.delivery_proof, n.reply_due_on::text AS reply_due_on, ${iso(sql`n.overdue_at`)} AS overdue_at,
      n.replied_on::text AS replied_on, n.reply_content, n.rectification, n.verdict, n.verdict_note, n.reply_files, ${iso(sql`n.closed_at`)} AS closed_at,
      ${iso(sql`n.escalated_at`)} AS escalated_at, n.previous_id, (SELECT p.serial_no FROM legal_notices p WHERE p.id = n.previous_id) AS previous_label,
      nx.id AS next_id, nx.kind AS next_kind, n.version, ${iso(sql`n.created_at`)} AS created_at,
      ${scopePredicate(scope, { org: sql`n.org_id` })} AS issuer_in_scope, count(*) OVER ()::int AS total
    FROM legal_notices n JOIN orgs o ON o.id = n.org_id JOIN enterprises e ON e.id = n.enterprise_id
    LEFT JOIN LATERAL (SELECT dd.id, dd.name FROM org_closure c JOIN orgs dd ON dd.id = c.ancestor_id
      WHERE c.descendant_id = ${ENT_ORG} AND c.relation = 'territorial' AND dd.kind = 'district' LIMIT 1) d ON true
    LEFT JOIN legal_notices nx ON nx.previous_id = n.id
    WHERE ${where} ${tail}`;
}

export async function noticeRows(db: Db, scope: DataScope, f: NoticeFilter, today: string, page: number, pageSize: number): Promise<NoticeRow[]> {
  return queryRows<NoticeRow>(db, selectNotices(scope, whereOf(scope, f, today), sql`ORDER BY n.created_at DESC, n.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`));
}

/** One instrument in scope (optionally locked for an update), or null: 404 outside. */
export async function findNotice(db: Db, scope: DataScope, id: string, lock = false): Promise<NoticeRow | null> {
  if (lock) await queryRows(db, sql`SELECT id FROM legal_notices WHERE id = ${id} FOR UPDATE`);
  const [row] = await queryRows<NoticeRow>(db, selectNotices(scope, sql`n.id = ${id}::uuid AND ${noticeScope(scope)}`, sql``));
  return row ?? null;
}

/** The next serial number of a union in a year (callers hold the union-year advisory lock). */
export async function nextSerialSeq(db: Db, orgId: string, year: number): Promise<number> {
  await queryRows(db, sql`SELECT pg_advisory_xact_lock(hashtext(${`legal-notice-serial-${orgId}-${year}`}))`);
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT coalesce(max(serial_seq), 0)::int + 1 AS n FROM legal_notices WHERE org_id = ${orgId} AND serial_year = ${year}`);
  return row!.n;
}

/** Instruments delivered whose reply date has passed, marked overdue (once: the status moves on). */
export async function markOverdue(db: Db, today: string): Promise<{ id: string; org_id: string; kind: string; serial_no: string | null; enterprise_name: string; reply_due_on: string }[]> {
  return queryRows(
    db,
    sql`UPDATE legal_notices n SET status = 'overdue', overdue_at = now(), updated_at = now(), version = n.version + 1
        FROM enterprises e WHERE e.id = n.enterprise_id AND n.status = 'delivered' AND n.reply_due_on < ${today}::date
        RETURNING n.id, n.org_id, n.kind, n.serial_no, e.name AS enterprise_name, n.reply_due_on::text AS reply_due_on`,
  );
}
