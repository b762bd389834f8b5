import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CadreListItem, CadreStats, CommitteeDueGroup, Page, TrainingItem } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('工会干部 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let grassroots: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    grassroots = await demoClient(t, 'grassroots');
  }, 180_000);
  afterAll(() => t.close());

  it('has ~80 cadres, terms due and one overdue, 2026 sessions, some cadres on target and some short', async () => {
    const list = (await city.get<Page<CadreListItem>>('/cadres?pageSize=200')).body;
    expect(list.total).toBeGreaterThanOrEqual(75);
    expect(list.items.some((k) => k.fullTime) && list.items.some((k) => !k.fullTime)).toBe(true);
    const met = list.items.filter((k) => k.yearHours >= k.yearTarget).length;
    expect(met).toBeGreaterThan(5);
    expect(list.total - met).toBeGreaterThan(5);
    const due = (await city.get<CommitteeDueGroup[]>('/cadres/committees/due')).body;
    expect(due.reduce((a, g) => a + g.overdue, 0)).toBe(1);
    expect(due.reduce((a, g) => a + g.due, 0)).toBeGreaterThanOrEqual(3);
    const trainings = (await city.get<Page<TrainingItem>>('/cadres/trainings?year=2026')).body;
    expect(trainings.total).toBe(7);
    expect(trainings.items.every((s) => s.signedIn > 0)).toBe(true);
    const stats = (await city.get<CadreStats>('/cadres/statistics?year=2026')).body;
    expect(stats.total.cadres).toBe(list.total);
    expect(stats.total.metShare).toBeGreaterThan(0);
    expect(stats.total.metShare).toBeLessThan(100);
  });

  it('shows the grassroots chair their own union only', async () => {
    const own = (await grassroots.get<Page<CadreListItem>>('/cadres')).body;
    expect(own.total).toBe(5);
    expect(new Set(own.items.map((k) => k.orgName))).toEqual(new Set(['杭州湖滨文旅发展有限公司工会']));
  });
});
