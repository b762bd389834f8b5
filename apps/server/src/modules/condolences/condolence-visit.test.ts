import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { auditRowsFor, createMember, paths, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { funds } from '../../platform/ledger/ledger.schema.js';
import { benefitsOf, doubleAidWarnings, fundBalance, recordIncome } from '../../platform/ledger/ledger.service.js';
import { approvedDistrictPlan, cat, draftPlan, type PlanView } from './condolence-test-fixtures.js';
import { establish, headMember } from '../hardship-aid/household-test-fixtures.js';
import { uploadFile } from '../../test-support/multipart-upload.js';
import { pngFile } from '../../test-support/evidence-files.js';

interface VisitView extends Problem {
  id: string;
  orgId: string;
  personName: string;
  personPhone: string | null;
  category: string;
  moneyFen: number;
  fundName: string | null;
  payoutStatus: string | null;
}
interface Coverage {
  byCategory: { category: string; plannedHeadcount: number; visited: number; plannedMoneyFen: number; paidFen: number }[];
  byOrg: { orgId: string; orgName: string; visited: number; paidFen: number; cells: { category: string; visited: number; paidFen: number }[] }[];
  totals: { plannedHeadcount: number; visited: number; plannedMoneyFen: number; paidFen: number };
}

describe('送温暖 visits: recorded under an approved plan, money through the ledger, coverage, scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let gA: TestClient;
  let gB: TestClient;
  let plan: PlanView;
  let fundId: string;
  let poorFundId: string;
  let cityFundId: string;
  let memberA: string;
  let memberA2: string;
  let seq = 0;

  const newMember = async (orgId: string) => {
    seq++;
    return (await createMember(city, { name: `慰问${String.fromCharCode(0x4e00 + seq)}华`, idCard: makeIdCard('330102', '19680101', 400 + seq), phone: makePhone('139', 600 + seq), orgId, bankAccount: `62220212${String(20_000_000 + seq)}` })).id;
  };
  const fundOf = async (orgId: string, code: string, fen: number) => {
    const [f] = await t.ctx.db.insert(funds).values({ code, name: `测试${code}`, source: 'district', orgId }).returning({ id: funds.id });
    if (fen > 0) await t.ctx.db.transaction((tx) => recordIncome(tx, { fundId: f!.id, amountFen: fen, businessType: 'test.allocation', businessKey: code, createdBy: null }));
    return f!.id;
  };
  const visit = (c: TestClient, body: Record<string, unknown>) =>
    c.post<VisitView>('/condolences/visits', { planId: plan.id, target: 'member', category: 'hardship_family', visitedOn: '2026-01-20', place: '上城区湖滨街道东坡路', visitors: '区总工会 王建国、李慧', goodsDescription: '米、油', goodsValueFen: 20_000, ...body });
  const visitCount = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM condolence_visits`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '慰问');
    city = await userClient(t, sys, 'cv_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'cv_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'cv_xihu', tree.xihu.id, ['district_admin']);
    gA = await userClient(t, sys, 'cv_ga', tree.unionA.id, ['grassroots_admin']);
    gB = await userClient(t, sys, 'cv_gb', tree.unionB.id, ['grassroots_admin']);
    plan = await approvedDistrictPlan(shang, city, tree.shangcheng.id, 2026, [cat('hardship_family', 3, 500, 200), cat('retired_cadre', 2, 800, 300), cat('frontline', 10, 0, 100)]);
    fundId = await fundOf(tree.shangcheng.id, 'CV-SC', 200_000);
    poorFundId = await fundOf(tree.shangcheng.id, 'CV-POOR', 100);
    cityFundId = await fundOf(tree.city.id, 'CV-CITY', 1_000_000);
    memberA = await newMember(tree.unionA.id);
    memberA2 = await newMember(tree.unionA.id);
  }, 120_000);
  afterAll(() => t.close());

  it('pays a visit through the ledger: benefits history, fund balance, once per person and plan', async () => {
    const before = await fundBalance(t.ctx.db, fundId);
    const r = await visit(gA, { memberId: memberA, moneyFen: 50_000, fundId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ orgId: tree.unionA.id, moneyFen: 50_000, payoutStatus: 'pending', fundName: '测试CV-SC' });
    expect(await fundBalance(t.ctx.db, fundId)).toBe(before - 50_000);
    const history = await benefitsOf(t.ctx.db, { memberId: memberA, householdId: null });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ programme: 'condolence', amountFen: 50_000 });
    expect(await doubleAidWarnings(t.ctx.db, { memberId: memberA, householdId: null }, { businessType: 'aid.application', businessKey: 'x' })).toEqual([expect.stringContaining('送温暖慰问 500.00 元')]);
    const audit = await auditRowsFor(t, 'condolence_visit', r.body.id);
    expect(audit.map((a) => a.action)).toEqual(['data.create', 'ledger.payout']);
    // paying the same person twice under the plan is refused, nothing stored or paid
    const n = await visitCount();
    const twice = await visit(shang, { memberId: memberA, moneyFen: 10_000, fundId, visitedOn: '2026-01-25' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_PAID');
    expect(twice.body.detail).toContain('同一计划每人只发放一次');
    expect(await visitCount()).toBe(n);
    expect(await fundBalance(t.ctx.db, fundId)).toBe(before - 50_000);
    // a second visit with goods only is fine
    expect((await visit(gA, { memberId: memberA, visitedOn: '2026-02-01' })).status).toBe(201);
  });

  it('refuses a fund without the balance (as the ledger does), a fund of another org, and above the standard', async () => {
    const n = await visitCount();
    const poor = await visit(gA, { memberId: memberA2, moneyFen: 50_000, fundId: poorFundId });
    expect(poor.status).toBe(409);
    expect(poor.body.code).toBe('INSUFFICIENT_FUNDS');
    const other = await visit(gA, { memberId: memberA2, moneyFen: 50_000, fundId: cityFundId });
    expect(other.status).toBe(422);
    expect(paths(other.body)).toEqual(['fundId']);
    const above = await visit(gA, { memberId: memberA2, moneyFen: 60_000, fundId });
    expect(paths(above.body)).toEqual(['moneyFen']);
    const noFund = await visit(gA, { memberId: memberA2, moneyFen: 50_000 });
    expect(paths(noFund.body)).toEqual(['fundId']);
    expect(await visitCount()).toBe(n);
  });

  it('refuses a category outside the plan, a plan not approved, and a person outside the plan or the recorder', async () => {
    const outside = await visit(gA, { memberId: memberA2, category: 'model_worker' });
    expect(outside.status).toBe(422);
    expect(paths(outside.body)).toEqual(['category']);
    expect(outside.body.errors?.[0]?.message).toContain('「劳模」不在本计划的慰问对象中');
    const draft = await draftPlan(shang, tree.shangcheng.id, 2026, [cat('frontline', 5, 100, 100)], 'summer_cool');
    const notApproved = await shang.post<VisitView>('/condolences/visits', { planId: draft.id, target: 'member', memberId: memberA2, category: 'frontline', visitedOn: '2026-07-10', place: '车间', visitors: '王建国' });
    expect(notApproved.status).toBe(409);
    const xihuMember = await newMember(tree.unionC.id);
    const notInPlan = await city.post<VisitView>('/condolences/visits', { planId: plan.id, target: 'member', memberId: xihuMember, category: 'frontline', visitedOn: '2026-01-10', place: '西湖区', visitors: '市总工会' });
    expect(paths(notInPlan.body)).toEqual(['memberId']);
    const otherUnion = await visit(gB, { memberId: memberA2 });
    expect(paths(otherUnion.body)).toEqual(['memberId']);
    const future = await visit(gA, { memberId: memberA2, visitedOn: '2099-01-01' });
    expect(paths(future.body)).toEqual(['visitedOn']);
  });

  it('records a named person outside the registry (a retired cadre) with the phone masked', async () => {
    const r = await visit(shang, { target: 'person', personName: '周老', personPhone: '13905710123', category: 'retired_cadre', moneyFen: 80_000, fundId, place: '上城区清波街道老干部家中' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ personName: '周老', personPhone: '139****0123', orgId: tree.shangcheng.id, payoutStatus: 'pending' });
    const missing = await visit(shang, { target: 'person', category: 'retired_cadre' });
    expect(paths(missing.body)).toEqual(['personName']);
  });

  it('coverage per category and district equals a direct count', async () => {
    for (let i = 0; i < 3; i++) expect((await visit(gA, { memberId: await newMember(tree.unionA.id), category: 'frontline', goodsValueFen: 10_000 })).status).toBe(201);
    const cov = (await shang.get<Coverage>(`/condolences/plans/${plan.id}/coverage`)).body;
    const direct = await queryRows<{ category: string; n: number; paid: number }>(
      t.ctx.db,
      sql`SELECT category, count(*)::int AS n, coalesce(sum(money_fen) FILTER (WHERE payout_id IS NOT NULL), 0)::float8 AS paid FROM condolence_visits WHERE plan_id = ${plan.id} GROUP BY category`,
    );
    for (const d of direct) expect(cov.byCategory.find((c) => c.category === d.category)).toMatchObject({ visited: d.n, paidFen: d.paid });
    expect(cov.byCategory.find((c) => c.category === 'hardship_family')).toMatchObject({ plannedHeadcount: 3, plannedMoneyFen: 150_000 });
    expect(cov.totals.visited).toBe(direct.reduce((s, d) => s + d.n, 0));
    const street = cov.byOrg.find((o) => o.orgId === tree.shangStreet.id)!;
    const [streetCount] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM condolence_visits v JOIN org_closure c ON c.descendant_id = v.org_id AND c.ancestor_id = ${tree.shangStreet.id} AND c.relation = 'territorial' WHERE v.plan_id = ${plan.id}`);
    expect(street.visited).toBe(streetCount!.n);
    expect(cov.byOrg.find((o) => o.orgId === tree.shangcheng.id)?.visited).toBe(1); // the retired cadre, recorded at the district
    // a union sees its own visits only
    const own = (await gB.get<Coverage>(`/condolences/plans/${plan.id}/coverage`)).body;
    expect(own.totals.visited).toBe(0);
  });

  it('visits a hardship household (paid into its history, once with its head) and keeps photos of a visit', async () => {
    const head = await headMember(city, tree.unionA.id, '慰问户主');
    const household = await establish(city, head);
    const r = await visit(gA, { target: 'household', householdId: household.id, moneyFen: 50_000, fundId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await benefitsOf(t.ctx.db, { memberId: null, householdId: household.id })).map((b) => b.programme)).toEqual(['condolence']);
    const again = await visit(gA, { memberId: head, moneyFen: 50_000, fundId });
    expect(again.body.code).toBe('ALREADY_PAID');
    const up = await uploadFile(t, gA, `/api/condolences/visits/${r.body.id}/photos`, { filename: '慰问.png', content: pngFile(), contentType: 'image/png' }, { type: 'photo' });
    expect(up.status, up.body.toString()).toBe(201);
    const photos = up.json<{ photos: { fileId: string }[] }>().photos;
    expect(photos).toHaveLength(1);
    expect((await gA.req('GET', `/condolences/visits/${r.body.id}/photos/${photos[0]!.fileId}`)).status).toBe(200);
    expect((await gB.req('GET', `/condolences/visits/${r.body.id}/photos/${photos[0]!.fileId}`)).status).toBe(404);
    const del = await gA.del<{ photos: unknown[] }>(`/condolences/visits/${r.body.id}/photos/${photos[0]!.fileId}`);
    expect(del.body.photos).toEqual([]);
  });

  it('keeps visits in scope on every route, and exports the list', async () => {
    const mine = (await gA.get<Page<VisitView>>(`/condolences/visits?planId=${plan.id}&pageSize=200`)).body;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((v) => v.orgId === tree.unionA.id)).toBe(true);
    const one = mine.items[0]!;
    expect((await xihu.get(`/condolences/visits/${one.id}`)).status).toBe(404);
    expect((await gB.get(`/condolences/visits/${one.id}`)).status).toBe(404);
    expect((await gB.get(`/condolences/visits/${one.id}/photos/${one.id}`)).status).toBe(404);
    expect((await xihu.get<Page<VisitView>>('/condolences/visits?pageSize=200')).body.total).toBe(0);
    expect((await xihu.get(`/condolences/plans/${plan.id}/coverage`)).status).toBe(404);
    const foreign = await xihu.post<VisitView>('/condolences/visits', { planId: plan.id, target: 'person', personName: '某人', category: 'frontline', visitedOn: '2026-01-10', place: '西湖', visitors: '西湖区总工会' });
    expect(paths(foreign.body)).toEqual(['planId']);
    const all = (await shang.get<Page<VisitView> & { moneyFen: number }>(`/condolences/visits?planId=${plan.id}&paid=true`)).body;
    expect(all.moneyFen).toBe(180_000);
    const byName = (await shang.get<Page<VisitView>>('/condolences/visits?q=周老')).body;
    expect(byName.items.map((v) => v.personName)).toEqual(['周老']);
    const x = await shang.req('GET', `/condolences/visits/export.xlsx?planId=${plan.id}`);
    expect(x.status).toBe(200);
    expect(String(x.headers['content-type'])).toContain('spreadsheetml');
    const exports = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'data.export' AND object_type = 'condolence_visit'`);
    expect(exports[0]!.n).toBe(1);
  });
});
