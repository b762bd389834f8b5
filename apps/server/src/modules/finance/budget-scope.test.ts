import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetReport, UnionHome } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsByAction, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { approvedBudget, fund, lineOf, lines, type BudgetView, type SpendingView } from './budget-test-fixtures.js';

const today = shanghaiDate(new Date());
const YEAR = Number(today.slice(0, 4));

describe('budgets: scope on every route, the execution report with drill-down and export, 职工之家 有经费', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let unitC: TestClient;
  let street: TestClient;
  let district: TestClient;
  let city: TestClient;
  let budgetA: BudgetView;
  let spendA: SpendingView;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'S');
    unitA = await userClient(t, sys, 'bs_a', tree.unionA.id, ['grassroots_admin']);
    unitC = await userClient(t, sys, 'bs_c', tree.unionC.id, ['grassroots_admin']);
    street = await userClient(t, sys, 'bs_street', tree.shangStreet.id, ['street_admin']);
    district = await userClient(t, sys, 'bs_district', tree.shangcheng.id, ['district_admin']);
    city = await userClient(t, sys, 'bs_city', tree.city.id, ['city_admin']);
    await fund(t, tree.unionA.id, 5_000_000, 'sa');
    await fund(t, tree.unionC.id, 5_000_000, 'sc');
    budgetA = await approvedBudget(unitA, tree.unionA.id, YEAR);
    spendA = (await unitA.post<SpendingView>('/finance/spendings', { lineId: lineOf(budgetA, 'activity').id, spentOn: today, amountFen: 1_000_000, payee: '杭州黄龙体育中心', purpose: '职工运动会' })).body;
    const c = await approvedBudget(unitC, tree.unionC.id, YEAR, { home: 0, activity: 0 });
    await unitC.post('/finance/spendings', { lineId: lineOf(c, 'aid').id, spentOn: today, amountFen: 250_000, payee: '杭州联华华商集团有限公司', purpose: '困难职工慰问品' });
    expect((await street.post('/finance/budgets', { orgId: tree.unionB.id, year: YEAR, lines: lines() })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('another union gets 404 on every record route and sees nothing in lists; higher unions see it', async () => {
    const sid = spendA.id;
    const bid = budgetA.id;
    expect((await unitC.get(`/finance/budgets/${bid}`)).status).toBe(404);
    expect((await unitC.put(`/finance/budgets/${bid}`, { version: 1, lines: lines() })).status).toBe(404);
    expect((await unitC.post(`/finance/budgets/${bid}/approve`, { version: 1, approvalRef: 'x' })).status).toBe(404);
    expect((await unitC.get(`/finance/spendings?budgetId=${bid}`)).status).toBe(404);
    expect((await unitC.get(`/finance/spendings/${sid}`)).status).toBe(404);
    expect((await unitC.post(`/finance/spendings/${sid}/reverse`, { reason: '越权' })).status).toBe(404);
    expect((await unitC.post('/finance/spendings', { lineId: lineOf(budgetA, 'aid').id, spentOn: today, amountFen: 1, payee: '某', purpose: '某' })).status).toBe(404);
    expect((await uploadFile(t, unitC, `/api/finance/spendings/${sid}/vouchers`, { filename: 'a.png', content: pngFile() }, { type: 'invoice' })).status).toBe(404);
    const list = (await unitC.get<{ items: { orgId: string }[] }>('/finance/budgets')).body.items;
    expect(list.every((b) => b.orgId === tree.unionC.id)).toBe(true);
    expect((await unitC.get('/finance/budgets/report?year=2026&orgId=' + tree.shangStreet.id)).status).toBe(403); // grassroots: no report permission
    expect((await street.get<BudgetView>(`/finance/budgets/${bid}`)).status).toBe(200);
    expect((await street.get(`/finance/spendings/${sid}`)).status).toBe(200);
    expect((await district.get<{ items: unknown[] }>('/finance/budgets')).body.items.length).toBeGreaterThanOrEqual(1);
    const xihuOnly = await userClient(t, await t.login('sysadmin'), 'bs_xihu', tree.xihu.id, ['district_admin']);
    expect((await xihuOnly.get(`/finance/budgets/${bid}`)).status).toBe(404);
    expect((await xihuOnly.get(`/finance/budgets/report?year=${YEAR}&orgId=${tree.shangcheng.id}`)).status).toBe(404);
  });

  it('the report subtotals by child org, drills down to the unions, totals by category, and exports xlsx', async () => {
    const top = (await city.get<BudgetReport>(`/finance/budgets/report?year=${YEAR}`)).body;
    expect(top.org.id).toBe(tree.city.id);
    const shang = top.rows.find((r) => r.orgId === tree.shangcheng.id)!;
    expect(shang).toMatchObject({ budgetFen: 3_800_000, spentFen: 1_000_000, remainingFen: 2_800_000, unions: 2, approved: 1, drillable: true });
    expect(top.rows.find((r) => r.orgId === tree.xihu.id)).toMatchObject({ budgetFen: 800_000, spentFen: 250_000 });
    const st = (await district.get<BudgetReport>(`/finance/budgets/report?year=${YEAR}&orgId=${tree.shangStreet.id}`)).body;
    expect(st.path.map((p) => p.id)).toEqual([tree.shangcheng.id, tree.shangStreet.id]);
    expect(st.rows.find((r) => r.orgId === tree.unionA.id)).toMatchObject({ budgetId: budgetA.id, rate: 0.2632, drillable: false });
    expect(st.byCategory.find((c) => c.category === 'activity')).toMatchObject({ budgetFen: 2_000_000, spentFen: 1_000_000, rate: 0.5 });
    const bad = await city.get<{ errors: { path: string }[] }>('/finance/budgets/report?year=abc');
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['year']);
    const x = await rawRequest(t, city, 'GET', `/api/finance/budgets/report/export.xlsx?year=${YEAR}&orgId=${tree.shangcheng.id}`);
    expect(x.status).toBe(200);
    expect(x.body.subarray(0, 2).toString()).toBe('PK');
    expect((await auditRowsByAction(t, 'data.export')).some((r) => r.objectType === 'union_budget')).toBe(true);
  });

  it('职工之家 有经费 reads the approved budget (职工活动/职工之家建设), else this year\'s income', async () => {
    const home = async (c: TestClient, orgId: string) => (await c.get<UnionHome>(`/union-homes/orgs/${orgId}`)).body;
    expect(await home(unitA, tree.unionA.id)).toMatchObject({ checks: { funds: true }, fundsCheck: { source: 'budget', budgetFen: 3_000_000, year: YEAR } });
    // C's approved budget has no activity/home money: its income this year carries the check
    expect(await home(unitC, tree.unionC.id)).toMatchObject({ checks: { funds: true }, fundsCheck: { source: 'income', budgetFen: 0, incomeFen: 5_000_000 } });
    // B: only a draft and no income
    expect(await home(street, tree.unionB.id)).toMatchObject({ checks: { funds: false }, fundsCheck: { source: 'none' } });
  });
});
