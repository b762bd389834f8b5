import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';

/** A member row as read for display: masked columns only, never ciphertext. */
export interface MemberRow {
  id: string;
  org_id: string;
  org_name: string;
  name: string;
  id_card_masked: string;
  phone_masked: string | null;
  bank_account_masked: string | null;
  gender: 'male' | 'female';
  birth_date: string;
  status: string;
  status_date: string | null;
  status_reason: string | null;
  card_no: string;
  joined_at: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  migrant_worker: boolean;
  frontline: boolean;
  new_employment_form: boolean;
  model_worker: boolean;
  skill_level: string | null;
  education: string | null;
  version: number;
  created_at: string;
}

export const memberScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`m.org_id`, member: sql`m.id` });

const SELECT = sql`SELECT m.id, m.org_id, o.name AS org_name, m.name, m.id_card_masked, m.phone_masked, m.bank_account_masked,
    m.gender, m.birth_date::text AS birth_date, m.status, m.status_date::text AS status_date, m.status_reason, m.card_no,
    m.joined_at::text AS joined_at, m.enterprise_id, e.name AS enterprise_name, m.migrant_worker, m.frontline,
    m.new_employment_form, m.model_worker, m.skill_level, m.education, m.version,
    to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
  FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN enterprises e ON e.id = m.enterprise_id`;

export async function findMemberRow(db: Db, scope: DataScope, id: string): Promise<MemberRow | null> {
  const [row] = await queryRows<MemberRow>(db, sql`${SELECT} WHERE m.id = ${id} AND ${memberScope(scope)}`);
  return row ?? null;
}

export interface MemberFilter {
  search: SQL | null;
  orgId?: string;
  status: string;
  migrantWorker?: boolean;
  frontline?: boolean;
  newEmploymentForm?: boolean;
  page: number;
  pageSize: number;
}

export function memberWhere(scope: DataScope, f: Omit<MemberFilter, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [memberScope(scope)];
  if (f.search) conds.push(f.search);
  if (f.orgId) conds.push(sql`m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId})`);
  if (f.status !== 'all') conds.push(sql`m.status = ${f.status}`);
  if (f.migrantWorker !== undefined) conds.push(sql`m.migrant_worker = ${f.migrantWorker}`);
  if (f.frontline !== undefined) conds.push(sql`m.frontline = ${f.frontline}`);
  if (f.newEmploymentForm !== undefined) conds.push(sql`m.new_employment_form = ${f.newEmploymentForm}`);
  return sql.join(conds, sql` AND `);
}

export async function listMemberRows(db: Db, scope: DataScope, f: MemberFilter): Promise<{ rows: MemberRow[]; total: number }> {
  const where = memberWhere(scope, f);
  const rows = await queryRows<MemberRow>(db, sql`${SELECT} WHERE ${where} ORDER BY m.created_at DESC, m.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  if (f.page === 1 && rows.length < f.pageSize) return { rows, total: rows.length };
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM members m WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

/** Streams matching rows in pages (exports): never the whole result in memory. */
export async function* iterateMemberRows(db: Db, where: SQL, pageSize = 2000): AsyncGenerator<MemberRow & { id_card_enc: string; phone_enc: string | null; bank_account_enc: string | null }> {
  let after = '';
  for (;;) {
    const rows = await queryRows<MemberRow & { id_card_enc: string; phone_enc: string | null; bank_account_enc: string | null }>(
      db,
      sql`SELECT x.*, mm.id_card_enc, mm.phone_enc, mm.bank_account_enc FROM (${SELECT} WHERE ${where} AND m.id > ${after || '00000000-0000-0000-0000-000000000000'}::uuid ORDER BY m.id LIMIT ${pageSize}) x
          JOIN members mm ON mm.id = x.id ORDER BY x.id`,
    );
    for (const r of rows) yield r;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
