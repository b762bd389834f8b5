import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { MemberRecuperationBatch, MemberRecuperationOverview, RecuperationBatch, RecuperationEnrolment, SignupResult } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { insertMembers, memberUserClient, type MemberSpec } from '../../test-support/enrolment-fixtures.js';
import { createRouteVia, dayFromToday, publishedBatch } from '../../test-support/recuperation-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';

describe('recuperation sign-ups: one stay a year, the yearly cost cap, priority groups, nomination, companions', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;
  let gA: TestClient;
  /** 3 days × 500 元 = 1,500 元 a person */
  let route1500: string;
  /** 1 day × 400 元 */
  let route400: string;
  let n = 0;

  async function member(orgId: string, spec: MemberSpec = {}): Promise<{ id: string; c: TestClient }> {
    const [id] = await insertMembers(t, orgId, 1, spec);
    return { id: id!, c: await memberUserClient(t, sys, `rs_m${n++}`, orgId, id!) };
  }

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '休养');
    city = await userClient(t, sys, 'rs_city', tree.city.id, ['city_admin']);
    gA = await userClient(t, sys, 'rs_ga', tree.unionA.id, ['grassroots_admin']);
    route1500 = (await createRouteVia(city, 3, 50_000)).routeId;
    route400 = (await createRouteVia(city, 1, 40_000)).routeId;
  }, 120_000);
  afterAll(() => t.close());

  it('allows one stay a year by default (the enrolment rule maxPerYear)', async () => {
    const a = await publishedBatch(city, route400, tree.city.id);
    const b = await publishedBatch(city, route400, tree.city.id);
    const m = await member(tree.unionA.id);
    expect((await m.c.post<SignupResult>(`/recuperation/batches/${a.id}/signups`)).body.status).toBe('confirmed');
    const second = await m.c.post<Problem>(`/recuperation/batches/${b.id}/signups`);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('NOT_ELIGIBLE');
    expect(second.body.detail).toContain('每人每年最多参加1次(您今年已参加1次)');
  });

  it('refuses a stay that would take the member past the year’s cost cap, saying by how much; a cancelled stay frees it', async () => {
    const year = Number(dayFromToday(20).slice(0, 4));
    expect((await city.put(`/recuperation/plans/${year}`, { budgetCapPerPerson: 200_000, maxStaysPerYear: 3 })).status).toBe(200);
    const first = await publishedBatch(city, route1500, tree.city.id);
    const second = await publishedBatch(city, route1500, tree.city.id);
    const small = await publishedBatch(city, route400, tree.city.id);
    const m = await member(tree.unionA.id);
    expect((await m.c.post<SignupResult>(`/recuperation/batches/${first.id}/signups`)).body.status).toBe('confirmed');
    const over = await m.c.post<Problem>(`/recuperation/batches/${second.id}/signups`);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('NOT_ELIGIBLE');
    expect(over.body.detail).toBe('本年度疗休养费用已达上限:每人每年不超过2000.00元,您今年已疗休养1次、费用1500.00元,本批次每人1500.00元,参加后将超过上限');
    // the phone says the same before the member tries
    const phone = await m.c.get<MemberRecuperationOverview>('/m/recuperation/batches');
    expect(phone.body).toMatchObject({ year, budgetCapPerPerson: 200_000, costThisYear: 150_000, staysThisYear: 1 });
    expect(phone.body.items.find((i) => i.id === second.id)!.refusal).toContain('本年度疗休养费用已达上限');
    expect(phone.body.items.find((i) => i.id === small.id)!.refusal).toBeNull();
    // 1,500 + 400 stays within 2,000
    expect((await m.c.post<SignupResult>(`/recuperation/batches/${small.id}/signups`)).body.status).toBe('confirmed');
    // the union nominating the member is held to the same cap
    expect((await gA.post<Problem>(`/recuperation/batches/${second.id}/nominations`, { memberId: m.id })).body.detail).toContain('本年度疗休养费用已达上限');
    const cancelled = await m.c.post<MemberRecuperationBatch>(`/m/recuperation/batches/${first.id}/cancel`, {});
    expect(cancelled.body.myEnrolment).toMatchObject({ status: 'cancelled' });
    expect((await m.c.post<SignupResult>(`/recuperation/batches/${second.id}/signups`)).body.status).toBe('confirmed');
  });

  it('holds the cap when a nomination and the member’s own click race for two batches', async () => {
    const year = Number(dayFromToday(20).slice(0, 4));
    expect((await city.put(`/recuperation/plans/${year}`, { budgetCapPerPerson: 200_000, maxStaysPerYear: 3 })).status).toBe(200);
    const a = await publishedBatch(city, route1500, tree.city.id);
    const b = await publishedBatch(city, route1500, tree.city.id);
    const m = await member(tree.unionA.id);
    const [self, nominated] = await Promise.all([m.c.post(`/recuperation/batches/${a.id}/signups`), gA.post(`/recuperation/batches/${b.id}/nominations`, { memberId: m.id })]);
    expect([self.status, nominated.status].sort()).toEqual([201, 409]);
    const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE member_id = ${m.id}::uuid AND status = 'confirmed'`);
    expect(row!.n).toBe(1);
  });

  it('lets only the priority groups in when a batch is for them only, naming the groups', async () => {
    const b = await publishedBatch(city, route400, tree.city.id, { priorityGroups: ['modelWorker', 'newEmploymentForm'], priorityOnly: true });
    const detail = (await city.get<RecuperationBatch>(`/recuperation/batches/${b.id}`)).body;
    expect(detail.rules.anyOfFlags).toEqual(['modelWorker', 'newEmploymentForm']);
    const plain = await member(tree.unionA.id, { frontline: true });
    const refused = await plain.c.post<Problem>(`/recuperation/batches/${b.id}/signups`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOT_ELIGIBLE');
    expect(refused.body.detail).toContain('仅限劳动模范、新就业形态劳动者报名');
    const rider = await member(tree.unionA.id, { newEmploymentForm: true });
    expect((await rider.c.post<SignupResult>(`/recuperation/batches/${b.id}/signups`)).body.status).toBe('confirmed');
    // groups that are only a preference do not shut anybody out
    const open = await publishedBatch(city, route400, tree.city.id, { priorityGroups: ['frontline'] });
    await expect((await member(tree.unionA.id)).c.post<SignupResult>(`/recuperation/batches/${open.id}/signups`).then((r) => r.body.status)).resolves.toBe('confirmed');
  });

  it('refuses self sign-up for a nomination-only batch with a reason; the union nominates, with companions at their own cost', async () => {
    const b = await publishedBatch(city, route1500, tree.city.id, { selfSignup: false });
    const m = await member(tree.unionA.id);
    const self = await m.c.post<Problem>(`/recuperation/batches/${b.id}/signups`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('NOT_ELIGIBLE');
    expect(self.body.detail).toBe('该批次由工会推荐报名,不接受个人报名;如需参加请联系所在工会');
    const tooMany = await gA.post<Problem>(`/recuperation/batches/${b.id}/nominations`, { memberId: m.id, companions: Array.from({ length: 5 }, (_v, i) => ({ name: `家属${i}`, relation: 'child' })) });
    expect(tooMany.status).toBe(422);
    expect(paths(tooMany.body)).toEqual(['companions']);
    const badRelation = await gA.post<Problem>(`/recuperation/batches/${b.id}/nominations`, { memberId: m.id, companions: [{ name: '', relation: 'friend' }] });
    expect(paths(badRelation.body).sort()).toEqual(['companions.0.name', 'companions.0.relation']);
    const r = await gA.post<SignupResult>(`/recuperation/batches/${b.id}/nominations`, { memberId: m.id, companions: [{ name: '李秀英', relation: 'spouse' }, { name: '张小雨', relation: 'child' }] });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('confirmed');
    const [stored] = await queryRows<{ source: string; details: unknown }>(t.ctx.db, sql`SELECT source, details FROM enrolments WHERE id = ${r.body.id}::uuid`);
    expect(stored).toEqual({
      source: 'nominated',
      details: { companions: [{ name: '李秀英', relation: 'spouse', ownCost: 150_000 }, { name: '张小雨', relation: 'child', ownCost: 150_000 }], companionsOwnCost: 300_000 },
    });
    const list = (await gA.get<{ items: RecuperationEnrolment[] }>(`/recuperation/batches/${b.id}/enrolments`)).body.items;
    expect(list[0]).toMatchObject({ memberId: m.id, source: 'nominated', companionsOwnCost: 300_000, abilities: { canCancel: true } });
    expect(list[0]!.companions.map((c) => c.relationLabel)).toEqual(['配偶', '子女']);
    const detail = (await city.get<RecuperationBatch>(`/recuperation/batches/${b.id}`)).body;
    expect(detail).toMatchObject({ confirmed: 1, companions: 2, companionsOwnCost: 300_000 });
    // companions pay for themselves: the member's own cost this year is the stay alone
    const phone = (await m.c.get<MemberRecuperationOverview>('/m/recuperation/batches')).body;
    expect(phone.costThisYear).toBe(150_000);
    expect(phone.items.find((i) => i.id === b.id)!.myEnrolment).toMatchObject({ source: 'nominated', status: 'confirmed' });
    // a self sign-up with companions stores them the same way
    const open = await publishedBatch(city, route400, tree.city.id);
    const m2 = await member(tree.unionA.id);
    const own = await m2.c.post<SignupResult>(`/recuperation/batches/${open.id}/signups`, { companions: [{ name: '王丽华', relation: 'spouse' }] });
    expect(own.status).toBe(201);
    const mine = (await m2.c.get<MemberRecuperationBatch>(`/m/recuperation/batches/${open.id}`)).body.myEnrolment!;
    expect(mine.companions).toEqual([{ name: '王丽华', relation: 'spouse', relationLabel: '配偶', ownCost: 40_000 }]);
  });

  it('lets staff cancel a sign-up with a reason, within their scope only', async () => {
    const b = await publishedBatch(city, route400, tree.city.id);
    const m = await member(tree.unionA.id);
    const r = await m.c.post<SignupResult>(`/recuperation/batches/${b.id}/signups`);
    const xihu = await userClient(t, sys, 'rs_xihu', tree.xihu.id, ['district_admin']);
    expect((await xihu.post(`/recuperation/batches/${b.id}/enrolments/${r.body.id}/cancel`, { reason: '越权取消' })).status).toBe(404);
    expect((await gA.post<Problem>(`/recuperation/batches/${b.id}/enrolments/${r.body.id}/cancel`, {})).status).toBe(422);
    expect((await gA.post(`/recuperation/batches/${b.id}/enrolments/${r.body.id}/cancel`, { reason: '单位工作安排冲突' })).status).toBe(200);
    expect((await city.get<RecuperationBatch>(`/recuperation/batches/${b.id}`)).body.confirmed).toBe(0);
  });
});
