import { sql, type SQL } from 'drizzle-orm';
import type { CondolenceCategory, CondolenceOccasion } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { shortfallsAgainst, type CategoryFigures } from './condolence-rules.js';

export interface PlanRow {
  id: string;
  org_id: string;
  org_name: string;
  org_kind: string;
  year: number;
  occasion: CondolenceOccasion;
  occasion_name: string;
  note: string | null;
  override: unknown;
  created_at: string;
  status: string;
  step_key: string | null;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  step_due_date: string | null;
  headcount: number;
  planned_fen: number;
}

export interface CategoryRow extends CategoryFigures {
  planId: string;
  goodsDescription: string | null;
}

/**
 * The plans a caller sees: those of orgs in their scope, and the approved plans of the orgs above
 * them (the plans their visits are recorded against).
 */
export const planVisible = (auth: AuthContext): SQL =>
  sql`(${scopePredicate(auth.scope, { org: sql`p.org_id` })} OR (w.status = 'approved' AND p.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${auth.user.orgId}::uuid)))`;

const FROM = sql`FROM condolence_plans p
  JOIN orgs o ON o.id = p.org_id
  JOIN workflow_instances w ON w.business_type = 'condolence.plan' AND w.business_id = p.id
  LEFT JOIN orgs ao ON ao.id = w.assignee_org_id`;

const SELECT = sql`SELECT p.id, p.org_id, o.name AS org_name, o.kind AS org_kind, p.year, p.occasion, p.occasion_name, p.note, p.override,
    to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
    w.status, w.step_key, w.assignee_org_id, ao.name AS assignee_org_name, w.step_due_date::text AS step_due_date,
    coalesce((SELECT sum(c.headcount) FROM condolence_plan_categories c WHERE c.plan_id = p.id), 0)::int AS headcount,
    coalesce((SELECT sum(c.headcount * c.money_per_head_fen) FROM condolence_plan_categories c WHERE c.plan_id = p.id), 0)::float8 AS planned_fen`;

export async function findPlanRow(db: Db, auth: AuthContext, id: string): Promise<PlanRow | null> {
  const [row] = await queryRows<PlanRow>(db, sql`${SELECT} ${FROM} WHERE p.id = ${id} AND ${planVisible(auth)}`);
  return row ?? null;
}

export async function listPlanRows(db: Db, where: SQL, page: number, pageSize: number): Promise<{ rows: PlanRow[]; total: number }> {
  const rows = await queryRows<PlanRow>(db, sql`${SELECT} ${FROM} WHERE ${where} ORDER BY p.year DESC, o.sort, o.name, p.occasion, p.created_at DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${FROM} WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

export async function categoriesOf(db: Db, planIds: string[]): Promise<Map<string, CategoryRow[]>> {
  const map = new Map<string, CategoryRow[]>();
  if (planIds.length === 0) return map;
  const rows = await queryRows<CategoryRow>(
    db,
    sql`SELECT plan_id AS "planId", category, headcount, money_per_head_fen::float8 AS "moneyPerHeadFen", goods_description AS "goodsDescription", goods_value_per_head_fen::float8 AS "goodsValuePerHeadFen"
        FROM condolence_plan_categories WHERE plan_id IN (${sql.join(planIds.map((id) => sql`${id}::uuid`), sql`, `)}) ORDER BY sort, category`,
  );
  for (const r of rows) map.set(r.planId, [...(map.get(r.planId) ?? []), { ...r, category: r.category as CondolenceCategory }]);
  return map;
}

/** The same org's approved plan of the same occasion the year before, if any. */
export async function lastYearPlanId(db: Db, p: { org_id: string; occasion: string; occasion_name: string; year: number }): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`SELECT p.id FROM condolence_plans p JOIN workflow_instances w ON w.business_type = 'condolence.plan' AND w.business_id = p.id
        WHERE p.org_id = ${p.org_id} AND p.occasion = ${p.occasion} AND p.occasion_name = ${p.occasion_name} AND p.year = ${p.year - 1} AND w.status = 'approved'
        ORDER BY w.finished_at DESC LIMIT 1`,
  );
  return row?.id ?? null;
}

/** The plan's shortfalls against last year's, and whether a city approver overrode them. */
export async function planShortfalls(db: Db, planId: string) {
  const [p] = await queryRows<{ org_id: string; occasion: string; occasion_name: string; year: number; overridden: boolean }>(
    db,
    sql`SELECT org_id, occasion, occasion_name, year, override IS NOT NULL AS overridden FROM condolence_plans WHERE id = ${planId}`,
  );
  if (!p) throw new Error(`condolence plan ${planId} missing`);
  const lastId = await lastYearPlanId(db, p);
  const cats = await categoriesOf(db, lastId ? [planId, lastId] : [planId]);
  return { shortfalls: shortfallsAgainst(lastId ? (cats.get(lastId) ?? []) : null, cats.get(planId) ?? []), overridden: p.overridden, lastId, categories: cats };
}

/** A live plan (not withdrawn or rejected) of the same org, year and occasion, other than `exceptId`. */
export async function duplicatePlan(db: Db, k: { orgId: string; year: number; occasion: string; occasionName: string }, exceptId: string | null): Promise<boolean> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`SELECT p.id FROM condolence_plans p JOIN workflow_instances w ON w.business_type = 'condolence.plan' AND w.business_id = p.id
        WHERE p.org_id = ${k.orgId} AND p.year = ${k.year} AND p.occasion = ${k.occasion} AND p.occasion_name = ${k.occasionName}
          AND w.status NOT IN ('withdrawn','rejected') ${exceptId ? sql`AND p.id <> ${exceptId}` : sql``} LIMIT 1`,
  );
  return !!row;
}

/** The active funds of an org, with their balance: a visit under its plan pays from one of them. */
export async function fundsOfOrg(db: Db, orgId: string): Promise<{ id: string; name: string; balanceFen: number }[]> {
  return queryRows(
    db,
    sql`SELECT f.id, f.name, coalesce((SELECT sum(e.amount_fen) FROM ledger_entries e WHERE e.fund_id = f.id), 0)::float8 AS "balanceFen"
        FROM funds f WHERE f.org_id = ${orgId} AND f.status = 'active' ORDER BY f.created_at`,
  );
}
