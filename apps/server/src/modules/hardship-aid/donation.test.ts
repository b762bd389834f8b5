import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Donation } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { fundBalance } from '../../platform/ledger/ledger.service.js';
import { auditRowsFor, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { finishJob, rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { TODAY, THIS_YEAR, activeCampaign, createCampaignVia, campaignBody, expectChineseErrors, insertFund, type CampaignView } from './campaign-fixtures.js';

type DonationView = Donation & Problem;
interface DonationPage {
  items: DonationView[];
  total: number;
  totalAmountFen: number;
}

const body = (receiptNo: string, extra: Record<string, unknown> = {}) => ({ donorName: '杭州钱江数智科技股份有限公司', donorType: 'enterprise', amountFen: 5_000_000, receiptNo, receivedOn: TODAY, ...extra });

describe('春风行动 donations: booked once into the fund, listed in scope, exported', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let gA: TestClient;
  let fundId: string;
  let campaign: CampaignView;

  const ledgerOf = (receiptNo: string) =>
    queryRows<{ fund_id: string; kind: string; amount_fen: number; campaign_id: string | null; created_by: string | null }>(
      t.ctx.db,
      sql`SELECT fund_id, kind, amount_fen::float8 AS amount_fen, campaign_id, created_by FROM ledger_entries WHERE business_type = 'aid.donation' AND business_key = ${receiptNo}`,
    );
  const counts = async () => (await queryRows<{ d: number; l: number }>(t.ctx.db, sql`SELECT (SELECT count(*)::int FROM aid_donations) AS d, (SELECT count(*)::int FROM ledger_entries) AS l`))[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '捐款');
    city = await userClient(t, sys, 'dn_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'dn_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'dn_xihu', tree.xihu.id, ['district_admin']);
    gA = await userClient(t, sys, 'dn_ga', tree.unionA.id, ['grassroots_admin']);
    fundId = await insertFund(t, tree.city.id, 'TEST-DN');
    campaign = await activeCampaign(city, THIS_YEAR, fundId);
  }, 120_000);
  afterAll(() => t.close());

  it('books a donation into the campaign fund in the same transaction, with its ledger entry and audit row', async () => {
    const before = await fundBalance(t.ctx.db, fundId);
    const r = await city.post<DonationView>(`/aid/campaigns/${campaign.id}/donations`, body('hzcf-0001', { note: '启动仪式现场捐赠' }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ campaignId: campaign.id, receiptNo: 'HZCF-0001', amountFen: 5_000_000, donorTypeLabel: '企业', orgId: tree.city.id, fundId, note: '启动仪式现场捐赠' });
    const entries = await ledgerOf('HZCF-0001');
    expect(entries).toEqual([{ fund_id: fundId, kind: 'income', amount_fen: 5_000_000, campaign_id: campaign.id, created_by: expect.any(String) as string }]);
    expect(await fundBalance(t.ctx.db, fundId)).toBe(before + 5_000_000);
    const [entry] = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id::float8 AS id FROM ledger_entries WHERE business_key = 'HZCF-0001'`);
    expect(r.body.ledgerEntryId).toBe(entry!.id);
    const audit = await auditRowsFor(t, 'aid_donation', r.body.id);
    expect(audit.map((a) => a.action)).toEqual(['ledger.income']);
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ receiptNo: 'HZCF-0001', amountFen: 5_000_000, fundId });
  });

  it('refuses a repeated receipt number with 409 on receiptNo and changes nothing (also in other letter case, also racing)', async () => {
    const before = { counts: await counts(), balance: await fundBalance(t.ctx.db, fundId) };
    for (const no of ['HZCF-0001', 'hzcf-0001', ' HZCF-0001 ']) {
      const r = await shang.post<DonationView>(`/aid/campaigns/${campaign.id}/donations`, body(no, { amountFen: 1 }));
      expect(r.status, no).toBe(409);
      expect(paths(r.body)).toEqual(['receiptNo']);
      expect(r.body.detail).toContain('HZCF-0001 已登记入账');
    }
    const race = await Promise.all([1, 2, 3].map(() => city.post<DonationView>(`/aid/campaigns/${campaign.id}/donations`, body('HZCF-RACE', { amountFen: 7_700 }))));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await ledgerOf('HZCF-RACE')).toHaveLength(1);
    const after = await counts();
    expect(after).toEqual({ d: before.counts.d + 1, l: before.counts.l + 1 });
    expect(await fundBalance(t.ctx.db, fundId)).toBe(before.balance + 7_700);
  });

  it('validates each field with a Chinese message', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ donorName: ' ' }, 'donorName'],
      [{ donorType: 'company' }, 'donorType'],
      [{ amountFen: 0 }, 'amountFen'],
      [{ amountFen: 10.5 }, 'amountFen'],
      [{ receiptNo: 'A 1' }, 'receiptNo'],
      [{ receiptNo: 'x' }, 'receiptNo'],
      [{ receivedOn: '2026-13-01' }, 'receivedOn'],
      [{ orgId: 'nope' }, 'orgId'],
    ];
    for (const [patch, path] of cases) {
      const r = await city.post<DonationView>(`/aid/campaigns/${campaign.id}/donations`, body('HZCF-V1', patch));
      expect(r.status, JSON.stringify(patch)).toBe(422);
      expect(paths(r.body)).toEqual([path]);
      expectChineseErrors(r.body);
    }
    const future = await city.post<DonationView>(`/aid/campaigns/${campaign.id}/donations`, body('HZCF-V2', { receivedOn: `${THIS_YEAR + 1}-12-31` }));
    expect(future.status).toBe(422);
    expect(paths(future.body)).toEqual(['receivedOn']);
    // a district cannot book a donation as received by another district's union
    const foreign = await shang.post<DonationView>(`/aid/campaigns/${campaign.id}/donations`, body('HZCF-V3', { orgId: tree.xihu.id }));
    expect(foreign.status).toBe(422);
    expect(paths(foreign.body)).toEqual(['orgId']);
    expect(await ledgerOf('HZCF-V3')).toEqual([]);
  });

  it('needs aid:donation:record and an active campaign', async () => {
    expect((await gA.post(`/aid/campaigns/${campaign.id}/donations`, body('HZCF-P1'))).status).toBe(403);
    const draft = await createCampaignVia(city, campaignBody(THIS_YEAR + 1, { fundId }));
    const r = await city.post<DonationView>(`/aid/campaigns/${draft.id}/donations`, body('HZCF-P2'));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CAMPAIGN_NOT_ACTIVE');
    expect(await ledgerOf('HZCF-P2')).toEqual([]);
    expect((await city.post(`/aid/campaigns/00000000-0000-4000-8000-000000000000/donations`, body('HZCF-P3'))).status).toBe(404);
  });

  it('lists donations received in scope, with the filtered total; detail agrees with the list (404 outside)', async () => {
    const mine = await shang.post<DonationView>(`/aid/campaigns/${campaign.id}/donations`, body('SC-0001', { donorName: '林晓东', donorType: 'individual', amountFen: 1_000_000, orgId: tree.unionA.id }));
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.orgName).toBe(tree.unionA.name);
    const own = await shang.post<DonationView>(`/aid/campaigns/${campaign.id}/donations`, body('SC-0002', { donorName: '=cmd|calc', amountFen: 250_000 }));
    expect(own.body.orgId).toBe(tree.shangcheng.id);

    const shangList = (await shang.get<DonationPage>(`/aid/campaigns/${campaign.id}/donations`)).body;
    expect(shangList.items.map((d) => d.receiptNo).sort()).toEqual(['SC-0001', 'SC-0002']);
    expect(shangList.totalAmountFen).toBe(1_250_000);
    const cityList = (await city.get<DonationPage>(`/aid/campaigns/${campaign.id}/donations?pageSize=1`)).body;
    expect(cityList.items).toHaveLength(1);
    expect(cityList.total).toBe(4);
    expect(cityList.totalAmountFen).toBe(5_000_000 + 7_700 + 1_250_000);
    expect((await city.get<DonationPage>(`/aid/campaigns/${campaign.id}/donations?donorType=individual`)).body.items.map((d) => d.receiptNo)).toEqual(['SC-0001']);
    expect((await city.get<DonationPage>(`/aid/campaigns/${campaign.id}/donations?q=${encodeURIComponent('钱江')}`)).body.total).toBe(2);
    expect((await city.get<DonationPage>(`/aid/campaigns/${campaign.id}/donations?q=sc-00`)).body.total).toBe(2);
    expect((await xihu.get<DonationPage>(`/aid/campaigns/${campaign.id}/donations`)).body).toMatchObject({ items: [], total: 0, totalAmountFen: 0 });
    expect((await gA.get<DonationPage>(`/aid/campaigns/${campaign.id}/donations`)).body.items.map((d) => d.receiptNo)).toEqual(['SC-0001']);

    expect((await shang.get(`/aid/donations/${mine.body.id}`)).status).toBe(200);
    expect((await gA.get(`/aid/donations/${own.body.id}`)).status).toBe(404);
    expect((await xihu.get(`/aid/donations/${mine.body.id}`)).status).toBe(404);
    expect((await city.get(`/aid/donations/${mine.body.id}`)).status).toBe(200);
  });

  it("exports the caller's donations to xlsx (formulas escaped, audited); the file is the caller's alone", async () => {
    const start = await shang.post<{ jobId: string }>(`/aid/campaigns/${campaign.id}/donations/export`, {});
    expect(start.status).toBe(202);
    const job = await finishJob<{ fileId: string; rows: number }>(t, shang, start.body.jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result!.rows).toBe(2);
    const file = await rawRequest(t, shang, 'GET', `/api/files/${job.result!.fileId}/download`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent(`${campaign.name}捐款名单.xlsx`));
    const rows = await readXlsx(file.body);
    expect(rows[0]).toEqual(['收据编号', '捐赠方', '类型', '金额(元)', '到账日期', '接收单位', '计入资金', '备注', '登记人']);
    const data = rows.slice(1).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(data.map((r) => r.slice(0, 6))).toEqual([
      ['SC-0001', '林晓东', '个人', 10000, TODAY, tree.unionA.name],
      ['SC-0002', "'=cmd|calc", '企业', 2500, TODAY, tree.shangcheng.name],
    ]);
    expect((await rawRequest(t, city, 'GET', `/api/files/${job.result!.fileId}/download`)).status).toBe(404);
    const audit = await auditRowsFor(t, 'aid_donation', job.result!.fileId);
    expect(audit.map((a) => a.action)).toEqual(['data.export']);

    const all = await city.post<{ jobId: string }>(`/aid/campaigns/${campaign.id}/donations/export`, { donorType: 'enterprise' });
    const cityJob = await finishJob<{ fileId: string; rows: number }>(t, city, all.body.jobId);
    expect(cityJob.result!.rows).toBe(3);
    expect((await gA.post(`/aid/campaigns/${campaign.id}/donations/export`, { donorType: 'bank' })).status).toBe(422);
  });
});
