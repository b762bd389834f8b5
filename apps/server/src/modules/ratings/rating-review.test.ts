import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingCampaign } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cityOrg, userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, registryTree } from '../../test-support/registry-fixtures.js';
import { answersFor, codesFor, openCampaign, type ResultsView } from './rating-test-fixtures.js';

interface BallotPage {
  items: { id: string; unitName: string; flagReasons: string[]; excluded: boolean; ipMasked: string | null }[];
  total: number;
}

describe('满意不满意测评: burst flags, exclusion, replies, results', () => {
  let t: TestApp;
  let city: TestClient;
  let campaign: RatingCampaign;

  beforeAll(async () => {
    t = await createTestApp({ config: { trustProxy: true } });
    const sys = await t.login('sysadmin');
    city = await userClient(t, sys, 'rw_city', (await cityOrg(t)).id, ['city_admin']);
    campaign = await openCampaign(city, ['市人力社保局', '上城区总工会'], { burstIpLimit: 3, burstSameAnswerLimit: 100 });
  });
  afterAll(() => t.close());

  const submit = async (code: string, answers: Record<string, unknown>[], ip: string, ua = 'Mozilla/5.0 test') =>
    t.client().req('POST', '/public/ratings/submit', { code, answers }, { headers: { 'x-forwarded-for': ip, 'user-agent': ua } });

  it('many sheets from one device within minutes are flagged; others are not', async () => {
    const codes = await codesFor(t, campaign, 0, 8);
    for (let i = 0; i < 4; i++) expect((await submit(codes[i]!, answersFor(campaign, 5), '10.1.1.1')).status).toBe(200);
    for (let i = 4; i < 8; i++) expect((await submit(codes[i]!, answersFor(campaign, (k) => [1 + ((i + k) % 3), 2, 1]), `10.2.0.${i}`)).status).toBe(200);
    const flagged = await city.get<BallotPage>(`/rating-campaigns/${campaign.id}/ballots?flagged=true&pageSize=100`);
    expect(flagged.body.total).toBe(8); // 4 sheets × 2 units from 10.1.1.1
    expect(flagged.body.items.every((b) => b.flagReasons.includes('burst_device'))).toBe(true);
    expect(flagged.body.items[0]!.ipMasked).toBe('10.1.*.*');
    const list = await city.get<{ items: { id: string; flagged: number }[] }>('/rating-campaigns');
    expect(list.body.items.find((c) => c.id === campaign.id)?.flagged).toBe(8);
  });

  it('many identical all-same answers for one unit within minutes are flagged', async () => {
    const c2 = await openCampaign(city, ['市市场监管局'], { burstIpLimit: 1000, burstSameAnswerLimit: 3 });
    const codes = await codesFor(t, c2, 1, 4);
    for (let i = 0; i < 2; i++) expect((await submit(codes[i]!, answersFor(c2, 1), `10.3.0.${i}`, `ua-${i}`)).status).toBe(200);
    expect((await city.get<BallotPage>(`/rating-campaigns/${c2.id}/ballots?flagged=true`)).body.total).toBe(0);
    expect((await submit(codes[2]!, answersFor(c2, 1), '10.3.0.9', 'ua-9')).status).toBe(200);
    expect((await submit(codes[3]!, answersFor(c2, () => [1, 2, 1]), '10.3.0.8', 'ua-8')).status).toBe(200);
    const flagged = await city.get<BallotPage>(`/rating-campaigns/${c2.id}/ballots?flagged=true`);
    expect(flagged.body.total).toBe(3);
    expect(flagged.body.items.every((b) => b.flagReasons.includes('same_answers'))).toBe(true);
  });

  it('excluding the flagged ballots changes the results; the exclusion is audited and reversible before publishing', async () => {
    const before = (await city.get<ResultsView>(`/rating-campaigns/${campaign.id}/results`)).body;
    const unit = before.rows.find((r) => r.unitName === '市人力社保局')!;
    expect(unit.ballots).toBe(8);
    const flagged = (await city.get<BallotPage>(`/rating-campaigns/${campaign.id}/ballots?flagged=true&pageSize=100`)).body.items.map((b) => b.id);
    const noReason = await city.post(`/rating-campaigns/${campaign.id}/ballots/exclude`, { ballotIds: flagged, excluded: true, reason: '' });
    expect(noReason.status).toBe(422);
    const ex = await city.post<{ changed: number }>(`/rating-campaigns/${campaign.id}/ballots/exclude`, { ballotIds: flagged, excluded: true, reason: '同一设备10分钟内提交4份,疑似刷票' });
    expect(ex.body.changed).toBe(8);
    const after = (await city.get<ResultsView>(`/rating-campaigns/${campaign.id}/results`)).body;
    const u2 = after.rows.find((r) => r.unitName === '市人力社保局')!;
    expect(u2.ballots).toBe(4);
    expect(u2.overallBp).toBeGreaterThan(unit.overallBp!);
    expect(u2.overallBp).toBe(10000);
    expect(after.excludedBallots).toBe(8);
    const audit = await auditRowsFor(t, 'rating_campaign', campaign.id);
    expect(audit.some((a) => a.detail.includes('"step":"exclude_ballots"'))).toBe(true);
    expect((await city.post(`/rating-campaigns/${campaign.id}/close`)).status).toBe(200);
    expect((await city.post(`/rating-campaigns/${campaign.id}/publish`)).status).toBe(200);
    expect((await city.post(`/rating-campaigns/${campaign.id}/ballots/exclude`, { ballotIds: flagged, excluded: false, reason: '误判' })).status).toBe(409);
    const xlsx = await city.req('GET', `/rating-campaigns/${campaign.id}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
  });

  it('a reply request reaches the rated unit’s union, which answers it; other unions do not see it', async () => {
    const sys = await t.login('sysadmin');
    const tree = await registryTree(t, sys, 'RW');
    const draft = await city.post<RatingCampaign>('/rating-campaigns', { year: 2026, title: '回复测试', startsOn: '2026-01-01', endsOn: '2099-12-31' });
    await city.put(`/rating-campaigns/${draft.body.id}/units`, { units: [{ name: '上城区总工会', orgId: tree.shangcheng.id, category: 'district_union' }] });
    const opened = (await city.post<RatingCampaign>(`/rating-campaigns/${draft.body.id}/open`)).body;
    const [code] = await codesFor(t, opened, 0, 1);
    const answers = [{ unitId: opened.unitList[0]!.id, attitude: 4, integrity: 3, effect: 4, comment: '困难职工帮扶申请材料太多,希望简化', replyRequested: true, contact: '13812345678' }];
    expect((await submit(code!, answers, '10.4.0.1')).status).toBe(200);
    const shang = await userClient(t, sys, 'rw_shang', tree.shangcheng.id, ['district_admin']);
    const xihu = await userClient(t, sys, 'rw_xihu', tree.xihu.id, ['district_admin']);
    const list = await shang.get<{ items: { id: string; contactMasked: string; comment: string }[] }>('/rating-replies');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]!.contactMasked).toBe('138****5678');
    expect((await xihu.get<{ items: unknown[] }>('/rating-replies')).body.items).toHaveLength(0);
    expect((await xihu.post(`/rating-replies/${list.body.items[0]!.id}`, { replyText: '已答复' })).status).toBe(404);
    expect((await shang.post(`/rating-replies/${list.body.items[0]!.id}`, { replyText: '已安排专人联系,材料清单已精简为3项' })).status).toBe(200);
    expect((await shang.get<{ items: { replyText: string }[] }>('/rating-replies?answered=true')).body.items[0]!.replyText).toContain('精简');
  });
});
