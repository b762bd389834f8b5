import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingCampaign } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cityOrg, userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { insertMembers, memberUserClient } from '../../test-support/enrolment-fixtures.js';
import { finishJob } from '../../test-support/multipart-upload.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { answersFor, codesFor, openCampaign } from './rating-test-fixtures.js';

const count = async (t: TestApp, where: string) => (await queryRows<{ n: number }>(t.ctx.db, sql.raw(`SELECT count(*)::int AS n FROM ${where}`)))[0]!.n;

describe('满意不满意测评: codes and one vote per unit', () => {
  let t: TestApp;
  let sys: TestClient;
  let city: TestClient;
  let campaign: RatingCampaign;
  const units = ['市人力社保局', '市住保房管局', '市市场监管局'];

  beforeAll(async () => {
    t = await createTestApp({ config: { trustProxy: true } });
    sys = await t.login('sysadmin');
    city = await userClient(t, sys, 'rv_city', (await cityOrg(t)).id, ['city_admin']);
    campaign = await openCampaign(city, units);
  });
  afterAll(() => t.close());

  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip, 'user-agent': `test-${ip}` } });

  it('a code shows the sheet, is used once, and a concurrent double submit stores one sheet', async () => {
    const [code] = await codesFor(t, campaign, 1, 1);
    const anon = t.client();
    const sheet = await anon.req<{ units: unknown[]; groupName: string }>('POST', '/public/ratings/code', { code: code!.toLowerCase() }, from('10.0.0.1'));
    expect(sheet.status).toBe(200);
    expect(sheet.body.units).toHaveLength(3);
    expect(sheet.body.groupName).toBe('企业代表');
    const body = { code: code!, answers: answersFor(campaign, 2) };
    const [a, b] = await Promise.all([anon.req('POST', '/public/ratings/submit', body, from('10.0.0.1')), anon.req('POST', '/public/ratings/submit', body, from('10.0.0.1'))]);
    expect([a.status, b.status].sort()).toEqual([200, 422]);
    expect(await count(t, `rating_ballots WHERE rater_key = 'code:' || (SELECT id FROM rating_codes WHERE used_at IS NOT NULL LIMIT 1)`)).toBe(3);
    const again = await anon.req<{ errors: { path: string; message: string }[] }>('POST', '/public/ratings/submit', body, from('10.0.0.1'));
    expect(again.status).toBe(422);
    expect(again.body.errors[0]!.message).toBe('测评码无效、已使用或已过期');
  });

  it('one member, one vote per unit: concurrent double submits store one row per unit, the other answers 409', async () => {
    const [memberId] = await insertMembers(t, (await cityOrg(t)).id, 1, {}, '测评会员');
    const m = await memberUserClient(t, sys, 'rv_member', (await cityOrg(t)).id, memberId!);
    const mine = await m.get<{ campaignId: string; groupName: string; submitted: boolean }[]>('/my/ratings');
    expect(mine.body.map((s) => s.campaignId)).toContain(campaign.id);
    expect(mine.body[0]!.groupName).toBe('职工代表');
    const body = { answers: answersFor(campaign, 1) };
    const results = await Promise.all([m.post(`/my/ratings/${campaign.id}`, body), m.post(`/my/ratings/${campaign.id}`, body), m.post(`/my/ratings/${campaign.id}`, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await count(t, `rating_ballots WHERE member_id = '${memberId}'`)).toBe(3);
    expect((await m.get<{ submitted: boolean }>(`/my/ratings/${campaign.id}`)).body.submitted).toBe(true);
    // the database itself refuses a second row for the same rater and unit
    await expect(
      t.ctx.db.execute(sql`INSERT INTO rating_ballots (campaign_id, unit_id, group_id, rater_key, submission_id, attitude, integrity, effect)
        VALUES (${campaign.id}, ${campaign.unitList[0]!.id}, ${campaign.groups[0]!.id}, ${'member:' + memberId}, gen_random_uuid(), 1, 1, 1)`),
    ).rejects.toThrow();
  });

  it('a sheet must rate every unit once; a reply request needs a contact', async () => {
    const [code] = await codesFor(t, campaign, 2, 1);
    const anon = t.client();
    const partial = await anon.req<{ errors: { path: string }[] }>('POST', '/public/ratings/submit', { code, answers: answersFor(campaign, 1).slice(0, 2) }, from('10.0.0.2'));
    expect(partial.status).toBe(422);
    expect(partial.body.errors[0]!.path).toBe('answers');
    const noContact = await anon.req<{ errors: { path: string }[] }>('POST', '/public/ratings/submit', { code, answers: answersFor(campaign, 1).map((a) => ({ ...a, replyRequested: true })) }, from('10.0.0.2'));
    expect(noContact.status).toBe(422);
    expect(noContact.body.errors[0]!.path).toBe('answers.0.contact');
    expect(await count(t, `rating_codes WHERE used_at IS NOT NULL`)).toBe(1);
  });

  it('codes expire with the campaign: after 结束 the same unused code is refused', async () => {
    const other = await openCampaign(city, ['市交通运输局']);
    const [code] = await codesFor(t, other, 0, 1);
    const anon = t.client();
    expect((await anon.req('POST', '/public/ratings/code', { code }, from('10.0.0.3'))).status).toBe(200);
    expect((await city.post(`/rating-campaigns/${other.id}/close`)).status).toBe(200);
    expect((await anon.req('POST', '/public/ratings/code', { code }, from('10.0.0.3'))).status).toBe(422);
    expect((await anon.req('POST', '/public/ratings/submit', { code, answers: answersFor(other, 1) }, from('10.0.0.3'))).status).toBe(422);
    const third = await openCampaign(city, ['市城管局']);
    const [late] = await codesFor(t, third, 0, 1);
    await t.ctx.db.execute(sql`UPDATE rating_campaigns SET starts_on = '2020-01-01', ends_on = '2020-01-31' WHERE id = ${third.id}`);
    expect((await anon.req('POST', '/public/ratings/code', { code: late }, from('10.0.0.3'))).status).toBe(422);
  });

  it('a batch job makes codes with progress and queues one masked SMS per phone', async () => {
    const phones = ['13900001111', '13900002222', '13900003333', '13900004444', '13900004444'];
    const r = await city.post<{ jobId: string; batchId: string }>(`/rating-campaigns/${campaign.id}/code-batches`, { groupId: campaign.groups[3]!.id, source: 'phones', phones });
    expect(r.status).toBe(202);
    const job = await finishJob<{ generated: number }>(t, city, r.body.jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result?.generated).toBe(4);
    const batches = await city.get<{ generated: number; requested: number }[]>(`/rating-campaigns/${campaign.id}/code-batches`);
    expect(batches.body[0]).toMatchObject({ generated: 4, requested: 4 });
    const outbox = await city.get<{ items: { phoneMasked: string; bodyMasked: string; status: string }[]; total: number }>('/sms-outbox');
    expect(outbox.body.total).toBe(4);
    expect(outbox.body.items[0]!.phoneMasked).toMatch(/^139\*{4}\d{4}$/);
    expect(outbox.body.items[0]!.bodyMasked).toContain('**********');
    expect(JSON.stringify(outbox.body)).not.toContain('13900001111');
    expect(await count(t, `sms_outbox WHERE phone_enc LIKE 'v1:%' AND body_enc LIKE 'v1:%'`)).toBe(4);
    expect(await count(t, `rating_codes WHERE batch_id = '${r.body.batchId}'`)).toBe(4);
    const bad = await city.post<{ errors: { path: string }[] }>(`/rating-campaigns/${campaign.id}/code-batches`, { groupId: campaign.groups[3]!.id, source: 'phones', phones: ['123'] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]!.path).toBe('phones.0');
  });

  it('a large batch drawn from members’ phones is made in chunks, with progress, one code and one message each', async () => {
    await insertMembers(t, (await cityOrg(t)).id, 2600, {}, '抽样会员');
    const enc = t.ctx.crypto.encrypt('13700001234');
    await t.ctx.db.execute(sql`UPDATE members SET phone_enc = ${enc}, phone_masked = '137****1234' WHERE name LIKE '抽样会员%'`);
    const r = await city.post<{ jobId: string; batchId: string }>(`/rating-campaigns/${campaign.id}/code-batches`, { groupId: campaign.groups[6]!.id, source: 'members', count: 2500 });
    expect(r.status).toBe(202);
    const job = await finishJob<{ generated: number }>(t, city, r.body.jobId);
    expect(job.result?.generated).toBe(2500);
    expect((job as unknown as { progress: { done: number; total: number } }).progress).toEqual({ done: 2500, total: 2500 });
    expect(await count(t, `rating_codes WHERE batch_id = '${r.body.batchId}'`)).toBe(2500);
    expect(await count(t, `sms_outbox WHERE source_id = '${r.body.batchId}'`)).toBe(2500);
  });

  it('brute force: wrong codes from one IP answer the same error, then 429 even for a right code', async () => {
    const [good] = await codesFor(t, campaign, 4, 1);
    const anon = t.client();
    for (let i = 0; i < 10; i++) {
      const r = await anon.req<{ errors: { message: string }[] }>('POST', '/public/ratings/code', { code: `ZZZZZZZZ${i}A` }, from('10.9.9.9'));
      expect(r.status).toBe(422);
      expect(r.body.errors[0]!.message).toBe('测评码无效、已使用或已过期');
    }
    expect((await anon.req('POST', '/public/ratings/code', { code: good }, from('10.9.9.9'))).status).toBe(429);
    expect((await anon.req('POST', '/public/ratings/code', { code: good }, from('10.9.9.10'))).status).toBe(200);
  });
});
