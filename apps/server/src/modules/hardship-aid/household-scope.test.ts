import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { finishJob } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { auditRowsFor, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { establish, factsAt, factsOf, headMember, type HouseholdItemView, type HouseholdView } from './household-test-fixtures.js';
import { registerHouseholdJobs } from './household-jobs.js';

type Call = [method: 'GET' | 'POST' | 'PUT', url: string, body?: Record<string, unknown>];

describe('困难职工档案 data scope and permissions on every route', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  let unitA: TestClient;
  let worker: TestClient;
  let inA: HouseholdView;
  let inB: HouseholdView;
  let inC: HouseholdView;

  /** every household route, for one household */
  const routes = (h: HouseholdView): Call[] => [
    ['GET', `/aid/households/${h.id}`],
    ['PUT', `/aid/households/${h.id}`, { ...factsOf(h), version: h.version }],
    ['POST', `/aid/households/${h.id}/review`, { ...factsOf(h), opinion: '复核', version: h.version }],
    ['POST', `/aid/households/${h.id}/exit`, { reason: 'other', note: '测试', version: h.version }],
    ['POST', '/aid/households/tier-preview', { headMemberId: h.headMemberId, householdId: h.id, ...factsOf(h) }],
  ];
  const call = (c: TestClient, [method, url, body]: Call) => c.req<Problem>(method, url, body);

  beforeAll(async () => {
    t = await createTestApp();
    registerHouseholdJobs(t.ctx.jobs, { crypto: t.ctx.crypto });
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'S');
    shang = await userClient(t, sys, 'hs_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'hs_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'hs_city', tree.city.id, ['city_admin']);
    unitA = await userClient(t, sys, 'hs_unit_a', tree.unionA.id, ['grassroots_admin']);
    worker = await userClient(t, sys, 'hs_worker', tree.unionA.id, ['member']);
    inA = await establish(shang, await headMember(shang, tree.unionA.id, '许建华'), 800);
    inB = await establish(shang, await headMember(shang, tree.unionB.id, '韩晓红'), 1200);
    inC = await establish(xihu, await headMember(xihu, tree.unionC.id, '曾伟'), 900);
  });
  afterAll(() => t.close());

  it('a user of another district gets 404 on every route of a household, and does not see it in the list', async () => {
    for (const c of routes(inA)) {
      const r = await call(xihu, c);
      expect(r.status, `${c[0]} ${c[1]}`).toBe(404);
      expect(r.body.code).toBe('NOT_FOUND');
    }
    const list = await xihu.get<Page<HouseholdItemView>>('/aid/households?status=all&pageSize=200');
    expect(list.body.items.map((h) => h.id)).toEqual([inC.id]);
    // unchanged by the refused writes
    expect((await shang.get<HouseholdView>(`/aid/households/${inA.id}`)).body).toMatchObject({ status: 'active', version: 1 });
  });

  it('a grassroots union sees its own unit only; a district its subtree; the city everything', async () => {
    const ids = async (c: TestClient) => (await c.get<Page<HouseholdItemView>>('/aid/households?status=all&pageSize=200')).body.items.map((h) => h.id).sort();
    expect(await ids(unitA)).toEqual([inA.id]);
    expect(await ids(shang)).toEqual([inA.id, inB.id].sort());
    expect(await ids(city)).toEqual([inA.id, inB.id, inC.id].sort());
    for (const c of routes(inB)) expect((await call(unitA, c)).status, `${c[0]} ${c[1]}`).toBe(404);
    expect((await unitA.get(`/aid/households/${inA.id}`)).status).toBe(200);
    expect((await city.get(`/aid/households/${inC.id}`)).status).toBe(200);
  });

  it('cannot establish for a member outside the scope (422 on headMemberId, nothing learnt of the member)', async () => {
    const other = await headMember(xihu, tree.unionC.id, '叶娟');
    for (const url of ['/aid/households', '/aid/households/tier-preview']) {
      const r = await shang.post<Problem>(url, { headMemberId: other, ...factsAt(800) });
      expect(r.status, url).toBe(422);
      expect(r.body.errors).toEqual([{ path: 'headMemberId', message: '会员不存在或不在您的管理范围内' }]);
    }
  });

  it('a user without the permissions gets 403 on every route (and the denial is audited)', async () => {
    const all: Call[] = [
      ['GET', '/aid/households'],
      ['POST', '/aid/households', { headMemberId: inA.headMemberId, ...factsAt(800) }],
      ['POST', '/aid/households/export', {}],
      ['GET', '/aid/subsistence-lines'],
      ['PUT', '/aid/subsistence-lines', { lines: [], rules: {} }],
      ...routes(inA),
    ];
    for (const c of all) {
      const r = await call(worker, c);
      expect(r.status, `${c[0]} ${c[1]}`).toBe(403);
    }
    expect((await auditRowsFor(t, 'route', 'GET /api/aid/households')).at(-1)).toMatchObject({ action: 'access.denied', result: 'denied', username: 'hs_worker' });
  });

  it('only the city configures 低保 lines (aid:settings:configure); districts may read them', async () => {
    expect((await shang.get('/aid/subsistence-lines')).status).toBe(200);
    const rules = { relativeMultiplePermille: 1500, accidentMultiplePermille: 2000, carValueLimitFen: 10_000_000, commercialHomesLimit: 2, reviewIntervalMonths: 12 };
    expect((await shang.put('/aid/subsistence-lines', { lines: [], rules })).status).toBe(403);
    expect((await city.put('/aid/subsistence-lines', { lines: [], rules })).status).toBe(200);
  });

  it('exports only the caller\'s scope, masked, and audits the export', async () => {
    const start = await xihu.post<{ jobId: string }>('/aid/households/export', { status: 'all' });
    expect(start.status).toBe(202);
    const job = await finishJob<{ fileId: string; rows: number }>(t, xihu, start.body.jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result!.rows).toBe(1);
    const file = await rawRequest(t, xihu, 'GET', `/api/files/${job.result!.fileId}/download`);
    expect(file.status).toBe(200);
    const rows = await readXlsx(file.body);
    expect(rows[0]!.slice(0, 6)).toEqual(['户主姓名', '身份证号', '所在工会', '区县(市)', '困难类型', '状态']);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('曾伟');
    expect(String(rows[1]![1])).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(rows[1]![4]).toBe('深度困难');
    // another user cannot fetch the file
    expect((await rawRequest(t, shang, 'GET', `/api/files/${job.result!.fileId}/download`)).status).toBe(404);
    const audit = await auditRowsFor(t, 'hardship_household', job.result!.fileId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'data.export', username: 'hs_xihu' });
  });
});
