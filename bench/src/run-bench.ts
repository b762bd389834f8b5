import { apiReadBench, type ApiReadResult } from './api-read.bench.js';
import { parseArgs, writeResult } from './bench-support.js';
import { importBench, type ImportBenchResult } from './import.bench.js';

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
