import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import { finishJob, rawRequest, uploadFile, type UploadFile } from '../test-support/multipart-upload.js';
import { garbageBytes, readXlsx } from '../test-support/spreadsheet-files.js';
import { allColumns } from '../test-support/stored-secrets.js';
import { queryRows } from '../platform/db/db-connection.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';

/** what an import may add: its error report rows, its job, its stored upload and error report, its audit rows, the caller's session */
const BOOKKEEPING = new Set(['import_errors', 'jobs', 'stored_files', 'stored_file_chunks', 'audit_log', 'sessions', 'users', 'login_attempts', 'settings']);
const CHINESE = /[\u4e00-\u9fff]/;
const MILLION = 1_000_000;

interface Outcome {
  status: number;
  jobStatus?: string;
  message: string;
  errors: { row?: number; column?: string; message: string }[];
}

describe('security.md item 21: a malformed spreadsheet (wrong header, empty, garbage, 1M rows of nonsense) gets a clear error report and changes nothing', () => {
  let t: TestApp;
  const importers: { route: RegisteredRoute; client: TestClient; header: string[] }[] = [];

  /** row counts of every business table */
  const counts = async (): Promise<Record<string, number>> => {
    const tables = [...new Set((await allColumns(t)).map((c) => c.table))].filter((x) => !BOOKKEEPING.has(x));
    const out: Record<string, number> = {};
    for (const table of tables) out[table] = (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;
    return out;
  };
  const send = async (client: TestClient, url: string, file: UploadFile): Promise<Outcome> => {
    const res = await uploadFile(t, client, url, file);
    if (res.status !== 202) {
      const p = res.json<{ detail: string; errors?: Outcome['errors'] }>();
      return { status: res.status, message: p.detail, errors: p.errors ?? [] };
    }
    const job = await finishJob<{ errors?: Outcome['errors'] }>(t, client, res.json<{ jobId: string }>().jobId);
    return { status: 202, jobStatus: job.status, message: String((job as { error?: string }).error ?? ''), errors: job.result?.errors ?? [] };
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    const staff = await Promise.all(['city', 'district', 'street', 'grassroots'].map((u) => demoClient(t, u)));
    for (const route of t.app.routeRegistry.filter((r) => r.method === 'POST' && /\/import$/.test(r.url))) {
      for (const client of staff) {
        const template = await rawRequest(t, client, 'GET', `${route.url}-template.xlsx`);
        if (template.status !== 200) continue;
        importers.push({ route, client, header: (await readXlsx(template.body))[0]!.map(String) });
        break;
      }
    }
  }, 300_000);
  afterAll(() => t.close());

  it('finds every import route of the registry and its template', () => {
    const all = t.app.routeRegistry.filter((r) => r.method === 'POST' && /\/import$/.test(r.url));
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(importers.map((i) => i.route.url).sort()).toEqual(all.map((r) => r.url).sort());
  });

  it('refuses a wrong header, an empty file and binary garbage on every import route, with a Chinese reason, changing nothing', async () => {
    const before = await counts();
    for (const { route, client, header } of importers) {
      const files: [string, UploadFile][] = [
        ['wrong header', { filename: '名单.csv', content: Buffer.from(`${header.map((h) => `${h}X`).join(',')}\n张三,1,2\n`) }],
        ['empty', { filename: '名单.csv', content: Buffer.alloc(0) }],
        ['blank lines', { filename: '名单.csv', content: Buffer.from('\ufeff\r\n , \r\n') }],
        ['garbage .xlsx', { filename: '名单.xlsx', content: garbageBytes(64 * 1024) }],
        ['garbage .csv', { filename: '名单.csv', content: garbageBytes(64 * 1024, 7) }],
      ];
      for (const [what, file] of files) {
        const o = await send(client, route.url, file);
        const where = `${route.url} ${what}: ${JSON.stringify(o).slice(0, 200)}`;
        expect(o.status === 202 ? o.jobStatus === 'failed' : o.status >= 400 && o.status < 500, where).toBe(true);
        expect(`${o.message} ${o.errors.map((e) => e.message).join(' ')}`, where).toMatch(CHINESE);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('reports the rows of a large file of nonsense under the right header (20,000 rows: every row is checked and reported), imports none', async () => {
    const { route, client, header } = importers[0]!;
    const line = `${header.map(() => 'x').join(',')}\n`;
    const content = Buffer.from(header.join(',') + '\n' + line.repeat(20_000));
    const before = await counts();
    const started = Date.now();
    const o = await send(client, route.url, { filename: '两万行.csv', content });
    expect(Date.now() - started).toBeLessThan(90_000);
    expect(o.status, JSON.stringify(o).slice(0, 300)).toBe(202);
    expect(o.errors.length).toBeGreaterThan(0);
    expect(o.errors.every((e) => CHINESE.test(e.message))).toBe(true);
    expect(await counts()).toEqual(before);
  }, 180_000);

  it('refuses 1M short lines of nonsense without a header at once', async () => {
    const before = await counts();
    for (const { route, client } of importers) {
      const o = await send(client, route.url, { filename: 'lines.csv', content: Buffer.from('qwe,rty\n'.repeat(MILLION)) });
      expect(o.status === 202 ? o.jobStatus === 'failed' : o.status >= 400 && o.status < 500, route.url).toBe(true);
      expect(o.errors.map((e) => e.message).join(' ') + o.message).toMatch(CHINESE);
    }
    expect(await counts()).toEqual(before);
  }, 180_000);
});
