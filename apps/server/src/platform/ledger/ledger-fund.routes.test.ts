import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FundDetail, FundListItem, LedgerEntryPage } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, listAll, paths, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { pay, payoutInput, thisYear } from '../../test-support/ledger-fixtures.js';

type Detail = FundDetail & Problem;

describe('fund routes: create, budgets, incomes, the ledger; scope, permissions, audit', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  let street: TestClient;
  let fund: FundDetail;

  const createFund = async (c: TestClient, body: Record<string, unknown>): Promise<FundDetail> => {
    const r = await c.post<Detail>('/funds', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'F');
    shang = await userClient(t, sys, 'fund_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'fund_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'fund_city', tree.city.id, ['city_admin']);
    street = await userClient(t, sys, 'fund_street', tree.shangStreet.id, ['street_admin']);
    fund = await createFund(shang, { name: '上城区困难职工帮扶资金', source: 'district', orgId: tree.shangcheng.id, note: '区总工会帮扶' });
  });
  afterAll(() => t.close());

  it('creates a fund with a generated code, no money yet, audited', async () => {
    expect(fund).toMatchObject({ name: '上城区困难职工帮扶资金', source: 'district', sourceLabel: '区县(市)总工会资金', orgId: tree.shangcheng.id, status: 'active', balanceFen: 0, budgetFen: null, spentFen: 0, year: thisYear(), budgets: [] });
    expect(fund.code).toMatch(new RegExp(`^ZJ${thisYear()}\\d{4}$`));
    expect(fund.abilities).toEqual({ canManage: true, canBatch: false });
    const next = await createFund(city, { name: '市总工会春风行动专项资金', source: 'city', orgId: tree.city.id });
    expect(Number(next.code.slice(-4))).toBe(Number(fund.code.slice(-4)) + 1);
    const audit = await auditRowsFor(t, 'fund', fund.id);
    expect(audit.map((a) => a.action)).toEqual(['data.create']);
  });

  it('422 per field on a bad body; 422 for an org outside the caller\'s scope', async () => {
    const bad = await shang.post<Problem>('/funds', { name: '', source: 'lottery', orgId: 'x' });
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['name', 'orgId', 'source']);
    const foreign = await shang.post<Problem>('/funds', { name: '西湖区资金', source: 'district', orgId: tree.xihu.id });
    expect(foreign.status).toBe(422);
    expect(paths(foreign.body)).toEqual(['orgId']);
  });

  it("another district's admin gets 404 on every fund route, and does not see it in the list", async () => {
    const id = fund.id;
    expect((await xihu.get(`/funds/${id}`)).status).toBe(404);
    expect((await xihu.get(`/funds/${id}/entries`)).status).toBe(404);
    expect((await xihu.put(`/funds/${id}/budgets`, { year: thisYear(), amountFen: 100 })).status).toBe(404);
    expect((await xihu.post(`/funds/${id}/incomes`, { amountFen: 100, businessKey: '越权' })).status).toBe(404);
    expect((await xihu.post(`/funds/${id}/batches`)).status).toBe(404);
    expect((await listAll<FundListItem>(xihu, '/funds')).map((f) => f.id)).not.toContain(id);
    expect((await listAll<FundListItem>(shang, '/funds')).map((f) => f.id)).toContain(id);
    expect((await city.get(`/funds/${id}`)).status).toBe(200);
    // nothing changed behind the 404s
    expect((await shang.get<FundDetail>(`/funds/${id}`)).body).toMatchObject({ balanceFen: 0, budgets: [] });
  });

  it('403 without the ledger permissions (a street union admin)', async () => {
    expect((await street.get('/funds')).status).toBe(403);
    expect((await street.get(`/funds/${fund.id}`)).status).toBe(403);
    expect((await street.post('/funds', { name: '街道资金', source: 'district', orgId: tree.shangStreet.id })).status).toBe(403);
    expect((await street.post(`/funds/${fund.id}/incomes`, { amountFen: 100, businessKey: 'x' })).status).toBe(403);
    expect((await street.get('/payouts')).status).toBe(403);
    expect((await street.get('/payout-batches')).status).toBe(403);
  });

  it('records incomes once per 文号 in a fund (409 on a repeat, whatever the type), audited as ledger.income', async () => {
    const r = await shang.post<Detail>(`/funds/${fund.id}/incomes`, { amountFen: 5_000_000, businessKey: '杭工〔2025〕12号', memo: '市总下拨春风行动资金' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ balanceFen: 5_000_000, incomeFen: 5_000_000 });
    const again = await shang.post<Problem>(`/funds/${fund.id}/incomes`, { amountFen: 5_000_000, businessKey: '杭工〔2025〕12号' });
    expect(again.status).toBe(409);
    expect(paths(again.body)).toEqual(['businessKey']);
    expect((await shang.post(`/funds/${fund.id}/incomes`, { amountFen: 1, businessKey: '杭工〔2025〕12号', incomeType: 'donation' })).status).toBe(409);
    const donation = await shang.post<Detail>(`/funds/${fund.id}/incomes`, { amountFen: 123_456, businessKey: 'SJ-000123', incomeType: 'donation', memo: '爱心企业捐赠' });
    expect(donation.status).toBe(201);
    expect(donation.body.balanceFen).toBe(5_123_456);
    // the same 文号 may fund another fund once
    const other = await createFund(shang, { name: '上城区金秋助学资金', source: 'district', orgId: tree.shangcheng.id });
    expect((await shang.post(`/funds/${other.id}/incomes`, { amountFen: 100_000, businessKey: '杭工〔2025〕12号' })).status).toBe(201);

    const bad = await shang.post<Problem>(`/funds/${fund.id}/incomes`, { amountFen: 12.5, businessKey: '' });
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['amountFen', 'businessKey']);
    const audit = (await auditRowsFor(t, 'fund', fund.id)).filter((a) => a.action === 'ledger.income');
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ amountFen: 5_000_000, reference: '杭工〔2025〕12号', incomeType: 'allocation' });
  });

  it('sets budgets per year and campaign; refuses one below what was spent; audited with before/after', async () => {
    const year = thisYear();
    const campaignId = '6f1c2b0e-4a7d-4c1e-9b1a-2f3e4d5c6b7a';
    const r = await shang.put<Detail>(`/funds/${fund.id}/budgets`, { year, amountFen: 3_000_000 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.budgetFen).toBe(3_000_000);
    await shang.put(`/funds/${fund.id}/budgets`, { year, campaignId, amountFen: 1_000_000 });
    await shang.put(`/funds/${fund.id}/budgets`, { year: year + 1, amountFen: 6_000_000 });
    const changed = await shang.put<Detail>(`/funds/${fund.id}/budgets`, { year, amountFen: 4_000_000 });
    expect(changed.body.budgets.map((b) => [b.year, b.campaignId, b.amountFen])).toEqual([
      [year + 1, null, 6_000_000],
      [year, null, 4_000_000],
      [year, campaignId, 1_000_000],
    ]);
    await pay(t, payoutInput(t, fund.id, tree.unionA.id, { amountFen: 250_000 }));
    const low = await shang.put<Problem>(`/funds/${fund.id}/budgets`, { year, amountFen: 200_000 });
    expect(low.status).toBe(422);
    expect(paths(low.body)).toEqual(['amountFen']);
    expect(low.body.detail).toContain('2500.00 元');
    const bad = await shang.put<Problem>(`/funds/${fund.id}/budgets`, { year: 1999, amountFen: -1 });
    expect(paths(bad.body).sort()).toEqual(['amountFen', 'year']);
    const detail = (await shang.get<FundDetail>(`/funds/${fund.id}`)).body;
    expect(detail).toMatchObject({ budgetFen: 4_000_000, spentFen: 250_000, pendingPayouts: 1, unpaidPayoutFen: 250_000, abilities: { canManage: true, canBatch: true } });
    expect(detail.budgets.find((b) => b.year === year && !b.campaignId)?.spentFen).toBe(250_000);
    const budgetAudit = (await auditRowsFor(t, 'fund', fund.id)).filter((a) => a.action === 'data.update');
    expect(JSON.parse(budgetAudit.at(-1)!.detail)).toMatchObject({ kind: 'budget', year, amountFen: { from: 3_000_000, to: 4_000_000 } });
  });

  it('lists the ledger newest first with the balance after each entry, filters by kind, pages', async () => {
    const all = await shang.get<LedgerEntryPage>(`/funds/${fund.id}/entries?pageSize=200`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((e) => [e.kind, e.amountFen, e.balanceAfterFen, e.reference])).toEqual([
      ['payout', -250_000, 4_873_456, expect.any(String)],
      ['income', 123_456, 5_123_456, 'SJ-000123'],
      ['income', 5_000_000, 5_000_000, '杭工〔2025〕12号'],
    ]);
    expect(all.body.items.map((e) => e.businessTypeLabel)).toEqual(['春风行动/困难帮扶', '捐赠', '拨款']);
    expect(all.body.items[2]).toMatchObject({ createdByName: 'fund_shang', kindLabel: '收入' });
    expect(all.body.summary).toEqual({ incomeFen: 5_123_456, payoutFen: 250_000, balanceFen: 4_873_456 });
    const incomes = await shang.get<LedgerEntryPage>(`/funds/${fund.id}/entries?kind=income&pageSize=1&page=2`);
    expect(incomes.body.total).toBe(2);
    expect(incomes.body.items.map((e) => e.balanceAfterFen)).toEqual([5_000_000]);
    const list = (await listAll<FundListItem>(shang, '/funds')).find((f) => f.id === fund.id);
    expect(list).toMatchObject({ balanceFen: 4_873_456, budgetFen: 4_000_000, spentFen: 250_000 });
    const page = await city.get<Page<FundListItem>>('/funds?q=困难职工&source=district');
    expect(page.body.items.map((f) => f.id)).toContain(fund.id);
  });
});
