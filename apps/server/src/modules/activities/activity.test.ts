import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Activity, CheckInCode, MemberActivity, SignupResult } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { activityBody, inMinutes, insertMembers, memberUserClient, publishedActivity } from '../../test-support/enrolment-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';

describe('activities on the enrolment mechanism: create, sign up, waitlist, cancel, check-in, scope', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let gA: TestClient;
  const members: { id: string; client: TestClient }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '活动');
    city = await userClient(t, sys, 'act_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'act_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'act_xihu', tree.xihu.id, ['district_admin']);
    gA = await userClient(t, sys, 'act_ga', tree.unionA.id, ['grassroots_admin']);
    const ids = await insertMembers(t, tree.unionA.id, 4, { migrantWorker: true });
    for (const [i, id] of ids.entries()) members.push({ id, client: await memberUserClient(t, sys, `act_m${i}`, tree.unionA.id, id) });
  }, 120_000);
  afterAll(() => t.close());

  it('refuses a bad activity field by field, in Chinese, and stores nothing', async () => {
    const before = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM activities`);
    const r = await city.post<Problem>('/activities', activityBody(tree.city.id, { capacity: 0, type: 'party', signupClosesAt: inMinutes(-60), mode: 'random' }));
    expect(r.status).toBe(422);
    expect(paths(r.body).sort()).toEqual(['capacity', 'mode', 'type'].sort());
    expect(r.body.errors!.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    const window = await city.post<Problem>('/activities', activityBody(tree.city.id, { signupClosesAt: inMinutes(-60) }));
    expect(window.status).toBe(422);
    expect(paths(window.body)).toEqual(['signupClosesAt']);
    const after = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM activities`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('creates a draft with its places as rows, publishes it, and audits both', async () => {
    const r = await city.post<Activity>('/activities', activityBody(tree.city.id, { capacity: 7 }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', capacity: 7, confirmed: 0, waitlisted: 0, abilities: { canPublish: true, canEdit: true } });
    const seats = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM enrolment_seats WHERE offering_id = ${r.body.offeringId}::uuid`);
    expect(seats[0]!.n).toBe(7);
    const early = await members[0]!.client.post<Problem>(`/activities/${r.body.id}/signups`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CLOSED');
    const p = await city.post<Activity>(`/activities/${r.body.id}/publish`);
    expect(p.body).toMatchObject({ status: 'published', phase: 'open', abilities: { canPublish: false, canEdit: false } });
    expect((await city.post<Problem>(`/activities/${r.body.id}/publish`)).status).toBe(409);
    expect((await auditRowsFor(t, 'activity', r.body.id)).map((a) => a.action)).toEqual(['data.create', 'data.update']);
  });

  it('confirms first come, refuses a second click as DUPLICATE and a full activity as FULL, storing nothing for refusals', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 2 });
    const first = await members[0]!.client.post<SignupResult>(`/activities/${a.id}/signups`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'confirmed', seatNo: 1 });
    const again = await members[0]!.client.post<Problem>(`/activities/${a.id}/signups`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE');
    expect((await members[1]!.client.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('confirmed');
    const full = await members[2]!.client.post<Problem>(`/activities/${a.id}/signups`);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('FULL');
    const g = await city.get<Activity>(`/activities/${a.id}`);
    expect(g.body).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 0 });
    const rows = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE offering_id = ${a.offeringId}::uuid`);
    expect(rows[0]!.n).toBe(2);
  });

  it('puts latecomers on the waitlist and promotes the first of them when a place is freed, telling them', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 1, waitlist: true });
    const [m0, m1, m2] = members;
    expect((await m0!.client.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('confirmed');
    const w1 = await m1!.client.post<SignupResult>(`/activities/${a.id}/signups`);
    expect(w1.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const w2 = await m2!.client.post<SignupResult>(`/activities/${a.id}/signups`);
    expect(w2.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const cancel = await m0!.client.post<MemberActivity>(`/m/activities/${a.id}/cancel`, {});
    expect(cancel.status).toBe(200);
    expect(cancel.body.myEnrolment).toMatchObject({ status: 'cancelled' });
    const mine1 = await m1!.client.get<MemberActivity>(`/m/activities/${a.id}`);
    expect(mine1.body.myEnrolment).toMatchObject({ status: 'confirmed', seatNo: 1 });
    const mine2 = await m2!.client.get<MemberActivity>(`/m/activities/${a.id}`);
    expect(mine2.body.myEnrolment).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const notes = await m1!.client.get<{ title: string }[]>('/notifications');
    expect(JSON.stringify(notes.body)).toContain('候补成功');
    // the cancelled member may sign up again: to the back of the queue
    expect((await m0!.client.post<SignupResult>(`/activities/${a.id}/signups`)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  });

  it('lets a member cancel only until the cancellation deadline; staff can later, with a reason', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 2, cancelUntil: inMinutes(-1) });
    expect((await members[0]!.client.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('confirmed');
    const late = await members[0]!.client.post<Problem>(`/m/activities/${a.id}/cancel`, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CANCEL_CLOSED');
    const list = await city.get<{ items: { id: string; abilities: { canCancel: boolean } }[] }>(`/activities/${a.id}/enrolments`);
    const e = list.body.items[0]!;
    expect(e.abilities.canCancel).toBe(true);
    expect((await city.post<Problem>(`/activities/${a.id}/enrolments/${e.id}/cancel`, {})).status).toBe(422);
    expect((await city.post(`/activities/${a.id}/enrolments/${e.id}/cancel`, { reason: '本人因病无法出行' })).status).toBe(200);
    expect((await city.get<Activity>(`/activities/${a.id}`)).body.confirmed).toBe(0);
  });

  it('shows the QR code of a confirmed place; staff scan it once, a second scan is refused', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 2 });
    const m = members[3]!;
    expect((await m.client.get<Problem>(`/m/activities/${a.id}/check-in-code`)).status).toBe(404);
    expect((await m.client.post<SignupResult>(`/activities/${a.id}/signups`)).body.status).toBe('confirmed');
    const qr = await m.client.get<CheckInCode>(`/m/activities/${a.id}/check-in-code`);
    expect(qr.status).toBe(200);
    expect(qr.body.qrSvg).toMatch(/^<svg/);
    expect(qr.body.code).toMatch(/^GHQD:/);
    // staff of another district cannot see that the code exists
    expect((await xihu.post<Problem>('/enrolment/check-in', { code: qr.body.code })).status).toBe(404);
    const ok = await city.post<{ memberName: string }>('/enrolment/check-in', { code: qr.body.code });
    expect(ok.status).toBe(200);
    expect(ok.body.memberName).toMatch(/^报名/);
    const twice = await gA.post<Problem>('/enrolment/check-in', { code: qr.body.code });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_CHECKED_IN');
    expect((await city.get<Activity>(`/activities/${a.id}`)).body.checkedIn).toBe(1);
    expect((await m.client.post<Problem>(`/m/activities/${a.id}/cancel`, {})).status).toBe(409);
  });

  it('keeps activities within scope: 404 outside, only the organiser edits, members only sign up', async () => {
    const shangAct = await publishedActivity(shang, tree.shangcheng.id, { capacity: 2 });
    expect((await xihu.get(`/activities/${shangAct.id}`)).status).toBe(404);
    expect((await gA.get(`/activities/${shangAct.id}`)).status).toBe(200); // organised above the union: visible
    expect((await gA.post(`/activities/${shangAct.id}/cancel`, { reason: '测试越权' })).status).toBe(403);
    const foreign = await gA.post<Problem>('/activities', activityBody(tree.city.id));
    expect(foreign.status).toBe(422);
    expect(paths(foreign.body)).toEqual(['orgId']);
    expect((await members[0]!.client.get('/activities')).status).toBe(403);
    expect((await members[0]!.client.post('/activities', activityBody(tree.unionA.id))).status).toBe(403);
    const xihuList = await xihu.get<{ items: { id: string }[] }>('/activities');
    expect(xihuList.body.items.map((i) => i.id)).not.toContain(shangAct.id);
    // a 西湖 member cannot sign up for 上城's activity: not found for them
    const [xm] = await insertMembers(t, tree.unionC.id, 1);
    const xc = await memberUserClient(t, sys, 'act_xm', tree.unionC.id, xm!);
    expect((await xc.post(`/activities/${shangAct.id}/signups`)).status).toBe(404);
  });

  it('lets a union nominate its member, under the same rules and places', async () => {
    const a = await publishedActivity(city, tree.city.id, { capacity: 5 });
    const [nm] = await insertMembers(t, tree.unionA.id, 1);
    const r = await gA.post<SignupResult>(`/activities/${a.id}/nominations`, { memberId: nm });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('confirmed');
    expect((await gA.post<Problem>(`/activities/${a.id}/nominations`, { memberId: nm })).body.code).toBe('DUPLICATE');
    const [other] = await insertMembers(t, tree.unionC.id, 1);
    expect((await gA.post<Problem>(`/activities/${a.id}/nominations`, { memberId: other })).status).toBe(422);
  });
});
