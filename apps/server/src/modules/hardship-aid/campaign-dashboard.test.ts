import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AID_CATEGORIES, type CampaignDashboard } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { fundBalance, recordIncome } from '../../platform/ledger/ledger.service.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { THIS_YEAR, TODAY, activeCampaign, campaignBody, createCampaignVia, insertFund, type CampaignView } from './campaign-fixtures.js';

/** One application as stored, for the naive recount. */
interface RawApp {
  org_id: string;
  category: string;
  amount_fen: number;
  approved_amount_fen: number | null;
  member_id: string;
  household_id: string | null;
  campaign_id: string | null;
  division_code: string;
  status: string;
  approved_at: string;
  payout_status: string | null;
  payout_fen: number | null;
}

interface Tally {
  applications: number;
  households: Set<string>;
  amountFen: number;
  paidFen: number;
}

const tally = (): Tally => ({ applications: 0, households: new Set(), amountFen: 0, paidFen: 0 });
const weekOf = (iso: string): string => {
  const local = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((local.getUTCDay() + 6) % 7))).toISOString().slice(0, 10);
};

describe('春风行动 dashboard: figures equal a naive recount, in every scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let gA: TestClient;
  let fundId: string;
  let campaign: CampaignView;
  let seq = 0;

  const member = async (orgId: string) => {
    seq++;
    return (await createMember(city, { name: `看板${String.fromCharCode(0x4e00 + seq)}`, idCard: makeIdCard('330102', '19800101', 600 + seq), phone: makePhone('177', 700 + seq), orgId, bankAccount: `62220233${String(10_000_000 + seq)}` })).id;
  };
  const file = async (memberId: string, category: string, amountFen: number, campaignId: string | null = campaign.id) => {
    const r = await city.post<{ id: string }>('/aid/applications', { memberId, category, amountFen, reason: '家庭困难,申请春风行动帮扶', sensitiveConsent: true, ...(campaignId ? { campaignId } : {}) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id;
  };
  /** puts a case straight into a state (the chain itself is tested with the applications) */
  const force = async (id: string, status: string, weeksAgo = 0, approvedAmountFen: number | null = null) => {
    await t.ctx.db.execute(sql`UPDATE workflow_instances SET status = ${status}, step_index = NULL, step_key = NULL, assignee_org_id = NULL,
      finished_at = CASE WHEN ${status} IN ('approved','rejected','withdrawn') THEN now() - make_interval(weeks => ${weeksAgo}) END, updated_at = now() - make_interval(weeks => ${weeksAgo}) WHERE business_id = ${id}`);
    if (approvedAmountFen !== null) await t.ctx.db.execute(sql`UPDATE aid_applications SET approved_amount_fen = ${approvedAmountFen} WHERE id = ${id}`);
  };
  const act = async (c: TestClient, id: string, action: string, extra: Record<string, unknown> = {}) => {
    const r = await c.post(`/aid/applications/${id}/actions`, { action, ...extra });
    expect(r.status, `${action} ${JSON.stringify(r.body)}`).toBe(200);
  };

  const rawApps = () =>
    queryRows<RawApp>(
      t.ctx.db,
      sql`SELECT a.org_id, a.category, a.amount_fen::float8 AS amount_fen, a.approved_amount_fen::float8 AS approved_amount_fen, a.member_id, a.household_id, a.campaign_id,
            coalesce(o.division_code, '') AS division_code, w.status, to_char(coalesce(w.finished_at, w.updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS approved_at,
            p.status AS payout_status, p.amount_fen::float8 AS payout_fen
          FROM aid_applications a JOIN workflow_instances w ON w.business_id = a.id JOIN orgs o ON o.id = a.org_id LEFT JOIN payouts p ON p.id = a.payout_id`,
    );
  const subtree = async (orgId: string) => new Set((await queryRows<{ id: string }>(t.ctx.db, sql`SELECT descendant_id AS id FROM org_closure WHERE ancestor_id = ${orgId}`)).map((r) => r.id));

  /** The dashboard's figures recounted in JS from the raw rows, for the orgs given (null = all). */
  async function recount(orgs: Set<string> | null) {
    const apps = (await rawApps()).filter((a) => a.campaign_id === campaign.id && (orgs === null || orgs.has(a.org_id)));
    const helped = apps.filter((a) => a.status === 'approved');
    const total = tally();
    const by = { cat: new Map<string, Tally>(), div: new Map<string, Tally>(), week: new Map<string, Tally>() };
    for (const a of helped) {
      const amount = a.payout_status === 'paid' ? a.payout_fen! : (a.approved_amount_fen ?? a.amount_fen);
      const paid = a.payout_status === 'paid' ? a.payout_fen! : 0;
      const hh = a.household_id ?? a.member_id;
      for (const [map, key] of [[by.cat, a.category], [by.div, a.division_code], [by.week, weekOf(a.approved_at)], [null, '']] as const) {
        const x = map ? (map.get(key) ?? tally()) : total;
        x.applications++;
        x.households.add(hh);
        x.amountFen += amount;
        x.paidFen += paid;
        if (map) map.set(key, x);
      }
    }
    const plain = (x: Tally | undefined) => ({ applications: x?.applications ?? 0, households: x?.households.size ?? 0, amountFen: x?.amountFen ?? 0 });
    return { total, by, plain, inProgress: apps.filter((a) => ['in_review', 'returned', 'publicity'].includes(a.status)).length };
  }

  const dashboardOf = async (c: TestClient) => {
    const r = await c.get<CampaignDashboard>(`/aid/campaigns/${campaign.id}/dashboard`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '看板');
    city = await userClient(t, sys, 'db_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'db_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'db_xihu', tree.xihu.id, ['district_admin']);
    gA = await userClient(t, sys, 'db_ga', tree.unionA.id, ['grassroots_admin']);
    fundId = await insertFund(t, tree.city.id, 'TEST-DB');
    await t.ctx.db.transaction((tx) => recordIncome(tx, { fundId, amountFen: 50_000_000, businessType: 'test.allocation', businessKey: 'DB-1', createdBy: null }));
    const other = await createCampaignVia(city, campaignBody(THIS_YEAR - 1, { fundId }));
    campaign = await activeCampaign(city, THIS_YEAR, fundId, { categories: ['hardship', 'medical', 'education', 'emergency'] });

    const [a1, a2, b1, c1, c2] = [await member(tree.unionA.id), await member(tree.unionA.id), await member(tree.unionB.id), await member(tree.unionC.id), await member(tree.unionC.id)];
    // one through the real chain, disbursed and paid
    const real = await file(a1, 'medical', 300_000);
    await act(city, real, 'submit');
    await act(gA, real, 'approve', { opinion: '情况属实' });
    const visit = await gA.post(`/aid/applications/${real}/home-visit`, { visitedOn: TODAY, visitors: '赵敏、李强', findings: '入户核实,因病致困属实', incomeCheckConsentSigned: true });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    await act(shang, real, 'approve', { opinion: '同意', approvedAmountFen: 250_000 });
    await t.ctx.db.execute(sql`UPDATE workflow_instances SET publicity_ends_at = now() - interval '1 second' WHERE business_id = ${real}`);
    expect((await city.post('/aid/publicity/close-ended')).status).toBe(200);
    const paid = await city.post(`/aid/applications/${real}/disburse`, { fundId });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    await t.ctx.db.execute(sql`UPDATE payouts SET status = 'paid', paid_at = now() WHERE business_key = ${real}`);

    await force(await file(a1, 'hardship', 100_000), 'approved', 2, 80_000); // the same household helped twice
    await force(await file(a2, 'education', 200_000), 'approved', 3); // no approved amount: the amount asked counts
    await force(await file(b1, 'hardship', 150_000), 'approved', 0, 150_000);
    await force(await file(b1, 'emergency', 50_000), 'publicity');
    await force(await file(c1, 'medical', 400_000), 'approved', 1, 400_000);
    await force(await file(c2, 'hardship', 120_000), 'rejected', 1);
    await force(await file(c2, 'education', 90_000), 'in_review');
    await file(c1, 'medical', 60_000); // a draft
    await force(await file(c1, 'hardship', 70_000, null), 'approved', 1, 70_000); // outside any campaign
    // a case of last year's (closed) campaign: filed when it was open, so set directly
    const lastYears = await file(a2, 'hardship', 70_000, null);
    await t.ctx.db.execute(sql`UPDATE aid_applications SET campaign_id = ${other.id} WHERE id = ${lastYears}`);
    await force(lastYears, 'approved', 1, 70_000); // another campaign

    for (const [c, no, orgId, fen] of [[city, 'DB-D1', tree.city.id, 1_000_000], [shang, 'DB-D2', tree.unionB.id, 300_000], [xihu, 'DB-D3', tree.xihu.id, 200_000]] as const) {
      const r = await c.post(`/aid/campaigns/${campaign.id}/donations`, { donorName: '杭州爱心企业', donorType: 'enterprise', amountFen: fen, receiptNo: no, receivedOn: TODAY, orgId });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  }, 180_000);
  afterAll(() => t.close());

  it('city: totals, categories, districts, weeks and donations equal the recount; the fund balance is the ledger sum', async () => {
    const d = await dashboardOf(city);
    const n = await recount(null);
    expect(n.total.applications).toBe(5);
    expect(d.totals).toEqual({
      applications: n.total.applications,
      households: n.total.households.size,
      amountFen: n.total.amountFen,
      paidFen: n.total.paidFen,
      inProgress: n.inProgress,
      targetHouseholds: 180,
      targetAmountFen: 54_000_000,
      donations: 3,
      donationsFen: 1_500_000,
    });
    expect(d.totals).toMatchObject({ households: 4, amountFen: 250_000 + 80_000 + 200_000 + 150_000 + 400_000, paidFen: 250_000, inProgress: 2 });
    expect(d.byCategory.map((c) => c.category)).toEqual(['hardship', 'medical', 'education', 'emergency']);
    for (const c of d.byCategory) expect({ applications: c.applications, households: c.households, amountFen: c.amountFen }, c.category).toEqual(n.plain(n.by.cat.get(c.category)));
    expect(d.byDistrict.map((x) => x.divisionCode)).toEqual(t.config.city.districts.map((x) => x.code));
    for (const x of d.byDistrict) {
      expect({ applications: x.applications, households: x.households, amountFen: x.amountFen }, x.divisionCode).toEqual(n.plain(n.by.div.get(x.divisionCode)));
    }
    expect(d.byDistrict.find((x) => x.divisionCode === '330102')).toMatchObject({ divisionName: '上城区', targetHouseholds: 100, targetAmountFen: 30_000_000, households: 3 });
    expect(d.byDistrict.find((x) => x.divisionCode === '330106')).toMatchObject({ targetHouseholds: 80, targetAmountFen: 24_000_000, households: 1 });
    expect(d.byDistrict.find((x) => x.divisionCode === '330182')).toMatchObject({ targetHouseholds: null, households: 0 });

    const weeks = d.byWeek.filter((w) => w.applications > 0);
    expect(weeks.map((w) => w.weekStart)).toEqual([...n.by.week.keys()].sort());
    for (const w of weeks) expect({ applications: w.applications, households: w.households, amountFen: w.amountFen }, w.weekStart).toEqual(n.plain(n.by.week.get(w.weekStart)));
    expect(d.byWeek.map((w) => w.weekStart)).toEqual([...d.byWeek.map((w) => w.weekStart)].sort());
    expect(d.byWeek.every((w) => new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(d.byWeek[0]!.weekStart <= campaign.startsOn).toBe(true);
    const last = d.byWeek.at(-1)!;
    expect(last.cumulativeHouseholds).toBe(n.total.households.size);
    expect(last.cumulativeAmountFen).toBe(n.total.amountFen);
    expect(d.fund).toEqual({ id: fundId, name: 'TEST-DB 春风行动资金', balanceFen: await fundBalance(t.ctx.db, fundId) });
  });

  it('a district sees its own district only: figures, target, donations; the city fund is not theirs', async () => {
    for (const [c, district, code, target] of [[shang, tree.shangcheng.id, '330102', 100], [xihu, tree.xihu.id, '330106', 80]] as const) {
      const d = await dashboardOf(c);
      const n = await recount(await subtree(district));
      expect(d.byDistrict.map((x) => x.divisionCode)).toEqual([code]);
      expect(d.byDistrict[0]).toMatchObject({ ...n.plain(n.by.div.get(code)), targetHouseholds: target });
      expect(d.totals).toMatchObject({ applications: n.total.applications, households: n.total.households.size, amountFen: n.total.amountFen, inProgress: n.inProgress, targetHouseholds: target });
      for (const cat of d.byCategory) expect({ applications: cat.applications, households: cat.households, amountFen: cat.amountFen }).toEqual(n.plain(n.by.cat.get(cat.category)));
      expect(d.fund).toBeNull();
    }
    expect((await dashboardOf(shang)).totals).toMatchObject({ donations: 1, donationsFen: 300_000, applications: 4, households: 3 });
    expect((await dashboardOf(xihu)).totals).toMatchObject({ donations: 1, donationsFen: 200_000, applications: 1 });
  });

  it('a grassroots union sees its own cases, and no district target', async () => {
    const d = await dashboardOf(gA);
    const n = await recount(new Set([tree.unionA.id]));
    expect(d.totals).toMatchObject({ applications: n.total.applications, households: n.total.households.size, amountFen: n.total.amountFen, targetHouseholds: 0, donations: 0 });
    expect(d.byDistrict).toEqual([{ divisionCode: '330102', divisionName: '上城区', ...n.plain(n.by.div.get('330102')), targetHouseholds: null, targetAmountFen: null }]);
    expect(AID_CATEGORIES.filter((c) => c !== 'other')).toEqual(d.byCategory.map((c) => c.category));
  });

  it('answers 404 for a campaign that does not exist', async () => {
    expect((await city.get('/aid/campaigns/00000000-0000-4000-8000-000000000000/dashboard')).status).toBe(404);
  });
});
