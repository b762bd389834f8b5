import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../test-support/multipart-upload.js';
import type { TestClient } from '../../test-support/test-client.js';
import { acceptedCase, caseBody, memberCase, rightsWorld, type RightsView, type RightsWorld } from './rights-fixtures.js';

type Route = [string, string, Record<string, unknown>?];
const call = (c: TestClient, [method, url, body]: Route) => c.req(method as 'GET', url, body);

describe('维权案件 data scope on every route', () => {
  let w: RightsWorld;
  let accepted: RightsView;
  let fresh: RightsView;
  let otherWorkers: RightsView;

  beforeAll(async () => {
    w = await rightsWorld('rsc');
    accepted = await acceptedCase(w.shang, w.workerA, { enterpriseId: w.entShang });
    fresh = await memberCase(w.workerA, { enterpriseId: w.entShang });
    otherWorkers = await memberCase(w.workerC, { enterpriseId: w.entShang });
  }, 120_000);
  afterAll(() => w.t.close());

  const staffRoutes = (id: string): Route[] => [
    ['GET', `/rights/cases/${id}`],
    ['POST', `/rights/cases/${id}/accept`, { decision: 'accept' }],
    ['POST', `/rights/cases/${id}/steps`, { kind: 'consultation', stepDate: '2026-11-24', note: '解答' }],
    ['POST', `/rights/cases/${id}/close`, { outcome: 'not_resolved', note: '未解决' }],
  ];
  const memberRoutes = (id: string): Route[] => [
    ['GET', `/m/rights/cases/${id}`],
    ['POST', `/m/rights/cases/${id}/withdraw`],
    ['POST', `/m/rights/cases/${id}/rating`, { satisfaction: 'satisfied' }],
  ];

  it('another district and a grassroots union get 404 on every staff route of a case outside their scope', async () => {
    for (const id of [accepted.id, fresh.id]) {
      for (const route of staffRoutes(id)) expect((await call(w.xihu, route)).status, `${route[0]} ${route[1]}`).toBe(404);
    }
    // grassroots staff hold no rights permission: 403 before anything is read
    expect((await w.gA.get(`/rights/cases/${accepted.id}`)).status).toBe(403);
    expect((await w.xihu.get<{ total: number }>('/rights/cases')).body.total).toBe(0);
    expect((await w.shang.get(`/rights/cases/${accepted.id}`)).status).toBe(200);
    expect((await w.city.get(`/rights/cases/${accepted.id}`)).status).toBe(200);
    const x = await rawRequest(w.t, w.xihu, 'GET', '/api/rights/cases/export.xlsx');
    expect(x.status).toBe(200);
  });

  it('a member sees only their own cases, on the H5 routes only', async () => {
    for (const route of memberRoutes(fresh.id)) expect((await call(w.workerC, route)).status, `${route[0]} ${route[1]}`).toBe(404);
    for (const route of staffRoutes(otherWorkers.id)) expect((await call(w.workerA, route)).status, `${route[0]} ${route[1]}`).toBe(403);
    expect((await w.workerA.get(`/m/rights/cases/${otherWorkers.id}`)).status).toBe(404);
    const mine = await w.workerA.get<{ items: { id: string }[] }>('/m/rights/cases');
    expect(mine.body.items.map((i) => i.id).sort()).toEqual([accepted.id, fresh.id].sort());
    expect((await w.workerA.get('/rights/campaign')).status).toBe(403);
    expect((await w.workerA.post('/rights/cases', { ...caseBody(), callerName: '某', callerPhone: '13900000000' })).status).toBe(403);
  });

  it('staff cannot use the worker routes, even on cases in their scope', async () => {
    for (const route of memberRoutes(accepted.id)) expect((await call(w.shang, route)).status, `${route[0]} ${route[1]}`).toBe(403);
  });
});
