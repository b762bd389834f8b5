import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CondolenceCategory, CondolenceVisitTarget, condolenceVisitExportQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

export interface VisitRow {
  id: string;
  plan_id: string;
  plan_org_name: string;
  plan_year: number;
  plan_occasion: string;
  plan_occasion_name: string;
  org_id: string;
  org_name: string;
  target: CondolenceVisitTarget;
  member_id: string | null;
  household_id: string | null;
  model_worker_id: string | null;
  person_name: string;
  person_phone_masked: string | null;
  category: CondolenceCategory;
  visited_on: string;
  place: string;
  visitors: string;
  goods_description: string | null;
  goods_value_fen: number;
  money_fen: number;
  fund_name: string | null;
  payout_status: string | null;
  note: string | null;
  photos: unknown;
  recorded_by: string | null;
  recorded_by_name: string;
  created_at: string;
}

/** Visits are the visited person's union's (or the recorder's): the caller's scope over that org. */
export const visitScope = (auth: AuthContext): SQL => scopePredicate(auth.scope, { org: sql`v.org_id` });

const FROM = sql`FROM condolence_visits v
  JOIN condolence_plans p ON p.id = v.plan_id
  JOIN orgs po ON po.id = p.org_id
  JOIN orgs o ON o.id = v.org_id
  LEFT JOIN funds f ON f.id = v.fund_id
  LEFT JOIN payouts py ON py.id = v.payout_id`;

const SELECT = sql`SELECT v.id, v.plan_id, po.name AS plan_org_name, p.year AS plan_year, p.occasion AS plan_occasion, p.occasion_name AS plan_occasion_name,
    v.org_id, o.name AS org_name, v.target, v.member_id, v.household_id, v.model_worker_id, v.person_name, v.person_phone_masked, v.category, v.visited_on::text AS visited_on,
    v.place, v.visitors, v.goods_description, v.goods_value_fen::float8 AS goods_value_fen, v.money_fen::float8 AS money_fen, f.name AS fund_name, py.status AS payout_status,
    v.note, v.photos, v.recorded_by, v.recorded_by_name, to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at`;

export type VisitFilter = z.infer<typeof condolenceVisitExportQuerySchema>;

export function visitWhere(auth: AuthContext, f: VisitFilter): SQL {
  const conds: SQL[] = [visitScope(auth)];
  if (f.planId) conds.push(sql`v.plan_id = ${f.planId}`);
  if (f.category) conds.push(sql`v.category = ${f.category}`);
  if (f.target) conds.push(sql`v.target = ${f.target}`);
  if (f.orgId) conds.push(sql`v.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId}::uuid)`);
  if (f.from) conds.push(sql`v.visited_on >= ${f.from}::date`);
  if (f.to) conds.push(sql`v.visited_on <= ${f.to}::date`);
  if (f.paid === 'true') conds.push(sql`v.payout_id IS NOT NULL`);
  if (f.paid === 'false') conds.push(sql`v.payout_id IS NULL`);
  if (f.q) conds.push(sql`(v.person_name LIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`} OR v.visitors LIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`})`);
  return sql.join(conds, sql` AND `);
}

export const visitRows = (db: Db, where: SQL, limit: number, offset: number): Promise<VisitRow[]> =>
  queryRows<VisitRow>(db, sql`${SELECT} ${FROM} WHERE ${where} ORDER BY v.visited_on DESC, v.created_at DESC, v.id LIMIT ${limit} OFFSET ${offset}`);

export async function countVisits(db: Db, where: SQL): Promise<{ total: number; moneyFen: number }> {
  const [c] = await queryRows<{ n: number; money: number }>(db, sql`SELECT count(*)::int AS n, coalesce(sum(v.money_fen), 0)::float8 AS money FROM condolence_visits v WHERE ${where}`);
  return { total: c?.n ?? 0, moneyFen: c?.money ?? 0 };
}

export async function findVisitRow(db: Db, auth: AuthContext, id: string): Promise<VisitRow | null> {
  const [row] = await queryRows<VisitRow>(db, sql`${SELECT} ${FROM} WHERE v.id = ${id} AND ${visitScope(auth)}`);
  return row ?? null;
}

export interface CoverageCell {
  org_id: string;
  org_name: string;
  sort: number;
  category: CondolenceCategory | null;
  visited: number;
  paid_fen: number;
}

/**
 * A plan's visits the caller sees, counted per child org of the plan's org (the district of a
 * city plan, the street of a district plan; the plan's own org for visits recorded at its level)
 * and category, in one aggregate. Child orgs the caller sees come with no category when nobody
 * there was visited yet, so the table lists them too.
 */
export function coverageCells(db: Db, auth: AuthContext, plan: { id: string; org_id: string }): Promise<CoverageCell[]> {
  return queryRows<CoverageCell>(
    db,
    sql`WITH kids AS (
          SELECT o.id, o.name, o.sort FROM orgs o WHERE o.parent_id = ${plan.org_id}::uuid
            AND (${scopePredicate(auth.scope, { org: sql`o.id` })} OR o.id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${auth.user.orgId}::uuid))
        ), counted AS (
          SELECT coalesce(k.id, ${plan.org_id}::uuid) AS org_id, v.category, count(*)::int AS visited,
            coalesce(sum(v.money_fen) FILTER (WHERE v.payout_id IS NOT NULL), 0)::float8 AS paid_fen
          FROM condolence_visits v
          LEFT JOIN LATERAL (
            SELECT c.ancestor_id AS id FROM org_closure c JOIN orgs a ON a.id = c.ancestor_id
            WHERE c.descendant_id = v.org_id AND c.relation = 'territorial' AND a.parent_id = ${plan.org_id}::uuid LIMIT 1
          ) k ON true
          WHERE v.plan_id = ${plan.id}::uuid AND ${visitScope(auth)}
          GROUP BY 1, 2
        )
        SELECT c.org_id, o.name AS org_name, CASE WHEN c.org_id = ${plan.org_id}::uuid THEN -1 ELSE o.sort END AS sort, c.category, c.visited, c.paid_fen
          FROM counted c JOIN orgs o ON o.id = c.org_id
        UNION ALL
        SELECT k.id, k.name, k.sort, NULL, 0, 0 FROM kids k WHERE NOT EXISTS (SELECT 1 FROM counted c WHERE c.org_id = k.id)
        ORDER BY 3, 2`,
  );
}
