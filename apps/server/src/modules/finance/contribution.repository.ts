import { sql, type SQL } from 'drizzle-orm';
import type { ContributionArrearsQuery, ContributionListQuery } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { monthIndex } from './contribution-rules.js';

/** An enterprise belongs to its org: every query is scoped by e.org_id. */
export const enterpriseInScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`e.org_id` });

/** The 区县(市) of an org (its territorial ancestor of kind district). */
export const districtNameOf = (org: SQL): SQL =>
  sql`(SELECT dn.name FROM org_closure dc JOIN orgs dn ON dn.id = dc.ancestor_id WHERE dc.descendant_id = ${org} AND dc.relation = 'territorial' AND dn.kind = 'district' LIMIT 1)`;

const escapeLike = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;
const under = (orgId: string): SQL => sql`e.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${orgId})`;

export interface DeclarationRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  credit_code: string;
  union_org_id: string;
  union_org_name: string;
  district_name: string | null;
  period_month: number;
  payroll_fen: string;
  rate_bp: number;
  amount_fen: string;
  status: 'declared' | 'paid';
  declared_at: string;
  paid_on: string | null;
  payment_reference: string | null;
  note: string | null;
  total: number;
}

const SELECT = sql`SELECT d.id, d.enterprise_id, e.name AS enterprise_name, e.credit_code, d.union_org_id, u.name AS union_org_name, ${districtNameOf(sql`e.org_id`)} AS district_name,
    d.period_month, d.payroll_fen::text, d.rate_bp, d.amount_fen::text, d.status,
    to_char(d.declared_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS declared_at, d.paid_on::text AS paid_on, d.payment_reference, d.note`;
const FROM = sql`FROM contribution_declarations d JOIN enterprises e ON e.id = d.enterprise_id JOIN orgs u ON u.id = d.union_org_id`;

export async function findDeclarationRow(db: Db, scope: DataScope, id: string, lock = false): Promise<DeclarationRow | null> {
  const [row] = await queryRows<DeclarationRow>(db, sql`${SELECT}, 0 AS total ${FROM} WHERE d.id = ${id} AND ${enterpriseInScope(scope)} ${lock ? sql`FOR UPDATE OF d` : sql``}`);
  return row ?? null;
}

export async function listDeclarationRows(db: Db, scope: DataScope, f: Omit<ContributionListQuery, 'page' | 'pageSize'>, page: number, pageSize: number): Promise<DeclarationRow[]> {
  const conds: SQL[] = [enterpriseInScope(scope)];
  if (f.q) conds.push(sql`(e.name LIKE ${escapeLike(f.q)} OR e.credit_code = ${f.q.toUpperCase()})`);
  if (f.orgId) conds.push(under(f.orgId));
  if (f.year) conds.push(sql`d.period_month BETWEEN ${f.year * 12} AND ${f.year * 12 + 11}`);
  if (f.period) conds.push(sql`d.period_month = ${monthIndex(f.period)}`);
  if (f.status) conds.push(sql`d.status = ${f.status}`);
  return queryRows<DeclarationRow>(
    db,
    sql`${SELECT}, count(*) OVER ()::int AS total ${FROM} WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY d.period_month DESC, e.name, d.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
}

export interface AllocationRow {
  level: string;
  org_id: string | null;
  org_name: string | null;
  amount_fen: string;
  entry_id: string | null;
}

export const allocationRows = (db: Db, declarationId: string): Promise<AllocationRow[]> =>
  queryRows<AllocationRow>(
    db,
    sql`SELECT a.level, a.org_id, o.name AS org_name, a.amount_fen::text, a.entry_id::text FROM contribution_allocations a LEFT JOIN orgs o ON o.id = a.org_id
        WHERE a.declaration_id = ${declarationId}
        ORDER BY array_position(ARRAY['grassroots','street','district','city','province'], a.level)`,
  );

export interface ArrearsRow {
  enterprise_id: string;
  enterprise_name: string;
  union_org_id: string;
  union_org_name: string;
  district_name: string | null;
  period_month: number;
  declaration_id: string | null;
  amount_fen: string | null;
  reminded_count: number;
  last_reminded_at: string | null;
  total: number;
}

/**
 * 欠缴: for each 拨缴单位 (active, with a union) and each month from its first owed month to the
 * last month past its due day, a month with no declaration or declared but not received.
 */
export function arrearsSql(scope: DataScope, f: Omit<ContributionArrearsQuery, 'page' | 'pageSize'> & { enterpriseId?: string; unremindedOnly?: boolean }, lastMonth: number): SQL {
  const conds: SQL[] = [enterpriseInScope(scope), sql`e.status = 'active'`, sql`e.union_org_id IS NOT NULL`, sql`(d.id IS NULL OR d.status = 'declared')`];
  if (f.q) conds.push(sql`(e.name LIKE ${escapeLike(f.q)} OR e.credit_code = ${f.q.toUpperCase()})`);
  if (f.orgId) conds.push(under(f.orgId));
  if (f.enterpriseId) conds.push(sql`e.id = ${f.enterpriseId}`);
  if (f.kind) conds.push(f.kind === 'missing' ? sql`d.id IS NULL` : sql`d.id IS NOT NULL`);
  if (f.year) conds.push(sql`m.m BETWEEN ${f.year * 12} AND ${f.year * 12 + 11}`);
  if (f.unremindedOnly) conds.push(sql`r.enterprise_id IS NULL`);
  return sql`SELECT e.id AS enterprise_id, e.name AS enterprise_name, e.union_org_id, u.name AS union_org_name, ${districtNameOf(sql`e.org_id`)} AS district_name,
      m.m AS period_month, d.id AS declaration_id, d.amount_fen::text AS amount_fen, coalesce(r.count, 0)::int AS reminded_count,
      to_char(r.last_sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_reminded_at
    FROM contribution_payers p JOIN enterprises e ON e.id = p.enterprise_id JOIN orgs u ON u.id = e.union_org_id
    CROSS JOIN LATERAL generate_series(p.since_month, ${lastMonth}::int) AS m(m)
    LEFT JOIN contribution_declarations d ON d.enterprise_id = e.id AND d.period_month = m.m
    LEFT JOIN contribution_reminders r ON r.enterprise_id = e.id AND r.period_month = m.m
    WHERE ${sql.join(conds, sql` AND `)}`;
}

export async function listArrearsRows(db: Db, scope: DataScope, f: Omit<ContributionArrearsQuery, 'page' | 'pageSize'>, lastMonth: number, page: number, pageSize: number): Promise<ArrearsRow[]> {
  return queryRows<ArrearsRow>(
    db,
    sql`SELECT a.*, count(*) OVER ()::int AS total FROM (${arrearsSql(scope, f, lastMonth)}) a
        ORDER BY a.period_month, a.enterprise_name, a.enterprise_id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
}
