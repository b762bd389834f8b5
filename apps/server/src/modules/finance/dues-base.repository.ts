import { sql, type SQL } from 'drizzle-orm';
import type { DuesBaseListQuery, DuesExemptReason, EmployerType } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import type { DuesWageItemValue } from './dues.schema.js';

export interface DuesBaseListRow {
  member_id: string;
  member_name: string;
  card_no: string;
  org_id: string;
  org_name: string;
  base_id: string | null;
  employer_type: EmployerType | null;
  items: DuesWageItemValue[] | null;
  wage_fen: string | null;
  monthly_dues_fen: string | null;
  version: number | null;
}

export interface DuesExemptionRow {
  id: string;
  member_id: string;
  org_id: string;
  reason: DuesExemptReason;
  note: string | null;
  from_month: string;
  to_month: string;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** Active members in scope (the member's union), with the year's base joined when set. */
function baseWhere(scope: DataScope, f: Omit<DuesBaseListQuery, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [sql`m.status = 'active'`, scopePredicate(scope, { org: sql`m.org_id` })];
  if (f.orgId) conds.push(sql`m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId}::uuid)`);
  if (f.q) conds.push(sql`(m.name LIKE ${`%${escapeLike(f.q)}%`} OR m.card_no = ${f.q})`);
  if (f.state === 'set') conds.push(sql`b.id IS NOT NULL`);
  if (f.state === 'unset') conds.push(sql`b.id IS NULL`);
  return sql.join(conds, sql` AND `);
}

const from = (year: number) => sql`FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN dues_wage_bases b ON b.member_id = m.id AND b.year = ${year}`;

export async function duesBaseRows(db: Db, scope: DataScope, f: DuesBaseListQuery): Promise<{ rows: DuesBaseListRow[]; total: number }> {
  const where = baseWhere(scope, f);
  const rows = await queryRows<DuesBaseListRow>(
    db,
    sql`SELECT m.id AS member_id, m.name AS member_name, m.card_no, m.org_id, o.name AS org_name, b.id AS base_id, b.employer_type, b.items,
          b.wage_fen::text AS wage_fen, b.monthly_dues_fen::text AS monthly_dues_fen, b.version
        ${from(f.year)} WHERE ${where} ORDER BY o.name, m.card_no LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
  );
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from(f.year)} WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

/** The exemptions of these members, oldest first. */
export async function exemptionsOf(db: Db, memberIds: string[]): Promise<DuesExemptionRow[]> {
  if (!memberIds.length) return [];
  return queryRows<DuesExemptionRow>(
    db,
    sql`SELECT id, member_id, org_id, reason, note, from_month, to_month FROM dues_exemptions
        WHERE member_id IN (${sql.join(memberIds.map((id) => sql`${id}::uuid`), sql`, `)}) ORDER BY from_month, created_at`,
  );
}

/** A member in the caller's scope (any status), or null. */
export async function scopedMember(db: Db, scope: DataScope, memberId: string): Promise<{ id: string; org_id: string; name: string; status: string } | null> {
  const [m] = await queryRows<{ id: string; org_id: string; name: string; status: string }>(
    db,
    sql`SELECT m.id, m.org_id, m.name, m.status FROM members m WHERE m.id = ${memberId} AND ${scopePredicate(scope, { org: sql`m.org_id` })}`,
  );
  return m ?? null;
}

export async function scopedBase(db: Db, scope: DataScope, id: string): Promise<{ id: string; member_id: string; org_id: string; year: number; employer_type: EmployerType; items: DuesWageItemValue[]; wage_fen: string; monthly_dues_fen: string; version: number } | null> {
  const [b] = await queryRows<{ id: string; member_id: string; org_id: string; year: number; employer_type: EmployerType; items: DuesWageItemValue[]; wage_fen: string; monthly_dues_fen: string; version: number }>(
    db,
    sql`SELECT b.id, b.member_id, b.org_id, b.year, b.employer_type, b.items, b.wage_fen::text AS wage_fen, b.monthly_dues_fen::text AS monthly_dues_fen, b.version
        FROM dues_wage_bases b WHERE b.id = ${id} AND ${scopePredicate(scope, { org: sql`b.org_id` })}`,
  );
  return b ?? null;
}
