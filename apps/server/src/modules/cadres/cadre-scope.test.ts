import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cadre, CadreStats, Committee, Training } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { auditRowsFor, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { cadreBody, createCadre, createCommittee, createTraining, committeeBody, trainingBody } from './cadre-test-fixtures.js';

type Call = [method: 'GET' | 'POST' | 'PUT', url: string, body?: Record<string, unknown>];

describe('工会干部 data scope on every route', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let unitB: TestClient;
  let xihu: TestClient;
  let shang: TestClient;
  let member: TestClient;
  let k: Cadre;
  let com: Committee;
  let tr: Training;

  const recordRoutes = (): Call[] => [
    ['GET', `/cadres/${k.id}`],
    ['PUT', `/cadres/${k.id}`, { ...cadreBody(tree.unionA.id, 1), version: k.version }],
    ['POST', `/cadres/${k.id}/leave`, { leftOn: '2026-10-01', leftReason: '调动', version: k.version }],
    ['GET', `/cadres/committees/${com.id}`],
    ['PUT', `/cadres/committees/${com.id}`, { ...committeeBody(tree.unionA.id), version: com.version }],
    ['POST', `/cadres/committees/${com.id}/renew`, { ...committeeBody(tree.unionA.id, { termNo: 4, termStart: '2026-06-01', electedOn: '2026-06-01', termEnd: '2031-05-31' }), version: com.version }],
    ['GET', `/cadres/trainings/${tr.id}`],
    ['PUT', `/cadres/trainings/${tr.id}`, { ...trainingBody(tree.shangcheng.id), version: tr.version }],
    ['PUT', `/cadres/trainings/${tr.id}/attendance`, { entries: [{ cadreId: k.id, signedIn: true }] }],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'S');
    unitA = await userClient(t, sys, 's_a', tree.unionA.id, ['grassroots_admin']);
    unitB = await userClient(t, sys, 's_b', tree.unionB.id, ['grassroots_admin']);
    xihu = await userClient(t, sys, 's_xihu', tree.xihu.id, ['district_admin']);
    shang = await userClient(t, sys, 's_shang', tree.shangcheng.id, ['district_admin']);
    member = await userClient(t, sys, 's_member', tree.unionA.id, ['member']);
    com = await createCommittee(unitA, committeeBody(tree.unionA.id));
    k = await createCadre(unitA, cadreBody(tree.unionA.id, 1));
    tr = await createTraining(shang, trainingBody(tree.shangcheng.id));
  });
  afterAll(() => t.close());

  it('another district and a sibling union get 404 on every record route; nothing changes, nothing audited', async () => {
    for (const c of [xihu, unitB]) {
      for (const [method, url, body] of recordRoutes()) {
        const r = await c.req<Problem>(method, url, body);
        expect(r.status, `${method} ${url}`).toBe(404);
      }
    }
    expect((await unitA.get<Cadre>(`/cadres/${k.id}`)).body).toMatchObject({ state: 'in_office', version: 1 });
    expect(await auditRowsFor(t, 'cadre', k.id)).toHaveLength(1);
    expect(await auditRowsFor(t, 'cadre_training', tr.id)).toHaveLength(1);
  });

  it('a union does not see the district training it did not organise, the district sees the union cadre', async () => {
    expect((await unitA.get(`/cadres/trainings/${tr.id}`)).status).toBe(404);
    expect((await shang.get<Cadre>(`/cadres/${k.id}`)).status).toBe(200);
    expect((await shang.put(`/cadres/trainings/${tr.id}/attendance`, { entries: [{ cadreId: k.id, signedIn: true }] })).status).toBe(200);
    // the union sees its cadre's hours from the district session
    expect((await unitA.get<Cadre>(`/cadres/${k.id}`)).body.trainings.map((x) => x.title)).toEqual([tr.title]);
  });

  it('lists, the due list, statistics and the export hold only what the caller sees', async () => {
    for (const url of ['/cadres', '/cadres?state=all', '/cadres/committees?status=all', '/cadres/trainings']) {
      expect((await xihu.get<{ total: number }>(url)).body.total, url).toBe(0);
      expect((await unitB.get<{ total: number }>(url)).body.total, url).toBe(0);
    }
    expect((await xihu.get<unknown[]>('/cadres/committees/due')).body).toEqual([]);
    expect((await xihu.get<CadreStats>(`/cadres/statistics?orgId=${tree.unionA.id}`)).body.total.cadres).toBe(0);
    const file = await rawRequest(t, xihu, 'GET', '/api/cadres/export.xlsx');
    expect(await readXlsx(file.body)).toHaveLength(1);
  });

  it('writes naming an org outside the scope are refused on the field', async () => {
    for (const [url, body] of [
      ['/cadres', cadreBody(tree.unionC.id, 2)],
      ['/cadres/committees', committeeBody(tree.unionC.id)],
      ['/cadres/trainings', trainingBody(tree.xihu.id)],
    ] as const) {
      const r = await shang.post<Problem>(url, body);
      expect(r.status, url).toBe(422);
      expect(paths(r.body), url).toEqual(['orgId']);
    }
  });

  it('a member account has none of the codes: 403 everywhere', async () => {
    for (const [method, url, body] of [...recordRoutes(), ['GET', '/cadres'], ['GET', '/cadres/committees/due'], ['GET', '/cadres/statistics'], ['GET', '/cadres/settings']] as Call[]) {
      expect((await member.req(method, url, body)).status, `${method} ${url}`).toBe(403);
    }
  });
});
