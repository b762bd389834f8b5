import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberRecuperationOverview, RecuperationBase, RecuperationBatch, RecuperationBatchListItem, RecuperationEnrolment, RecuperationPlan, RecuperationRestedPage, RecuperationRoute } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('recuperation demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  let worker: TestClient;
  const year = shanghaiYear();
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
    worker = await demoClient(t, 'worker');
  }, 180_000);
  afterAll(() => t.close());

  it('has Hangzhou bases and routes within the rules, and this year’s plan', async () => {
    const bases = (await city.get<{ items: RecuperationBase[] }>('/recuperation/bases')).body.items;
    expect(bases.map((b) => b.name)).toEqual(expect.arrayContaining(['千岛湖职工疗休养基地', '桐庐富春江职工疗休养基地', '临安天目山职工疗休养基地']));
    expect(bases.some((b) => !b.active)).toBe(true);
    const routes = (await city.get<{ items: RecuperationRoute[] }>('/recuperation/routes?pageSize=50')).body.items;
    expect(routes.length).toBeGreaterThanOrEqual(5);
    expect(routes.every((r) => r.days >= 3 && r.days <= 5 && r.allowancePerDay >= 40_000 && r.allowancePerDay <= 60_000)).toBe(true);
    const plan = (await city.get<RecuperationPlan>(`/recuperation/plans/${year}`)).body;
    expect(plan).toMatchObject({ budgetCapPerPerson: 300_000, maxStaysPerYear: 1, isDefault: false, abilities: { canEdit: true } });
    expect(plan.placesTaken).toBeGreaterThan(0);
  });

  it('has batches in every state, driven through the real enrolment services', async () => {
    const list = (await city.get<{ items: RecuperationBatchListItem[] }>('/recuperation/batches?pageSize=50')).body.items;
    expect(new Set(list.map((b) => b.stage))).toEqual(new Set(['finished', 'open', 'draft']));
    const full = list.find((b) => b.title.includes('天目山'))!;
    expect(full.confirmed).toBe(full.capacity);
    const open = list.find((b) => b.title.includes('环湖骑行'))!;
    const detail = (await city.get<RecuperationBatch>(`/recuperation/batches/${open.id}`)).body;
    expect(detail.quotas.map((q) => q.orgName).sort()).toEqual(['上城区总工会', '西湖区总工会']);
    expect(detail.confirmed).toBeGreaterThan(5);
    expect(detail.companions).toBeGreaterThan(0);
    expect(detail.companionsOwnCost).toBe(detail.companions * detail.costPerPerson);
    const enrolments = (await city.get<{ items: RecuperationEnrolment[] }>(`/recuperation/batches/${open.id}/enrolments?pageSize=100`)).body.items;
    expect(enrolments.some((e) => e.companions.some((c) => c.relationLabel === '配偶'))).toBe(true);
    const finished = (await city.get<RecuperationBatch>(`/recuperation/batches/${list.find((b) => b.title.includes('山水康养'))!.id}`)).body;
    expect(finished.checkedIn).toBe(finished.confirmed);
  });

  it('lists who rested this year, scoped to the district', async () => {
    const all = (await city.get<RecuperationRestedPage>('/recuperation/rested?pageSize=200')).body;
    expect(all.year).toBe(year);
    expect(all.persons).toBeGreaterThan(20);
    expect(all.totalCost).toBe(all.items.reduce((s, r) => s + r.cost, 0));
    const shang = (await district.get<RecuperationRestedPage>('/recuperation/rested?pageSize=200')).body;
    expect(shang.persons).toBeGreaterThan(0);
    expect(shang.persons).toBeLessThan(all.persons);
  });

  it('shows the worker the open batches, and why the nomination-only one is closed to them', async () => {
    const mine = (await worker.get<MemberRecuperationOverview>('/m/recuperation/batches')).body;
    expect(mine).toMatchObject({ year, budgetCapPerPerson: 300_000, costThisYear: 0, staysThisYear: 0 });
    expect(mine.items.find((b) => b.title.includes('环湖骑行'))).toMatchObject({ stage: 'open', myEnrolment: null });
    expect(mine.items.find((b) => b.title.includes('新就业形态'))!.refusal).toContain('工会推荐');
    expect(mine.items.some((b) => b.title.includes('严子陵'))).toBe(false);
  });
});
