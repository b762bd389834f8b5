import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { paths, type Page } from '../../test-support/registry-fixtures.js';
import { craftsmanEligibility, fullYearsBetween, waivingResult } from './craftsman-eligibility.js';
import { craftsmanWorld, nominationBody, yearsAgo, dayFromToday, type CraftsmanWorld, type NominationView } from './craftsman-test-fixtures.js';

describe('杭州工匠 eligibility rules (pure)', () => {
  const base = { memberStatus: 'active', frontline: true, employedInHangzhou: true, tradeStartedOn: '2014-03-01', hangzhouFullTimeSince: '2020-01-01', contestResults: [] };
  it('counts whole years and lists every failed rule with its field', () => {
    expect(fullYearsBetween('2016-11-25', '2026-11-24')).toBe(9);
    expect(fullYearsBetween('2016-11-24', '2026-11-24')).toBe(10);
    expect(craftsmanEligibility(base, '2026-11-24')).toMatchObject({ eligible: true, failures: [], waiver: null, yearsInTrade: 12 });
    const bad = craftsmanEligibility({ ...base, memberStatus: 'retired', frontline: false, employedInHangzhou: false, tradeStartedOn: '2020-01-01', hangzhouFullTimeSince: '2026-06-01' }, '2026-11-24');
    expect(bad.failures.map((f) => f.path)).toEqual(['memberId', 'employedInHangzhou', 'tradeStartedOn', 'hangzhouFullTimeSince', 'frontline']);
    expect(bad.failures.find((f) => f.path === 'tradeStartedOn')!.message).toContain('须满10年(现为6年)');
  });
  it('waives the 10 years for top 3 of a national or world contest or 1st of a provincial one only', () => {
    const r = (level: 'world' | 'national' | 'provincial' | 'city', rank: number) => [{ name: '技能大赛', level, rank, year: 2025 }];
    expect(waivingResult(r('national', 3))).not.toBeNull();
    expect(waivingResult(r('world', 2))).not.toBeNull();
    expect(waivingResult(r('provincial', 1))).not.toBeNull();
    expect(waivingResult(r('provincial', 2))).toBeNull();
    expect(waivingResult(r('national', 4))).toBeNull();
    expect(waivingResult(r('city', 1))).toBeNull();
    const waived = craftsmanEligibility({ ...base, tradeStartedOn: '2021-01-01', contestResults: r('national', 2) }, '2026-11-24');
    expect(waived).toMatchObject({ eligible: true, yearsInTrade: 5 });
    expect(waived.waiver).toBe('2025年技能大赛(国家级)第2名,免从业10年要求');
    // no waiver shown when the years are there anyway
    expect(craftsmanEligibility({ ...base, contestResults: r('national', 1) }, '2026-11-24').waiver).toBeNull();
  });
});

describe('杭州工匠 nominations: refusals with reasons, the contest waiver, quotas, scope on every route', () => {
  let t: TestApp;
  let w: CraftsmanWorld;
  const url = '/honours/craftsman/nominations';

  beforeAll(async () => {
    t = await createTestApp();
    w = await craftsmanWorld(t, 'E');
  });
  afterAll(() => t.close());

  it('refuses an ineligible nominee with 422 naming every failed rule in Chinese, nothing stored', async () => {
    const r = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.notFrontline, { employedInHangzhou: false, tradeStartedOn: yearsAgo(6), hangzhouFullTimeSince: dayFromToday(-100) }));
    expect(r.status).toBe(422);
    expect(paths(r.body).sort()).toEqual(['employedInHangzhou', 'frontline', 'hangzhouFullTimeSince', 'tradeStartedOn']);
    expect(r.body.detail).toContain('不符合杭州工匠推荐条件');
    expect(r.body.detail).toContain('一线职工');
    expect((await w.shang.get<Page<NominationView>>(url)).body.total).toBe(0);
  });

  it('applies the contest waiver and shows it; a provincial 2nd place does not waive', async () => {
    const short = { tradeStartedOn: yearsAgo(4) };
    const second = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[0]!, { ...short, contestResults: [{ name: '浙江省数控技能大赛', level: 'provincial', rank: 2, year: 2025 }] }));
    expect(second.status).toBe(422);
    expect(paths(second.body)).toEqual(['tradeStartedOn']);
    const waived = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[0]!, { ...short, contestResults: [{ name: '全国数控技能大赛', level: 'national', rank: 2, year: 2025 }] }));
    expect(waived.status).toBe(201);
    expect(waived.body.eligibility.waiver).toContain('全国数控技能大赛(国家级)第2名,免从业10年要求');
    expect(waived.body).toMatchObject({ stage: 'draft', nominatingOrgName: w.tree.shangcheng.name, frontline: true });
  });

  it('only district/county and industry unions nominate, their own members, once per call', async () => {
    expect((await w.street.post(url, nominationBody(w.call.id, w.members[1]!))).status).toBe(403);
    const foreign = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.xihuMember));
    expect(foreign.status).toBe(422);
    expect(paths(foreign.body)).toEqual(['memberId']);
    const again = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[0]!));
    expect(again.status).toBe(409);
    expect(paths(again.body)).toEqual(['memberId']);
  });

  it('enforces the quota per nominating union with 409; a withdrawn nomination gives its place back', async () => {
    const b = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[1]!));
    const c = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[2]!));
    expect([b.status, c.status]).toEqual([201, 201]);
    const over = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[3]!));
    expect(over.status).toBe(409);
    expect(over.body.detail).toContain('推荐名额已用完(名额 3 名,已推荐 3 名)');
    expect((await w.shang.post(`${url}/${c.body.id}/actions`, { action: 'withdraw' })).status).toBe(200);
    expect((await w.shang.post(`${url}/${c.body.id}/actions`, { action: 'withdraw' })).status).toBe(409);
    expect((await w.shang.post(`${url}/${c.body.id}/actions`, { action: 'submit' })).status).toBe(409);
    const d = await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[3]!));
    expect(d.status).toBe(201);
    const call = await w.shang.get<{ quotas: { orgId: string; places: number; used: number }[] }>(`/honours/craftsman/calls/${w.call.id}`);
    expect(call.body.quotas).toEqual([expect.objectContaining({ orgId: w.tree.shangcheng.id, places: 3, used: 3 })]);
  });

  it('keeps every route of another district\'s nomination at 404 and refuses scoring without the expert permission', async () => {
    const list = (await w.shang.get<Page<NominationView>>(url)).body;
    const id = list.items[0]!.id;
    expect(list.total).toBe(4);
    expect((await w.xihu.get<Page<NominationView>>(url)).body.total).toBe(0);
    expect((await w.xihu.get(`${url}/${id}`)).status).toBe(404);
    expect((await w.xihu.patch(`${url}/${id}`, { trade: '焊工' })).status).toBe(404);
    expect((await w.xihu.post(`${url}/${id}/actions`, { action: 'submit' })).status).toBe(404);
    expect((await w.xihu.get(`${url}/${id}/certificate.pdf`)).status).toBe(404);
    expect((await w.xihu.get(`${url}/${id}/evidence/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await w.xihu.get<{ items: unknown[] }>(`/honours/craftsman/calls/${w.call.id}/ranking`)).body.items).toEqual([]);
    expect((await w.xihu.put(`${url}/${id}/my-score`, { points: { skill: 30, innovation: 20, contribution: 15, mentoring: 8 } })).status).toBe(403);
    expect((await w.xihu.post(`${url}/${id}/city-approval`, {})).status).toBe(403);
    expect((await w.xihu.post('/honours/craftsman/calls', {})).status).toBe(403);
    expect((await w.city.get(`${url}/${id}`)).status).toBe(200);
  });
});
