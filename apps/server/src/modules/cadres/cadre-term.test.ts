import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import type { Cadre, Committee, CommitteeDueGroup } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { notifications } from '../../platform/notify/notification.schema.js';
import { cadreCommittees } from './cadre.schema.js';
import { remindTermExpiry } from './cadre-jobs.js';
import { cadreToday } from './cadre-settings.js';
import { cadreBody, createCadre, createCommittee, committeeBody } from './cadre-test-fixtures.js';

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('换届: term-expiry reminders once per threshold, the due list, 换届 with history', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let city: TestClient;
  let a: Committee;
  let c: Committee;
  const today = cadreToday().today;

  const setEnd = (id: string, termEnd: string) => t.ctx.db.update(cadreCommittees).set({ termEnd }).where(eq(cadreCommittees.id, id));
  const messages = (orgId: string, kind: string) => t.ctx.db.select().from(notifications).where(and(eq(notifications.orgId, orgId), like(notifications.kind, kind)));

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'T');
    shang = await userClient(t, sys, 't_shang', tree.shangcheng.id, ['district_admin']);
    city = await userClient(t, sys, 't_city', tree.city.id, ['city_admin']);
    a = await createCommittee(shang, committeeBody(tree.unionA.id, { termStart: '2024-03-01', electedOn: '2024-03-01', termEnd: '2029-02-28' }));
    c = await createCommittee(city, committeeBody(tree.unionC.id, { termStart: '2024-03-01', electedOn: '2024-03-01', termEnd: '2029-02-28' }));
  });
  afterAll(() => t.close());

  it('validates the term: end after start, at most five years, one current committee per union', async () => {
    const back = await shang.post<Problem>('/cadres/committees', committeeBody(tree.unionB.id, { termEnd: '2022-01-01' }));
    expect(back.status).toBe(422);
    expect(paths(back.body)).toEqual(['termEnd']);
    const long = await shang.post<Problem>('/cadres/committees', committeeBody(tree.unionB.id, { termEnd: '2027-06-01' }));
    expect(paths(long.body)).toEqual(['termEnd']);
    const twice = await shang.post<Problem>('/cadres/committees', committeeBody(tree.unionA.id, { termNo: 4 }));
    expect(twice.status).toBe(409);
    expect(paths(twice.body)).toEqual(['orgId']);
  });

  it('reminds the union and the union above once when the term enters its last 90 days, once more when it ends without 换届', async () => {
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 0, overdue: 0 });
    await setEnd(a.id, shift(today, 30));
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 1, overdue: 0 });
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 0, overdue: 0 });
    expect(await messages(tree.unionA.id, 'cadre.term-due')).toHaveLength(1);
    expect(await messages(tree.shangStreet.id, 'cadre.term-due')).toHaveLength(1);
    expect(await messages(tree.shangcheng.id, 'cadre.term-%')).toHaveLength(0);

    await setEnd(a.id, shift(today, -1));
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 0, overdue: 1 });
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 0, overdue: 0 });
    const [msg] = await messages(tree.shangStreet.id, 'cadre.term-overdue');
    expect(msg!.title).toContain('尚未换届');
    expect(await messages(tree.unionA.id, 'cadre.term-%')).toHaveLength(2);

    // a term already past its end when first seen gets the overdue message only
    await setEnd(c.id, shift(today, -10));
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 0, overdue: 1 });
    expect(await messages(tree.unionC.id, 'cadre.term-due')).toHaveLength(0);
  });

  it('takes the reminder window from the settings, and a moved end date starts the reminders afresh', async () => {
    const fresh = (await shang.get<Committee>(`/cadres/committees/${a.id}`)).body;
    const moved = await shang.put<Committee>(`/cadres/committees/${a.id}`, { ...committeeBody(tree.unionA.id, { termStart: '2024-03-01', electedOn: '2024-03-01', termEnd: shift(today, 100) }), version: fresh.version });
    expect(moved.status).toBe(200);
    expect(moved.body.dueState).toBe('ok');
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 0, overdue: 0 });
    await city.put('/cadres/settings', { termReminderDays: 120, defaultTermYears: 5, hourTargets: [] });
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 1, overdue: 0 });
    expect((await shang.get<Committee>(`/cadres/committees/${a.id}`)).body).toMatchObject({ dueState: 'due', daysLeft: 100 });
  });

  it('lists the unions due or overdue for 换届 per district', async () => {
    const groups = (await city.get<CommitteeDueGroup[]>('/cadres/committees/due')).body;
    const byName = Object.fromEntries(groups.map((g) => [g.districtName, g]));
    expect(byName[tree.shangcheng.name]).toMatchObject({ due: 1, overdue: 0 });
    expect(byName[tree.xihu.name]).toMatchObject({ due: 0, overdue: 1 });
    // the district sees its own only
    const own = (await shang.get<CommitteeDueGroup[]>('/cadres/committees/due')).body;
    expect(own.map((g) => g.districtName)).toEqual([tree.shangcheng.name]);
  });

  it('换届: the next 届 becomes current, continuing cadres move to it, the others leave, the old 届 stays as history', async () => {
    const chair = await createCadre(shang, cadreBody(tree.unionA.id, 11, { position: 'chair', fullTime: true, officeStart: '2024-03-01' }));
    const member = await createCadre(shang, cadreBody(tree.unionA.id, 12, { officeStart: '2024-03-01' }));
    const old = (await shang.get<Committee>(`/cadres/committees/${a.id}`)).body;
    const renew = { termNo: 4, electedOn: shift(today, -2), termStart: shift(today, -2), termEnd: shift(today, 365 * 5 - 3), electionMethod: 'competitive', version: old.version, continuingCadreIds: [chair.id] };
    const badNo = await shang.post<Problem>(`/cadres/committees/${a.id}/renew`, { ...renew, termNo: 3 });
    expect(paths(badNo.body)).toEqual(['termNo']);
    const r = await shang.post<Committee>(`/cadres/committees/${a.id}/renew`, renew);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ termNo: 4, status: 'current', dueState: 'ok', cadresInOffice: 1 });
    expect(r.body.history.map((h) => [h.termNo, h.status])).toEqual([[4, 'current'], [3, 'replaced']]);
    expect((await shang.get<Cadre>(`/cadres/${chair.id}`)).body).toMatchObject({ state: 'in_office', termNo: 4, committeeId: r.body.id });
    expect((await shang.get<Cadre>(`/cadres/${member.id}`)).body).toMatchObject({ state: 'left', leftReason: '换届未连任(第3届届满)' });
    expect((await shang.post(`/cadres/committees/${a.id}/renew`, { ...renew, termNo: 5 })).status).toBe(409);
    const due = (await shang.get<CommitteeDueGroup[]>('/cadres/committees/due')).body;
    expect(due).toEqual([]);
    expect(await remindTermExpiry(t.ctx.db)).toEqual({ due: 0, overdue: 0 });
  });
});
