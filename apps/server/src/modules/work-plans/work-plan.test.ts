import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Checklist, SupervisionBoard, TrackedDetail, WorkPlan, WorkPlanListItem, WorkPlanTaskDetail } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { finishJob } from '../../test-support/multipart-upload.js';
import { auditRowsFor, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { trackedItems } from '../../platform/tracking/tracking.schema.js';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('年度工作计划与督办: principles, key tasks per owner org, board, checklists, scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let gongshuStaff: TestClient;
  let plan: WorkPlan;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'W');
    city = await userClient(t, sys, 'wp_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'wp_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'wp_xihu', tree.xihu.id, ['district_admin']);
    gongshuStaff = await userClient(t, sys, 'wp_gongshu', tree.gongshu.id, ['district_admin']);
    const created = await city.post<WorkPlan>('/work-plans', {
      year: 2027,
      title: '2027年工作思路',
      summary: '认真总结2026年工作',
      principles: [{ title: '以提高劳动者素质为主线' }, { title: '以服务职工为中心' }],
    });
    expect(created.status).toBe(201);
    const r = await city.post<WorkPlan>(`/work-plans/${created.body.id}/tasks`, {
      principleId: created.body.principleList[1]!.id,
      title: '开展职工疗休养',
      ownerOrgIds: [tree.shangcheng.id, tree.xihu.id],
      deadline: plusDays(today(), 5),
    });
    expect(r.status).toBe(200);
    plan = r.body;
  });
  afterAll(() => t.close());

  it('keeps the principles ordered, one tracked item per owner, and audits', async () => {
    expect(plan.principleList.map((p) => p.title)).toEqual(['以提高劳动者素质为主线', '以服务职工为中心']);
    const task = plan.principleList[1]!.tasks[0]!;
    expect(task.owners.map((o) => o.ownerOrgName).sort()).toEqual([tree.shangcheng.name, tree.xihu.name].sort());
    expect(task.owners.every((o) => o.deadlineState === 'due_soon')).toBe(true);
    expect((await auditRowsFor(t, 'work_plan', plan.id)).length).toBe(1);
    expect((await city.post('/work-plans', { year: 2027, title: '重复', principles: [] })).status).toBe(409);
    // reorder: the second principle first, keeps its task
    const re = await city.put<WorkPlan>(`/work-plans/${plan.id}`, { year: 2027, title: plan.title, summary: plan.summary, principles: [{ id: plan.principleList[1]!.id, title: '以服务职工为中心' }, { id: plan.principleList[0]!.id, title: '以提高劳动者素质为主线' }] });
    expect(re.body.principleList[0]!.tasks).toHaveLength(1);
  });

  it('each owner sees and reports only its own item; another district gets 404', async () => {
    const task = plan.principleList[1]!.tasks[0]!;
    const mine = await shang.get<WorkPlanTaskDetail>(`/work-plan-tasks/${task.id}`);
    expect(mine.body.owners).toHaveLength(1);
    const item = mine.body.owners[0]!;
    expect(item.abilities.canReport).toBe(true);
    const xihuItem = task.owners.find((o) => o.ownerOrgId === tree.xihu.id)!;
    expect((await shang.post(`/work-plan-tasks/tracking/${xihuItem.id}/progress`, { reportDate: today(), text: 'x', percent: 10 })).status).toBe(404);
    expect((await city.post(`/work-plan-tasks/tracking/${item.id}/progress`, { reportDate: today(), text: 'x', percent: 10 })).status).toBe(403);
    const done = await shang.post<TrackedDetail>(`/work-plan-tasks/tracking/${item.id}/progress`, { reportDate: today(), text: '疗休养已全部完成', percent: 100 });
    expect(done.body.status).toBe('done');
    expect(done.body.deadlineState).toBe('done');
    for (const [c, path] of [[gongshuStaff, `/work-plans/${plan.id}`], [gongshuStaff, `/work-plan-tasks/${task.id}`], [gongshuStaff, `/work-plan-tasks/tracking/${item.id}`]] as const) expect((await c.get(path)).status).toBe(404);
    expect((await gongshuStaff.put(`/work-plans/${plan.id}`, { year: 2027, title: 'x', principles: [] })).status).toBe(404);
    expect((await gongshuStaff.post(`/work-plans/${plan.id}/tasks`, { principleId: plan.principleList[0]!.id, title: 'x', ownerOrgIds: [tree.gongshu.id], deadline: '2027-06-30' })).status).toBe(404);
    expect((await gongshuStaff.post(`/work-plan-tasks/tracking/${item.id}/close`, { closingNote: 'x' })).status).toBe(404);
    expect((await gongshuStaff.get<WorkPlanListItem[]>('/work-plans')).body).toHaveLength(0);
    expect((await gongshuStaff.get<SupervisionBoard>('/supervision/board')).body.items).toHaveLength(0);
    const ex = await gongshuStaff.post<{ jobId: string }>('/work-plan-tasks/export', {});
    expect((await finishJob<{ rows: number }>(t, gongshuStaff, ex.body.jobId)).result?.rows).toBe(0);
    const cityEx = await city.post<{ jobId: string }>('/work-plan-tasks/export', { year: 2027 });
    expect((await finishJob<{ rows: number }>(t, city, cityEx.body.jobId)).result?.rows).toBe(2);
    // the owner district cannot edit the city's plan
    expect((await shang.put(`/work-plans/${plan.id}`, { year: 2027, title: 'x', principles: [] })).status).toBe(403);
  });

  it('the 督办 board shows overdue items by owner for the supervising city', async () => {
    const task = plan.principleList[1]!.tasks[0]!;
    const xihuItem = task.owners.find((o) => o.ownerOrgId === tree.xihu.id)!;
    await t.ctx.db.update(trackedItems).set({ deadline: plusDays(today(), -2) }).where(eq(trackedItems.id, xihuItem.id));
    const board = (await city.get<SupervisionBoard>('/supervision/board')).body;
    expect(board.items[0]!.id).toBe(xihuItem.id);
    expect(board.items[0]!.deadlineState).toBe('overdue');
    expect(board.byOwner.find((o) => o.ownerOrgId === tree.xihu.id)?.overdue).toBe(1);
    const overdue = (await city.get<SupervisionBoard>('/supervision/board?deadlineState=overdue')).body;
    expect(overdue.items.map((i) => i.id)).toEqual([xihuItem.id]);
    expect((await xihu.get<SupervisionBoard>('/supervision/board')).body.items.map((i) => i.id)).toEqual([xihuItem.id]);
  });

  it('builds a 全委会 checklist from the template and ticks items (own union only)', async () => {
    const c = await city.post<Checklist>('/meeting-checklists', { kind: 'plenary', title: '市总工会十四届八次全委会', meetingDate: '2027-01-10' });
    expect(c.status).toBe(201);
    expect(c.body.total).toBeGreaterThan(5);
    expect(c.body.items[0]!.dueDate).toBe('2026-12-11');
    const ticked = await city.put<Checklist>(`/meeting-checklists/${c.body.id}/items/${c.body.items[0]!.id}`, { done: true });
    expect(ticked.body.done).toBe(1);
    expect((await shang.get(`/meeting-checklists/${c.body.id}`)).status).toBe(404);
    expect((await shang.put(`/meeting-checklists/${c.body.id}/items/${c.body.items[0]!.id}`, { done: false })).status).toBe(404);
  });
});
