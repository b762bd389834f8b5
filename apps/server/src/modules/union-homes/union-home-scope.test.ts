import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { finishJob, rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { auditRowsFor, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { builtinRole, type GradesByDistrict, type PermissionCode, type UnionHomeListItem } from '@gonghui/contracts';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { openAssessment, profile, type AssessmentView } from './union-home-fixtures.js';
import { registerUnionHomeJobs } from './union-home-export.js';

type Call = [method: 'GET' | 'POST' | 'PUT', url: string, body?: Record<string, unknown>, permission?: PermissionCode];

/** 403 when the role lacks the route's code (checked first), else 404 outside the scope. */
const expected = (role: string, call: Call) => (call[3] && !builtinRole(role)!.permissions.includes(call[3]) ? 403 : 404);

describe('职工之家 data scope and permissions on every route', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let unitC: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  let a: AssessmentView;
  let c: AssessmentView;

  const routes = (x: AssessmentView, orgId: string): Call[] => [
    ['GET', `/union-homes/orgs/${orgId}`],
    ['PUT', `/union-homes/orgs/${orgId}`, profile(), 'union-home:home:manage'],
    ['POST', `/union-homes/orgs/${orgId}/assessments`, { cycleYear: 2030 }, 'union-home:home:manage'],
    ['GET', `/union-homes/assessments/${x.id}`],
    ['PUT', `/union-homes/assessments/${x.id}/self`, { items: [{ criterionKey: 'venue', points: 5 }] }, 'union-home:home:manage'],
    ['POST', `/union-homes/assessments/${x.id}/ratings`, { items: [{ criterionKey: 'venue', points: 5 }] }, 'union-home:assessment:review'],
    ['POST', `/union-homes/assessments/${x.id}/submit`, {}, 'union-home:home:manage'],
    ['POST', `/union-homes/assessments/${x.id}/withdraw`, {}, 'union-home:home:manage'],
    ['POST', `/union-homes/assessments/${x.id}/approve`, {}, 'union-home:assessment:review'],
    ['POST', `/union-homes/assessments/${x.id}/return`, { opinion: '退回' }, 'union-home:assessment:review'],
    ['POST', `/union-homes/assessments/${x.id}/confirm`, {}, 'union-home:assessment:confirm'],
    ['POST', `/union-homes/assessments/${x.id}/revoke`, { reason: '测试撤销' }, 'union-home:assessment:confirm'],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'U');
    unitA = await userClient(t, sys, 'us_a', tree.unionA.id, ['grassroots_admin']);
    unitC = await userClient(t, sys, 'us_c', tree.unionC.id, ['grassroots_admin']);
    shang = await userClient(t, sys, 'us_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'us_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'us_city', tree.city.id, ['city_admin']);
    registerUnionHomeJobs(t.ctx.jobs);
    a = await openAssessment(unitA, tree.unionA.id, 2026);
    c = await openAssessment(unitC, tree.unionC.id, 2026);
    const unitB = await userClient(t, sys, 'us_b', tree.unionB.id, ['grassroots_admin']);
    await unitB.put(`/union-homes/orgs/${tree.unionB.id}`, profile({ venueName: '乙公司职工书屋' }));
  });
  afterAll(() => t.close());

  it('another district gets 404 on every route of a home and its assessment, evidence included; nothing changes', async () => {
    for (const call of routes(a, tree.unionA.id)) {
      const r = await xihu.req<Problem>(call[0], call[1], call[2]);
      expect(r.status, `${call[0]} ${call[1]}`).toBe(expected('district_admin', call));
    }
    const item = a.items[0]!;
    // upload: the other district lacks the code (403); another union holding it is outside the scope (404)
    expect((await uploadFile(t, xihu, `/api/union-homes/assessment-items/${item.id}/evidence`, { filename: 'x.png', content: pngFile() }, { type: 'photo' })).status).toBe(403);
    expect((await uploadFile(t, unitC, `/api/union-homes/assessment-items/${item.id}/evidence`, { filename: 'x.png', content: pngFile() }, { type: 'photo' })).status).toBe(404);
    // the union's own upload, then the other district cannot view or delete it
    const mine = await uploadFile(t, unitA, `/api/union-homes/assessment-items/${item.id}/evidence`, { filename: '阵地.png', content: pngFile() }, { type: 'photo' });
    expect(mine.status).toBe(201);
    const fileId = mine.json<AssessmentView>().items[0]!.evidence[0]!.fileId;
    expect((await rawRequest(t, xihu, 'GET', `/api/union-homes/assessment-items/${item.id}/evidence/${fileId}`)).status).toBe(404);
    expect((await xihu.req('DELETE', `/union-homes/assessment-items/${item.id}/evidence/${fileId}`)).status).toBe(403);
    expect((await unitC.req('DELETE', `/union-homes/assessment-items/${item.id}/evidence/${fileId}`)).status).toBe(404);
    expect((await rawRequest(t, shang, 'GET', `/api/union-homes/assessment-items/${item.id}/evidence/${fileId}`)).status).toBe(200);
    expect((await unitA.get<AssessmentView>(`/union-homes/assessments/${a.id}`)).body).toMatchObject({ status: 'draft' });
  });

  it('a grassroots union sees only its own home; another union of the same district is 404 to it', async () => {
    for (const call of routes(c, tree.unionC.id)) expect((await unitA.req(call[0], call[1], call[2])).status, `${call[0]} ${call[1]}`).toBe(expected('grassroots_admin', call));
    // the city (every code) outside nothing, so a missing one is 404 to it as well
    expect((await city.get('/union-homes/assessments/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await unitA.get(`/union-homes/orgs/${tree.unionB.id}`)).status).toBe(404);
    const ids = async (cl: TestClient) => (await cl.get<Page<UnionHomeListItem>>('/union-homes?pageSize=200')).body.items.map((h) => h.orgId).sort();
    expect(await ids(unitA)).toEqual([tree.unionA.id]);
    expect(await ids(shang)).toEqual([tree.unionA.id, tree.unionB.id].sort());
    expect(await ids(xihu)).toEqual([tree.unionC.id]);
    expect(await ids(city)).toEqual(expect.arrayContaining([tree.unionA.id, tree.unionB.id, tree.unionC.id]));
    const filtered = await city.get<Page<UnionHomeListItem>>(`/union-homes?districtId=${tree.xihu.id}&pageSize=200`);
    expect(filtered.body.items.map((h) => h.orgId)).toEqual([tree.unionC.id]);
    // due: never assessed (乙); 甲 has its assessment under way
    const due = await shang.get<Page<UnionHomeListItem>>('/union-homes?due=true&pageSize=200');
    expect(due.body.items.map((h) => h.orgId)).toEqual([tree.unionB.id]);
  });

  it('grades by district count only the homes in scope', async () => {
    const g = await shang.get<GradesByDistrict>('/union-homes/grades-by-district');
    expect(g.body.rows, JSON.stringify(g.body.rows)).toHaveLength(1);
    expect(g.body.rows).toEqual([expect.objectContaining({ districtId: tree.shangcheng.id, homes: 2, due: 1, counts: { none: 2 } })]);
    const all = await city.get<GradesByDistrict>('/union-homes/grades-by-district');
    expect(all.body.rows.map((r) => r.districtName)).toEqual(expect.arrayContaining(['上城区总工会', '西湖区总工会']));
    expect(all.body.grades.map((x) => x.label)).toEqual(['不合格', '合格职工之家', '先进职工之家', '模范职工之家', '未定级']);
  });

  it('a member (no 职工之家 permission) is refused every route with 403', async () => {
    const sys = await t.login('sysadmin');
    const worker = await userClient(t, sys, 'us_worker', tree.unionA.id, ['member']);
    for (const call of [...routes(a, tree.unionA.id), ['GET', '/union-homes'] as Call, ['GET', '/union-homes/template'] as Call, ['POST', '/union-homes/export', {}] as Call]) {
      expect((await worker.req(call[0], call[1], call[2])).status, `${call[0]} ${call[1]}`).toBe(403);
    }
  });

  it('exports only the caller\'s scope, with the filters, and audits the export', async () => {
    const start = await shang.post<{ jobId: string }>('/union-homes/export', { due: true });
    expect(start.status).toBe(202);
    const job = await finishJob<{ fileId: string; rows: number }>(t, shang, start.body.jobId);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 1 } });
    const rows = await readXlsx((await rawRequest(t, shang, 'GET', `/api/files/${job.result!.fileId}/download`)).body);
    expect(rows[0]!.slice(0, 5)).toEqual(['基层工会', '区县(市)', '职工之家阵地', '面积(m²)', '现有等级']);
    expect(rows[1]!.slice(0, 3)).toEqual(['U乙公司工会', '上城区总工会', '乙公司职工书屋']);
    expect((await rawRequest(t, xihu, 'GET', `/api/files/${job.result!.fileId}/download`)).status).toBe(404);
    expect((await auditRowsFor(t, 'union_home', job.result!.fileId)).map((r) => r.action)).toEqual(['data.export']);
  });
});
