import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngFile } from '../../test-support/evidence-files.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import type { TestClient } from '../../test-support/test-client.js';
import { hazardWorld, rectifyingReport, reportBody, submittedReport, uploadPhoto, type HazardView, type HazardWorld } from './hazard-fixtures.js';

describe('安全隐患随手拍 data scope on every route', () => {
  let w: HazardWorld;
  let rectifying: HazardView;
  let reported: HazardView;
  let draft: HazardView;
  let sceneFile: string;
  let afterFile: string;

  beforeAll(async () => {
    w = await hazardWorld('hzs');
    rectifying = await rectifyingReport(w, w.gA, w.workerA, { enterpriseId: w.entA });
    const up = await uploadPhoto(w, w.gA, `/hazards/${rectifying.id}/rectify-photos`, pngFile(3), 'after.png', 'rectified');
    expect(up.status).toBe(201);
    rectifying = (await w.gA.get<HazardView>(`/hazards/${rectifying.id}`)).body;
    sceneFile = rectifying.photos[0]!.fileId;
    afterFile = rectifying.rectifyPhotos[0]!.fileId;
    reported = await submittedReport(w, w.workerA, { enterpriseId: w.entA });
    draft = (await w.workerA.post<HazardView>('/m/hazards', reportBody({ enterpriseId: w.entA }))).body;
  }, 120_000);
  afterAll(() => w.t.close());

  const staffRoutes = (id: string): [string, string, Record<string, unknown>?][] => [
    ['GET', `/hazards/${id}`],
    ['POST', `/hazards/${id}/review`, { decision: 'reject', opinion: '不属实' }],
    ['POST', `/hazards/${id}/rectify`, { note: '已整改' }],
    ['POST', `/hazards/${id}/verify`, { passed: true }],
    ['POST', `/hazards/${id}/close`, {}],
    ['GET', `/hazards/${id}/photos/${sceneFile}`],
    ['DELETE', `/hazards/${id}/photos/${sceneFile}`],
    ['GET', `/hazards/${id}/rectify-photos/${afterFile}`],
    ['DELETE', `/hazards/${id}/rectify-photos/${afterFile}`],
  ];
  const call = (c: TestClient, [method, url, body]: [string, string, Record<string, unknown>?]) => c.req(method as 'GET', url, body);

  it('another district and a sibling union get 404 on every staff route of a report outside their scope', async () => {
    for (const c of [w.xihu, w.gB]) {
      for (const id of [rectifying.id, reported.id]) {
        for (const route of staffRoutes(id)) expect((await call(c, route)).status, `${route[0]} ${route[1]}`).toBe(404);
        expect((await uploadPhoto(w, c, `/hazards/${id}/rectify-photos`, pngFile(2), 'x.png', 'rectified')).status).toBe(404);
        expect((await uploadPhoto(w, c, `/hazards/${id}/photos`)).status).toBe(404);
      }
    }
    // the reporter's draft is theirs alone, also for the union responsible
    for (const route of staffRoutes(draft.id).slice(0, 5)) expect((await call(w.gA, route)).status).toBe(404);
    // the district above sees the reports; scene photos are the reporter's to change
    expect((await w.shang.get(`/hazards/${rectifying.id}`)).status).toBe(200);
    expect((await rawRequest(w.t, w.shang, 'GET', `/api/hazards/${rectifying.id}/photos/${sceneFile}`)).status).toBe(200);
    expect((await w.shang.del(`/hazards/${rectifying.id}/photos/${sceneFile}`)).status).toBe(403);
  });

  it('a member sees only their own reports and never the staff routes', async () => {
    const own = (id: string): [string, string, Record<string, unknown>?][] => [
      ['GET', `/m/hazards/${id}`],
      ['POST', `/m/hazards/${id}/submit`],
      ['GET', `/m/hazards/${id}/photos/${sceneFile}`],
      ['DELETE', `/m/hazards/${id}/photos/${sceneFile}`],
      ['GET', `/m/hazards/${id}/rectify-photos/${afterFile}`],
    ];
    for (const id of [rectifying.id, reported.id, draft.id]) {
      for (const route of own(id)) expect((await call(w.workerC, route)).status, `${route[0]} ${route[1]}`).toBe(404);
      expect((await uploadPhoto(w, w.workerC, `/m/hazards/${id}/photos`)).status).toBe(404);
    }
    expect((await w.workerC.get<{ reports: HazardView[] }>('/m/hazards')).body.reports).toEqual([]);
    for (const route of staffRoutes(rectifying.id)) expect((await call(w.workerA, route)).status).toBe(403);
    for (const url of ['/hazards', '/hazards/stats', '/hazards/export.xlsx']) expect((await w.workerA.get(url)).status).toBe(403);
    // the reporter sees their own, the rectification photos too
    expect((await rawRequest(w.t, w.workerA, 'GET', `/api/m/hazards/${rectifying.id}/rectify-photos/${afterFile}`)).status).toBe(200);
    expect((await w.workerA.del(`/m/hazards/${rectifying.id}/rectify-photos/${afterFile}`)).status).toBe(403);
    const mine = await w.workerA.get<{ reports: HazardView[] }>('/m/hazards');
    expect(mine.body.reports.map((r) => r.id).sort()).toEqual([rectifying.id, reported.id, draft.id].sort());
    // staff hold no H5 code
    expect((await w.gA.get('/m/hazards')).status).toBe(403);
  });

  it('lists, statistics and the export are limited to the scope', async () => {
    const ids = async (c: TestClient) => (await c.get<{ items: HazardView[] }>('/hazards?pageSize=200')).body.items.map((x) => x.id).sort();
    expect(await ids(w.xihu)).toEqual([]);
    expect(await ids(w.gB)).toEqual([]);
    expect(await ids(w.gA)).toEqual([rectifying.id, reported.id].sort());
    expect(await ids(w.shang)).toEqual([rectifying.id, reported.id].sort());
    expect(await ids(w.city)).toEqual(expect.arrayContaining([rectifying.id, reported.id]));
    expect((await w.gB.get<{ rows: unknown[] }>('/hazards/stats')).body.rows).toEqual([]);
    const total = async (c: TestClient) => (await c.get<{ rows: { reported: number }[] }>('/hazards/stats')).body.rows.reduce((s, r) => s + r.reported, 0);
    expect(await total(w.shang)).toBe(2);
    const rows = async (c: TestClient) => (await readXlsx((await rawRequest(w.t, c, 'GET', '/api/hazards/export.xlsx')).body)).slice(1).map((r) => r[0]);
    expect(await rows(w.xihu)).toEqual([]);
    expect((await rows(w.shang)).sort()).toEqual([rectifying.reportNo, reported.reportNo].sort());
  });
});
