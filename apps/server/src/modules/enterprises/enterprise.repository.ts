import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';

export interface EnterpriseRow {
  id: string;
  name: string;
  credit_code: string;
  credit_code_checksum_valid: boolean;
  credit_code_review_status: 'pending' | 'confirmed' | 'rejected' | null;
  credit_code_review_reason: string | null;
  division_code: string;
  address: string | null;
  industry: string | null;
  ownership: string | null;
  employee_count: number;
  non_public: boolean;
  social_organisation: boolean;
  platform_company: boolean;
  org_id: string;
  org_name: string;
  union_org_id: string | null;
  union_org_name: string | null;
  status: string;
  created_at: string;
}

export const enterpriseScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`e.org_id` });

const SELECT = sql`SELECT e.id, e.name, e.credit_code, e.credit_code_checksum_valid, e.credit_code_review_status, e.credit_code_review_reason,
    e.division_code, e.address, e.industry, e.ownership, e.employee_count, e.non_public, e.social_organisation, e.platform_company,
    e.org_id, o.name AS org_name, e.union_org_id, u.name AS union_org_name, e.status,
    to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
  FROM enterprises e JOIN orgs o ON o.id = e.org_id LEFT JOIN orgs u ON u.id = e.union_org_id`;

export async function findEnterpriseRow(db: Db, scope: DataScope, id: string): Promise<EnterpriseRow | null> {
  const [row] = await queryRows<EnterpriseRow>(db, sql`${SELECT} WHERE e.id = ${id} AND ${enterpriseScope(scope)}`);
  return row ?? null;
}

export interface EnterpriseFilter {
  q?: string;
  orgId?: string;
  unionised?: boolean;
  review?: string;
  minEmployees?: number;
  nonPublic?: boolean;
  platformCompany?: boolean;
  includeClosed?: boolean;
}

export function enterpriseWhere(scope: DataScope, f: EnterpriseFilter): SQL {
  const conds: SQL[] = [enterpriseScope(scope)];
  if (!f.includeClosed) conds.push(sql`e.status = 'active'`);
  if (f.q) conds.push(sql`(e.name LIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`} OR e.credit_code = ${f.q.toUpperCase()})`);
  if (f.orgId) conds.push(sql`e.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId})`);
  if (f.unionised !== undefined) conds.push(f.unionised ? sql`e.union_org_id IS NOT NULL` : sql`e.union_org_id IS NULL`);
  if (f.review) conds.push(sql`e.credit_code_review_status = ${f.review}`);
  if (f.minEmployees !== undefined) conds.push(sql`e.employee_count >= ${f.minEmployees}`);
  if (f.nonPublic !== undefined) conds.push(sql`e.non_public = ${f.nonPublic}`);
  if (f.platformCompany !== undefined) conds.push(sql`e.platform_company = ${f.platformCompany}`);
  return sql.join(conds, sql` AND `);
}

export async function listEnterpriseRows(db: Db, scope: DataScope, f: EnterpriseFilter, page: number, pageSize: number): Promise<{ rows: EnterpriseRow[]; total: number }> {
  const where = enterpriseWhere(scope, f);
  const rows = await queryRows<EnterpriseRow>(db, sql`${SELECT} WHERE ${where} ORDER BY e.employee_count DESC, e.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises e WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

/** The 区县(市) union that carries a division code, if any. */
export async function districtForDivision(db: Db, divisionCode: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE kind = 'district' AND division_code = ${divisionCode} AND status = 'active' LIMIT 1`);
  return row?.id ?? null;
}
