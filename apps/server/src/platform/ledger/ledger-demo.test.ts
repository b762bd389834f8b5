import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FundDetail, FundListItem, LedgerEntryPage } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { thisYear } from '../../test-support/ledger-fixtures.js';
import { queryRows } from '../db/db-connection.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('ledger demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  let cityFunds: FundListItem[];

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
    const r = await city.get<{ items: FundListItem[] }>('/funds?pageSize=200');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    cityFunds = r.body.items;
  }, 180_000);
  afterAll(() => t.close());

  it("has the city's 春风行动 fund and 上城区's hardship fund, with this year's budgets and money in them", async () => {
    const byName = new Map(cityFunds.map((f) => [f.name, f]));
    const cityFund = byName.get('市总工会春风行动专项资金');
    const shang = byName.get('上城区困难职工帮扶资金');
    expect(cityFund).toMatchObject({ source: 'city', orgName: '杭州市总工会', budgetFen: 500_000_000, year: thisYear() });
    expect(shang).toMatchObject({ source: 'district', orgName: '上城区总工会', budgetFen: 80_000_000 });
    expect(cityFund!.balanceFen).toBeGreaterThan(300_000_000);
    // 85 万 in (allocations and donations), less what the demo's 送温暖 visits paid out of it
    const [paid] = await queryRows<{ fen: number }>(t.ctx.db, sql`SELECT coalesce(sum(amount_fen), 0)::bigint AS fen FROM payouts WHERE fund_id = ${shang!.id}::uuid`);
    expect(Number(paid!.fen)).toBeGreaterThan(0);
    expect(shang!.balanceFen).toBe(85_000_000 - Number(paid!.fen));
    // one fund for the campaign: the 春风行动 seeder books its donations into the same fund
    expect(cityFunds.filter((f) => f.name === '市总工会春风行动专项资金')).toHaveLength(1);
  });

  it('shows allocations, donations and 送温暖 payouts in the ledger, and the district admin sees only the district fund', async () => {
    const shang = cityFunds.find((f) => f.name === '上城区困难职工帮扶资金')!;
    const entries = await district.get<LedgerEntryPage>(`/funds/${shang.id}/entries`);
    expect(entries.status).toBe(200);
    expect(new Set(entries.body.items.map((e) => e.businessTypeLabel))).toEqual(new Set(['拨款', '捐赠', '送温暖慰问']));
    expect(entries.body.items.map((e) => e.reference)).toContain(`杭工〔${thisYear()}〕3号`);
    const seen = (await district.get<{ items: FundListItem[] }>('/funds?pageSize=100')).body.items;
    // besides the unions' own 经费账户 (each union's dues and 2% share), one aid fund: the district's
    expect(seen.filter((f) => !f.code.startsWith('JF-')).map((f) => f.name)).toEqual(['上城区困难职工帮扶资金']);
    expect(seen.filter((f) => f.code.startsWith('JF-')).length).toBeGreaterThan(0);
    expect(seen.every((f) => f.orgName !== '杭州市总工会')).toBe(true);
    // for paying out: no union's 经费账户 but the caller's own (上城区总工会's)
    const none = (await district.get<{ items: FundListItem[] }>('/funds?unionAccounts=none')).body.items;
    expect(none.map((f) => f.name)).toEqual(['上城区困难职工帮扶资金']);
    const own = (await district.get<{ items: FundListItem[] }>('/funds?unionAccounts=own')).body.items;
    expect(own.map((f) => f.orgName).sort()).toEqual(['上城区总工会', '上城区总工会']);
    const cityFund = cityFunds.find((f) => f.name === '市总工会春风行动专项资金')!;
    expect((await district.get<FundDetail>(`/funds/${cityFund.id}`)).status).toBe(404);
  });
});
