import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, paths, registryTree, type Page, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { approvedDistrictPlan, cat, draftPlan, planAction, planOk, type PlanView } from './condolence-test-fixtures.js';

describe('送温暖 plans: 只做加法 and the city override', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let gA: TestClient;
  let lastYear: PlanView;
  let lastSummer: PlanView;

  const LAST = [cat('hardship_family', 100, 500, 200), cat('retired_cadre', 30, 800, 300), cat('veteran_union_worker', 20, 600, 200), cat('model_worker', 10, 1000, 300), cat('frontline', 200, 0, 150)];

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '温暖');
    city = await userClient(t, sys, 'cd_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'cd_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'cd_xihu', tree.xihu.id, ['district_admin']);
    gA = await userClient(t, sys, 'cd_ga', tree.unionA.id, ['grassroots_admin']);
    lastYear = await approvedDistrictPlan(shang, city, tree.shangcheng.id, 2025, LAST);
    lastSummer = await approvedDistrictPlan(shang, city, tree.shangcheng.id, 2025, LAST, 'summer_cool');
  }, 120_000);
  afterAll(() => t.close());

  it('a district plan goes district review → city approval; within the rules it is approved, last year side by side', async () => {
    const p = await draftPlan(shang, tree.shangcheng.id, 2026, [...LAST.map((c) => ({ ...c, headcount: c.headcount + 5 })), cat('migrant_worker', 50, 300, 100)], 'summer_cool');
    expect(p.status).toBe('draft');
    expect(p.lastYear?.id).toBe(lastSummer.id);
    expect(p.lastYear?.categories.map((c) => c.category)).toEqual(LAST.map((c) => c.category));
    expect(p.shortfalls).toEqual([]);
    const submitted = await planOk(shang, p.id, 'submit');
    expect(submitted.workflow).toMatchObject({ stepKey: 'district_review', assigneeOrgId: tree.shangcheng.id });
    expect((await planAction(city, p.id, 'approve')).status).toBe(403);
    await planOk(shang, p.id, 'approve', { opinion: '同意上报' });
    const done = await planOk(city, p.id, 'approve', { opinion: '同意' });
    expect(done.status).toBe('approved');
    expect(done.override).toBeNull();
    expect(done.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'approve', 'approve']);
  });

  it('blocks approval for each kind of shortfall and a dropped category, naming each in Chinese', async () => {
    // one plan per kind, then one with them all
    const kinds: [string, ReturnType<typeof cat>[], string][] = [
      ['headcount', LAST.map((c) => (c.category === 'hardship_family' ? { ...c, headcount: 80 } : c)), '「困难家庭」人数:去年 100 人,今年 80 人'],
      ['money', LAST.map((c) => (c.category === 'retired_cadre' ? { ...c, moneyPerHeadFen: 60_000 } : c)), '「老干部」每人慰问金:去年 800.00 元,今年 600.00 元'],
      ['goods', LAST.map((c) => (c.category === 'model_worker' ? { ...c, goodsValuePerHeadFen: 20_000 } : c)), '「劳模」每人慰问品价值:去年 300.00 元,今年 200.00 元'],
      ['dropped', LAST.filter((c) => c.category !== 'veteran_union_worker'), '「老工会工作者」去年慰问 20 人,今年未列入计划'],
    ];
    for (const [kind, categories, message] of kinds) {
      // 五进五送 had no plan last year: nothing to compare with
      const p = await draftPlan(shang, tree.shangcheng.id, 2026, categories, 'five_visits');
      expect(p.shortfalls).toEqual([]);
      await planOk(shang, p.id, 'withdraw');
      const q = await draftPlan(shang, tree.shangcheng.id, 2026, categories);
      expect(q.shortfalls.map((s) => s.kind)).toEqual([kind]);
      expect(q.shortfalls[0]!.message).toBe(message);
      await planOk(shang, q.id, 'submit');
      // the district may pass it on with the warning; the city may not approve it as it is
      const atDistrict = await planOk(shang, q.id, 'approve', { opinion: '请市总审定' });
      expect(atDistrict.abilities.canApprove).toBe(false);
      const blocked = await planAction(city, q.id, 'approve', { opinion: '同意' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.code).toBe('CONDOLENCE_BELOW_LAST_YEAR');
      expect(blocked.body.detail).toContain('慰问只能做加法,不能做减法');
      expect(blocked.body.detail).toContain(message);
      const still = (await city.get<PlanView>(`/condolences/plans/${q.id}`)).body;
      expect(still.status).toBe('in_review');
      expect(still.abilities.canOverride).toBe(true);
      await planOk(city, q.id, 'return', { opinion: '不能低于上年标准,请调整' });
      await planOk(shang, q.id, 'withdraw');
    }
  });

  it('the city approver overrides with a written reason: audited and shown on the plan; refused to a district approver and without a reason', async () => {
    const shrunk = LAST.map((c) => (c.category === 'hardship_family' ? { ...c, headcount: 90 } : c)).filter((c) => c.category !== 'frontline');
    const p = await draftPlan(shang, tree.shangcheng.id, 2026, shrunk);
    expect(p.shortfalls).toHaveLength(2);
    await planOk(shang, p.id, 'submit');
    // a district approver at its own step may not override
    const byDistrict = await planAction(shang, p.id, 'approve', { override: true, overrideReason: '困难家庭脱困人数增加,一线职工另有专项慰问' });
    expect(byDistrict.status).toBe(403);
    expect(byDistrict.body.code).toBe('OVERRIDE_CITY_ONLY');
    await planOk(shang, p.id, 'approve', { opinion: '请市总审定' });
    const noReason = await planAction(city, p.id, 'approve', { override: true, overrideReason: '同意' });
    expect(noReason.status).toBe(422);
    expect(paths(noReason.body)).toEqual(['overrideReason']);
    const notApprove = await planAction(city, p.id, 'return', { opinion: '退回', override: true, overrideReason: '困难家庭脱困人数增加十户以上' });
    expect(notApprove.status).toBe(422);
    const reason = '2026年上城区困难家庭脱困10户,一线职工慰问并入“五进五送”专项,特批';
    const done = await planOk(city, p.id, 'approve', { override: true, overrideReason: reason });
    expect(done.status).toBe('approved');
    expect(done.override).toMatchObject({ userName: 'cd_city', orgName: tree.city.name, reason });
    expect(done.override!.shortfalls.map((s) => s.message)).toEqual(p.shortfalls.map((s) => s.message));
    expect(done.overridden).toBe(true);
    expect(done.timeline.at(-1)?.opinion).toBe(reason);
    const audit = await auditRowsFor(t, 'condolence_plan', p.id);
    const row = audit.find((a) => a.action === 'condolence.override');
    expect(JSON.parse(String(row?.detail))).toMatchObject({ reason });
    expect(audit.some((a) => a.action === 'workflow.action')).toBe(true);
    // nothing to override on a plan within the rules
    const fine = await draftPlan(city, tree.city.id, 2026, [cat('hardship_family', 10, 500, 100)], 'five_visits');
    await planOk(city, fine.id, 'submit');
    expect((await planAction(city, fine.id, 'approve', { override: true, overrideReason: '无需特批但仍写理由十个字' })).status).toBe(422);
    expect((await planOk(city, fine.id, 'approve')).status).toBe('approved');
  });

  it('validates the plan: drawing org, duplicate categories, other occasion name, duplicate plan', async () => {
    const wrongOrg = await shang.post<PlanView>('/condolences/plans', { orgId: tree.unionA.id, year: 2026, occasion: 'spring_festival', categories: [cat('hardship_family', 1, 1, 1)] });
    expect(wrongOrg.status).toBe(422);
    expect(paths(wrongOrg.body)).toEqual(['orgId']);
    const cityOrg = await shang.post<PlanView>('/condolences/plans', { orgId: tree.city.id, year: 2026, occasion: 'spring_festival', categories: [cat('hardship_family', 1, 1, 1)] });
    expect(paths(cityOrg.body)).toEqual(['orgId']);
    const dup = await shang.post<PlanView>('/condolences/plans', { orgId: tree.shangcheng.id, year: 2027, occasion: 'spring_festival', categories: [cat('hardship_family', 1, 1, 1), cat('hardship_family', 2, 1, 1)] });
    expect(dup.status).toBe(422);
    const other = await shang.post<PlanView>('/condolences/plans', { orgId: tree.shangcheng.id, year: 2027, occasion: 'other', categories: [cat('hardship_family', 1, 1, 1)] });
    expect(paths(other.body)).toEqual(['occasionName']);
    const again = await shang.post<PlanView>('/condolences/plans', { orgId: tree.shangcheng.id, year: 2025, occasion: 'spring_festival', categories: [cat('hardship_family', 1, 1, 1)] });
    expect(again.status).toBe(409);
    expect((await gA.post('/condolences/plans', { orgId: tree.shangcheng.id, year: 2027, occasion: 'summer_cool', categories: [cat('frontline', 1, 1, 1)] })).status).toBe(403);
  });

  it('keeps plans in scope: another district gets 404 and lists none; a union sees its district approved plans only', async () => {
    const draft = await draftPlan(shang, tree.shangcheng.id, 2026, [cat('frontline', 300, 100, 100)], 'autumn_study');
    for (const path of [`/condolences/plans/${lastYear.id}`, `/condolences/plans/${draft.id}`, `/condolences/plans/${lastYear.id}/coverage`]) {
      expect((await xihu.get(path)).status, path).toBe(404);
    }
    expect((await planAction(xihu, draft.id, 'submit')).status).toBe(404);
    expect((await xihu.put(`/condolences/plans/${draft.id}`, { orgId: tree.shangcheng.id, year: 2026, occasion: 'autumn_study', categories: [cat('frontline', 1, 1, 1)] })).status).toBe(404);
    const xihuList = (await xihu.get<Page<PlanView>>('/condolences/plans?pageSize=200')).body.items;
    expect(xihuList.every((p) => p.orgId !== tree.shangcheng.id)).toBe(true);
    const unionList = (await gA.get<Page<PlanView>>('/condolences/plans?pageSize=200')).body.items;
    expect(unionList.length).toBeGreaterThan(0);
    expect(unionList.every((p) => p.status === 'approved')).toBe(true);
    expect((await gA.get(`/condolences/plans/${draft.id}`)).status).toBe(404);
    expect((await gA.get(`/condolences/plans/${lastYear.id}`)).status).toBe(200);
    const filtered = (await city.get<Page<PlanView>>(`/condolences/plans?year=2025&occasion=spring_festival&orgId=${tree.shangcheng.id}&status=approved`)).body;
    expect(filtered.items.map((p) => p.id)).toEqual([lastYear.id]);
  });
});
