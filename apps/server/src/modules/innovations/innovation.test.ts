import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { auditRowsFor, createMember, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { seedFund } from '../../test-support/ledger-fixtures.js';

interface InnovationView extends Problem {
  id: string;
  status: string;
  memberName: string | null;
  teamMembers: { name: string; memberId: string | null }[];
  lastOpinion: string | null;
  certificateNo: string | null;
  attachments: { fileId: string }[];
  adoption: { valueFen: number } | null;
  reward: { amountFen: number } | null;
  workflow: { stepKey: string | null; assigneeOrgId: string | null };
  timeline: { action: string; stepLabel: string | null; opinion: string | null }[];
  abilities: Record<string, boolean>;
}
interface ListView {
  items: InnovationView[];
  total: number;
}

const FIELDS = { kind: 'renovation', title: '数控车床快速换刀夹具', problem: '换刀一次要二十分钟,影响产能', proposal: '设计一种快换夹具,定位销加偏心压板', expectedBenefit: '每班节省换刀时间约一小时' };

describe('五小创新 and 合理化建议 on the review workflow', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let gA: TestClient;
  let gB: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let worker: TestClient;
  let other: TestClient;
  let workerMember: string;
  let fundId: string;

  const act = (c: TestClient, id: string, action: string, opinion?: string) => c.post<InnovationView>(`/innovations/${id}/actions`, { action, ...(opinion ? { opinion } : {}) });
  const ok = async (c: TestClient, id: string, action: string, opinion?: string) => {
    const r = await act(c, id, action, opinion);
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  const submitOwn = async (title = FIELDS.title) => {
    const r = await worker.post<InnovationView>('/m/innovations', { ...FIELDS, title });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const toCity = async (id: string) => {
    await ok(gA, id, 'approve', '方案可行,同意推荐');
    await ok(shang, id, 'approve', '同意推荐市级认定');
  };

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '创新');
    city = await userClient(t, sys, 'inv_city', tree.city.id, ['city_admin']);
    gA = await userClient(t, sys, 'inv_ga', tree.unionA.id, ['grassroots_admin']);
    gB = await userClient(t, sys, 'inv_gb', tree.unionB.id, ['grassroots_admin']);
    shang = await userClient(t, sys, 'inv_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'inv_xihu', tree.xihu.id, ['district_admin']);
    const mk = async (n: number, name: string) =>
      (await createMember(city, { name, idCard: makeIdCard('330102', '19850101', 700 + n), phone: makePhone('177', 700 + n), orgId: tree.unionA.id, bankAccount: `62220212${String(30_000_000 + n)}` })).id;
    workerMember = await mk(1, '创新建国');
    const otherMember = await mk(2, '创新立新');
    await mk(3, '创新小红');
    worker = await userClient(t, sys, 'inv_worker', tree.unionA.id, ['member'], { memberId: workerMember });
    other = await userClient(t, sys, 'inv_other', tree.unionA.id, ['member'], { memberId: otherMember });
    fundId = await seedFund(t, { name: '测试创新奖励资金', orgId: tree.city.id, incomeFen: 10_000_000 });
  }, 120_000);
  afterAll(() => t.close());

  it('a worker submits on H5: it goes to their union, they follow it, others do not see it', async () => {
    const inv = await submitOwn();
    expect(inv).toMatchObject({ status: 'in_review', memberName: '创新建国', workflow: { stepKey: 'grassroots_review', assigneeOrgId: tree.unionA.id } });
    const mine = (await worker.get<ListView>('/m/innovations')).body;
    expect(mine.items.map((i) => i.id)).toContain(inv.id);
    expect((await other.get<ListView>('/m/innovations')).body.items.map((i) => i.id)).not.toContain(inv.id);
    expect((await other.get(`/m/innovations/${inv.id}`)).status).toBe(404);
    expect((await worker.get('/innovations')).status).toBe(403);
    const bad = await worker.post<Problem>('/m/innovations', { ...FIELDS, title: '短', kind: 'x' });
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['kind', 'title']);
  });

  it('reviews up the tree: union → district → city recognition with a numbered certificate; each step needs its level', async () => {
    const inv = await submitOwn('焊接烟尘收集小革新');
    expect((await act(shang, inv.id, 'approve', '同意')).status).toBe(403);
    expect((await act(gB, inv.id, 'approve', '同意')).status).toBe(404);
    expect((await act(xihu, inv.id, 'approve', '同意')).status).toBe(404);
    const first = await ok(gA, inv.id, 'approve', '同意');
    expect(first.workflow).toMatchObject({ stepKey: 'district_review', assigneeOrgId: tree.shangcheng.id });
    const second = await ok(shang, inv.id, 'approve', '同意推荐');
    expect(second.workflow).toMatchObject({ stepKey: 'city_recognition', assigneeOrgId: tree.city.id });
    const done = await ok(city, inv.id, 'approve', '认定为市级优秀成果');
    expect(done.status).toBe('approved');
    expect(done.certificateNo).toMatch(/^杭工创〔\d{4}〕\d+号$/);
    expect(done.timeline.filter((e) => e.action === 'approve').map((e) => e.stepLabel)).toEqual(['基层工会初审', '区县(市)总工会审核', '市总工会认定']);
    const pdf = await rawRequest(t, worker, 'GET', `/api/m/innovations/${inv.id}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await auditRowsFor(t, 'innovation', inv.id)).filter((a) => a.action === 'workflow.action')).toHaveLength(4);
  });

  it('a return and a rejection show their reasons to the worker; a returned one is corrected and resubmitted', async () => {
    const inv = await submitOwn('叉车充电排队小建议');
    expect((await act(gA, inv.id, 'return')).status).toBe(422);
    await ok(gA, inv.id, 'return', '请补充效益测算');
    const back = (await worker.get<InnovationView>(`/m/innovations/${inv.id}`)).body;
    expect(back).toMatchObject({ status: 'returned', lastOpinion: '请补充效益测算', abilities: { canEdit: true, canSubmit: true } });
    const news = (await worker.get<{ items: { title: string; link: string }[] }>('/notifications')).body.items;
    expect(news.find((n) => n.link === `/m/innovations/${inv.id}`)?.title).toContain('已退回修改');
    const png = await uploadFile(t, worker, `/api/m/innovations/${inv.id}/attachments`, { filename: '测算.png', content: pngFile() }, { type: 'benefit_calculation' });
    expect(png.status, png.body.toString()).toBe(201);
    expect((await worker.put<InnovationView>(`/m/innovations/${inv.id}`, { expectedBenefit: '每月节省电费约1200元,减少排队时间' })).status).toBe(200);
    expect((await worker.post<InnovationView>(`/m/innovations/${inv.id}/actions`, { action: 'submit' })).body.status).toBe('in_review');
    await ok(gA, inv.id, 'reject', '已有同类项目在实施');
    const rejected = (await worker.get<InnovationView>(`/m/innovations/${inv.id}`)).body;
    expect(rejected).toMatchObject({ status: 'rejected', lastOpinion: '已有同类项目在实施' });
    expect(rejected.attachments).toHaveLength(1);
    expect((await worker.put(`/m/innovations/${inv.id}`, { title: '再改一次标题' })).status).toBe(409);
  });

  it('adoption with the verified value, then the reward paid once through the ledger', async () => {
    const inv = await submitOwn('包装线防错料小发明');
    const early = await gA.put<Problem>(`/innovations/${inv.id}/adoption`, { adoptedBy: '甲公司', adoptedOn: '2026-11-20', valueFen: 5_000_000 });
    expect(early.status).toBe(409);
    await toCity(inv.id);
    expect((await city.post(`/innovations/${inv.id}/reward`, { fundId, rewardFen: 200_000 })).status).toBe(409);
    const future = await city.put<Problem>(`/innovations/${inv.id}/adoption`, { adoptedBy: '甲公司', adoptedOn: '2099-01-01', valueFen: 1 });
    expect(paths(future.body)).toEqual(['adoptedOn']);
    const adopted = await city.put<InnovationView>(`/innovations/${inv.id}/adoption`, { adoptedBy: '创新甲公司', adoptedOn: '2026-11-23', valueFen: 12_800_000, valueNote: '财务部核定' });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body.adoption?.valueFen).toBe(12_800_000);
    const headers = { 'idempotency-key': 'inv-reward-0001' };
    const paid = await city.req<{ innovation: InnovationView; replayed: boolean }>('POST', `/innovations/${inv.id}/reward`, { fundId, rewardFen: 200_000 }, { headers });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ replayed: false, innovation: { reward: { amountFen: 200_000 } } });
    const again = await city.post<{ replayed: boolean }>(`/innovations/${inv.id}/reward`, { fundId, rewardFen: 300_000 });
    expect(again.body.replayed).toBe(true);
    expect((await city.put(`/innovations/${inv.id}/adoption`, { adoptedBy: '创新甲公司', adoptedOn: '2026-11-23', valueFen: 1 })).status).toBe(409);
    const mine = (await worker.get<InnovationView>(`/m/innovations/${inv.id}`)).body;
    expect(mine.reward?.amountFen).toBe(200_000);
  });

  it('staff file for a team, the members linked to the registry by name where they can be', async () => {
    const r = await gA.post<InnovationView>('/innovations', { ...FIELDS, title: '装配线工装改进', teamName: '总装一班', teamMembers: [{ name: '创新建国', memberId: workerMember }, { name: '创新小红' }, { name: '外协王师傅' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('draft');
    expect(r.body.teamMembers.map((m) => m.memberId !== null)).toEqual([true, true, false]);
    const noOne = await gA.post<Problem>('/innovations', { ...FIELDS, teamName: '总装二班', teamMembers: [{ name: '甲' }, { name: '乙' }] });
    expect(paths(noOne.body)).toEqual(['teamMembers']);
    const outside = await xihu.post<Problem>('/innovations', { ...FIELDS, memberId: workerMember });
    expect(paths(outside.body)).toEqual(['memberId']);
    expect((await worker.get<ListView>('/m/innovations')).body.items.map((i) => i.id)).toContain(r.body.id);
  });

  it('lists with filters and paging, exports xlsx, and answers 404 outside scope on every route', async () => {
    const inv = await submitOwn('仓库拣货路径合理化建议');
    const page = (await shang.get<ListView>(`/innovations?kind=renovation&districtId=${tree.shangcheng.id}&year=${new Date().getFullYear()}&pageSize=2`)).body;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect((await xihu.get<ListView>('/innovations')).body.total).toBe(0);
    const inbox = (await gA.get<ListView>('/innovations?box=inbox')).body;
    expect(inbox.items.map((i) => i.id)).toContain(inv.id);
    const xlsx = await rawRequest(t, shang, 'GET', '/api/innovations/export.xlsx?kind=renovation');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    for (const c of [xihu, gB]) {
      expect((await c.get(`/innovations/${inv.id}`)).status).toBe(404);
      expect((await c.put(`/innovations/${inv.id}`, { title: '越权修改标题' })).status).toBe(404);
      expect((await act(c, inv.id, 'approve', '同意')).status).toBe(404);
      expect((await c.put(`/innovations/${inv.id}/adoption`, { adoptedBy: '某公司', adoptedOn: '2026-11-20', valueFen: 1 })).status).toBe(404);
      expect((await c.post(`/innovations/${inv.id}/reward`, { fundId, rewardFen: 100 })).status).toBe(404);
      expect((await rawRequest(t, c, 'GET', `/api/innovations/${inv.id}/certificate.pdf`)).status).toBe(404);
      expect((await uploadFile(t, c, `/api/innovations/${inv.id}/attachments`, { filename: 'a.png', content: pngFile() }, { type: 'photo' })).status).toBe(404);
    }
    expect((await other.put(`/m/innovations/${inv.id}`, { title: '越权修改标题' })).status).toBe(404);
    expect((await other.post(`/m/innovations/${inv.id}/actions`, { action: 'withdraw' })).status).toBe(404);
    expect((await uploadFile(t, other, `/api/m/innovations/${inv.id}/attachments`, { filename: 'a.png', content: pngFile() }, { type: 'photo' })).status).toBe(404);
  });
});
