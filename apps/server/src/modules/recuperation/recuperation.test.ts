import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { RecuperationBase, RecuperationBatch, RecuperationPlan, RecuperationRoute, SignupResult } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { insertMembers, memberUserClient } from '../../test-support/enrolment-fixtures.js';
import { batchBody, createRouteVia, dayFromToday, publishedBatch } from '../../test-support/recuperation-fixtures.js';
import { addDays } from './recuperation.service.js';
import { queryRows } from '../../platform/db/db-connection.js';

describe('recuperation: bases, routes, batches, quotas down the tree, scope', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let street: TestClient;
  let gA: TestClient;
  let route: { baseId: string; routeId: string };
  let n = 0;

  async function membersOf(orgId: string, count: number): Promise<{ id: string; c: TestClient }[]> {
    const out: { id: string; c: TestClient }[] = [];
    for (const id of await insertMembers(t, orgId, count)) out.push({ id, c: await memberUserClient(t, sys, `rq_m${n++}`, orgId, id) });
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '疗休养');
    city = await userClient(t, sys, 'rq_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'rq_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'rq_xihu', tree.xihu.id, ['district_admin']);
    street = await userClient(t, sys, 'rq_street', tree.shangStreet.id, ['street_admin']);
    gA = await userClient(t, sys, 'rq_ga', tree.unionA.id, ['grassroots_admin']);
    route = await createRouteVia(city, 4, 50_000);
  }, 120_000);
  afterAll(() => t.close());

  it('refuses a route over 5 days or over 600 元 a day, field by field in Chinese, and the database refuses it too', async () => {
    const r = await city.post<Problem>('/recuperation/routes', { baseId: route.baseId, name: '超标线路', days: 6, allowancePerDay: 60_001 });
    expect(r.status).toBe(422);
    expect(paths(r.body).sort()).toEqual(['allowancePerDay', 'days']);
    expect(r.body.errors!.find((e) => e.path === 'days')!.message).toBe('每次疗休养(含路途)不能超过5天');
    expect(r.body.errors!.find((e) => e.path === 'allowancePerDay')!.message).toBe('补助标准不能超过每人每天600元');
    const zero = await city.post<Problem>('/recuperation/routes', { baseId: route.baseId, name: '零天', days: 0, allowancePerDay: 0 });
    expect(paths(zero.body).sort()).toEqual(['allowancePerDay', 'days']);
    const ok = await city.post<RecuperationRoute>('/recuperation/routes', { baseId: route.baseId, name: '满额线路', days: 5, allowancePerDay: 60_000 });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ days: 5, allowancePerDay: 60_000, costPerPerson: 300_000, abilities: { canEdit: true, canDelete: true } });
    await expect(t.ctx.db.execute(sql`UPDATE recuperation_routes SET days = 6 WHERE id = ${ok.body.id}::uuid`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`UPDATE recuperation_routes SET allowance_per_day = 60001 WHERE id = ${ok.body.id}::uuid`)).rejects.toThrow();
    expect((await city.del(`/recuperation/routes/${ok.body.id}`)).status).toBe(200);
  });

  it('keeps the catalogue the city’s: districts read it, cannot change it; duplicate names are refused on the field', async () => {
    const bases = await shang.get<{ items: RecuperationBase[] }>('/recuperation/bases');
    expect(bases.body.items.map((b) => b.id)).toContain(route.baseId);
    expect(bases.body.items.find((b) => b.id === route.baseId)!.abilities.canEdit).toBe(false);
    expect((await shang.post('/recuperation/bases', { name: '区里的基地', location: '桐庐' })).status).toBe(403);
    expect((await shang.put(`/recuperation/routes/${route.routeId}`, { baseId: route.baseId, name: 'x', days: 3, allowancePerDay: 1 })).status).toBe(403);
    const base = (await city.get<RecuperationBase>(`/recuperation/bases/${route.baseId}`)).body;
    const dup = await city.post<Problem>('/recuperation/bases', { name: base.name, location: '临安' });
    expect(dup.status).toBe(409);
    expect(paths(dup.body)).toEqual(['name']);
    const inUse = await city.del<Problem>(`/recuperation/bases/${route.baseId}`);
    expect(inUse.status).toBe(409);
  });

  it('sets the year’s plan (city only); the default cap is 3,000 元 and one stay', async () => {
    const year = Number(dayFromToday(0).slice(0, 4)) + 2;
    expect((await shang.get<RecuperationPlan>(`/recuperation/plans/${year}`)).body).toMatchObject({ budgetCapPerPerson: 300_000, maxStaysPerYear: 1, isDefault: true, abilities: { canEdit: false } });
    expect((await shang.put(`/recuperation/plans/${year}`, { budgetCapPerPerson: 1, maxStaysPerYear: 1 })).status).toBe(403);
    const bad = await city.put<Problem>(`/recuperation/plans/${year}`, { budgetCapPerPerson: -1, maxStaysPerYear: 0 });
    expect(paths(bad.body).sort()).toEqual(['budgetCapPerPerson', 'maxStaysPerYear']);
    const set = await city.put<RecuperationPlan>(`/recuperation/plans/${year}`, { budgetCapPerPerson: 250_000, maxStaysPerYear: 2, targetPlaces: 18_000 });
    expect(set.body).toMatchObject({ year, budgetCapPerPerson: 250_000, maxStaysPerYear: 2, targetPlaces: 18_000, isDefault: false });
    expect((await auditRowsFor(t, 'recuperation_plan', String(year))).length).toBe(1);
  });

  it('creates a draft batch ending start + days − 1, with its offering, and publishes it', async () => {
    const start = dayFromToday(20);
    const r = await city.post<RecuperationBatch>('/recuperation/batches', batchBody(route.routeId, tree.city.id, { startDate: start, places: 6, priorityGroups: ['frontline'] }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', stage: 'draft', days: 4, allowancePerDay: 50_000, costPerPerson: 200_000, startDate: start, endDate: addDays(start, 3), capacity: 6, year: Number(start.slice(0, 4)) });
    expect(r.body.rules).toEqual({ maxPerYear: 1 });
    expect(r.body.rulesText).toContain('每人每年最多参加1次');
    const [o] = await queryRows<{ kind: string; category: string; mode: string; waitlist: boolean }>(t.ctx.db, sql`SELECT kind, category, mode, waitlist FROM enrolment_offerings WHERE id = ${r.body.offeringId}::uuid`);
    expect(o).toEqual({ kind: 'recuperation', category: start.slice(0, 4), mode: 'fcfs', waitlist: false });
    const edited = await city.put<RecuperationBatch>(`/recuperation/batches/${r.body.id}`, batchBody(route.routeId, tree.city.id, { startDate: start, places: 8, priorityGroups: ['frontline'], priorityOnly: true }));
    expect(edited.body).toMatchObject({ capacity: 8, rules: { maxPerYear: 1, anyOfFlags: ['frontline'] } });
    const p = await city.post<RecuperationBatch>(`/recuperation/batches/${r.body.id}/publish`);
    expect(p.body).toMatchObject({ status: 'published', stage: 'open', abilities: { canEdit: false, canPublish: false, canNominate: true } });
    expect((await city.put(`/recuperation/batches/${r.body.id}`, batchBody(route.routeId, tree.city.id))).status).toBe(409);
    expect((await auditRowsFor(t, 'recuperation_batch', r.body.id)).map((a) => a.action)).toEqual(['data.create', 'data.update', 'data.update']);
    await expect(t.ctx.db.execute(sql`UPDATE recuperation_batches SET end_date = end_date + 1 WHERE id = ${r.body.id}::uuid`)).rejects.toThrow();
  });

  it('refuses a bad batch field by field: window after departure, a past departure, priority-only without groups', async () => {
    const late = await city.post<Problem>('/recuperation/batches', batchBody(route.routeId, tree.city.id, { startDate: dayFromToday(1), signupClosesAt: new Date(Date.now() + 5 * 86_400_000).toISOString() }));
    expect(late.status).toBe(422);
    expect(paths(late.body)).toEqual(['signupClosesAt']);
    expect(late.body.errors![0]!.message).toBe('报名截止时间应早于出发日期');
    const only = await city.post<Problem>('/recuperation/batches', batchBody(route.routeId, tree.city.id, { priorityOnly: true }));
    expect(paths(only.body)).toEqual(['priorityGroups']);
    expect(paths((await city.post<Problem>('/recuperation/batches', batchBody(route.routeId, tree.city.id, { places: 0, priorityGroups: ['boss'] }))).body).sort()).toEqual(['places', 'priorityGroups.0']);
    const past = await city.post<Problem>('/recuperation/batches', batchBody(route.routeId, tree.city.id, { startDate: dayFromToday(-1), signupOpensAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), signupClosesAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }));
    expect(paths(past.body)).toEqual(['startDate']);
  });

  it('allocates places city → district → union; each member takes a place of the nearest pool above them', async () => {
    const b = await publishedBatch(city, route.routeId, tree.city.id, { places: 6 });
    const alloc = await city.post<RecuperationBatch>(`/recuperation/batches/${b.id}/quotas`, { orgId: tree.shangcheng.id, places: 3 });
    expect(alloc.status).toBe(200);
    expect(alloc.body.quotas).toMatchObject([{ orgId: tree.shangcheng.id, places: 3, used: 0 }]);
    expect((await shang.post(`/recuperation/batches/${b.id}/quotas`, { orgId: tree.unionA.id, places: 2 })).status).toBe(200);
    expect((await shang.post<Problem>(`/recuperation/batches/${b.id}/quotas`, { orgId: tree.unionB.id, places: 2 })).body.detail).toContain('只有 1 个');
    expect((await street.post(`/recuperation/batches/${b.id}/quotas`, { orgId: tree.unionB.id, places: 1 })).status).toBe(422);
    expect((await gA.post(`/recuperation/batches/${b.id}/quotas`, { orgId: tree.unionA.id, places: 1 })).status).toBe(403);
    const ua = await membersOf(tree.unionA.id, 3);
    const outcomes: string[] = [];
    for (const m of ua) {
      const r = await m.c.post<SignupResult & Problem>(`/recuperation/batches/${b.id}/signups`);
      outcomes.push(r.status === 201 ? r.body.status : String(r.body.code));
    }
    expect(outcomes).toEqual(['confirmed', 'confirmed', 'FULL']);
    const detail = (await shang.get<RecuperationBatch>(`/recuperation/batches/${b.id}`)).body;
    expect(detail.confirmed).toBe(2);
    expect(detail.quotas.find((q) => q.orgId === tree.unionA.id)).toMatchObject({ places: 2, used: 2 });
  });

  it('keeps batches within scope: 404 outside, 403 for those who only see them, members on staff routes', async () => {
    const b = await publishedBatch(shang, route.routeId, tree.shangcheng.id);
    expect((await xihu.get(`/recuperation/batches/${b.id}`)).status).toBe(404);
    expect((await xihu.get(`/recuperation/batches/${b.id}/enrolments`)).status).toBe(404);
    expect((await xihu.post(`/recuperation/batches/${b.id}/quotas`, { orgId: tree.xihuStreet.id, places: 1 })).status).toBe(404);
    const xihuList = await xihu.get<{ items: { id: string }[] }>('/recuperation/batches');
    expect(xihuList.body.items.map((i) => i.id)).not.toContain(b.id);
    expect((await gA.get(`/recuperation/batches/${b.id}`)).status).toBe(200); // organised above the union: visible
    expect((await gA.post(`/recuperation/batches/${b.id}/publish`)).status).toBe(403);
    const foreign = await gA.post<Problem>('/recuperation/batches', batchBody(route.routeId, tree.city.id));
    expect(foreign.status).toBe(422);
    expect(paths(foreign.body)).toEqual(['orgId']);
    const [m] = await membersOf(tree.unionA.id, 1);
    for (const [method, url] of [['GET', '/recuperation/batches'], ['GET', `/recuperation/batches/${b.id}`], ['GET', '/recuperation/rested'], ['GET', '/recuperation/bases'], ['POST', `/recuperation/batches/${b.id}/nominations`]] as const) {
      const r = await m!.c.req(method, url, method === 'POST' ? { memberId: m!.id } : undefined);
      expect(r.status, `${method} ${url}`).toBe(403);
    }
    const [xm] = await membersOf(tree.unionC.id, 1);
    expect((await xm!.c.post(`/recuperation/batches/${b.id}/signups`)).status).toBe(404);
    expect((await xm!.c.get(`/m/recuperation/batches/${b.id}`)).status).toBe(404);
  });
});
