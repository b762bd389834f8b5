import { apiReadBench, type ApiReadResult } from './api-read.bench.js';
import { parseArgs, writeResult } from './bench-support.js';
import { releaseBenchDataSets } from './bench-dataset.js';
import { DASHBOARD_NOT_MEASURED, dashboardBench, type DashboardBenchResult } from './dashboard.bench.js';
import { importBench, type ImportBenchResult } from './import.bench.js';
import { searchBench, type SearchBenchResult } from './search.bench.js';
import { CLICK_PATTERN, signupRushBench, type SignupRushResult } from './signup-rush.bench.js';
import { webBench, webBenchRows } from './web.bench.js';

/** npm run bench [-- name ...] [--tiny]: runs each benchmark on PGlite, and on PostgreSQL when DATABASE_URL is set. */
const { names, args } = parseArgs(process.argv.slice(2));
const databases = (): ('pglite' | 'postgres')[] => (['pglite', ...(args.pgAdminUrl ? ['postgres' as const] : [])] as const).filter((d) => !args.only || d === args.only);
const benches: Record<string, () => Promise<void>> = {
  import: async () => {
    const results: ImportBenchResult[] = [];
    for (const db of databases()) results.push(await importBench(args, db));
    console.log(`\nimport (${args.size}): member file through the real import vs raw COPY of the same csv`);
    console.table(
      results.flatMap((r) =>
        r.runs.map((run) => ({
          database: r.database,
          format: run.format,
          rows: run.rows,
          'file MB': run.fileMB.toFixed(0),
          'upload s': run.uploadSeconds.toFixed(1),
          'job s': run.jobSeconds.toFixed(1),
          'rows/s': Math.round(run.rowsPerSecond),
          'COPY rows/s': Math.round(r.copy.rowsPerSecond),
          'ratio to COPY': (run.rowsPerSecond / r.copy.rowsPerSecond).toFixed(2),
          imported: run.imported,
          failed: run.failed,
          'peak RSS MB': Math.round(run.peakRssMB),
        })),
      ),
    );
    console.log('targets (PostgreSQL): csv ≥ 0.40 of COPY and 1M in ≤ 30 s; xlsx ≥ 20k rows/s; peak RSS ≤ 500 MB');
    console.log(`written ${writeResult('import', { size: args.size, at: new Date().toISOString(), results })}`);
  },
  'api-read': async () => {
    const results: ApiReadResult[] = [];
    for (const db of databases()) results.push(await apiReadBench(args, db));
    console.log(`\napi-read (${args.size}): a district admin's scoped lists vs /api/health, 50 connections`);
    console.table(
      results.flatMap((r) =>
        r.endpoints.map((e) => ({
          database: r.database,
          members: r.members,
          'in scope': r.scopedMembers,
          endpoint: e.endpoint,
          'health req/s': Math.round(r.health.rps),
          'list req/s': Math.round(e.load.rps),
          ratio: e.ratio.toFixed(2),
          'p50 ms': e.load.p50.toFixed(1),
          'p99 ms': e.load.p99.toFixed(1),
          errors: e.load.errors + r.health.errors,
          'target (≥0.30, p99≤100ms)': e.target ? (e.pass ? 'met' : 'MISSED') : '(for the record)',
        })),
      ),
    );
    console.log(`written ${writeResult('api-read', { size: args.size, at: new Date().toISOString(), results })}`);
  },
  'signup-rush': async () => {
    const results: SignupRushResult[] = [];
    for (const db of databases()) results.push(await signupRushBench(args, db));
    const r0 = results[0];
    console.log(`\nsignup-rush (${args.size}): ${r0?.members ?? 0} members with their own sessions sign up for ${r0?.places ?? 0} places over HTTP, ${r0?.connections ?? 0} connections, vs bare SQL transactions of signUp's statements`);
    console.log(`  clicks: ${CLICK_PATTERN}`);
    for (const r of results) {
      console.log(`  ${r.database}: HTTP answers ${JSON.stringify(r.http.statuses)}; sessions touched during the rush ${r.http.sessionTouches}; reference: ${r.reference.concurrency}`);
      console.log(`  ${r.database}: bare SQL without the audit append ${Math.round(r.referenceWithoutAudit.clicksPerSecond)} clicks/s (with it ${Math.round(r.reference.clicksPerSecond)}); HTTP ÷ bare SQL without audit ${(r.http.clicksPerSecond / r.referenceWithoutAudit.clicksPerSecond).toFixed(2)}`);
      const phase = (s: SignupRushResult['reference']['soldOut']) => `${s.seconds.toFixed(1)} s, ${s.clicks} clicks, ${Math.round(s.clicksPerSecond)}/s`;
      console.log(`  ${r.database}: sold out (last confirmation) after: HTTP ${phase(r.http.soldOut)}; bare SQL ${phase(r.reference.soldOut)}; bare SQL without audit ${phase(r.referenceWithoutAudit.soldOut)}`);
    }
    console.table(
      results.map((r) => ({
        database: r.database,
        members: r.members,
        places: r.places,
        clicks: r.clicks,
        confirmed: r.checks.confirmed,
        'duplicates found': r.checks.duplicates + r.http.membersConfirmedTwice,
        oversold: r.checks.oversold,
        'HTTP sign-ups/s': Math.round(r.http.clicksPerSecond),
        'bare-SQL tx/s': Math.round(r.reference.clicksPerSecond),
        ratio: r.ratio.toFixed(2),
        'p50 ms': r.http.p50.toFixed(1),
        'p99 ms': r.http.p99.toFixed(1),
        'target (0 oversold/dup, ≥0.60, p99≤250ms)': args.size === 'tiny' ? (r.violations.length ? 'MISSED' : 'n/a (tiny)') : r.pass ? 'met' : 'MISSED',
      })),
    );
    console.log(`written ${writeResult('signup-rush', { size: args.size, at: new Date().toISOString(), results })}`);
    const violations = results.flatMap((r) => r.violations);
    if (violations.length) throw new Error(`signup-rush broke its invariants:\n${violations.join('\n')}`);
  },
  search: async () => {
    const results: SearchBenchResult[] = [];
    for (const db of databases()) results.push(await searchBench(args, db));
    console.log(`\nsearch (${args.size}): member search in a district subtree (list service, 20 a page) vs a sequential scan of the same predicate`);
    for (const r of results) console.log(`  ${r.database}: ${r.district.name} ${r.district.code}, ${r.district.orgs} orgs, ${r.district.members} members in scope; data set ${r.dataSet.members} members`);
    console.table(
      results.flatMap((r) =>
        r.kinds.map((k) => ({
          database: r.database,
          kind: k.kind,
          queries: k.queries,
          'mean matches': Math.round(k.meanMatches),
          'p50 ms': k.p50.toFixed(1),
          'p95 ms': k.p95.toFixed(1),
          'scan p50 ms': k.scan.p50.toFixed(1),
          'scan p95 ms': k.scan.p95.toFixed(1),
          'speed-up (p50)': `${k.speedUp.toFixed(0)}×`,
          'same ids': k.mismatches.length === 0 ? 'yes' : `NO (${k.mismatches.length})`,
          'target p95': args.size === 'tiny' ? 'n/a (tiny)' : `${k.pass ? 'met' : 'MISSED'} (≤${k.targetP95Ms} ms)`,
        })),
      ),
    );
    console.log(`written ${writeResult('search', { size: args.size, at: new Date().toISOString(), results })}`);
    const mismatches = results.flatMap((r) => r.kinds.flatMap((k) => k.mismatches.map((m) => `${r.database} ${k.kind} ${m}`)));
    if (mismatches.length) throw new Error(`search results differ from the sequential scan's:\n${mismatches.join('\n')}`);
  },
  dashboard: async () => {
    const results: DashboardBenchResult[] = [];
    for (const db of databases()) results.push(await dashboardBench(args, db));
    console.log(`\ndashboard (${args.size}): coverage figures from org_counters (coverage service) vs the naive aggregate over enterprises and members`);
    for (const r of results) {
      const c = r.city;
      console.log(`  ${r.database}: city ${c.members} members, ${c.enterprises} enterprises (${c.enterprisesAtSize} with ≥ ${r.minEmployees} employees, ${c.unionisedAtSize} of them unionised: 建会率 ${(c.unionisationRate * 100).toFixed(1)}%), 入会率 ${(c.membershipRate * 100).toFixed(1)}%`);
    }
    console.table(
      results.flatMap((r) =>
        r.scenarios.map((s) => ({
          database: r.database,
          read: s.scenario,
          'orgs/read': s.orgsPerRead,
          'p50 ms': s.p50.toFixed(1),
          'p95 ms': s.p95.toFixed(1),
          'naive p50 ms': s.naive.p50.toFixed(1),
          'naive p95 ms': s.naive.p95.toFixed(1),
          'speed-up (p95)': `${s.speedUp.toFixed(0)}×`,
          'figures equal': s.equal ? 'yes' : 'NO',
          'target (≥5×, p95≤50ms on PostgreSQL)': args.size === 'tiny' ? 'n/a (tiny)' : s.equal && s.speedUp >= r.targets.speedUp && (r.database !== 'postgres' || s.p95 <= r.targets.p95Ms) ? 'met' : 'MISSED',
        })),
      ),
    );
    console.log(`\ndashboard (${args.size}): 工作驾驶舱, ${results[0]?.cockpit.figures ?? 0} figures from cockpit_counts (buildCockpitView) vs each figure's naive SQL over the base tables`);
    console.table(
      results.flatMap((r) =>
        r.cockpit.views.map((v) => ({
          database: r.database,
          read: v.scenario,
          'orgs/view': v.orgsPerView,
          'p50 ms': v.p50.toFixed(1),
          'p95 ms': v.p95.toFixed(1),
          'naive view p95 ms': v.naiveP95.toFixed(1),
          'speed-up (p95)': `${v.speedUp.toFixed(0)}×`,
          'target (≥5×, p95≤50ms on PostgreSQL)': args.size === 'tiny' ? 'n/a (tiny)' : v.speedUp >= r.targets.speedUp && (r.database !== 'postgres' || v.p95 <= r.targets.p95Ms) ? 'met' : 'MISSED',
        })),
      ),
    );
    console.table(
      results.flatMap((r) =>
        r.cockpit.perFigure.map((f) => ({
          database: r.database,
          figure: f.key,
          'fast p95 ms': f.fastP95.toFixed(2),
          'naive p95 ms': f.naiveP95.toFixed(1),
          'speed-up': `${f.speedUp.toFixed(0)}×`,
          equal: f.equal ? 'yes' : 'NO',
        })),
      ),
    );
    for (const r of results) console.log(`  ${r.database}: ${r.cockpit.compared} cockpit values compared with the naive SQL, ${r.cockpit.differences.length} different`);
    console.log(`note: ${DASHBOARD_NOT_MEASURED}`);
    console.log(`written ${writeResult('dashboard', { size: args.size, at: new Date().toISOString(), results })}`);
    const differences = results.flatMap((r) => [...r.scenarios.flatMap((s) => s.differences), ...r.cockpit.differences].map((d) => `${r.database} ${d}`));
    if (differences.length) throw new Error(`coverage figures differ from the naive query's:\n${differences.join('\n')}`);
  },
  web: async () => {
    // the browser's downloads do not depend on the database: measured once (PGlite); --no-build reuses apps/web/dist
    const r = await webBench(args, { build: !process.argv.includes('--no-build') });
    console.log(`\nweb (${args.size}): production build, headless Chromium, demo data, user ${r.user}; gzip (level 9) of every script/stylesheet response`);
    console.table(webBenchRows(r));
    console.log(`machine: ${r.machine.cpus} cores, 1-min load average ${r.machine.loadBefore.toFixed(1)} → ${r.machine.loadAfter.toFixed(1)} while timing (shared and noisy: the ms figures move with it)`);
    console.log(`largest JS after login (gzip KB): ${r.afterLogin.largestJs.map((l) => `${l.path.replace('/assets/', '')} ${l.gzipKB}`).join(', ')}`);
    console.log(`written ${writeResult('web', { size: args.size, at: new Date().toISOString(), ...r })}`);
  },
};

const selected = names.length ? names : Object.keys(benches);
const unknown = selected.filter((name) => !benches[name]);
if (unknown.length) {
  console.error(`未知的基准测试 ${unknown.join(', ')};可选:${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
try {
  for (const name of selected) await benches[name]!();
} finally {
  // the generated data sets shared by search and dashboard
  await releaseBenchDataSets();
}
