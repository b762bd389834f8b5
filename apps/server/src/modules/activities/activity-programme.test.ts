import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { GUARDIAN_CONSENT_VERSION, type Enrolment, type SignupResult } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { activityBody, inMinutes, insertMembers, memberUserClient, publishedActivity } from '../../test-support/enrolment-fixtures.js';
import { makeIdCard } from '../../test-support/identity-numbers.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { insertFund } from '../hardship-aid/campaign-fixtures.js';

describe('programmes on activities: 小候鸟 children with consent, 集体婚礼 couples, 圆梦计划 rules, 返乡 subsidies', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;
  let n = 0;
  const member = async (spec = {}): Promise<{ id: string; c: TestClient }> => {
    const [id] = await insertMembers(t, tree.unionA.id, 1, spec);
    return { id: id!, c: await memberUserClient(t, sys, `prog_m${n++}`, tree.unionA.id, id!) };
  };
  const enrolments = async (activityId: string) => (await city.get<{ items: Enrolment[] }>(`/activities/${activityId}/enrolments`)).body.items;

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '项目');
    city = await userClient(t, sys, 'prog_city', tree.city.id, ['city_admin']);
  }, 120_000);
  afterAll(() => t.close());

  it('holds a 小候鸟 class to two weeks and 20 children, and validates the type details', async () => {
    const short = await city.post<Problem>('/activities', activityBody(tree.city.id, { type: 'summer_class', capacity: 12, startsAt: inMinutes(60 * 24 * 30), endsAt: inMinutes(60 * 24 * 35), details: { childAgeMin: 6, childAgeMax: 3 } }));
    expect(short.status).toBe(422);
    expect(paths(short.body).sort()).toEqual(['capacity', 'details.childAgeMax', 'endsAt']);
    const homeward = await city.post<Problem>('/activities', activityBody(tree.city.id, { details: { from: '杭州', to: '阜阳', transport: 'plane', departureDate: '2027-02-01', subsidyFen: 300_000 } }));
    expect(paths(homeward.body).sort()).toEqual(['details.subsidyFen', 'details.transport']);
    const wedding = await city.post<Problem>('/activities', activityBody(tree.city.id, { type: 'group_wedding', details: { anything: 1 } }));
    expect(paths(wedding.body)).toEqual(['details']);
  });

  it('saves a child only with the guardian consent, within the class ages, and shows staff the child', async () => {
    const a = await publishedActivity(city, tree.city.id, { type: 'summer_class', capacity: 20, startsAt: inMinutes(60 * 24 * 30), endsAt: inMinutes(60 * 24 * 50), details: { childAgeMin: 6, childAgeMax: 14 } });
    const m = await member({ migrantWorker: true });
    const child = { name: '王小禾', gender: 'female', birthDate: '2016-05-01', school: '杭州市天长小学' };
    const none = await m.c.post<Problem>(`/activities/${a.id}/signups`, {});
    expect(paths(none.body)).toEqual(['details']);
    const noConsent = await m.c.post<Problem>(`/activities/${a.id}/signups`, { details: { child, guardianConsent: { version: GUARDIAN_CONSENT_VERSION, agreed: false } } });
    expect(noConsent.status).toBe(422);
    expect(paths(noConsent.body)).toEqual(['details.guardianConsent.agreed']);
    expect(noConsent.body.errors![0]!.message).toContain('监护人');
    const tooOld = await m.c.post<Problem>(`/activities/${a.id}/signups`, { details: { child: { ...child, birthDate: '2010-01-01' }, guardianConsent: { version: GUARDIAN_CONSENT_VERSION, agreed: true } } });
    expect(tooOld.status).toBe(409);
    expect(tooOld.body.detail).toMatch(/孩子年龄须在6至14周岁之间\(开班时1[67]周岁\)/);
    const [{ n: stored } = { n: -1 }] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE offering_id = (SELECT id FROM enrolment_offerings WHERE subject_id = ${a.id}::uuid)`);
    expect(stored).toBe(0);
    const ok = await m.c.post<SignupResult>(`/activities/${a.id}/signups`, { details: { child, guardianConsent: { version: GUARDIAN_CONSENT_VERSION, agreed: true } } });
    expect(ok.body.status).toBe('confirmed');
    const [e] = await enrolments(a.id);
    expect(e!.detailsText[0]).toBe('孩子:王小禾(女,2016-05-01 出生,杭州市天长小学)');
    expect(e!.detailsText[1]).toMatch(new RegExp(`^监护人已同意\\(${GUARDIAN_CONSENT_VERSION},\\d{4}-\\d{2}-\\d{2}\\)$`));
  });

  it('stores a 集体婚礼 partner 身份证 encrypted and masked, never in clear', async () => {
    const a = await publishedActivity(city, tree.city.id, { type: 'group_wedding', capacity: 10 });
    const m = await member();
    const bad = await m.c.post<Problem>(`/activities/${a.id}/signups`, { details: { partner: { name: '李晓雯', idCard: '330102199201011230' }, marriageRegisteredOn: '2026-05-20' } });
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(['details.partner.idCard']);
    const partnerId = makeIdCard('330106', '19920101', 124);
    const ok = await m.c.post<SignupResult>(`/activities/${a.id}/signups`, { details: { partner: { name: '李晓雯', idCard: partnerId }, marriageRegisteredOn: '2026-05-20' } });
    expect(ok.body.status).toBe('confirmed');
    const [row] = await queryRows<{ details: string }>(t.ctx.db, sql`SELECT details::text AS details FROM enrolments WHERE id = ${ok.body.id}::uuid`);
    expect(row!.details).not.toContain(partnerId);
    expect(row!.details).toContain('idCardEnc');
    const [e] = await enrolments(a.id);
    expect(e!.detailsText[0]).toMatch(/^配偶:李晓雯\(3301\*+\d{3}[\dX]\)$/);
    expect(JSON.stringify(e)).not.toContain(partnerId);
  });

  it('applies the 圆梦计划 rules with their reasons', async () => {
    const a = await publishedActivity(city, tree.city.id, { type: 'education', capacity: 10, details: { level: 'bachelor', subsidyFen: 700_000 }, rules: { ageMin: 18, ageMax: 45, requireFlags: ['migrantWorker'] } });
    const m = await member({ migrantWorker: true });
    const declare = (d: Record<string, unknown>) => m.c.post<Problem & SignupResult>(`/activities/${a.id}/signups`, { details: { level: 'bachelor', currentEducation: '大专', socialInsuranceMonths: 18, hasContract: true, ...d } });
    const r1 = await declare({ currentEducation: '高中/中专', socialInsuranceMonths: 3, hasContract: false });
    expect(r1.status).toBe(409);
    expect(r1.body.detail).toBe('不符合报名条件:须与在杭单位签订劳动合同;须在杭连续缴纳社保满6个月(您填写的是3个月);报读本科须已取得大专学历');
    expect((await declare({ currentEducation: '本科' })).body.detail).toContain('已取得本科或以上学历,不能重复资助');
    expect((await declare({})).body.status).toBe('confirmed');
  });

  it('pays a 平安返乡 ticket subsidy once per member through the ledger', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 5, details: { from: '杭州', to: '安徽阜阳', transport: 'bus', departureDate: '2027-02-01', subsidyFen: 15_000 } });
    const m = await member();
    expect((await m.c.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('confirmed');
    const fundId = await insertFund(t, tree.city.id, 'TEST-HOMEWARD');
    await t.ctx.db.transaction((tx) => recordIncome(tx, { fundId, amountFen: 1_000_000, businessType: 'test.income', businessKey: 'homeward-1', memo: '测试拨款', createdBy: null }));
    const [e] = await enrolments(a.id);
    expect(e!.abilities.canPaySubsidy).toBe(true);
    const noCard = await city.post<Problem>(`/activities/${a.id}/enrolments/${e!.id}/subsidy`, { fundId });
    expect(paths(noCard.body)).toEqual(['bankAccount']);
    await t.ctx.db.execute(sql`UPDATE members SET bank_account_enc = ${t.ctx.crypto.encrypt('6222021202001234567')}, bank_account_masked = '6222 **** **** 4567' WHERE id = ${m.id}::uuid`);
    const [p1, p2] = await Promise.all([city.post<{ payoutId: string; replayed: boolean }>(`/activities/${a.id}/enrolments/${e!.id}/subsidy`, { fundId }), city.post<{ payoutId: string; replayed: boolean }>(`/activities/${a.id}/enrolments/${e!.id}/subsidy`, { fundId })]);
    expect([p1.status, p2.status]).toEqual([200, 200]);
    expect(p1.body.payoutId).toBe(p2.body.payoutId);
    expect([p1.body.replayed, p2.body.replayed].sort()).toEqual([false, true]);
    const [{ n: paid } = { n: -1 }] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM payouts WHERE business_type = 'activity.subsidy' AND business_key = ${e!.id}`);
    expect(paid).toBe(1);
    const [after] = await enrolments(a.id);
    expect(after!.subsidy).toMatchObject({ amountFen: 15_000 });
    expect(after!.abilities.canPaySubsidy).toBe(false);
  });

  it('pays the 圆梦计划 grant and tuition refund once, and nothing once the member has left the union', async () => {
    const a = await publishedActivity(city, tree.city.id, { type: 'education', capacity: 5, details: { level: 'bachelor', subsidyFen: 700_000 } });
    const fundId = await insertFund(t, tree.city.id, 'TEST-DREAM');
    await t.ctx.db.transaction((tx) => recordIncome(tx, { fundId, amountFen: 10_000_000, businessType: 'test.income', businessKey: 'dream-1', memo: '测试拨款', createdBy: null }));
    const signUp = async () => {
      const m = await member({ migrantWorker: true });
      await t.ctx.db.execute(sql`UPDATE members SET bank_account_enc = ${t.ctx.crypto.encrypt('6222021202001234567')}, bank_account_masked = '6222 **** **** 4567' WHERE id = ${m.id}::uuid`);
      const r = await m.c.post<SignupResult>(`/activities/${a.id}/signups`, { details: { level: 'bachelor', currentEducation: '大专', socialInsuranceMonths: 12, hasContract: true } });
      expect(r.body.status).toBe('confirmed');
      return { ...m, enrolmentId: r.body.id };
    };
    const s1 = await signUp();
    expect((await city.post(`/activities/${a.id}/enrolments/${s1.enrolmentId}/subsidy`, { fundId })).status).toBe(200);
    const refund = { fundId, tuitionFen: 1_200_000, ground: 'senior_worker', obtainedOn: '2027-05-01', graduatedOn: '2027-07-01' };
    const r1 = await city.post<{ amountFen: number; replayed: boolean; reason: string }>(`/activities/${a.id}/enrolments/${s1.enrolmentId}/education-refund`, refund);
    expect(r1.status).toBe(200);
    expect(r1.body).toMatchObject({ amountFen: 380_000, replayed: false });
    expect((await city.post<{ replayed: boolean }>(`/activities/${a.id}/enrolments/${s1.enrolmentId}/education-refund`, refund)).body.replayed).toBe(true);
    const late = await city.post<Problem>(`/activities/${a.id}/enrolments/${(await signUp()).enrolmentId}/education-refund`, { ...refund, obtainedOn: '2027-08-01' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('NOTHING_DUE');
    // leaving the union forfeits what is unpaid
    const gone = await signUp();
    await t.ctx.db.execute(sql`UPDATE members SET status = 'withdrawn', status_date = '2026-11-01', status_reason = '离职' WHERE id = ${gone.id}::uuid`);
    const f = await city.post<Problem>(`/activities/${a.id}/enrolments/${gone.enrolmentId}/subsidy`, { fundId });
    expect(f.status).toBe(409);
    expect(f.body.code).toBe('FORFEITED');
    expect(f.body.detail).toContain('已退会');
  });
});

