import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test-support/test-client.js';
import { finishJob, rawRequest } from '../../test-support/multipart-upload.js';
import { auditRowsFor } from '../../test-support/registry-fixtures.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { proposalWorld, publicProposal, type ProjectView, type ProposalView, type ProposalWorld } from './proposal-fixtures.js';

type Route = [string, string, Record<string, unknown>?];
const call = (c: TestClient, [method, url, body]: Route) => c.req(method as 'GET', url, body);

describe('办实事项目征集 data scope on every route', () => {
  let w: ProposalWorld;
  let shangProposal: ProposalView;
  let target: ProposalView;
  let unitProposal: ProposalView;
  let project: ProjectView;
  let shangCollection: string;

  beforeAll(async () => {
    w = await proposalWorld('bsxs');
    shangProposal = await publicProposal(w, w.workers[0]!, '小候鸟暑托班扩点', '建议在上城区各街道增设小候鸟暑托班,方便农民工子女暑期托管');
    target = await publicProposal(w, w.workers[1]!, '小候鸟暑托班增加名额', '希望小候鸟暑托班增加名额,更多农民工子女暑期有人照看');
    const u = await w.gA.post<ProposalView>('/proposals', { collectionId: w.collectionId, category: '安全健康', title: '车间高温防暑降温', content: '建议为一线车间职工发放防暑降温用品并改善通风' });
    expect(u.status, JSON.stringify(u.body)).toBe(201);
    unitProposal = u.body;
    await w.city.put(`/proposal-collections/${w.collectionId}/status`, { status: 'assessing' });
    await w.city.post(`/proposals/${target.id}/assessment`, { assessment: 'feasible', reason: '可行' });
    project = (await w.city.post<ProjectView>(`/proposals/${target.id}/adoption`, { title: '小候鸟暑托班扩面', ownerOrgId: w.tree.shangcheng.id, budgetFen: 30_000_000, targetDate: '2027-08-31' })).body;
    const sc = await w.shang.post<{ id: string }>('/proposal-collections', { year: 2026, title: '上城区2026年办实事征集', opensOn: '2026-11-01', closesOn: '2026-12-31', categories: ['帮扶救助'] });
    expect(sc.status).toBe(201);
    shangCollection = sc.body.id;
  }, 180_000);
  afterAll(() => w.t.close());

  const proposalRoutes = (id: string, other: string): Route[] => [
    ['GET', `/proposals/${id}`],
    ['POST', `/proposals/${id}/moderation`, { decision: 'blocked', reason: '测试屏蔽' }],
    ['POST', `/proposals/${id}/merge`, { targetId: other }],
  ];
  const manageRoutes = (id: string): Route[] => [
    ['POST', `/proposals/${id}/assessment`, { assessment: 'infeasible', reason: '越权评估' }],
    ['PUT', `/proposals/${id}/shortlist`, { shortlisted: true }],
    ['POST', `/proposals/${id}/adoption`, { title: '越权采纳', ownerOrgId: w.tree.xihu.id, budgetFen: 1, targetDate: '2027-01-01' }],
  ];
  const projectRoutes = (id: string): Route[] => [
    ['GET', `/proposal-projects/${id}`],
    ['POST', `/proposal-projects/${id}/milestones`, { title: '越权节点', plannedOn: '2027-01-01', progress: 0 }],
    ['POST', `/proposal-projects/${id}/progress`, { progress: 10, note: '越权进展' }],
  ];

  it('another district and a sibling union get 404 on a proposal, its project and a collection outside their scope', async () => {
    for (const route of [...proposalRoutes(shangProposal.id, target.id), ...manageRoutes(shangProposal.id), ...projectRoutes(project.id)]) {
      expect((await call(w.xihu, route)).status, `xihu ${route[0]} ${route[1]}`).toBe(404);
    }
    for (const route of [['GET', `/proposals/${shangProposal.id}`], ['GET', `/proposals/${unitProposal.id}`.replace(unitProposal.id, shangProposal.id)], ['GET', `/proposal-projects/${project.id}`]] as Route[]) {
      expect((await call(w.gB, route)).status, `gB ${route[1]}`).toBe(404);
    }
    for (const route of [['GET', `/proposal-collections/${shangCollection}`], ['PUT', `/proposal-collections/${shangCollection}/status`, { status: 'collecting' }], ['GET', `/proposal-collections/${shangCollection}/duplicates`]] as Route[]) {
      expect((await call(w.xihu, route)).status, `xihu ${route[0]} ${route[1]}`).toBe(404);
    }
    const list = await w.xihu.get<{ items: ProposalView[]; total: number }>(`/proposals?collectionId=${w.collectionId}`);
    expect(list.body.total).toBe(0);
    expect((await w.xihu.get<{ items: unknown[] }>('/proposal-projects')).body.items).toEqual([]);
  });

  it('a district sees its own proposals and the citywide collection, but cannot run the city collection (404)', async () => {
    expect((await w.shang.get(`/proposals/${shangProposal.id}`)).status).toBe(200);
    expect((await w.shang.get(`/proposal-collections/${w.collectionId}`)).status).toBe(200);
    expect((await w.shang.put(`/proposal-collections/${w.collectionId}/status`, { status: 'voting' })).status).toBe(404);
    for (const route of manageRoutes(shangProposal.id)) expect((await call(w.shang, route)).status, `${route[0]} ${route[1]}`).toBe(404);
    // the owner union of the project manages it
    expect((await w.shang.post(`/proposal-projects/${project.id}/milestones`, { title: '开班', plannedOn: '2027-07-05', progress: 0 })).status).toBe(201);
    // grassroots staff read their own union's proposals but may not moderate
    expect((await w.gA.get(`/proposals/${shangProposal.id}`)).status).toBe(200);
    expect((await w.gA.post(`/proposals/${shangProposal.id}/moderation`, { decision: 'public' })).status).toBe(403);
  });

  it('a member sees public proposals and their own, never another member pending one nor the staff routes', async () => {
    const pending = await w.workers[2]!.post<ProposalView>('/m/proposals', { collectionId: w.collectionId, category: '帮扶救助', title: '困难职工子女助学', content: '建议提高困难职工子女助学金标准' });
    expect(pending.status).toBe(422); // the collection is no longer collecting
    expect((await w.workerC.get(`/m/proposals/${shangProposal.id}`)).status).toBe(200);
    expect((await w.workerC.get(`/m/proposals/${unitProposal.id}`)).status).toBe(404); // pending
    expect((await w.workerC.get<ProposalView>(`/m/proposals/${shangProposal.id}`)).body.proposerName).not.toBe('征集建国');
    expect((await w.workerC.get(`/m/proposal-collections/${shangCollection}`)).status).toBe(404); // a draft of another district
    for (const route of [...proposalRoutes(shangProposal.id, target.id), ...projectRoutes(project.id)]) expect((await call(w.workerC, route)).status).toBe(403);
    expect((await w.city.get(`/m/proposals/mine`)).status).toBe(403);
  });

  it('exports the proposals in the caller\'s scope as xlsx and audits it', async () => {
    const run = async (c: TestClient) => {
      const start = await c.post<{ jobId: string }>('/proposals/export', { collectionId: w.collectionId });
      expect(start.status).toBe(202);
      const job = await finishJob<{ fileId: string; rows: number }>(w.t, c, start.body.jobId);
      expect(job.status).toBe('succeeded');
      return job.result!;
    };
    const shang = await run(w.shang);
    expect(shang.rows).toBe(3); // two member proposals and the unit one, all in 上城
    const rows = await readXlsx((await rawRequest(w.t, w.shang, 'GET', `/api/files/${shang.fileId}/download`)).body);
    expect(rows[0]!.slice(0, 3)).toEqual(['征集活动', '类别', '建议标题']);
    expect(rows.slice(1).map((r) => r[2]).sort()).toEqual([shangProposal.title, target.title, unitProposal.title].sort());
    expect((await auditRowsFor(w.t, 'proposal', shang.fileId)).map((r) => r.action)).toEqual(['data.export']);
    expect((await run(w.xihu)).rows).toBe(0);
  });
});
