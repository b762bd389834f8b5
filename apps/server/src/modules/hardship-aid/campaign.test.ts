import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CampaignOptions } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, paths, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { aidCampaigns } from './campaign.schema.js';
import { campaignEligibility, openCampaign, withinLowEdgeCeiling } from './campaign-eligibility.js';
import { THIS_YEAR, campaignBody, createCampaignVia, expectChineseErrors, insertFund, type CampaignView } from './campaign-fixtures.js';

describe('春风行动 campaigns: settings, validation, status, scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let gA: TestClient;
  let fundId: string;
  let shangFund: string;
  let closedFund: string;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '春风');
    city = await userClient(t, sys, 'cf_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'cf_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'cf_xihu', tree.xihu.id, ['district_admin']);
    gA = await userClient(t, sys, 'cf_ga', tree.unionA.id, ['grassroots_admin']);
    fundId = await insertFund(t, tree.city.id, 'TEST-CF-CITY');
    shangFund = await insertFund(t, tree.shangcheng.id, 'TEST-CF-SHANG');
    closedFund = await insertFund(t, tree.city.id, 'TEST-CF-CLOSED', 'closed');
  }, 120_000);
  afterAll(() => t.close());

  it('creates a draft with its categories, multiplier, fund and targets, and audits it', async () => {
    const c = await createCampaignVia(city, campaignBody(THIS_YEAR + 1, { fundId, incomeCeilingMultiplier: 1.75, categories: ['medical', 'hardship'] }));
    expect(c).toMatchObject({
      year: THIS_YEAR + 1,
      status: 'draft',
      statusLabel: '筹备中',
      categories: ['hardship', 'medical'],
      lowEdgeIncluded: true,
      incomeCeilingMultiplier: 1.75,
      fundId,
      orgId: tree.city.id,
      abilities: { canManage: true, canRecordDonation: false },
    });
    expect(c.targets).toEqual([
      { divisionCode: '330102', divisionName: '上城区', households: 100, amountFen: 30_000_000 },
      { divisionCode: '330106', divisionName: '西湖区', households: 80, amountFen: 24_000_000 },
    ]);
    const [row] = await t.ctx.db.select().from(aidCampaigns).where(sql`${aidCampaigns.id} = ${c.id}`);
    expect(row!.incomeCeilingPercent).toBe(175);
    const audit = await auditRowsFor(t, 'aid_campaign', c.id);
    expect(audit.map((a) => a.action)).toEqual(['data.create']);
  });

  it('answers 422 per field, in Chinese', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ name: '' }, ['name']],
      [{ year: 1999, startsOn: '1998-12-20', endsOn: '1999-12-31' }, ['year']],
      [{ endsOn: `${THIS_YEAR - 1}-12-01` }, ['endsOn']],
      [{ startsOn: `${THIS_YEAR - 3}-12-01` }, ['startsOn']],
      [{ startsOn: '2026-02-30' }, ['startsOn']],
      [{ categories: [] }, ['categories']],
      [{ categories: ['hardship', 'hardship'] }, ['categories']],
      [{ categories: ['food'] }, ['categories.0']],
      [{ incomeCeilingMultiplier: 0.5 }, ['incomeCeilingMultiplier']],
      [{ incomeCeilingMultiplier: 1.234 }, ['incomeCeilingMultiplier']],
      [{ incomeCeilingMultiplier: 5 }, ['incomeCeilingMultiplier']],
      [{ lowEdgeIncluded: 'yes' }, ['lowEdgeIncluded']],
      [{ fundId: 'x' }, ['fundId']],
      [{ targets: [{ divisionCode: '330102', households: -1, amountFen: 0 }] }, ['targets.0.households']],
      [{ targets: [{ divisionCode: '330102', households: 1, amountFen: 1.5 }] }, ['targets.0.amountFen']],
      [{ targets: [{ divisionCode: '330102', households: 1, amountFen: 1 }, { divisionCode: '330102', households: 2, amountFen: 2 }] }, ['targets.1.divisionCode']],
    ];
    for (const [patch, expected] of cases) {
      const r = await city.post<CampaignView>('/aid/campaigns', campaignBody(THIS_YEAR + 5, patch));
      expect(r.status, JSON.stringify(patch)).toBe(422);
      expect([...new Set(paths(r.body))], JSON.stringify(patch)).toEqual(expected);
      expectChineseErrors(r.body);
    }
    // checks that need the server's configuration and the database
    const unknownDistrict = await city.post<CampaignView>('/aid/campaigns', campaignBody(THIS_YEAR + 5, { targets: [{ divisionCode: '330102', households: 1, amountFen: 1 }, { divisionCode: '110101', households: 1, amountFen: 1 }] }));
    expect(unknownDistrict.status).toBe(422);
    expect(paths(unknownDistrict.body)).toEqual(['targets.1.divisionCode']);
    expect(unknownDistrict.body.errors?.[0]?.message).toContain('不是杭州市的区县(市)代码');
    for (const [id, message] of [
      ['00000000-0000-4000-8000-000000000000', '不存在'],
      [closedFund, '已关闭'],
    ] as const) {
      const r = await city.post<CampaignView>('/aid/campaigns', campaignBody(THIS_YEAR + 5, { fundId: id }));
      expect(r.status).toBe(422);
      expect(paths(r.body)).toEqual(['fundId']);
      expect(r.body.errors?.[0]?.message).toContain(message);
    }
    expect((await city.get<CampaignView[]>('/aid/campaigns')).body.some((c) => c.year === THIS_YEAR + 5)).toBe(false);
  });

  it('keeps one campaign a year: a second one for the year is a 409 on the year', async () => {
    const r = await city.post<CampaignView>('/aid/campaigns', campaignBody(THIS_YEAR + 1));
    expect(r.status).toBe(409);
    expect(paths(r.body)).toEqual(['year']);
    expect(r.body.detail).toBe(`${THIS_YEAR + 1}年的春风行动已存在`);
  });

  it('updates the whole form (targets replaced) with before/after in the audit', async () => {
    const c = await createCampaignVia(city, campaignBody(THIS_YEAR + 2));
    const r = await city.put<CampaignView>(`/aid/campaigns/${c.id}`, campaignBody(THIS_YEAR + 2, { name: '新一轮春风行动', fundId, categories: ['emergency'], lowEdgeIncluded: false, targets: [{ divisionCode: '330182', households: 40, amountFen: 1_200_000 }] }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ name: '新一轮春风行动', categories: ['emergency'], lowEdgeIncluded: false, fundId, targets: [{ divisionCode: '330182', divisionName: '建德市', households: 40, amountFen: 1_200_000 }] });
    const clash = await city.put<CampaignView>(`/aid/campaigns/${c.id}`, campaignBody(THIS_YEAR + 1));
    expect(clash.status).toBe(409);
    expect(paths(clash.body)).toEqual(['year']);
    const audit = await auditRowsFor(t, 'aid_campaign', c.id);
    expect(audit.map((a) => a.action)).toEqual(['data.create', 'data.update']);
    expect(JSON.parse(String(audit[1]!.detail))).toMatchObject({ before: { name: `${THIS_YEAR + 2}年春风行动`, fundId: null, targets: [{ divisionCode: '330102', households: 100, amountFen: 30_000_000 }, { divisionCode: '330106', households: 80, amountFen: 24_000_000 }] }, after: { name: '新一轮春风行动', fundId } });
  });

  it('starts (fund required, one at a time) and ends; illegal moves are 409', async () => {
    const a = await createCampaignVia(city, campaignBody(THIS_YEAR));
    const noFund = await city.post<CampaignView>(`/aid/campaigns/${a.id}/status`, { status: 'active' });
    expect(noFund.status).toBe(422);
    expect(paths(noFund.body)).toEqual(['fundId']);
    expect((await city.post<CampaignView>(`/aid/campaigns/${a.id}/status`, { status: 'closed' })).status).toBe(409);
    expect((await city.put<CampaignView>(`/aid/campaigns/${a.id}`, campaignBody(THIS_YEAR, { fundId }))).status).toBe(200);
    const started = await city.post<CampaignView>(`/aid/campaigns/${a.id}/status`, { status: 'active' });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'active', statusLabel: '进行中', abilities: { canRecordDonation: true } });
    expect((await city.post<CampaignView>(`/aid/campaigns/${a.id}/status`, { status: 'active' })).status).toBe(409);
    // an active campaign keeps a fund
    const dropFund = await city.put<CampaignView>(`/aid/campaigns/${a.id}`, campaignBody(THIS_YEAR, { fundId: null }));
    expect(dropFund.status).toBe(422);
    expect(paths(dropFund.body)).toEqual(['fundId']);

    const b = await createCampaignVia(city, campaignBody(THIS_YEAR - 1, { fundId }));
    const second = await city.post<CampaignView>(`/aid/campaigns/${b.id}/status`, { status: 'active' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ANOTHER_ACTIVE');

    const rules = await campaignEligibility(t.ctx.db, a.id);
    expect(rules).toMatchObject({ campaignId: a.id, year: THIS_YEAR, status: 'active', open: true, categories: ['hardship', 'medical', 'education'], lowEdgeIncluded: true, incomeCeilingPercent: 200, incomeCeilingMultiplier: 2, fundId });
    expect((await openCampaign(t.ctx.db))?.campaignId).toBe(a.id);
    // 低保 1,102 元/月: 2× is 2,204 元
    expect(withinLowEdgeCeiling(rules!, 220_400, 110_200)).toBe(true);
    expect(withinLowEdgeCeiling(rules!, 220_401, 110_200)).toBe(false);
    expect(withinLowEdgeCeiling({ ...rules!, lowEdgeIncluded: false }, 120_000, 110_200)).toBe(false);
    expect(await campaignEligibility(t.ctx.db, '00000000-0000-4000-8000-000000000000')).toBeNull();

    const closed = await city.post<CampaignView>(`/aid/campaigns/${a.id}/status`, { status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', abilities: { canRecordDonation: false } });
    expect((await city.put<CampaignView>(`/aid/campaigns/${a.id}`, campaignBody(THIS_YEAR, { fundId }))).status).toBe(409);
    expect(await openCampaign(t.ctx.db)).toBeNull();
    expect((await city.post<CampaignView>(`/aid/campaigns/${b.id}/status`, { status: 'active' })).status).toBe(200);
    expect((await city.post<CampaignView>(`/aid/campaigns/${b.id}/status`, { status: 'closed' })).status).toBe(200);
    expect(JSON.parse(String((await auditRowsFor(t, 'aid_campaign', a.id)).at(-1)!.detail))).toEqual({ status: { from: 'active', to: 'closed' } });
  });

  it('offers the configured districts and the funds in scope', async () => {
    const mine = (await city.get<CampaignOptions>('/aid/campaigns/options')).body;
    expect(mine.divisions).toHaveLength(13);
    expect(mine.divisions[0]).toEqual({ code: '330102', name: '上城区' });
    expect(mine.funds.map((f) => f.id).sort()).toEqual([fundId, shangFund].sort());
    expect((await shang.get('/aid/campaigns/options')).status).toBe(403);
  });

  it('needs aid:campaign:manage to change anything; every staff level sees the city campaign', async () => {
    const [c] = (await city.get<CampaignView[]>('/aid/campaigns')).body;
    for (const who of [shang, gA]) {
      expect((await who.post('/aid/campaigns', campaignBody(THIS_YEAR + 9))).status).toBe(403);
      expect((await who.put(`/aid/campaigns/${c!.id}`, campaignBody(c!.year))).status).toBe(403);
      expect((await who.post(`/aid/campaigns/${c!.id}/status`, { status: 'closed' })).status).toBe(403);
      const seen = await who.get<CampaignView>(`/aid/campaigns/${c!.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.abilities.canManage).toBe(false);
    }
    expect((await gA.get<CampaignView[]>('/aid/campaigns')).body.map((x) => x.id)).toContain(c!.id);
    const worker = t.client();
    expect((await worker.get('/aid/campaigns')).status).toBe(401);
  });

  it("hides a district's own campaign from other districts (404 on every route) and lets only its owner manage it", async () => {
    const [own] = await t.ctx.db
      .insert(aidCampaigns)
      .values({ year: THIS_YEAR + 20, name: '上城区春风行动(区级)', startsOn: `${THIS_YEAR + 19}-12-20`, endsOn: `${THIS_YEAR + 20}-06-30`, categories: ['hardship'], fundId: shangFund, orgId: tree.shangcheng.id })
      .returning({ id: aidCampaigns.id });
    const id = own!.id;
    const urls = [
      ['GET', `/aid/campaigns/${id}`],
      ['GET', `/aid/campaigns/${id}/dashboard`],
      ['GET', `/aid/campaigns/${id}/donations`],
      ['POST', `/aid/campaigns/${id}/donations/export`],
    ] as const;
    for (const [method, url] of urls) {
      const r = method === 'GET' ? await xihu.get(url) : await xihu.post(url, {});
      expect(r.status, url).toBe(404);
      expect((method === 'GET' ? await shang.get(url) : await shang.post(url, {})).status, url).toBe(method === 'GET' ? 200 : 202);
    }
    expect((await xihu.get<CampaignView[]>('/aid/campaigns')).body.map((c) => c.id)).not.toContain(id);
    expect((await gA.get<CampaignView>(`/aid/campaigns/${id}`)).status).toBe(200);
    // the city's scope (all) holds the district's org: it may manage the district's campaign
    expect((await city.put<CampaignView>(`/aid/campaigns/${id}`, campaignBody(THIS_YEAR + 20, { fundId: shangFund }))).status).toBe(200);
    expect((await xihu.post(`/aid/campaigns/${id}/donations`, { donorName: '某企业', donorType: 'enterprise', amountFen: 100, receiptNo: 'X-404', receivedOn: '2026-01-05' })).status).toBe(404);
  });
});
