import type { CockpitView } from '@gonghui/contracts';
import type { AppContext } from '../../apps/server/src/platform/app-context.js';
import type { AuthContext } from '../../apps/server/src/platform/auth/session.service.js';
import { COCKPIT_FIGURES } from '../../apps/server/src/modules/cockpit/cockpit-figures.js';
import { fastFigure, naiveFigure } from '../../apps/server/src/modules/cockpit/cockpit.repository.js';
import { buildCockpitView } from '../../apps/server/src/modules/cockpit/cockpit.service.js';
import { shanghaiYear } from '../../apps/server/src/platform/calendar/work-calendar.js';
import { percentile } from './load-generator.js';

export interface CockpitViewScenario {
  scenario: string;
  /** orgs whose figures one view holds (the org and its direct children) */
  orgsPerView: number;
  reads: number;
  p50: number;
  p95: number;
  /** every figure of the view's orgs (and last year's of the org) from the naive SQL, one after the other */
  naiveViews: number;
  naiveP95: number;
  speedUp: number;
}

export interface CockpitFigureTiming {
  key: string;
  label: string;
  /** reads of this figure alone, per root and year */
  reads: number;
  fastP95: number;
  naiveP95: number;
  speedUp: number;
  equal: boolean;
}

export interface CockpitBenchResult {
  year: number;
  figures: number;
  views: CockpitViewScenario[];
  perFigure: CockpitFigureTiming[];
  /** figure values compared with the naive SQL (view orgs × figures, plus last year's) */
  compared: number;
  differences: string[];
  /** the city's figures this year */
  city: Record<string, number>;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
}

/** The whole view again from the naive SQL: every figure of the org and its children, last year's of the org. */
async function naiveView(ctx: AppContext, view: CockpitView, out: string[]): Promise<{ ms: number; compared: number }> {
  const t = performance.now();
  let compared = 0;
  const check = async (orgName: string, orgId: string, key: string, year: number, shown: number | null | undefined) => {
    const naive = await naiveFigure(ctx.db, key, orgId, year);
    compared++;
    if (shown !== naive) out.push(`${orgName} ${year} ${key}: cockpit ${shown}, naive ${naive}`);
  };
  for (const f of view.figures) {
    await check(view.org.name, view.org.id, f.key, view.year, f.value);
    if (f.previous !== null) await check(view.org.name, view.org.id, f.key, view.year - 1, f.previous);
  }
  for (const c of view.children) for (const f of COCKPIT_FIGURES) await check(c.name, c.orgId, f.key, view.year, c.values[f.key]);
  return { ms: performance.now() - t, compared };
}

/**
 * The cockpit (GET /api/cockpit through buildCockpitView) as a city admin: the city with its
 * districts and each district with its streets, timed; every figure of every org shown compared with
 * its naive SQL over the base tables; and each figure alone, counters vs naive, for the city and
 * three districts, this year and last.
 */
export async function cockpitBench(ctx: AppContext, auth: AuthContext, cityId: string, tiny: boolean): Promise<CockpitBenchResult> {
  const year = shanghaiYear();
  const view = (orgId: string) => buildCockpitView(ctx, auth, { orgId, year });
  const cityView = await view(cityId);
  const districts = cityView.children.map((c) => c.orgId);
  const differences: string[] = [];
  let compared = 0;
  const views: CockpitViewScenario[] = [];
  const plans = [
    { scenario: 'cockpit: city + districts', roots: [cityId], reads: tiny ? 10 : 60, naive: 1 },
    { scenario: 'cockpit: district + streets', roots: districts, reads: tiny ? 13 : 130, naive: tiny ? 2 : 3 },
  ];
  for (const plan of plans) {
    for (const root of plan.roots) await view(root);
    const fast: number[] = [];
    let orgsPerView = 0;
    const answers = new Map<string, CockpitView>();
    for (let i = 0; i < plan.reads; i++) {
      const r = await timed(() => view(plan.roots[i % plan.roots.length]!));
      fast.push(r.ms);
      answers.set(r.value.org.id, r.value);
      orgsPerView = Math.max(orgsPerView, 1 + r.value.children.length);
    }
    const slow: number[] = [];
    for (let i = 0; i < plan.naive; i++) {
      const n = await naiveView(ctx, answers.get(plan.roots[i % plan.roots.length]!)!, differences);
      slow.push(n.ms);
      compared += n.compared;
    }
    fast.sort((x, y) => x - y);
    slow.sort((x, y) => x - y);
    const p95 = percentile(fast, 95);
    const naiveP95 = percentile(slow, 95);
    views.push({ scenario: plan.scenario, orgsPerView, reads: fast.length, p50: percentile(fast, 50), p95, naiveViews: slow.length, naiveP95, speedUp: naiveP95 / Math.max(p95, 0.001) });
  }
  const roots = [cityId, ...districts.slice(0, 3)];
  const perFigure: CockpitFigureTiming[] = [];
  for (const f of COCKPIT_FIGURES) {
    const fast: number[] = [];
    const slow: number[] = [];
    let equal = true;
    for (const root of roots) {
      for (const y of f.yearly ? [year, year - 1] : [year]) {
        const a = await timed(() => fastFigure(ctx.db, f.key, root, y));
        const b = await timed(() => naiveFigure(ctx.db, f.key, root, y));
        fast.push(a.ms);
        slow.push(b.ms);
        compared++;
        if (a.value !== b.value) {
          equal = false;
          differences.push(`${root} ${y} ${f.key}: counters ${a.value}, naive ${b.value}`);
        }
      }
    }
    fast.sort((x, y) => x - y);
    slow.sort((x, y) => x - y);
    const fastP95 = percentile(fast, 95);
    const naiveP95 = percentile(slow, 95);
    perFigure.push({ key: f.key, label: f.label, reads: fast.length, fastP95, naiveP95, speedUp: naiveP95 / Math.max(fastP95, 0.001), equal });
  }
  return {
    year,
    figures: COCKPIT_FIGURES.length,
    views,
    perFigure,
    compared,
    differences: [...new Set(differences)],
    city: Object.fromEntries(cityView.figures.map((f) => [f.key, f.value])),
  };
}
