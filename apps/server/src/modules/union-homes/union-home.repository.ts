import { sql, type SQL } from 'drizzle-orm';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/** Days before the due date from which a home is listed as due for re-evaluation. */
export const DUE_WINDOW_DAYS = 90;

export interface HomeListRow {
  org_id: string;
  org_name: string;
  district_name: string | null;
  venue_name: string | null;
  area_m2: number | null;
  assessment_id: string | null;
  cycle_year: number | null;
  status: string | null;
  grade_code: string | null;
  grade_version_id: string | null;
  final_score: number | null;
  due_date: string | null;
  due: boolean;
  total: number;
}

/**
 * Homes in scope with their latest assessment (any live status) and their standing grade (the
 * latest confirmed one). `due`: never assessed, revoked, or the grade runs out within the window.
 */
const HOMES = (templateId: string, scope: DataScope, today: string) => sql`
  WITH h AS (
    SELECT h.org_id, h.venue_name, h.area_m2, o.name AS org_name,
      (SELECT d.name FROM org_closure c JOIN orgs d ON d.id = c.ancestor_id WHERE c.descendant_id = h.org_id AND c.relation = 'territorial' AND d.kind = 'district' LIMIT 1) AS district_name,
      (SELECT c.ancestor_id FROM org_closure c JOIN orgs d ON d.id = c.ancestor_id WHERE c.descendant_id = h.org_id AND c.relation = 'territorial' AND d.kind = 'district' LIMIT 1) AS district_id
    FROM union_homes h JOIN orgs o ON o.id = h.org_id
    WHERE ${scopePredicate(scope, { org: sql`h.org_id` })}
  ), latest AS (
    SELECT DISTINCT ON (a.subject_id) a.subject_id, a.id, a.cycle_year, a.status, a.due_date FROM assessments a
    WHERE a.template_id = ${templateId} AND a.status <> 'withdrawn' ORDER BY a.subject_id, a.cycle_year DESC, a.created_at DESC
  ), graded AS (
    SELECT DISTINCT ON (a.subject_id) a.subject_id, a.grade_code, a.version_id, a.final_score, a.due_date FROM assessments a
    WHERE a.template_id = ${templateId} AND a.status = 'confirmed' ORDER BY a.subject_id, a.cycle_year DESC, a.confirmed_at DESC
  )
  SELECT h.*, l.id AS assessment_id, l.cycle_year, l.status, g.grade_code, g.version_id AS grade_version_id, g.final_score, coalesce(g.due_date, l.due_date)::text AS due_date,
    (l.id IS NULL OR l.status = 'revoked' OR (l.status = 'confirmed' AND l.due_date <= ${today}::date + ${DUE_WINDOW_DAYS}::int)) AS due
  FROM h LEFT JOIN latest l ON l.subject_id = h.org_id LEFT JOIN graded g ON g.subject_id = h.org_id`;

export interface HomeFilter {
  districtId?: string;
  grade?: string;
  status?: string;
  due?: boolean;
  q?: string;
}

export async function listHomeRows(db: Db, templateId: string, scope: DataScope, today: string, f: HomeFilter, page: number, pageSize: number): Promise<HomeListRow[]> {
  const conds: SQL[] = [sql`true`];
  if (f.districtId) conds.push(sql`x.district_id = ${f.districtId}`);
  if (f.grade) conds.push(f.grade === 'none' ? sql`x.grade_code IS NULL` : sql`x.grade_code = ${f.grade}`);
  if (f.status) conds.push(sql`x.status = ${f.status}`);
  if (f.due) conds.push(sql`x.due`);
  if (f.q) conds.push(sql`(x.org_name LIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`} OR x.venue_name LIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`})`);
  return queryRows<HomeListRow>(
    db,
    sql`SELECT x.*, count(*) OVER ()::int AS total FROM (${HOMES(templateId, scope, today)}) x WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY x.district_name NULLS LAST, x.org_name, x.org_id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
}

/** Homes by district and standing grade, in one statement. */
export async function gradeCounts(db: Db, templateId: string, scope: DataScope, today: string): Promise<{ district_id: string | null; district_name: string | null; grade: string; n: number; due: number }[]> {
  return queryRows(
    db,
    sql`SELECT x.district_id, x.district_name, coalesce(x.grade_code, 'none') AS grade, count(*)::int AS n, count(*) FILTER (WHERE x.due)::int AS due
        FROM (${HOMES(templateId, scope, today)}) x GROUP BY x.district_id, x.district_name, coalesce(x.grade_code, 'none') ORDER BY x.district_name`,
  );
}

export interface HomeRow {
  id: string;
  org_id: string;
  venue_name: string;
  address: string;
  area_m2: number;
  facilities: string[];
  annual_funds_fen: number;
  activities_held: number;
  staff_count: number;
  chair_name: string;
  rules: string[];
  membership_rate_entered: number | null;
  version: number;
}

export async function findHomeRow(db: Db, orgId: string): Promise<HomeRow | null> {
  const [row] = await queryRows<HomeRow>(
    db,
    sql`SELECT id, org_id, venue_name, address, area_m2, facilities, annual_funds_fen::float8 AS annual_funds_fen, activities_held, staff_count, chair_name, rules, membership_rate_entered, version
        FROM union_homes WHERE org_id = ${orgId}`,
  );
  return row ?? null;
}

/** A grassroots union in scope with its district, or null. */
export async function findUnionInScope(db: Db, scope: DataScope, orgId: string): Promise<{ id: string; name: string; district_name: string | null } | null> {
  const [row] = await queryRows<{ id: string; name: string; district_name: string | null }>(
    db,
    sql`SELECT o.id, o.name, (SELECT d.name FROM org_closure c JOIN orgs d ON d.id = c.ancestor_id WHERE c.descendant_id = o.id AND c.relation = 'territorial' AND d.kind = 'district' LIMIT 1) AS district_name
        FROM orgs o WHERE o.id = ${orgId} AND o.kind = 'grassroots' AND ${scopePredicate(scope, { org: sql`o.id` })}`,
  );
  return row ?? null;
}

export interface HistoryRow {
  id: string;
  cycle_year: number;
  status: string;
  grade_code: string | null;
  final_score: number | null;
  due_date: string | null;
  version: number;
  version_id: string;
}

export const historyRows = (db: Db, templateId: string, orgId: string): Promise<HistoryRow[]> =>
  queryRows<HistoryRow>(
    db,
    sql`SELECT a.id, a.cycle_year, a.status, a.grade_code, a.final_score, a.due_date::text AS due_date, v.version, a.version_id
        FROM assessments a JOIN assessment_template_versions v ON v.id = a.version_id
        WHERE a.template_id = ${templateId} AND a.subject_id = ${orgId} AND a.status <> 'withdrawn' ORDER BY a.cycle_year DESC, a.created_at DESC`,
  );
