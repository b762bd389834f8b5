import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { auditRowsFor, paths, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { approvedDistrictPlan, cat } from '../condolences/condolence-test-fixtures.js';
import { ageOn, careFlags, careSql } from './model-worker-care.js';
import { addDays, BASE, createWorker, shanghaiToday, yearsBefore, type WorkerView } from './model-worker-test-fixtures.js';

interface CareCount {
  orgName: string;
  alive: number;
  age75: number;
  livesAlone: number;
  care: number;
  visitedThisYear: number;
  placementsOpen: number;
  admitted: number;
}

describe('劳模 care: the 75-year flag, 鳏寡独居, care list per district, visits through 送温暖, care-home placement', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let turns75Today: WorkerView;
  let turns75Tomorrow: WorkerView;
  let alone: WorkerView;
  let young: WorkerView;
  let xihuOld: WorkerView;
  const today = shanghaiToday();

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'M');
    city = await userClient(t, sys, 'm_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'm_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'm_xihu', tree.xihu.id, ['district_admin']);
    turns75Today = await createWorker(shang, tree.shangcheng.id, { name: '今天七五', birthDate: yearsBefore(today, 75) });
    turns75Tomorrow = await createWorker(shang, tree.shangStreet.id, { name: '明天七五', birthDate: yearsBefore(addDays(today, 1), 75) });
    alone = await createWorker(shang, tree.shangcheng.id, { name: '独居劳模', birthDate: '1960-05-01', livesAlone: true, livingNote: '丧偶,无子女,独居' });
    young = await createWorker(shang, tree.shangcheng.id, { name: '在职劳模', birthDate: '1980-05-01', retired: false, honours: [{ level: 'city', title: '杭州市劳动模范', year: 2020 }] });
    xihuOld = await createWorker(xihu, tree.xihu.id, { name: '西湖老劳模', birthDate: '1940-01-01' });
    await createWorker(xihu, tree.xihu.id, { name: '已故劳模', birthDate: '1930-01-01', deceasedOn: '2020-01-01' });
  });
  afterAll(() => t.close());

  it('flags age ≥ 75 exactly on the 75th birthday in Asia/Shanghai, not the day before', () => {
    expect([turns75Today.flags.age75, turns75Today.age, turns75Today.flags.care]).toEqual([true, 75, true]);
    expect([turns75Tomorrow.flags.age75, turns75Tomorrow.age, turns75Tomorrow.flags.care]).toEqual([false, 74, false]);
    expect(alone.flags).toEqual({ age75: false, livesAlone: true, care: true });
    expect(young.flags).toEqual({ age75: false, livesAlone: false, care: false });
  });

  it('counts a 29 Feb birthday on 1 March in a common year and on 29 Feb in a leap year, in code and in SQL', async () => {
    const leapling = { birth_date: '1952-02-29', lives_alone: false, deceased_on: null };
    expect(careFlags(leapling, '2027-02-28').age75).toBe(false);
    expect(careFlags(leapling, '2027-03-01').age75).toBe(true);
    expect([ageOn('1952-02-29', '2027-02-28'), ageOn('1952-02-29', '2027-03-01'), ageOn('1952-02-29', '2028-02-29'), ageOn('1952-02-29', '2028-02-28')]).toEqual([74, 75, 76, 75]);
    expect(careFlags({ birth_date: '1953-02-28', lives_alone: false, deceased_on: null }, '2028-02-28').age75).toBe(true);
    expect(careFlags({ birth_date: '1953-03-01', lives_alone: false, deceased_on: null }, '2028-02-29').age75).toBe(false);
    expect(careFlags({ birth_date: '1940-01-01', lives_alone: true, deceased_on: '2020-01-01' }, today)).toEqual({ age75: false, livesAlone: false, care: false });
    const w = await createWorker(shang, tree.shangcheng.id, { name: '闰日劳模', birthDate: '1952-02-29' });
    const flagged = async (on: string) => (await queryRows<{ ok: boolean }>(t.ctx.db, sql`SELECT ${careSql(on).age75} AS ok FROM model_workers w WHERE w.id = ${w.id}`))[0]!.ok;
    expect([await flagged('2027-02-28'), await flagged('2027-03-01'), await flagged('2026-03-01'), await flagged('2028-02-29')]).toEqual([false, true, false, true]);
  });

  it('lists the living flagged people per district, oldest visit first, and counts them by district', async () => {
    const names = async (c: TestClient, q = '') => (await c.get<Page<WorkerView>>(`${BASE}/care?pageSize=200${q}`)).body.items.map((w) => w.name);
    expect((await names(shang)).sort()).toEqual(['今天七五', '独居劳模'].sort());
    expect(await names(xihu)).toEqual(['西湖老劳模']);
    expect((await names(city)).sort()).toEqual(['今天七五', '独居劳模', '西湖老劳模'].sort());
    expect(await names(city, `&orgId=${tree.xihu.id}`)).toEqual(['西湖老劳模']);
    expect(await names(city, '&care=alone')).toEqual(['独居劳模']);
    const counts = (await city.get<CareCount[]>(`${BASE}/care/by-district`)).body;
    const byName = Object.fromEntries(counts.map((c) => [c.orgName, c]));
    expect(byName[tree.shangcheng.name]).toMatchObject({ alive: 5, age75: 1, livesAlone: 1, care: 2 });
    expect(byName[tree.xihu.name]).toMatchObject({ alive: 1, age75: 1, livesAlone: 0, care: 1 });
    expect((await xihu.get<CareCount[]>(`${BASE}/care/by-district`)).body.map((c) => c.orgName)).toEqual([tree.xihu.name]);
  });

  it('records a 送温暖 visit naming the 劳模 and shows it on the detail and as last visited', async () => {
    const year = Number(today.slice(0, 4));
    const plan = await approvedDistrictPlan(shang, city, tree.shangcheng.id, year, [cat('model_worker', 20, 0, 300), cat('frontline', 20, 0, 100)]);
    const body = { planId: plan.id, target: 'person', modelWorkerId: alone.id, category: 'model_worker', visitedOn: today, place: '劳模家中', visitors: '区总工会劳模服务科', goodsDescription: '慰问品', goodsValueFen: 30_000 };
    const wrongCategory = await shang.post<Problem>('/condolences/visits', { ...body, category: 'frontline' });
    expect([wrongCategory.status, paths(wrongCategory.body)]).toEqual([422, ['category']]);
    const outside = await shang.post<Problem>('/condolences/visits', { ...body, modelWorkerId: xihuOld.id });
    expect([outside.status, paths(outside.body)]).toEqual([422, ['modelWorkerId']]);
    const gone = await createWorker(shang, tree.shangcheng.id, { name: '故去劳模', birthDate: '1930-01-01', deceasedOn: '2021-01-01' });
    const deceased = await shang.post<Problem>('/condolences/visits', { ...body, modelWorkerId: gone.id });
    expect([deceased.status, paths(deceased.body)]).toEqual([422, ['modelWorkerId']]);
    const v = await shang.post<{ id: string; personName: string; modelWorkerId: string; orgId: string }>('/condolences/visits', body);
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    expect([v.body.personName, v.body.modelWorkerId, v.body.orgId]).toEqual(['独居劳模', alone.id, tree.shangcheng.id]);
    const detail = (await shang.get<WorkerView>(`${BASE}/${alone.id}`)).body;
    expect(detail.visits.map((x) => [x.id, x.visitedOn])).toEqual([[v.body.id, today]]);
    const care = (await shang.get<Page<WorkerView>>(`${BASE}/care`)).body.items;
    expect(care.map((w) => [w.name, w.lastVisitedOn])).toEqual([['今天七五', null], ['独居劳模', today]]);
    const counts = (await shang.get<CareCount[]>(`${BASE}/care/by-district`)).body;
    expect(counts[0]).toMatchObject({ care: 2, visitedThisYear: 1 });
  });

  it('takes care-home applications only for flagged people (else 422 with the reason), moves them through their states and audits each', async () => {
    const refused = await shang.post<Problem>(`${BASE}/${young.id}/placements`, { homeName: '上城区颐养中心', appliedOn: today });
    expect([refused.status, paths(refused.body)]).toEqual([422, ['modelWorkerId']]);
    expect(refused.body.detail).toContain('未满75周岁且未登记为鳏寡独居');
    expect((await shang.get<WorkerView>(`${BASE}/${young.id}`)).body.abilities).toMatchObject({ canApplyPlacement: false });
    const tomorrowRefused = await shang.post<Problem>(`${BASE}/${turns75Tomorrow.id}/placements`, { homeName: '上城区颐养中心', appliedOn: today });
    expect(tomorrowRefused.status).toBe(422);
    const badDate = await shang.post<Problem>(`${BASE}/${turns75Today.id}/placements`, { homeName: '上城区颐养中心', appliedOn: addDays(today, 3) });
    expect([badDate.status, paths(badDate.body)]).toEqual([422, ['appliedOn']]);
    const applied = await shang.post<WorkerView>(`${BASE}/${turns75Today.id}/placements`, { homeName: '杭州市社会福利中心', appliedOn: today });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const p = applied.body.placements[0]!;
    expect([p.status, p.next, applied.body.placementStatus]).toEqual(['applied', ['recommended', 'unsuccessful'], 'applied']);
    expect((await shang.post<Problem>(`${BASE}/${turns75Today.id}/placements`, { homeName: '另一家', appliedOn: today })).body.detail).toContain('进行中');
    const status = (body: Record<string, unknown>) => shang.post<WorkerView & Problem>(`${BASE}/${turns75Today.id}/placements/${p.id}/status`, body);
    expect((await status({ status: 'admitted', on: today })).status).toBe(409);
    expect(paths((await status({ status: 'unsuccessful', on: today })).body)).toEqual(['reason']);
    expect((await status({ status: 'recommended', on: today })).body.placements[0]!.status).toBe('recommended');
    const done = (await status({ status: 'admitted', on: today })).body;
    expect([done.placements[0]!.status, done.placements[0]!.history.map((h) => h.to), done.abilities.canApplyPlacement]).toEqual(['admitted', ['applied', 'recommended', 'admitted'], false]);
    const other = (await shang.post<WorkerView>(`${BASE}/${alone.id}/placements`, { homeName: '上城区颐养中心', appliedOn: today })).body;
    const failed = await shang.post<WorkerView>(`${BASE}/${alone.id}/placements/${other.placements[0]!.id}/status`, { status: 'unsuccessful', on: today, reason: '床位已满,已登记轮候' });
    expect([failed.body.placements[0]!.status, failed.body.placements[0]!.reason]).toEqual(['unsuccessful', '床位已满,已登记轮候']);
    const audit = await auditRowsFor(t, 'model_worker_placement', p.id);
    expect(audit.map((a) => [a.action, (JSON.parse(a.detail) as { to?: string }).to ?? 'applied'])).toEqual([['data.create', 'applied'], ['data.update', 'recommended'], ['data.update', 'admitted']]);
    expect((await xihu.post(`${BASE}/${turns75Today.id}/placements/${p.id}/status`, { status: 'unsuccessful', on: today, reason: 'x' })).status).toBe(404);
  });
});
