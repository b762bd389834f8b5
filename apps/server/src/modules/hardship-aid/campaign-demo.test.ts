import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CampaignDashboard } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { fundBalance } from '../../platform/ledger/ledger.service.js';
import { THIS_YEAR, type CampaignView } from './campaign-fixtures.js';
import { CITY_CAMPAIGN_FUND, DEMO_DONATIONS } from './campaign-demo.data.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('春风行动 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
  }, 180_000);
  afterAll(() => t.close());

  it("runs this year's campaign from the city fund, with targets for all 13 districts and last year's closed", async () => {
    const list = (await city.get<CampaignView[]>('/aid/campaigns')).body;
    expect(list.map((c) => [c.year, c.status])).toEqual([
      [THIS_YEAR, 'active'],
      [THIS_YEAR - 1, 'closed'],
    ]);
    const current = list[0]!;
    expect(current).toMatchObject({ name: `${THIS_YEAR}年春风行动`, fundName: CITY_CAMPAIGN_FUND.name, incomeCeilingMultiplier: 2, lowEdgeIncluded: true });
    expect(current.targets.map((x) => x.divisionCode)).toEqual(t.config.city.districts.map((d) => d.code));
    const [fund] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM funds WHERE name = ${CITY_CAMPAIGN_FUND.name}`);
    expect(fund!.n).toBe(1);
  });

  it('books every demo donation once in the ledger, and shows the dashboard in each scope', async () => {
    const current = (await city.get<CampaignView[]>('/aid/campaigns')).body[0]!;
    const [sum] = await queryRows<{ n: number; fen: number }>(t.ctx.db, sql`SELECT count(*)::int AS n, sum(amount_fen)::float8 AS fen FROM ledger_entries WHERE business_type = 'aid.donation' AND campaign_id = ${current.id}`);
    const expected = DEMO_DONATIONS.reduce((s, d) => s + d.yuan * 100, 0);
    expect(sum).toEqual({ n: DEMO_DONATIONS.length, fen: expected });
    const cityView = (await city.get<CampaignDashboard>(`/aid/campaigns/${current.id}/dashboard`)).body;
    expect(cityView.totals).toMatchObject({ donations: DEMO_DONATIONS.length, donationsFen: expected });
    expect(cityView.fund?.balanceFen).toBe(await fundBalance(t.ctx.db, current.fundId!));
    expect(cityView.byDistrict).toHaveLength(13);
    expect(cityView.byDistrict.every((d) => d.households > 0 && d.targetHouseholds !== null)).toBe(true);
    expect(cityView.byWeek.filter((w) => w.applications > 0).length).toBeGreaterThan(5);
    const mine = (await district.get<CampaignDashboard>(`/aid/campaigns/${current.id}/dashboard`)).body;
    expect(mine.byDistrict.map((d) => d.divisionName)).toEqual(['上城区']);
    expect(mine.totals.donations).toBe(DEMO_DONATIONS.filter((d) => d.org === '上城区总工会').length);
  });

  it("reads a settled case through the applications API, with its whole timeline", async () => {
    const current = (await city.get<CampaignView[]>('/aid/campaigns')).body[0]!;
    const list = (await city.get<{ items: { id: string; status: string }[] }>(`/aid/applications?campaignId=${current.id}&status=approved&pageSize=5`)).body.items;
    expect(list.length).toBeGreaterThan(0);
    const detail = await city.get<{ status: string; approvedAmountFen: number; timeline: { action: string; toStatus: string }[] }>(`/aid/applications/${list[0]!.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.map((e) => [e.action, e.toStatus])).toEqual([
      ['create', 'draft'],
      ['submit', 'in_review'],
      ['approve', 'in_review'],
      ['approve', 'publicity'],
      ['publicity_end', 'approved'],
    ]);
  });
});
