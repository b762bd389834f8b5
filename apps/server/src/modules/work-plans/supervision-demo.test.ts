import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checklist, Commitment, JointYearReport, SupervisionBoard, WorkPlan, WorkPlanListItem } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('联席会议 and 2017 work plan demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
  }, 240_000);
  afterAll(() => t.close());

  it('has the 2016 meeting with the four topics and commitments done, closed, in progress and one overdue', async () => {
    const report = (await t.client().get<JointYearReport>('/public/joint-meetings/2016')).body;
    expect(report.meetings).toHaveLength(1);
    expect(report.meetings[0]!.topics).toHaveLength(4);
    const all = (await city.get<Commitment[]>('/joint-commitments')).body;
    const states = all.map((c) => c.state);
    expect(states.filter((s) => s === 'overdue')).toHaveLength(1);
    for (const s of ['done', 'closed', 'in_progress'] as const) expect(states).toContain(s);
    expect(all.some((c) => c.governmentDepartment === '市人力社保局')).toBe(true);
    // 上城区 sees only its own commitment
    expect((await district.get<Commitment[]>('/joint-commitments')).body.every((c) => c.tracking.ownerOrgName === '上城区总工会')).toBe(true);
  });

  it('has the 2017 plan with six principles and district tasks in every state, and the 全委会 checklist partly done', async () => {
    const [plan] = (await city.get<WorkPlanListItem[]>('/work-plans?year=2017')).body;
    const full = (await city.get<WorkPlan>(`/work-plans/${plan!.id}`)).body;
    expect(full.principleList.map((p) => p.title)[1]).toBe('以提高劳动者素质为主线');
    expect(full.principleList).toHaveLength(6);
    const board = (await city.get<SupervisionBoard>('/supervision/board?kind=work-plan-task')).body;
    const states = new Set(board.items.map((i) => i.deadlineState));
    for (const s of ['normal', 'due_soon', 'overdue', 'done', 'closed'] as const) expect(states).toContain(s);
    const [list] = (await city.get<Checklist[]>('/meeting-checklists')).body;
    expect(list!.done).toBeGreaterThan(0);
    expect(list!.done).toBeLessThan(list!.total);
  });
});
