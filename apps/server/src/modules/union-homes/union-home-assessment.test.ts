import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgVia, userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { approvedBudget } from '../finance/budget-test-fixtures.js';
import { openAssessment, rate, selfAssessAndSubmit, selfItems, type AssessmentView, type HomeView } from './union-home-fixtures.js';

describe('职工之家 assessment: self → review (several raters) → confirm, gates, versions, revocation', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let unitB: TestClient;
  let street: TestClient;
  let shang: TestClient[];
  let city: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'H');
    unitA = await userClient(t, sys, 'uh_a', tree.unionA.id, ['grassroots_admin']);
    unitB = await userClient(t, sys, 'uh_b', tree.unionB.id, ['grassroots_admin']);
    street = await userClient(t, sys, 'uh_street', tree.shangStreet.id, ['street_admin']);
    shang = [];
    for (const n of [1, 2, 3]) shang.push(await userClient(t, sys, `uh_shang${n}`, tree.shangcheng.id, ['district_admin']));
    city = await userClient(t, sys, 'uh_city', tree.city.id, ['city_admin']);
  });
  afterAll(() => t.close());

  it('the union fills and submits; the district returns with an opinion; four raters score; trimmed mean grades; the city confirms', async () => {
    const a = await openAssessment(unitA, tree.unionA.id, 2026);
    expect(a).toMatchObject({ status: 'draft', version: 1, abilities: { canEdit: true, canSubmit: true, canRate: false } });
    expect(a.criteria.filter((c) => c.kind === 'gate').map((c) => c.title)).toEqual(['有组织', '有载体', '有制度', '有经费', '有成效']);

    // incomplete: 422 naming the items, nothing changes
    const early = await unitA.post<AssessmentView>(`/union-homes/assessments/${a.id}/submit`, {});
    expect(early.status).toBe(422);
    expect(early.body.errors?.[0]?.path).toBe('items.gate_org');
    // a points value over the criterion's maximum
    const over = await unitA.put<AssessmentView>(`/union-homes/assessments/${a.id}/self`, { items: [{ criterionKey: 'venue', points: 11 }] });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([{ path: 'items.0.points', message: '“阵地面积与设施”最高10分' }]);
    // filled but without the evidence a criterion requires
    await unitA.put(`/union-homes/assessments/${a.id}/self`, { items: selfItems(a, 0.95) });
    const noEvidence = await unitA.post<AssessmentView>(`/union-homes/assessments/${a.id}/submit`, {});
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.body.errors?.[0]?.path).toBe('items.gate_org.evidence');

    const submitted = await selfAssessAndSubmit(t, unitA, a, 0.95);
    expect(submitted).toMatchObject({ status: 'submitted', stepLabel: '区县(市)总工会审核评分' });
    expect(submitted.selfResult).toMatchObject({ gatesPassed: true, gradeCode: 'model' });
    expect(submitted.items.find((i) => i.criterionKey === 'gate_org')!.evidence).toHaveLength(1);
    // the union cannot rate itself, nor edit once submitted
    expect((await unitA.post(`/union-homes/assessments/${a.id}/ratings`, { items: [{ criterionKey: 'venue', points: 10 }] })).status).toBe(403);
    expect((await unitA.put(`/union-homes/assessments/${a.id}/self`, { items: [] })).status).toBe(409);

    // return needs an opinion; with one, it goes back to the union with the rater's comments kept
    await rate(shang[0]!, a, 0.6);
    expect((await shang[0]!.post(`/union-homes/assessments/${a.id}/return`, {})).status).toBe(422);
    const returned = await shang[0]!.post<AssessmentView>(`/union-homes/assessments/${a.id}/return`, { opinion: '阵地照片不清晰,请补充' });
    expect(returned.body).toMatchObject({ status: 'returned', abilities: { canRate: false } });
    const mine = await unitA.get<AssessmentView>(`/union-homes/assessments/${a.id}`);
    expect(mine.body.abilities).toMatchObject({ canEdit: true, canSubmit: true });
    expect(mine.body.items.find((i) => i.criterionKey === 'venue')!.ratings[0]).toMatchObject({ points: 6, comment: '材料齐全' });
    expect(mine.body.timeline.at(-1)).toMatchObject({ action: 'return', opinion: '阵地照片不清晰,请补充' });
    expect((await unitA.post(`/union-homes/assessments/${a.id}/submit`, {})).status).toBe(200);

    // four raters: the street and three district staff (the first revises theirs)
    await rate(shang[0]!, a, 1);
    await rate(shang[1]!, a, 0.95);
    await rate(shang[2]!, a, 0.92);
    const rated = await rate(street, a, 0.3);
    expect(rated.raterCount).toBe(4);
    // trimmed mean drops 1.0 and 0.3 per criterion: ~93.5 → 模范; the plain mean (~79) would give 合格
    expect(rated.reviewResult!.total).toBeGreaterThan(92);
    expect(rated.reviewResult!.gradeCode).toBe('model');
    expect(rated.items.find((i) => i.criterionKey === 'venue')!.reviewPoints).toBe(9.4);

    // only the district (the step's org) approves; the street cannot
    expect((await street.post(`/union-homes/assessments/${a.id}/approve`, {})).status).toBe(403);
    const reviewed = await shang[1]!.post<AssessmentView>(`/union-homes/assessments/${a.id}/approve`, { opinion: '同意上报' });
    expect(reviewed.body).toMatchObject({ status: 'reviewed', stepLabel: '市总工会确认等级' });
    expect((await shang[1]!.post(`/union-homes/assessments/${a.id}/confirm`, {})).status).toBe(403);
    const confirmed = await city.post<AssessmentView>(`/union-homes/assessments/${a.id}/confirm`, { opinion: '命名为模范职工之家' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', gradeCode: 'model', gradeLabel: '模范职工之家', dueDate: '2028-12-31' });
    expect(confirmed.body.finalScore).toBe(rated.reviewResult!.total);
    expect((await auditRowsFor(t, 'union_home_assessment', a.id)).map((r) => r.action)).toContain('assessment.confirm');

    // 有经费 reads the union's money (an approved budget with 职工活动/职工之家建设 lines), not the profile's figure
    const before = await unitA.get<HomeView>(`/union-homes/orgs/${tree.unionA.id}`);
    expect(before.body).toMatchObject({ checks: { staff: true, funds: false, room: true, rules: true }, fundsCheck: { source: 'none' } });
    await approvedBudget(unitA, tree.unionA.id, shanghaiYear());
    const home = await unitA.get<HomeView>(`/union-homes/orgs/${tree.unionA.id}`);
    expect(home.body).toMatchObject({ membershipRate: 0.97, membershipRateSource: 'entered', checks: { staff: true, funds: true, room: true, rules: true }, fundsCheck: { source: 'budget' } });
    expect(home.body.current).toMatchObject({ gradeLabel: '模范职工之家', status: 'confirmed' });
  });

  it('a failed gate caps the grade at 不合格 whatever the points', async () => {
    const b = await openAssessment(unitB, tree.unionB.id, 2026);
    const sub = await selfAssessAndSubmit(t, unitB, b, 1, ['gate_funds']);
    expect(sub.selfResult).toMatchObject({ total: 100, gatesPassed: false, gradeCode: 'unqualified' });
    const rated = await rate(shang[0]!, b, 1, ['gate_funds']);
    expect(rated.reviewResult).toMatchObject({ total: 100, gatesPassed: false, failedGates: ['gate_funds'], gradeCode: 'unqualified' });
    expect(rated.reviewResult!.capReasons).toContain('必备条件未达到:有经费');
    await shang[0]!.post(`/union-homes/assessments/${b.id}/approve`, {});
    const c = await city.post<AssessmentView>(`/union-homes/assessments/${b.id}/confirm`, {});
    expect(c.body).toMatchObject({ gradeCode: 'unqualified', gradeLabel: '不合格', finalScore: 100 });
  });

  it('a template revised mid-cycle leaves begun assessments on their version; new ones take the new one', async () => {
    const open = await openAssessment(unitA, tree.unionA.id, 2027);
    expect(open.version).toBe(1);
    const tpl = await city.get<{ versions: { version: number; used: boolean; criteria: unknown[]; grades: { code: string; label: string; minScore: number }[]; gateCap: string; aggregation: string }[] }>('/union-homes/template');
    const v1 = tpl.body.versions[0]!;
    expect(v1.used).toBe(true);
    // only the city manages templates; bad cap → 422 naming the field
    expect((await shang[0]!.post('/union-homes/template/versions', { ...v1 })).status).toBe(403);
    const bad = await city.post<AssessmentView>('/union-homes/template/versions', { criteria: v1.criteria, grades: v1.grades, gateCap: 'nope', aggregation: 'mean' });
    expect(bad.body.errors).toEqual([{ path: 'gateCap', message: '必备条件未达到时的最高等级须为已定义的等级' }]);
    const grades = v1.grades.map((g) => (g.code === 'model' ? { ...g, label: '模范职工之家(2027版)', minScore: 95 } : g));
    const v2 = await city.post<{ versions: { version: number; current: boolean }[] }>('/union-homes/template/versions', { criteria: v1.criteria, grades, gateCap: 'unqualified', aggregation: 'mean' });
    expect(v2.status).toBe(201);
    expect(v2.body.versions[0]).toMatchObject({ version: 2, current: true });

    const still = await unitA.get<AssessmentView>(`/union-homes/assessments/${open.id}`);
    expect(still.body.version).toBe(1);
    expect(still.body.grades.find((g) => g.code === 'model')!.minScore).toBe(90);
    // a self-assessment at 93 is still 模范 under its own version
    await unitA.put(`/union-homes/assessments/${open.id}/self`, { items: selfItems(open, 0.93) });
    expect((await unitA.get<AssessmentView>(`/union-homes/assessments/${open.id}`)).body.selfResult!.gradeCode).toBe('model');
    // the confirmed 2026 result keeps its label
    const home = await unitA.get<HomeView>(`/union-homes/orgs/${tree.unionA.id}`);
    expect(home.body.history.find((h) => h.cycleYear === 2026)).toMatchObject({ gradeLabel: '模范职工之家', version: 1 });
    // withdrawn, then a new one on version 2
    expect((await unitA.post(`/union-homes/assessments/${open.id}/withdraw`, {})).status).toBe(200);
    const next = await openAssessment(unitA, tree.unionA.id, 2027);
    expect(next.version).toBe(2);
    expect(next.grades.find((g) => g.code === 'model')).toMatchObject({ minScore: 95, label: '模范职工之家(2027版)' });
  });

  it('revocation of a confirmed result: the city only, with a reason, audited; the home is then due', async () => {
    const list = await city.get<{ items: { orgId: string; assessmentId: string; status: string; gradeCode: string | null }[] }>(`/union-homes?status=confirmed&pageSize=50`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const b = list.body.items.find((i) => i.orgId === tree.unionB.id)!;
    expect((await shang[0]!.post(`/union-homes/assessments/${b.assessmentId}/revoke`, { reason: '抽查不符' })).status).toBe(403);
    const noReason = await city.post<AssessmentView>(`/union-homes/assessments/${b.assessmentId}/revoke`, {});
    expect(noReason.status).toBe(422);
    const r = await city.post<AssessmentView>(`/union-homes/assessments/${b.assessmentId}/revoke`, { reason: '实地抽查发现阵地已改作他用' });
    expect(r.body).toMatchObject({ status: 'revoked', revokedReason: '实地抽查发现阵地已改作他用' });
    expect((await city.post(`/union-homes/assessments/${b.assessmentId}/revoke`, { reason: '重复' })).status).toBe(409);
    const audit = await auditRowsFor(t, 'union_home_assessment', b.assessmentId);
    expect(JSON.parse(String(audit.find((x) => x.action === 'assessment.revoke')!.detail))).toMatchObject({ reason: '实地抽查发现阵地已改作他用' });
    const due = await city.get<{ items: { orgId: string; due: boolean }[] }>(`/union-homes?due=true&pageSize=50`);
    expect(due.body.items.map((i) => i.orgId)).toContain(tree.unionB.id);
    // re-evaluation: a new assessment for a new cycle
    const again = await unitB.post<{ id: string }>(`/union-homes/orgs/${tree.unionB.id}/assessments`, { cycleYear: 2027 });
    expect(again.status).toBe(201);
  });

  it('a union with no district above it (under a city industry union) goes straight to confirmation; the city may adjust the scores', async () => {
    const sys = await t.login('sysadmin');
    const industry = await createOrgVia(sys, tree.city.id, 'H市交通运输产业工会', 'industry');
    const direct = await createOrgVia(sys, industry.id, 'H市公交集团第一分公司工会', 'grassroots');
    const unit = await userClient(t, sys, 'uh_direct', direct.id, ['grassroots_admin']);
    const d = await openAssessment(unit, direct.id, 2026);
    const sub = await selfAssessAndSubmit(t, unit, d, 0.85);
    expect(sub).toMatchObject({ status: 'reviewed', stepLabel: '市总工会确认等级' });
    expect((await city.get<AssessmentView>(`/union-homes/assessments/${d.id}`)).body.abilities).toMatchObject({ canRate: true, canConfirm: true, canApprove: false });
    await rate(city, d, 0.95);
    const c = await city.post<AssessmentView>(`/union-homes/assessments/${d.id}/confirm`, {});
    expect(c.body).toMatchObject({ status: 'confirmed', gradeCode: 'model' });
  });
});
