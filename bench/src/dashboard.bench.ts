import { sql } from 'drizzle-orm';
import type { AppContext } from '../../apps/server/src/platform/app-context.js';
import { queryRows } from '../../apps/server/src/platform/db/db-connection.js';
import { coverageChildren } from '../../apps/server/src/modules/coverage/coverage.service.js';
import type { BenchArgs } from './bench-support.js';
import { benchAppContext, benchAuth, benchDataSet } from './bench-dataset.js';
import type { BenchDatabaseKind } from './bench-server.js';
import { percentile } from './load-generator.js';
import { cockpitBench, type CockpitBenchResult } from './dashboard-cockpit.js';
import { generateCockpitData } from './generate-cockpit-data.js';
import { shanghaiYear } from '../../apps/server/src/platform/calendar/work-calendar.js';

/** The counted figures of one org subtree (the rates are computed from them). */
export interface SubtreeFigures {
  enterprises: number;
  enterprisesAtSize: number;
  unionisedEnterprises: number;
  unionisedAtSize: number;
  employees: number;
  unionisedEmployees: number;
  members: number;
}

const FIGURES: (keyof SubtreeFigures)[] = ['enterprises', 'enterprisesAtSize', 'unionisedEnterprises', 'unionisedAtSize', 'employees', 'unionisedEmployees', 'members'];

export interface DashboardScenarioResult {
  scenario: string;
  /** org subtrees whose figures one read returns */
  orgsPerRead: number;
  reads: number;
  p50: number;
  p95: number;
  naive: { reads: number; p50: number; p95: number };
  /** naive p95 over the coverage read's p95 */
  speedUp: number;
  /** every figure of every org equal to the naive query's */
  equal: boolean;
  differences: string[];
}

export interface DashboardBenchResult {
  database: BenchDatabaseKind;
  dataSet: { orgs: number; enterprises: number; members: number; generateSeconds: number };
  minEmployees: number;
  /** the city's figures, as the dashboard shows them */
  city: SubtreeFigures & { unionisationRate: number; membershipRate: number };
  scenarios: DashboardScenarioResult[];
  /** the 工作驾驶舱: every cockpit figure, counters vs naive SQL */
  cockpit: CockpitBenchResult;
  targets: { p95Ms: number; speedUp: number };
  pass: boolean;
  notMeasured: string;
}

export const DASHBOARD_NOT_MEASURED =
  'the generated data set has no rows for 医疗互助, 杭州工匠, 办实事 proposals, 职工之家 assessments and 困难职工 households (those figures read 0 here; the equality test in modules/cockpit covers them)';

type NaiveRow = { org_id: string } & Record<'enterprises' | 'enterprises_at_size' | 'unionised' | 'unionised_at_size' | 'employees' | 'unionised_employees' | 'members', number | string>;

/**
 * The reference: each org's figures aggregated from the base tables on every read — enterprises
 * and 在册 members of every org in the subtree (the closure table, each org once even when reached
 * through both its territorial and its industry parent).
 */
async function naiveFigures(ctx: AppContext, orgIds: string[]): Promise<Map<string, SubtreeFigures>> {
  const rows = await queryRows<NaiveRow>(
    ctx.db,
    sql`SELECT o.id AS org_id, e.*,
          (SELECT count(*) FROM members m WHERE m.status = 'active'
             AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = o.id)) AS members
        FROM orgs o CROSS JOIN LATERAL (
          SELECT count(*) AS enterprises,
                 count(*) FILTER (WHERE x.employee_count >= coverage_min_employees()) AS enterprises_at_size,
                 count(*) FILTER (WHERE x.union_org_id IS NOT NULL) AS unionised,
                 count(*) FILTER (WHERE x.union_org_id IS NOT NULL AND x.employee_count >= coverage_min_employees()) AS unionised_at_size,
                 coalesce(sum(x.employee_count), 0) AS employees,
                 coalesce(sum(x.employee_count) FILTER (WHERE x.union_org_id IS NOT NULL), 0) AS unionised_employees
          FROM enterprises x WHERE x.status = 'active'
            AND x.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = o.id)) e
        WHERE o.id IN (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return new Map(
    rows.map((r) => [
      r.org_id,
      {
        enterprises: Number(r.enterprises),
        enterprisesAtSize: Number(r.enterprises_at_size),
        unionisedEnterprises: Number(r.unionised),
        unionisedAtSize: Number(r.unionised_at_size),
        employees: Number(r.employees),
        unionisedEmployees: Number(r.unionised_employees),
        members: Number(r.members),
      },
    ]),
  );
}

function compare(label: string, api: { orgId: string; orgName: string } & SubtreeFigures, naive: SubtreeFigures | undefined, out: string[]): void {
  if (!naive) {
    out.push(`${label} ${api.orgName}: missing from the naive query`);
    return;
  }
  for (const f of FIGURES) if (api[f] !== naive[f]) out.push(`${label} ${api.orgName} ${f}: coverage ${api[f]}, naive ${naive[f]}`);
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
}

/**
 * dashboard: the city's coverage dashboard as a city admin (the city and its 13 districts: GET
 * /api/orgs/:city/coverage/children through coverageChildren, summing the org_counters rows the
 * triggers keep) and each district's drill-down (the district and its streets and industry unions),
 * against the naive aggregate over enterprises and members on every read; every figure must equal
 * the naive query's.
 */
export async function dashboardBench(args: BenchArgs, database: BenchDatabaseKind): Promise<DashboardBenchResult> {
  const dataSet = await benchDataSet(args, database);
  const db = await dataSet.env.open();
  try {
    await generateCockpitData(db, dataSet.counts.members, shanghaiYear());
    const ctx = await benchAppContext(dataSet.env, db);
    const [city] = await queryRows<{ id: string; code: string }>(ctx.db, sql`SELECT id, code FROM orgs WHERE parent_id IS NULL AND kind = 'city' ORDER BY code LIMIT 1`);
    if (!city) throw new Error('no city org in the data set');
    const auth = await benchAuth(db, 'bench_dashboard_city', city.code, ['city_admin']);
    const tiny = args.size === 'tiny';

    const read = (orgId: string) => coverageChildren(ctx, auth, orgId);
    const cityRead = await read(city.id);
    const districts = cityRead.children.map((c) => c.orgId);
    if (districts.length === 0) throw new Error('the city has no districts');

    const scenarios: DashboardScenarioResult[] = [];
    const plans: { scenario: string; roots: string[]; reads: number; naiveReads: number }[] = [
      { scenario: 'city + 13 districts', roots: [city.id], reads: tiny ? 20 : 100, naiveReads: tiny ? 3 : 15 },
      { scenario: 'district drill-down', roots: districts, reads: tiny ? 26 : 130, naiveReads: tiny ? 13 : 26 },
    ];
    for (const plan of plans) {
      const differences: string[] = [];
      // warm-up, unmeasured
      for (const root of plan.roots) await read(root);
      const fast: number[] = [];
      const answers = new Map<string, Awaited<ReturnType<typeof read>>>();
      for (let i = 0; i < plan.reads; i++) {
        const root = plan.roots[i % plan.roots.length]!;
        const r = await timed(() => read(root));
        fast.push(r.ms);
        answers.set(root, r.value);
      }
      const slow: number[] = [];
      let orgsPerRead = 0;
      for (let i = 0; i < plan.naiveReads; i++) {
        const root = plan.roots[i % plan.roots.length]!;
        const answer = answers.get(root)!;
        const all = [answer.org, ...answer.children];
        orgsPerRead = Math.max(orgsPerRead, all.length);
        const n = await timed(() => naiveFigures(ctx, all.map((o) => o.orgId)));
        slow.push(n.ms);
        for (const o of all) compare(plan.scenario, o, n.value.get(o.orgId), differences);
      }
      fast.sort((x, y) => x - y);
      slow.sort((x, y) => x - y);
      const p95 = percentile(fast, 95);
      const naiveP95 = percentile(slow, 95);
      scenarios.push({
        scenario: plan.scenario,
        orgsPerRead,
        reads: fast.length,
        p50: percentile(fast, 50),
        p95,
        naive: { reads: slow.length, p50: percentile(slow, 50), p95: naiveP95 },
        speedUp: naiveP95 / Math.max(p95, 0.001),
        equal: differences.length === 0,
        differences: [...new Set(differences)],
      });
    }
    const cockpit = await cockpitBench(ctx, auth, city.id, tiny);
    const targets = { p95Ms: 50, speedUp: 5 };
    const { orgId: _id, orgName: _name, minEmployees, lastYear: _lastYear, ...cityFigures } = cityRead.org;
    return {
      database,
      dataSet: { ...dataSet.counts, generateSeconds: dataSet.generateSeconds },
      minEmployees,
      city: cityFigures,
      scenarios,
      cockpit,
      targets,
      pass:
        scenarios.every((s) => s.equal && s.speedUp >= targets.speedUp && (database !== 'postgres' || s.p95 <= targets.p95Ms)) &&
        cockpit.differences.length === 0 &&
        cockpit.views.every((v) => v.speedUp >= targets.speedUp && (database !== 'postgres' || v.p95 <= targets.p95Ms)),
      notMeasured: DASHBOARD_NOT_MEASURED,
    };
  } finally {
    await db.close();
  }
}
