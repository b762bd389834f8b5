import { sql, type SQL } from 'drizzle-orm';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { assessmentScope } from '../../platform/assessment/assessment.repository.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

const DISTRICT = (org: SQL) =>
  sql`(SELECT d.name FROM org_closure c JOIN orgs d ON d.id = c.ancestor_id WHERE c.descendant_id = ${org} AND c.relation = 'territorial' AND d.kind = 'district' LIMIT 1)`;

export interface CsrRow {
  id: string;
  subject_id: string;
  subject_name: string;
  org_name: string;
  district_name: string | null;
  cycle_year: number;
  status: string;
  self_score: number | null;
  final_score: number | null;
  grade_code: string | null;
  version_id: string;
  confirmed_at: string | null;
  total: number;
}

export interface CsrFilter {
  cycleYear?: number;
  status?: string;
  q?: string;
}

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

/** Assessments of one template in scope, newest year first (the staff list and the published list). */
export async function csrRows(db: Db, templateId: string, scope: DataScope, f: CsrFilter, page: number, pageSize: number): Promise<CsrRow[]> {
  const conds: SQL[] = [sql`a.template_id = ${templateId}`, assessmentScope(scope), sql`a.status <> 'withdrawn'`];
  if (f.cycleYear) conds.push(sql`a.cycle_year = ${f.cycleYear}`);
  if (f.status) conds.push(sql`a.status = ${f.status}`);
  if (f.q) conds.push(sql`a.subject_name LIKE ${like(f.q)}`);
  return queryRows<CsrRow>(
    db,
    sql`SELECT a.id, a.subject_id, a.subject_name, o.name AS org_name, ${DISTRICT(sql`a.org_id`)} AS district_name, a.cycle_year, a.status, a.self_score, a.final_score,
          a.grade_code, a.version_id, to_char(a.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS confirmed_at, count(*) OVER ()::int AS total
        FROM assessments a JOIN orgs o ON o.id = a.org_id WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY a.cycle_year DESC, a.final_score DESC NULLS LAST, a.subject_name, a.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
}

export interface EnterpriseRef {
  id: string;
  name: string;
  /** the union that covers it, else the territorial union responsible for it */
  org_id: string;
}

/** An active enterprise in scope (by its covering or responsible union), or null. */
export async function findEnterpriseInScope(db: Db, scope: DataScope, id: string): Promise<EnterpriseRef | null> {
  const [row] = await queryRows<EnterpriseRef>(
    db,
    sql`SELECT e.id, e.name, coalesce(e.union_org_id, e.org_id) AS org_id FROM enterprises e
        WHERE e.id = ${id} AND e.status = 'active' AND ${scopePredicate(scope, { org: sql`coalesce(e.union_org_id, e.org_id)` })}`,
  );
  return row ?? null;
}

/** Whether the enterprise holds a confirmed result of a template with the given grade in or before a year. */
export async function holdsGrade(db: Db, templateId: string, enterpriseId: string, gradeCode: string, upToYear: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM assessments WHERE template_id = ${templateId} AND subject_id = ${enterpriseId} AND status = 'confirmed' AND grade_code = ${gradeCode} AND cycle_year <= ${upToYear} LIMIT 1`,
  );
  return rows.length > 0;
}
