import { apiReadBench, type ApiReadResult } from './api-read.bench.js';
import { parseArgs, writeResult } from './bench-support.js';

/** npm run bench [-- name ...] [--tiny]: runs each benchmark on PGlite, and on PostgreSQL when DATABASE_URL is set. */
const { names, args } = parseArgs(process.argv.slice(2));
const benches: Record<string, () => Promise<void>> = {
  'api-read': async () => {
    const results: ApiReadResult[] = [];
    for (const db of ['pglite', ...(args.pgAdminUrl ? ['postgres' as const] : [])] as const) results.push(await apiReadBench(args, db));
    console.log(`\napi-read (${args.size}): scoped list vs /api/health, 50 connections`);
    console.table(
      results.map((r) => ({
        database: r.database,
        orgs: r.orgs,
        'health req/s': Math.round(r.health.rps),
        'list req/s': Math.round(r.list.rps),
        ratio: r.ratio.toFixed(2),
        'list p50 ms': r.list.p50.toFixed(1),
        'list p99 ms': r.list.p99.toFixed(1),
        errors: r.list.errors + r.health.errors,
        'target (≥0.30, p99≤100ms)': r.pass ? 'met' : 'MISSED',
      })),
    );
    console.log(`written ${writeResult('api-read', { size: args.size, at: new Date().toISOString(), results })}`);
  },
};

const selected = names.length ? names : Object.keys(benches);
for (const name of selected) {
  const run = benches[name];
  if (!run) {
    console.error(`未知的基准测试 ${name};可选:${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await run();
}
