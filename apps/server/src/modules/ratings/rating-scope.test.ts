import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingCampaign } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { insertMembers, memberUserClient } from '../../test-support/enrolment-fixtures.js';
import { registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { answersFor, campaignBody, codesFor, openCampaign } from './rating-test-fixtures.js';

describe('满意不满意测评: permission and scope on every route', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  let grassroots: TestClient;
  let memberXihu: TestClient;
  let campaign: RatingCampaign;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'RS');
    shang = await userClient(t, sys, 'rs_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'rs_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'rs_city', tree.city.id, ['city_admin']);
    grassroots = await userClient(t, sys, 'rs_unit', tree.unionA.id, ['grassroots_admin']);
    const [mid] = await insertMembers(t, tree.unionC.id, 1, {}, '西湖会员');
    memberXihu = await memberUserClient(t, sys, 'rs_member', tree.unionC.id, mid!);
    campaign = await openCampaign(shang, ['上城区人力社保局', '上城区住建局']);
  });
  afterAll(() => t.close());

  it('another district gets 404 on every route of a campaign outside its scope and does not list it', async () => {
    const id = campaign.id;
    const g = campaign.groups[0]!.id;
    expect((await xihu.get(`/rating-campaigns/${id}`)).status).toBe(404);
    expect((await xihu.put(`/rating-campaigns/${id}`, campaignBody())).status).toBe(404);
    expect((await xihu.put(`/rating-campaigns/${id}/units`, { units: [{ name: 'x', category: 'other' }] })).status).toBe(404);
    expect((await xihu.put(`/rating-campaigns/${id}/groups`, { groups: [{ name: 'x', weightBp: 10000 }] })).status).toBe(404);
    for (const step of ['open', 'close', 'publish']) expect((await xihu.post(`/rating-campaigns/${id}/${step}`)).status).toBe(404);
    expect((await xihu.get(`/rating-campaigns/${id}/code-batches`)).status).toBe(404);
    expect((await xihu.post(`/rating-campaigns/${id}/code-batches`, { groupId: g, source: 'phones', phones: ['13900001111'] })).status).toBe(404);
    expect((await xihu.get(`/rating-campaigns/${id}/ballots`)).status).toBe(404);
    expect((await xihu.post(`/rating-campaigns/${id}/ballots/exclude`, { ballotIds: [g], excluded: true, reason: '越权' })).status).toBe(404);
    expect((await xihu.get(`/rating-campaigns/${id}/results`)).status).toBe(404);
    expect((await xihu.req('GET', `/rating-campaigns/${id}/results.xlsx`)).status).toBe(404);
    expect((await xihu.get<{ items: { id: string }[] }>('/rating-campaigns')).body.items.some((c) => c.id === id)).toBe(false);
    expect((await city.get<{ items: { id: string }[] }>('/rating-campaigns')).body.items.some((c) => c.id === id)).toBe(true);
    expect((await city.get(`/rating-campaigns/${id}/results`)).status).toBe(200);
  });

  it('a member outside the campaign org’s tree cannot see or rate it; staff routes refuse members', async () => {
    expect((await memberXihu.get<unknown[]>('/my/ratings')).body).toHaveLength(0);
    expect((await memberXihu.get(`/my/ratings/${campaign.id}`)).status).toBe(404);
    expect((await memberXihu.post(`/my/ratings/${campaign.id}`, { answers: answersFor(campaign, 1) })).status).toBe(404);
    expect((await memberXihu.get('/rating-campaigns')).status).toBe(403);
    expect((await memberXihu.get('/sms-outbox')).status).toBe(403);
    expect((await memberXihu.get('/rating-replies')).status).toBe(403);
  });

  it('grassroots staff have no campaign rights (403) and see only their units’ reply requests; the SMS outbox follows scope', async () => {
    expect((await grassroots.get('/rating-campaigns')).status).toBe(403);
    expect((await grassroots.post('/rating-campaigns', campaignBody())).status).toBe(403);
    expect((await grassroots.get(`/rating-campaigns/${campaign.id}/results`)).status).toBe(403);
    expect((await grassroots.get('/rating-replies')).status).toBe(200);
    expect((await grassroots.get('/sms-outbox')).status).toBe(403);
    const r = await shang.post<{ jobId: string }>(`/rating-campaigns/${campaign.id}/code-batches`, { groupId: campaign.groups[1]!.id, source: 'phones', phones: ['13900005555'] });
    expect(r.status).toBe(202);
    await t.ctx.jobs.drain();
    expect((await shang.get<{ total: number }>('/sms-outbox')).body.total).toBe(1);
    expect((await xihu.get<{ total: number }>('/sms-outbox')).body.total).toBe(0);
    expect((await city.get<{ total: number }>('/sms-outbox')).body.total).toBe(1);
  });

  it('the public code routes need no login; groups must weigh 100% and units in scope', async () => {
    const [code] = await codesFor(t, campaign, 0, 1);
    expect((await t.client().post('/public/ratings/code', { code })).status).toBe(200);
    const d = await shang.post<RatingCampaign>('/rating-campaigns', campaignBody());
    const bad = await shang.put<{ errors: { path: string; message: string }[] }>(`/rating-campaigns/${d.body.id}/groups`, { groups: [{ name: '职工代表', weightBp: 6000 }, { name: '媒体', weightBp: 3000 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toEqual({ path: 'groups', message: '各群体权重之和应为100%(当前90.00%)' });
    const outside = await shang.put<{ errors: { path: string }[] }>(`/rating-campaigns/${d.body.id}/units`, { units: [{ name: '西湖区总工会', orgId: tree.xihu.id, category: 'district_union' }] });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0]!.path).toBe('units.0.orgId');
    expect((await shang.post(`/rating-campaigns/${d.body.id}/open`)).status).toBe(422);
  });
});
