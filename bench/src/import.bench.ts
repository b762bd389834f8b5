import { chmodSync, createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { queryRows } from '../../apps/server/src/platform/db/db-connection.js';
import { writeCsv, writeXlsx } from '../../apps/server/src/platform/import-export/xlsx-writer.js';
import type { HttpClient } from '../../apps/server/src/test-support/server-process.js';
import type { BenchArgs } from './bench-support.js';
import { addBenchUser, benchEnvironment, seedOrgTree, startBenchServer, type BenchDatabaseKind, type BenchEnvironment } from './bench-server.js';
import { MEMBER_FILE_HEADER, generateMembers, memberRowValues } from './generate-members.js';

export interface ImportRun {
  format: 'csv' | 'xlsx';
  rows: number;
  fileMB: number;
  uploadSeconds: number;
  jobSeconds: number;
  rowsPerSecond: number;
  imported: number;
  failed: number;
  peakRssMB: number;
}

export interface ImportBenchResult {
  database: BenchDatabaseKind;
  rows: number;
  copy: { seconds: number; rowsPerSecond: number };
  runs: ImportRun[];
  csvRatio: number;
  targets: { csvRatioOfCopy: number; csvSeconds: number; xlsxRowsPerSecond: number; peakRssMB: number };
}

const KEYS = ['name', 'idCard', 'phone', 'orgCode', 'joinedAt', 'bankAccount', 'cardNo', 'migrantWorker', 'frontline', 'newEmploymentForm', 'skillLevel', 'education'];

async function writeMemberFile(file: string, format: 'csv' | 'xlsx', count: number, orgCodes: string[], firstIndex: number): Promise<void> {
  async function* rows() {
    for (const m of generateMembers(count, orgCodes, { seed: 7 + firstIndex, firstIndex })) {
      const v = memberRowValues(m);
      yield Object.fromEntries(KEYS.map((k, i) => [k, v[i] ?? '']));
    }
  }
  const sheet = { name: '会员', columns: MEMBER_FILE_HEADER.map((h, i) => ({ header: h, key: KEYS[i]! })), rows: rows() };
  const out = createWriteStream(file);
  await (format === 'csv' ? writeCsv(out, sheet) : writeXlsx(out, sheet));
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function waitForJob(client: HttpClient, jobId: string): Promise<{ status: string; result: Record<string, number> }> {
  for (;;) {
    const r = await client.call('GET', `/jobs/${jobId}`);
    const status = String(r.body.status);
    if (status === 'succeeded' || status === 'failed') return { status, result: (r.body.result ?? {}) as Record<string, number> };
    await new Promise((res) => setTimeout(res, 250));
  }
}

const BARE_TABLE = `CREATE TABLE bare_members (name text, id_card text, phone text, org_code text, joined_at text, bank_account text, card_no text,
  migrant_worker text, frontline text, new_employment_form text, skill_level text, education text)`;

/** The reference: raw COPY of the same csv into a bare table, on the same engine. */
async function rawCopy(env: BenchEnvironment, adminUrl: string | null, csvFile: string): Promise<number> {
  if (env.database === 'postgres' && adminUrl && env.pgUrl) {
    // a server-side COPY of a file needs a superuser: the admin role, on the bench database
    const url = new URL(adminUrl);
    url.pathname = new URL(env.pgUrl).pathname;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(BARE_TABLE);
      const t = performance.now();
      await client.query(`COPY bare_members FROM '${csvFile}' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`);
      return (performance.now() - t) / 1000;
    } finally {
      await client.query('DROP TABLE IF EXISTS bare_members');
      await client.end();
    }
  }
  const db = await PGlite.create(join(env.dataDir, 'copy-reference'));
  try {
    await db.exec(BARE_TABLE);
    const blob = await openAsBlob(csvFile);
    const t = performance.now();
    await db.query(`COPY bare_members FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob });
    return (performance.now() - t) / 1000;
  } finally {
    await db.close();
  }
}

/**
 * import: a generated member file (csv, then xlsx with different people) through the real import
 * of a server process — upload, parse, validate, resolve unions, dedupe, encrypt + HMAC, 拼音
 * index, insert, counters — until the job reports done; against raw COPY of the same csv into a
 * bare table on the same engine. Peak server RSS from /proc.
 */
export async function importBench(args: BenchArgs, database: BenchDatabaseKind): Promise<ImportBenchResult> {
  const rows = args.rows ?? (args.size === 'tiny' ? 2_000 : 1_000_000);
  const orgTotal = args.size === 'tiny' ? 500 : 20_000;
  const env = await benchEnvironment(args, database, { GONGHUI_RUN_JOBS: '1', GONGHUI_UPLOAD_LIMIT_BYTES: String(2 * 1024 ** 3), GONGHUI_UPLOAD_UNZIPPED_LIMIT_BYTES: String(4 * 1024 ** 3) });
  const cleanups: (() => void)[] = [];
  try {
    const db = await env.open();
    await seedOrgTree(db, orgTotal);
    await addBenchUser(db, 'bench_city', '330100', ['city_admin']);
    const codes = (await queryRows<{ code: string }>(db.db, sql`SELECT code FROM orgs WHERE kind = 'grassroots' ORDER BY code`)).map((r) => r.code);
    await db.close();

    // a directory the PostgreSQL server's own user can read, for the reference COPY
    const fileDir = mkdtempSync(join(tmpdir(), 'gh-bench-files-'));
    chmodSync(fileDir, 0o755);
    cleanups.push(() => rmSync(fileDir, { recursive: true, force: true }));
    const csvFile = join(fileDir, 'members.csv');
    const xlsxFile = join(fileDir, 'members.xlsx');
    await writeMemberFile(csvFile, 'csv', rows, codes, 0);
    // the xlsx holds other people: the csv's are in the registry by then
    await writeMemberFile(xlsxFile, 'xlsx', rows, codes, rows);
    const copySeconds = await rawCopy(env, args.pgAdminUrl, csvFile);

    const runs: ImportRun[] = [];
    const { server, client } = await startBenchServer(env, 'bench_city');
    try {
      for (const [format, file] of [['csv', csvFile], ['xlsx', xlsxFile]] as const) {
        const form = new FormData();
        form.set('file', await openAsBlob(file), `members.${format}`);
        const t0 = performance.now();
        const up = await client.upload('/members/import', form);
        if (up.status !== 202) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.body)}`);
        const t1 = performance.now();
        const job = await waitForJob(client, String(up.body.jobId));
        const t2 = performance.now();
        if (job.status !== 'succeeded') throw new Error(`import ${format} ${job.status}: ${JSON.stringify(job.result)}`);
        const jobSeconds = (t2 - t1) / 1000;
        runs.push({
          format,
          rows,
          fileMB: statSync(file).size / 1024 ** 2,
          uploadSeconds: (t1 - t0) / 1000,
          jobSeconds,
          rowsPerSecond: rows / jobSeconds,
          imported: job.result.imported ?? 0,
          failed: job.result.failed ?? 0,
          peakRssMB: peakRssMB(server.child.pid!),
        });
      }
    } finally {
      await server.kill('SIGTERM');
    }
    const copy = { seconds: copySeconds, rowsPerSecond: rows / copySeconds };
    return { database, rows, copy, runs, csvRatio: runs[0]!.rowsPerSecond / copy.rowsPerSecond, targets: { csvRatioOfCopy: 0.4, csvSeconds: 30, xlsxRowsPerSecond: 20_000, peakRssMB: 500 } };
  } finally {
    for (const c of cleanups) c();
    await env.cleanup();
  }
}
