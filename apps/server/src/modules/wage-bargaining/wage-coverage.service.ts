import { sql } from 'drizzle-orm';
import { WAGE_COVERAGE_TARGET, WAGE_COVERAGE_TARGET_LARGE, WAGE_LARGE_ENTERPRISE_STAFF, type WageCoverage, type WageCoverageRow } from '@gonghui/contracts';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';

interface SumRow {
  org_id: string;
  unionised: number;
  covered: number;
  unionised_large: number;
  covered_large: number;
  workers: number | string;
}

const rate = (num: number, den: number): number => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : 0);

function row(org: { id: string; name: string }, s: SumRow | undefined): WageCoverageRow {
  const unionised = s?.unionised ?? 0;
  const covered = s?.covered ?? 0;
  const unionisedLarge = s?.unionised_large ?? 0;
  const coveredLarge = s?.covered_large ?? 0;
  const r = rate(covered, unionised);
  const rl = rate(coveredLarge, unionisedLarge);
  return {
    orgId: org.id,
    orgName: org.name,
    unionised,
    covered,
    rate: r,
    unionisedLarge,
    coveredLarge,
    rateLarge: rl,
    workersCovered: Number(s?.workers ?? 0),
    meetsTarget: unionised === 0 || r >= WAGE_COVERAGE_TARGET,
    meetsTargetLarge: unionisedLarge === 0 || rl >= WAGE_COVERAGE_TARGET_LARGE,
  };
}

/**
 * 工资集体协商覆盖率 of each subtree: unionised active enterprises (建会企业) in it, and those bound
 * today by a filed contract in its term (their own, or a regional / industry one), all and those
 * with ≥ 100 staff, against the 80% / 90% targets.
 */
async function sums(db: Db, orgIds: string[], day: string): Promise<Map<string, SumRow>> {
  const rows = await queryRows<SumRow>(
    db,
    sql`SELECT a.ancestor_id AS org_id, count(*)::int AS unionised, count(*) FILTER (WHERE x.cov)::int AS covered,
          count(*) FILTER (WHERE e.employee_count >= ${WAGE_LARGE_ENTERPRISE_STAFF})::int AS unionised_large,
          count(*) FILTER (WHERE x.cov AND e.employee_count >= ${WAGE_LARGE_ENTERPRISE_STAFF})::int AS covered_large,
          coalesce(sum(e.employee_count) FILTER (WHERE x.cov), 0)::bigint AS workers
        FROM (SELECT DISTINCT ancestor_id, descendant_id FROM org_closure WHERE ancestor_id IN (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)})) a
        JOIN enterprises e ON e.org_id = a.descendant_id AND e.status = 'active' AND e.union_org_id IS NOT NULL
        CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM wage_contract_enterprises ce JOIN wage_contracts c ON c.id = ce.contract_id
          WHERE ce.enterprise_id = e.id AND c.status = 'filed' AND c.term_start <= ${day}::date AND c.term_end >= ${day}::date) AS cov) x
        GROUP BY a.ancestor_id`,
  );
  return new Map(rows.map((r) => [r.org_id, r]));
}

/** The org (the caller's own by default; 404 outside scope) and each of its direct sub-orgs. */
export async function wageCoverage(db: Db, auth: AuthContext, orgId?: string): Promise<WageCoverage> {
  const rootId = orgId ?? auth.user.orgId;
  if (!(await scopeIncludesOrg(db, auth.scope, rootId))) throw notFound('组织');
  const orgs = await queryRows<{ id: string; name: string; root: boolean }>(
    db,
    sql`SELECT id, name, id = ${rootId}::uuid AS root FROM orgs WHERE (id = ${rootId}::uuid OR parent_id = ${rootId}::uuid) AND status = 'active' ORDER BY id = ${rootId}::uuid DESC, sort, code`,
  );
  const root = orgs.find((o) => o.root);
  if (!root) throw notFound('组织');
  const day = shanghaiDate(new Date());
  const s = await sums(db, orgs.map((o) => o.id), day);
  return {
    asOf: day,
    target: WAGE_COVERAGE_TARGET,
    targetLarge: WAGE_COVERAGE_TARGET_LARGE,
    total: row(root, s.get(root.id)),
    rows: orgs.filter((o) => !o.root).map((o) => row(o, s.get(o.id))),
  };
}
