import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { auditRowsFor, createMember, paths, registryTree, type Page, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { makeIdCard, makePhone, maskedIdCard } from '../../test-support/identity-numbers.js';
import { DEFAULT_LINE_FEN, establish, factsAt, factsOf, familyIdCard, headMember, incomeFor, lastTwelveMonths, totalAt, type HouseholdItemView, type HouseholdView, type TierView } from './household-test-fixtures.js';

const CJK = /[\u4e00-\u9fff]/;

describe('困难职工档案: 建档, tier computed by the server, validation, 修改, preview', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let heads: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'H');
    shang = await userClient(t, sys, 'hh_shang', tree.shangcheng.id, ['district_admin']);
    heads = [];
    for (const name of ['王建国', '陈国平', '刘海峰', '周晓东', '吴立新', '郑文斌', '孙振华']) heads.push(await headMember(shang, tree.unionA.id, name));
  });
  afterAll(() => t.close());

  it('establishes a household (201): tier, per-capita income and line computed by the server, a tier sent by the client ignored', async () => {
    const r = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[0], ...factsAt(800), tier: 'accident', perCapitaMonthlyFen: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      headName: '王建国',
      orgId: tree.unionA.id,
      districtCode: '330102',
      status: 'active',
      tier: 'deep',
      householdSize: 3,
      totalIncomeFen: totalAt(800, 3),
      perCapitaMonthlyFen: Math.round((DEFAULT_LINE_FEN * 800) / 1000),
      lineMonthlyFen: DEFAULT_LINE_FEN,
      lineYear: 2020,
      ratio: 0.8,
      causes: ['illness'],
      version: 1,
      abilities: { canEdit: true, canReview: true, canExit: true },
    });
    expect(r.body.tierReason).toContain('深度困难');
    expect(r.body.headIdCard).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(r.body.monthlyIncome.map((m) => m.month)).toEqual(lastTwelveMonths());
    expect(r.body.reviews).toHaveLength(1);
    expect(r.body.reviews[0]).toMatchObject({ kind: 'establish', tier: 'deep', eligible: true, lineMonthlyFen: DEFAULT_LINE_FEN });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(r.body.establishedOn).toBe(today);
    expect(r.body.nextReviewOn.slice(0, 4)).toBe(String(Number(today.slice(0, 4)) + 1));
  });

  it('keeps family members\' 身份证 masked and hashed only, never in full, in the answer, the row and the history', async () => {
    const idCard = familyIdCard('19860704');
    const h = await establish(shang, heads[1]!, 1200, { familyMembers: [{ name: '赵丽', relation: 'spouse', idCard, monthlyIncomeFen: 0, employment: 'unemployed', health: 'serious' }, { name: '陈思雨', relation: 'child', employment: 'student', health: 'healthy' }] });
    expect(h.tier).toBe('relative');
    expect(h.familyMembers[0]).toMatchObject({ name: '赵丽', idCard: maskedIdCard(idCard), health: 'serious' });
    expect(h.familyMembers[1]!.idCard).toBeNull();
    const [raw] = await queryRows<{ row: string; history: string }>(
      t.ctx.db,
      sql`SELECT row_to_json(h)::text AS row, (SELECT string_agg(row_to_json(r)::text, '') FROM hardship_household_reviews r WHERE r.household_id = h.id) AS history FROM hardship_households h WHERE id = ${h.id}`,
    );
    expect(raw!.row).not.toContain(idCard);
    expect(raw!.row).toContain(maskedIdCard(idCard));
    expect(raw!.history).not.toContain(idCard);
    expect(raw!.history).not.toContain('idCardHmac');
    expect(JSON.stringify(h)).not.toContain('idCardHmac');
  });

  it('answers 422 with Chinese messages per field for malformed facts', async () => {
    const months = lastTwelveMonths();
    const bad = {
      headMemberId: 'not-a-uuid',
      familyMembers: [{ name: '', relation: 'cousin', idCard: '330106198607040001', monthlyIncomeFen: -5, employment: 'employed', health: 'healthy' }],
      monthlyIncome: incomeFor(1_000_000).slice(0, 11),
      carValueFen: 1.5,
      commercialHomes: -1,
      causes: [],
      evidenceTypes: ['selfie'],
    };
    const r = await shang.post<HouseholdView>('/aid/households', bad);
    expect(r.status).toBe(422);
    expect(paths(r.body)).toEqual(
      expect.arrayContaining(['headMemberId', 'familyMembers.0.name', 'familyMembers.0.relation', 'familyMembers.0.idCard', 'familyMembers.0.monthlyIncomeFen', 'monthlyIncome', 'carValueFen', 'commercialHomes', 'causes', 'evidenceTypes.0']),
    );
    for (const e of r.body.errors ?? []) expect(e.message, e.path).toMatch(CJK);

    const gap = [...incomeFor(1_000_000, months).slice(0, 11), { month: months[0], amountFen: 1 }];
    const g = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[2], ...factsAt(800), monthlyIncome: gap });
    expect(g.status).toBe(422);
    expect(g.body.errors).toEqual([{ path: 'monthlyIncome', message: '收入月份应为连续的12个月,且不能重复' }]);

    const future = incomeFor(1_000_000, months.map((m) => `${Number(m.slice(0, 4)) + 2}${m.slice(4)}`));
    const f = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[2], ...factsAt(800), monthlyIncome: future });
    expect(f.status).toBe(422);
    expect(paths(f.body)).toContain('monthlyIncome.11.month');
    expect(f.body.errors![0]!.message).toContain('未来月份');

    const old = incomeFor(1_000_000, months.map((m) => `${Number(m.slice(0, 4)) - 2}${m.slice(4)}`));
    const o = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[2], ...factsAt(800), monthlyIncome: old });
    expect(o.status).toBe(422);
    expect(o.body.errors![0]!.message).toContain('最近12个月');
  });

  it('refuses a family that does not qualify (422 NOT_ELIGIBLE) and says why in Chinese', async () => {
    const over = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[2], ...factsAt(2100) });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('NOT_ELIGIBLE');
    expect(over.body.errors![0]!.path).toBe('tier');
    expect(over.body.detail).toContain('不符合困难职工建档标准');

    const noCause = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[2], ...factsAt(1800, { causes: ['education'] }) });
    expect(noCause.status).toBe(422);
    expect(noCause.body.detail).toContain('只有因疾病或意外事故/灾害致困的家庭');

    const car = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[2], ...factsAt(700, { carValueFen: 12_000_000 }) });
    expect(car.status).toBe(422);
    expect(car.body.detail).toContain('机动车');

    const accident = await establish(shang, heads[2]!, 1800, { causes: ['accident', 'education'] });
    expect(accident.tier).toBe('accident');
  });

  it('allows one open household per head member (409), and checks the head is an active member in scope', async () => {
    const again = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[0], ...factsAt(800) });
    expect(again.status).toBe(409);
    expect(again.body.errors![0]!.path).toBe('headMemberId');
    const nobody = await shang.post<HouseholdView>('/aid/households', { headMemberId: '00000000-0000-4000-8000-000000000000', ...factsAt(800) });
    expect(nobody.status).toBe(422);
    expect(nobody.body.errors![0]).toMatchObject({ path: 'headMemberId', message: '会员不存在或不在您的管理范围内' });
  });

  it('keeps one person in one open household: the same 身份证 in another family, the head as a family member', async () => {
    const shared = familyIdCard('19900101');
    await establish(shang, heads[3]!, 800, { familyMembers: [{ name: '钱芳', relation: 'spouse', idCard: shared, employment: 'unemployed', health: 'healthy' }] });
    const dup = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[4], ...factsAt(800, { familyMembers: [{ name: '钱芳', relation: 'sibling', idCard: shared, employment: 'unemployed', health: 'healthy' }] }) });
    expect(dup.status).toBe(422);
    expect(dup.body.errors![0]).toMatchObject({ path: 'familyMembers.0.idCard' });
    expect(dup.body.errors![0]!.message).toContain('另一户');
    const other = familyIdCard('19920202');
    const child = { relation: 'child', employment: 'student', health: 'healthy' };
    const twice = await shang.post<HouseholdView>('/aid/households', { headMemberId: heads[4], ...factsAt(800, { familyMembers: [{ name: '甲', idCard: other, ...child }, { name: '乙', idCard: other, ...child }] }) });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([{ path: 'familyMembers.1.idCard', message: '与第 1 位家庭成员的身份证号相同' }]);

    const relativeIdCard = makeIdCard('330102', '19750808', 321);
    const relative = await createMember(shang, { name: '冯磊', idCard: relativeIdCard, phone: makePhone('150', 88_001), orgId: tree.unionB.id });
    await establish(shang, heads[4]!, 800, { familyMembers: [{ name: '冯磊', relation: 'sibling', idCard: relativeIdCard, employment: 'employed', health: 'healthy' }] });
    const asHead = await shang.post<HouseholdView>('/aid/households', { headMemberId: relative.id, ...factsAt(800) });
    expect(asHead.status).toBe(422);
    expect(asHead.body.errors![0]!.path).toBe('headMemberId');
    expect(asHead.body.errors![0]!.message).toContain('家庭成员');
  });

  it('修改 recomputes the tier, keeps stored 身份证 by key, checks the version, and refuses a change that no longer qualifies', async () => {
    const h = await establish(shang, heads[5]!, 800);
    const spouseMasked = h.familyMembers[0]!.idCard;
    const r = await shang.put<HouseholdView>(`/aid/households/${h.id}`, { ...factsOf(h, { monthlyIncome: incomeFor(totalAt(1400, 3)) }), note: '补充收入证明', version: h.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ tier: 'relative', version: 2, note: '补充收入证明' });
    expect(r.body.familyMembers[0]!.idCard).toBe(spouseMasked);
    expect(r.body.reviews.map((x) => x.kind)).toEqual(['update', 'establish']);

    const stale = await shang.put<HouseholdView>(`/aid/households/${h.id}`, { ...factsOf(h), version: h.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const worse = await shang.put<HouseholdView>(`/aid/households/${h.id}`, { ...factsOf(r.body, { monthlyIncome: incomeFor(totalAt(3000, 3)) }), version: r.body.version });
    expect(worse.status).toBe(422);
    expect(worse.body.detail).toContain('复核');

    const unknownKey = await shang.put<HouseholdView>(`/aid/households/${h.id}`, { ...factsOf(r.body, { familyMembers: [{ key: '00000000-0000-4000-8000-000000000000', name: '某人', relation: 'child', employment: 'student', health: 'healthy' }] }), version: r.body.version });
    expect(unknownKey.status).toBe(422);
    expect(paths(unknownKey.body)).toEqual(['familyMembers.0.key']);

    const audit = await auditRowsFor(t, 'hardship_household', h.id);
    expect(audit.map((a) => a.action)).toEqual(['data.create', 'data.update']);
  });

  it('previews the tier without saving (the form\'s live preview)', async () => {
    const before = (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM hardship_households`))[0]!.n;
    const p = await shang.post<TierView>('/aid/households/tier-preview', { headMemberId: heads[6], ...factsAt(1500) });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body).toMatchObject({ eligible: true, tier: 'relative', tierLabel: '相对困难', ratio: 1.5, lineMonthlyFen: DEFAULT_LINE_FEN, householdSize: 3 });
    expect(p.body.lineSource).toContain('系统默认值');
    const no = await shang.post<TierView>('/aid/households/tier-preview', { headMemberId: heads[6], ...factsAt(2500) });
    expect(no.body).toMatchObject({ eligible: false, tier: null, tierLabel: null });
    expect(no.body.reason).toMatch(CJK);
    expect((await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM hardship_households`))[0]!.n).toBe(before);
  });

  it('lists with filters and paging: tier, status, district, name', async () => {
    const all = await shang.get<Page<HouseholdItemView>>('/aid/households?pageSize=2');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(5);
    const deep = await shang.get<Page<HouseholdItemView>>('/aid/households?tier=deep&pageSize=200');
    expect(deep.body.items.length).toBeGreaterThan(0);
    expect(deep.body.items.every((h) => h.tier === 'deep')).toBe(true);
    const byName = await shang.get<Page<HouseholdItemView>>(`/aid/households?q=${encodeURIComponent('陈国')}`);
    expect(byName.body.items.map((h) => h.headName)).toEqual(['陈国平']);
    const byPinyin = await shang.get<Page<HouseholdItemView>>('/aid/households?q=wjg');
    expect(byPinyin.body.items.map((h) => h.headName)).toEqual(['王建国']);
    const district = await shang.get<Page<HouseholdItemView>>('/aid/households?districtCode=330106');
    expect(district.body.total).toBe(0);
    const bad = await shang.get<HouseholdItemView>('/aid/households?tier=rich&districtCode=33');
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['districtCode', 'tier']);
  });
});
