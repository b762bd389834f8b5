import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiYear } from '../platform/calendar/work-calendar.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { exportedCells, exportRoutes } from '../test-support/export-files.js';
import { finishJob, rawRequest, type RawResponse } from '../test-support/multipart-upload.js';
import type { TestClient } from '../test-support/test-client.js';
import { districtAWorld, recordsOf, type OrgIndex } from './scope-probe-fixtures.js';

/** The list an export is the download of: the same URL without its `/export(.xlsx)` tail. */
const listOf = (url: string) => url.replace(/\/export(\.xlsx|\.csv)?$/, '');

describe('security.md item 8: district A’s exports never carry another district’s records', () => {
  let t: TestApp;
  let city: TestClient;
  let staffA: TestClient;
  let orgs: OrgIndex;
  let insideA: Set<string>;
  let aOrg: string;

  /** Downloads one export as A: a GET file, or a POST job and its file; fills orgId/year when a 422 asks. */
  async function exportAsA(r: RegisteredRoute): Promise<RawResponse | null> {
    const extra: Record<string, string | number> = {};
    for (let attempt = 0; attempt < 3; attempt++) {
      const query = new URLSearchParams(Object.entries(extra).map(([k, v]): [string, string] => [k, String(v)])).toString();
      const res =
        r.method === 'GET'
          ? await rawRequest(t, staffA, 'GET', query ? `${r.url}?${query}` : r.url)
          : await rawRequest(t, staffA, 'POST', r.url, { payload: Buffer.from(JSON.stringify(extra)), headers: { 'content-type': 'application/json' } });
      if (res.status === 422) {
        const paths = (res.json<{ errors?: { path: string }[] }>().errors ?? []).map((e) => e.path);
        if (!paths.length || paths.some((p) => !/orgId|year/i.test(p))) return null;
        for (const p of paths) extra[p] = /year/i.test(p) ? shanghaiYear() : aOrg;
        continue;
      }
      if (r.method === 'GET' || res.status !== 202) return res;
      const job = await finishJob<{ fileId: string }>(t, staffA, res.json<{ jobId: string }>().jobId);
      if (job.status !== 'succeeded' || !job.result?.fileId) throw new Error(`${r.url}: job ${job.status} ${String(job.error)}`);
      return rawRequest(t, staffA, 'GET', `/api/files/${job.result.fileId}/download`);
    }
    return null;
  }

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    ({ city, orgs, aOrg, insideA, staffA } = await districtAWorld(t, 'scope_export_a'));
  }, 600_000);
  afterAll(() => t.close());

  it('leaves out every foreign record’s name on every export that has a list beside it', async () => {
    const { downloads, jobs } = exportRoutes(t);
    const routes = [...downloads, ...jobs].filter((r) => !r.url.includes('/:'));
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const leaks: string[] = [];
    const checked: string[] = [];
    const skipped: string[] = [];
    for (const r of routes) {
      const list = listOf(r.url);
      const recs = t.app.routeRegistry.some((x) => x.method === 'GET' && x.url === list) ? await recordsOf(city, list, orgs) : [];
      const inside = new Set(recs.filter((x) => x.orgIds.some((o) => insideA.has(o))).flatMap((x) => x.secrets));
      // names only a foreign record carries (a name shared with a record of A proves nothing)
      const foreignOnly = new Set(recs.filter((x) => x.orgIds.length > 0 && x.orgIds.every((o) => !insideA.has(o))).flatMap((x) => x.secrets).filter((s) => !inside.has(s) && s.length >= 2));
      if (!foreignOnly.size) {
        skipped.push(`${r.method} ${r.url}: no list or no foreign rows`);
        continue;
      }
      const res = await exportAsA(r);
      if (!res || res.status !== 200) {
        skipped.push(`${r.method} ${r.url}: ${res?.status ?? 'needs parameters'}`);
        continue;
      }
      const cells = await exportedCells(res.body, String(res.headers['content-type'] ?? ''));
      checked.push(`${r.method} ${r.url} (${cells.length} cells, ${foreignOnly.size} foreign names)`);
      const found = cells.filter((c) => typeof c === 'string' && foreignOnly.has(c.replace(/^'/, '')));
      if (found.length) leaks.push(`${r.method} ${r.url}: ${found.slice(0, 5).join(', ')}`);
    }
    console.info(`item 8 exports: checked\n  ${checked.join('\n  ')}\nskipped\n  ${skipped.join('\n  ')}`);
    expect(leaks).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it('answers 404 to A for an export of another district’s org, and A’s own still works', async () => {
    const xihu = orgs.byName.get('西湖区总工会')!;
    const cockpit = await rawRequest(t, staffA, 'GET', `/api/cockpit/report.xlsx?orgId=${xihu}`);
    expect(cockpit.status).toBe(404);
    expect((await rawRequest(t, staffA, 'GET', `/api/cockpit/report.xlsx?orgId=${aOrg}`)).status).toBe(200);
    const coverage = await staffA.get(`/orgs/${xihu}/coverage`);
    expect(coverage.status).toBe(404);
  });
});
