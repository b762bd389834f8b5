import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import type { StoredFamilyMember } from './household-facts.js';

/** A household as read for display, with its head (masked) and units. */
export interface HouseholdRow {
  id: string;
  head_member_id: string;
  head_name: string;
  head_id_card: string;
  org_id: string;
  org_name: string;
  district_code: string | null;
  district_name: string | null;
  status: 'active' | 'review_due' | 'exited';
  tier: 'deep' | 'relative' | 'accident' | null;
  household_size: number;
  total_income_fen: number;
  per_capita_monthly_fen: number;
  line_monthly_fen: number;
  line_year: number;
  tier_reason: string;
  monthly_income: { month: string; amountFen: number }[];
  family_members: StoredFamilyMember[];
  car_value_fen: number;
  commercial_homes: number;
  causes: string[];
  cause_note: string | null;
  evidence_types: string[];
  note: string | null;
  established_on: string;
  last_reviewed_on: string;
  next_review_on: string;
  exited_on: string | null;
  exit_reason: string | null;
  exit_note: string | null;
  version: number;
  created_at: string;
}

export interface HouseholdReviewRow {
  id: string;
  kind: 'establish' | 'update' | 'review' | 'exit';
  on: string;
  at: string;
  username: string | null;
  org_name: string | null;
  eligible: boolean | null;
  tier: 'deep' | 'relative' | 'accident' | null;
  household_size: number | null;
  total_income_fen: number | null;
  per_capita_monthly_fen: number | null;
  line_monthly_fen: number | null;
  reason: string | null;
  opinion: string | null;
}

/** Visible: the household's union is in scope, or the caller created it, or the caller is its head. */
export const householdScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`h.org_id`, owner: sql`h.created_by`, member: sql`h.head_member_id` });

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const SELECT = sql`SELECT h.id, h.head_member_id, m.name AS head_name, m.id_card_masked AS head_id_card, h.org_id, o.name AS org_name,
    h.district_code, (SELECT d.name FROM orgs d WHERE d.kind = 'district' AND d.division_code = h.district_code ORDER BY d.created_at LIMIT 1) AS district_name,
    h.status, h.tier, h.household_size, h.total_income_fen::float8 AS total_income_fen, h.per_capita_monthly_fen::float8 AS per_capita_monthly_fen,
    h.line_monthly_fen, h.line_year, h.tier_reason, h.monthly_income, h.family_members, h.car_value_fen::float8 AS car_value_fen, h.commercial_homes,
    h.causes, h.cause_note, h.evidence_types, h.note, h.established_on::text AS established_on, h.last_reviewed_on::text AS last_reviewed_on,
    h.next_review_on::text AS next_review_on, h.exited_on::text AS exited_on, h.exit_reason, h.exit_note, h.version, ${iso(sql`h.created_at`)} AS created_at
  FROM hardship_households h JOIN members m ON m.id = h.head_member_id JOIN orgs o ON o.id = h.org_id`;

export async function findHouseholdRow(db: Db, scope: DataScope, id: string): Promise<HouseholdRow | null> {
  const [row] = await queryRows<HouseholdRow>(db, sql`${SELECT} WHERE h.id = ${id} AND ${householdScope(scope)}`);
  return row ?? null;
}

export interface HouseholdFilter {
  search: SQL | null;
  tier?: string;
  status: string;
  /** overdue or due on/before this date */
  dueBy?: string;
  districtCode?: string;
  orgId?: string;
}

export function householdWhere(scope: DataScope, f: HouseholdFilter): SQL {
  const conds: SQL[] = [householdScope(scope)];
  if (f.search) conds.push(f.search);
  if (f.tier) conds.push(sql`h.tier = ${f.tier}`);
  if (f.status === 'current') conds.push(sql`h.status <> 'exited'`);
  else if (f.status !== 'all') conds.push(sql`h.status = ${f.status}`);
  if (f.dueBy) conds.push(sql`h.status <> 'exited' AND h.next_review_on <= ${f.dueBy}::date`);
  if (f.districtCode) conds.push(sql`h.district_code = ${f.districtCode}`);
  if (f.orgId) conds.push(sql`h.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId})`);
  return sql.join(conds, sql` AND `);
}

/** Newest first; review-due households are not reordered (the list shows a warning per row). */
export async function listHouseholdRows(db: Db, where: SQL, page: number, pageSize: number): Promise<{ rows: HouseholdRow[]; total: number }> {
  const rows = await queryRows<HouseholdRow>(db, sql`${SELECT} WHERE ${where} ORDER BY h.created_at DESC, h.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  if (page === 1 && rows.length < pageSize) return { rows, total: rows.length };
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM hardship_households h JOIN members m ON m.id = h.head_member_id WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

export async function countHouseholds(db: Db, where: SQL): Promise<number> {
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM hardship_households h JOIN members m ON m.id = h.head_member_id WHERE ${where}`);
  return c?.n ?? 0;
}

/** Streams matching rows in pages of `pageSize` (exports), keyed by id. */
export async function* iterateHouseholdRows(db: Db, where: SQL, pageSize = 1000): AsyncGenerator<HouseholdRow> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<HouseholdRow>(db, sql`${SELECT} WHERE ${where} AND h.id > ${after}::uuid ORDER BY h.id LIMIT ${pageSize}`);
    for (const r of rows) yield r;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

export async function householdReviewRows(db: Db, householdId: string): Promise<HouseholdReviewRow[]> {
  return queryRows<HouseholdReviewRow>(
    db,
    sql`SELECT id::text AS id, kind, "on"::text AS "on", ${iso(sql`at`)} AS at, username, org_name, eligible, tier, household_size,
          total_income_fen::float8 AS total_income_fen, per_capita_monthly_fen::float8 AS per_capita_monthly_fen, line_monthly_fen, reason, opinion
        FROM hardship_household_reviews WHERE household_id = ${householdId} ORDER BY id DESC`,
  );
}
