import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetListItem, BudgetReport, Page, Spending, UnionHome } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { demoClient } from '../../test-support/demo-clients.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import type { BudgetView } from './budget-test-fixtures.js';

const YEAR = shanghaiYear();

describe('budget demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let grassroots: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    grassroots = await demoClient(t, 'grassroots');
  }, 180_000);
  afterAll(() => t.close());

  it('the demo union has last year executed, this year near and over budget with a reversal, next year in draft', async () => {
    const mine = (await grassroots.get<Page<BudgetListItem>>('/finance/budgets?pageSize=10')).body.items;
    expect(mine.map((b) => [b.year, b.status])).toEqual([[YEAR + 1, 'draft'], [YEAR, 'approved'], [YEAR - 1, 'approved']]);
    const b = (await grassroots.get<BudgetView>(`/finance/budgets/${mine[1]!.id}`)).body;
    expect(b.lines.find((l) => l.category === 'activity')!.rate).toBeGreaterThanOrEqual(0.9);
    expect(b.lines.find((l) => l.category === 'training')!.over).toBe(true);
    expect(b.account.balanceFen).toBeGreaterThan(0);
    const spends = (await grassroots.get<Page<Spending>>(`/finance/spendings?budgetId=${b.id}&pageSize=100`)).body.items;
    expect(new Set(spends.map((s) => s.category))).toEqual(new Set(['activity', 'rights', 'aid', 'home', 'training', 'other']));
    expect(spends.some((s) => s.status === 'reversed')).toBe(true);
    const home = (await grassroots.get<UnionHome>(`/union-homes/orgs/${b.orgId}`)).body;
    expect(home.fundsCheck.source).toBe('budget');
  });

  it('every demo 职工之家 has 有经费 from an approved budget; the city report covers the districts', async () => {
    const list = (await city.get<Page<BudgetListItem>>(`/finance/budgets?year=${YEAR}&status=approved&pageSize=100`)).body;
    expect(list.total).toBeGreaterThanOrEqual(30);
    const r = (await city.get<BudgetReport>(`/finance/budgets/report?year=${YEAR}`)).body;
    expect(r.total.approved).toBeGreaterThanOrEqual(30);
    expect(r.rows.filter((x) => x.spentFen > 0).length).toBeGreaterThanOrEqual(5);
    expect(r.byCategory.every((c) => c.spentFen > 0)).toBe(true);
  });
});
