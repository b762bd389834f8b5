import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuesBaseRow, DuesBatch, DuesReport } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { auditRowsFor, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { duesMember, newBatch, setBase } from './dues-test-fixtures.js';

type Call = [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: Record<string, unknown>];

describe('会费 data scope on every route, and the report by org', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let unitB: TestClient;
  let xihu: TestClient;
  let shang: TestClient;
  let member: TestClient;
  let base: DuesBaseRow;
  let batch: DuesBatch;
  let exemptionId: string;
  let m1: string;

  const recordRoutes = (): Call[] => [
    ['GET', `/finance/dues/batches/${batch.id}`],
    ['PUT', `/finance/dues/batches/${batch.id}`, { version: batch.version, method: 'cash', lines: [] }],
    ['POST', `/finance/dues/batches/${batch.id}/confirm`, { version: batch.version }],
    ['DELETE', `/finance/dues/batches/${batch.id}`],
    ['PUT', `/finance/dues/bases/${base.baseId}`, { version: 1, employerType: 'enterprise', items: [{ code: 'post', amountFen: 100 }] }],
    ['DELETE', `/finance/dues/exemptions/${exemptionId}`],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'F');
    unitA = await userClient(t, sys, 'f_a', tree.unionA.id, ['grassroots_admin']);
    unitB = await userClient(t, sys, 'f_b', tree.unionB.id, ['grassroots_admin']);
    xihu = await userClient(t, sys, 'f_xihu', tree.xihu.id, ['district_admin']);
    shang = await userClient(t, sys, 'f_shang', tree.shangcheng.id, ['district_admin']);
    m1 = await duesMember(unitA, tree.unionA.id, 11);
    member = await userClient(t, sys, 'f_member', tree.unionA.id, ['member'], { memberId: m1 });
    const m2 = await duesMember(unitA, tree.unionA.id, 12);
    base = await setBase(unitA, m1, 5678);
    await setBase(unitA, m2, 6000);
    exemptionId = (await unitA.post<{ id: string }>('/finance/dues/exemptions', { memberId: m2, reason: 'laid_off', fromMonth: '2026-01', toMonth: '2026-02' })).body.id;
    batch = await newBatch(unitA, tree.unionA.id, '2026-02');
  });
  afterAll(() => t.close());

  it('another district and a sibling union get 404 on every record route; nothing changes, nothing audited', async () => {
    for (const c of [xihu, unitB]) {
      for (const [method, url, body] of recordRoutes()) expect((await c.req<Problem>(method, url, body)).status, `${method} ${url}`).toBe(404);
    }
    expect((await unitA.get<DuesBatch>(`/finance/dues/batches/${batch.id}`)).body).toMatchObject({ status: 'draft', version: 1 });
    expect(await auditRowsFor(t, 'dues_batch', batch.id)).toHaveLength(1);
    expect(await auditRowsFor(t, 'dues_exemption', exemptionId)).toHaveLength(1);
  });

  it('lists, arrears and exports hold only what the caller sees; writes naming others are refused on the field', async () => {
    for (const url of ['/finance/dues/bases?year=2026', '/finance/dues/batches', '/finance/dues/arrears?year=2026']) {
      expect((await xihu.get<{ total: number }>(url)).body.total, url).toBe(0);
      expect((await unitB.get<{ total: number }>(url)).body.total, url).toBe(0);
      expect((await shang.get<{ total: number }>(url)).body.total, url).toBeGreaterThan(0);
    }
    expect((await xihu.get<unknown[]>('/finance/dues/arrears/unions?year=2026')).body).toEqual([]);
    const file = await rawRequest(t, xihu, 'GET', '/api/finance/dues/arrears/export.xlsx?year=2026');
    expect(await readXlsx(file.body)).toHaveLength(1);
    const mine = await rawRequest(t, unitA, 'GET', '/api/finance/dues/arrears/export.xlsx?year=2026');
    expect((await readXlsx(mine.body)).length).toBe(3);
    expect(paths((await xihu.get<Problem>(`/finance/dues/arrears?year=2026&orgId=${tree.unionA.id}`)).body)).toEqual(['orgId']);
    expect(paths((await xihu.post<Problem>('/finance/dues/bases', { memberId: m1, year: 2027, employerType: 'enterprise', items: [{ code: 'post', amountFen: 100 }] })).body)).toEqual(['memberId']);
    expect(paths((await unitB.post<Problem>('/finance/dues/batches', { orgId: tree.unionA.id, month: '2026-03', method: 'cash' })).body)).toEqual(['orgId']);
    expect(paths((await shang.post<Problem>('/finance/dues/batches', { orgId: tree.shangStreet.id, month: '2026-03', method: 'cash' })).body)).toEqual(['orgId']);
    expect(paths((await unitA.post<Problem>('/finance/dues/batches', { orgId: tree.unionA.id, month: '2099-01', method: 'cash' })).body)).toEqual(['month']);
  });

  it('the report: the district by street, drill to the union, months; another district gets 404; a union has no report', async () => {
    await unitA.post(`/finance/dues/batches/${batch.id}/confirm`, { version: batch.version });
    const r = await shang.get<DuesReport>('/finance/dues/report?year=2026');
    expect(r.status).toBe(200);
    expect(r.body.parent.id).toBe(tree.shangcheng.id);
    const street = r.body.rows.find((x) => x.orgId === tree.shangStreet.id)!;
    expect(street).toMatchObject({ hasChildren: true, paidFen: 2835 });
    const feb = r.body.months.find((m) => m.month === '2026-02')!;
    // February: m1 due and paid, m2 exempt (6,000 yuan → 30 yuan waived)
    expect(feb).toEqual({ month: '2026-02', dueFen: 2835, paidFen: 2835, arrearsFen: 0, exemptFen: 3000 });
    expect(r.body.total.dueFen).toBe(r.body.total.paidFen + r.body.total.arrearsFen);
    const drill = await shang.get<DuesReport>(`/finance/dues/report?year=2026&month=2026-02&parentId=${tree.shangStreet.id}`);
    expect(drill.body.rows.find((x) => x.orgId === tree.unionA.id)).toMatchObject({ dueFen: 2835, paidFen: 2835, exemptFen: 3000 });
    expect(drill.body.parent.parentId).toBe(tree.shangcheng.id);
    for (const id of [tree.shangcheng.id, tree.unionA.id]) expect((await xihu.get(`/finance/dues/report?year=2026&parentId=${id}`)).status).toBe(404);
    expect((await xihu.get<DuesReport>('/finance/dues/report?year=2026')).body.total.dueFen).toBe(0);
    expect((await unitA.get('/finance/dues/report?year=2026')).status).toBe(403);
    expect(paths((await shang.get<Problem>('/finance/dues/report?year=2026&month=2025-02')).body)).toEqual(['month']);
    const file = await rawRequest(t, shang, 'GET', '/api/finance/dues/report/export.xlsx?year=2026');
    expect(file.status).toBe(200);
    expect((await readXlsx(file.body)).length).toBeGreaterThan(2);
  });

  it('a member account only has its own history: 403 elsewhere', async () => {
    for (const [method, url, body] of [...recordRoutes(), ['GET', '/finance/dues/batches'], ['GET', '/finance/dues/bases?year=2026'], ['GET', '/finance/dues/report?year=2026']] as Call[]) {
      expect((await member.req(method, url, body)).status, `${method} ${url}`).toBe(403);
    }
    const mine = await member.get<{ months: { month: string; state: string }[] }>('/finance/dues/mine?year=2026');
    expect(mine.body.months.find((m) => m.month === '2026-02')!.state).toBe('paid');
    expect((await unitA.get('/finance/dues/mine?year=2026')).status).toBe(403);
  });
});
