import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Activity, MemberActivity, SignupResult } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { inMinutes, insertMembers, memberUserClient, publishedActivity } from '../../test-support/enrolment-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { returnDueQuotas } from '../../platform/enrolment/enrolment-quota.js';
import { lotteryOrder } from '../../platform/enrolment/enrolment-lottery.js';

describe('enrolment: quotas down the tree, their return, the lottery, eligibility reasons', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let street: TestClient;
  let n = 0;

  /** `count` members of `orgId`, each with a logged-in account. */
  async function membersOf(orgId: string, count: number, spec = {}): Promise<{ id: string; c: TestClient }[]> {
    const ids = await insertMembers(t, orgId, count, spec);
    const out: { id: string; c: TestClient }[] = [];
    for (const id of ids) out.push({ id, c: await memberUserClient(t, sys, `q_m${n++}`, orgId, id) });
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '名额');
    city = await userClient(t, sys, 'q_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'q_shang', tree.shangcheng.id, ['district_admin']);
    street = await userClient(t, sys, 'q_street', tree.shangStreet.id, ['street_admin']);
  }, 120_000);
  afterAll(() => t.close());

  it('allocates places city → district → union; each member draws from the nearest pool above them', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 10 });
    const alloc = await city.post<Activity>(`/activities/${a.id}/quotas`, { orgId: tree.shangcheng.id, places: 4 });
    expect(alloc.status).toBe(200);
    expect(alloc.body.quotas).toMatchObject([{ orgId: tree.shangcheng.id, places: 4, used: 0 }]);
    // the district passes 2 of its 4 on to union A; it cannot give what it does not hold
    expect((await shang.post(`/activities/${a.id}/quotas`, { orgId: tree.unionA.id, places: 2 })).status).toBe(200);
    const tooMany = await shang.post<Problem>(`/activities/${a.id}/quotas`, { orgId: tree.unionB.id, places: 3 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.detail).toContain('只有 2 个');
    // a street admin holds no pool: allocating from the district's is refused
    expect((await street.post<Problem>(`/activities/${a.id}/quotas`, { orgId: tree.unionB.id, places: 1 })).status).toBe(422);

    const ua = await membersOf(tree.unionA.id, 3);
    const ub = await membersOf(tree.unionB.id, 3);
    const uc = await membersOf(tree.unionC.id, 7);
    const statuses = async (ms: { c: TestClient }[]) => {
      const out: string[] = [];
      for (const m of ms) {
        const r = await m.c.post<SignupResult & Problem>(`/activities/${a.id}/signups`);
        out.push(r.status === 201 ? r.body.status : String(r.body.code));
      }
      return out;
    };
    // union A: its own 2 places, then full although the district and the city still hold places
    expect(await statuses(ua)).toEqual(['confirmed', 'confirmed', 'FULL']);
    // union B (no quota of its own): the district's remaining 2
    expect(await statuses(ub)).toEqual(['confirmed', 'confirmed', 'FULL']);
    // 西湖 (no quota): the city's remaining 6
    expect(await statuses(uc)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'FULL']);
    const seats = await queryRows<{ org_id: string; taken: number; free: number }>(
      t.ctx.db,
      sql`SELECT org_id, count(enrolment_id)::int AS taken, count(*) FILTER (WHERE enrolment_id IS NULL)::int AS free FROM enrolment_seats WHERE offering_id = ${a.offeringId}::uuid GROUP BY org_id`,
    );
    const byOrg = Object.fromEntries(seats.map((s) => [s.org_id, [s.taken, s.free]]));
    expect(byOrg).toEqual({ [tree.city.id]: [6, 0], [tree.shangcheng.id]: [2, 0], [tree.unionA.id]: [2, 0] });
    const g = await city.get<Activity>(`/activities/${a.id}`);
    expect(g.body.confirmed).toBe(10);
    expect(g.body.quotas.find((q) => q.orgId === tree.shangcheng.id)).toMatchObject({ places: 4, used: 4 });
    expect((await auditRowsFor(t, 'enrolment_offering', a.offeringId)).filter((r) => r.action === 'enrolment.quota')).toHaveLength(2);
  });

  it('returns unused quota to the allocator at its deadline; the returned union then draws from above', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 5, waitlist: true });
    await city.post(`/activities/${a.id}/quotas`, { orgId: tree.shangcheng.id, places: 3, returnAt: inMinutes(60) });
    const [first] = await membersOf(tree.unionA.id, 1);
    expect((await first!.c.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('confirmed');
    expect(await returnDueQuotas(t.ctx.db, new Date())).toBe(0); // not due yet
    expect(await returnDueQuotas(t.ctx.db, new Date(Date.now() + 61 * 60_000))).toBe(1);
    const g = await city.get<Activity>(`/activities/${a.id}`);
    expect(g.body.quotas[0]).toMatchObject({ places: 3, used: 1, returned: 2 });
    expect(g.body.quotas[0]!.returnedAt).not.toBeNull();
    const seats = await queryRows<{ org_id: string; n: number }>(t.ctx.db, sql`SELECT org_id, count(*)::int AS n FROM enrolment_seats WHERE offering_id = ${a.offeringId}::uuid AND enrolment_id IS NULL GROUP BY org_id`);
    expect(seats).toEqual([{ org_id: tree.city.id, n: 4 }]);
    // a 上城 member now takes a city place; a cancelled 上城 place goes back to the city pool too
    const [second] = await membersOf(tree.unionB.id, 1);
    expect((await second!.c.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('confirmed');
    expect((await first!.c.post(`/m/activities/${a.id}/cancel`, {})).status).toBe(200);
    const free = await queryRows<{ org_id: string; n: number }>(t.ctx.db, sql`SELECT org_id, count(*)::int AS n FROM enrolment_seats WHERE offering_id = ${a.offeringId}::uuid AND enrolment_id IS NULL GROUP BY org_id`);
    expect(free).toEqual([{ org_id: tree.city.id, n: 4 }]);
    expect(await returnDueQuotas(t.ctx.db, new Date(Date.now() + 120 * 60_000))).toBe(0); // once only
  });

  it('draws a lottery reproducibly from its published seed, once, after the window', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 3, mode: 'lottery', waitlist: true, signupClosesAt: inMinutes(60) });
    const entrants = await membersOf(tree.unionC.id, 8);
    for (const e of entrants) expect((await e.c.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('pending_lottery');
    const early = await city.post<Problem>(`/activities/${a.id}/draw`, {});
    expect(early.status).toBe(409);
    // the window closes (moved into the past rather than waited for: a slow machine must not close it before the entrants are in)
    await t.ctx.db.execute(sql`UPDATE enrolment_offerings SET closes_at = now() - interval '1 second' WHERE id = ${a.offeringId}::uuid`);
    const seed = '5eed5eed5eed5eed5eed5eed5eed5eed';
    const d = await city.post<Activity>(`/activities/${a.id}/draw`, { seed });
    expect(d.status).toBe(200);
    expect(d.body.lottery).toMatchObject({ seed, selected: 3, waitlisted: 5 });
    // anyone with the seed and the entrants recomputes the winners
    const expected = lotteryOrder(seed, a.offeringId, entrants.map((e) => ({ memberId: e.id }))).slice(0, 3).map((e) => e.memberId).sort();
    const winners = await queryRows<{ member_id: string }>(t.ctx.db, sql`SELECT member_id FROM enrolments WHERE offering_id = ${a.offeringId}::uuid AND status = 'confirmed' ORDER BY member_id`);
    expect(winners.map((w) => w.member_id)).toEqual(expected);
    const ranks = await queryRows<{ member_id: string; lottery_rank: number }>(t.ctx.db, sql`SELECT member_id, lottery_rank FROM enrolments WHERE offering_id = ${a.offeringId}::uuid ORDER BY lottery_rank`);
    expect(ranks.map((r) => r.member_id)).toEqual(lotteryOrder(seed, a.offeringId, entrants.map((e) => ({ memberId: e.id }))).map((e) => e.memberId));
    expect((await city.post<Problem>(`/activities/${a.id}/draw`, { seed })).body.code).toBe('ALREADY_DRAWN');
    const audit = (await auditRowsFor(t, 'enrolment_offering', a.offeringId)).filter((r) => r.action === 'enrolment.draw');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).toContain(seed);
    // a winner who withdraws hands the place to the first of the waitlist (draw order)
    const winner = entrants.find((e) => e.id === expected[0])!;
    expect((await winner.c.post(`/m/activities/${a.id}/cancel`, {})).status).toBe(200);
    const after = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE offering_id = ${a.offeringId}::uuid AND status = 'confirmed'`);
    expect(after[0]!.n).toBe(3);
  });

  it('refuses ineligible members with the reason, and counts places a year per kind of activity', async () => {
    const rules = { ageMin: 18, ageMax: 45, minMembershipMonths: 6, requireFlags: ['migrantWorker'], maxPerYear: 1 };
    const a = await publishedActivity(city, tree.city.id, { capacity: 5, type: 'homeward', rules });
    const b = await publishedActivity(city, tree.city.id, { capacity: 5, type: 'homeward', rules });
    const [old] = await membersOf(tree.unionA.id, 1, { birthDate: '1970-01-01', migrantWorker: true });
    const [fresh] = await membersOf(tree.unionA.id, 1, { joinedAt: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), migrantWorker: true });
    const [local] = await membersOf(tree.unionA.id, 1, { migrantWorker: false });
    const [ok] = await membersOf(tree.unionA.id, 1, { migrantWorker: true });
    const refusal = async (m: { c: TestClient }, id: string) => (await m.c.get<MemberActivity>(`/m/activities/${id}`)).body.refusal;
    expect(await refusal(old!, a.id)).toMatch(/年龄不能超过45周岁\(您现年\d+周岁\)/);
    expect(await refusal(fresh!, a.id)).toContain('入会须满6个月');
    expect(await refusal(local!, a.id)).toContain('仅限农民工报名');
    const r = await local!.c.post<Problem>(`/activities/${a.id}/signups`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('NOT_ELIGIBLE');
    expect(r.body.detail).toContain('仅限农民工报名');
    expect(await refusal(ok!, a.id)).toBeNull();
    expect((await ok!.c.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('confirmed');
    expect(await refusal(ok!, b.id)).toBe('不符合报名条件:每人每年最多参加1次(您今年已参加1次)');
    // a general activity is another kind: not counted
    const c = await publishedActivity(city, tree.city.id, { capacity: 5, type: 'general', rules: { maxPerYear: 1 } });
    expect(await refusal(ok!, c.id)).toBeNull();
  });

  it('counts "at most N a year" by the year the activity takes place, not the year its sign-up opens', async () => {
    const rules = { maxPerYear: 1 };
    const at = (date: string) => ({ startsAt: `${date}T01:00:00.000Z`, endsAt: `${date}T09:00:00.000Z` });
    const thisYear = new Date().getUTCFullYear();
    const december = await publishedActivity(city, tree.city.id, { capacity: 5, type: 'general', rules, ...at(`${thisYear}-12-28`) });
    const january = await publishedActivity(city, tree.city.id, { capacity: 5, type: 'general', rules, ...at(`${thisYear + 1}-01-20`) });
    const february = await publishedActivity(city, tree.city.id, { capacity: 5, type: 'general', rules, ...at(`${thisYear + 1}-02-20`) });
    const [m] = await membersOf(tree.unionA.id, 1);
    const refusal = async (id: string) => (await m!.c.get<MemberActivity>(`/m/activities/${id}`)).body.refusal;
    expect((await m!.c.post<SignupResult>(`/activities/${december.id}/signups`)).body.status).toBe('confirmed');
    // all three open for sign-up this year; next January's counts in next year
    expect(await refusal(january.id)).toBeNull();
    expect((await m!.c.post<SignupResult>(`/activities/${january.id}/signups`)).body.status).toBe('confirmed');
    expect(await refusal(february.id)).toBe('不符合报名条件:每人每年最多参加1次(您今年已参加1次)');
  });
});
