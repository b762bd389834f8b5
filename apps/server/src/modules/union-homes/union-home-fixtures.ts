import type { Assessment, UnionHome } from '@gonghui/contracts';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { uploadFile } from '../../test-support/multipart-upload.js';
import type { Problem } from '../../test-support/registry-fixtures.js';

/** Shared helpers of the 职工之家 tests (not a test file itself). */
export type AssessmentView = Assessment & Problem;
export type HomeView = UnionHome & Problem;

export const profile = (over: Record<string, unknown> = {}) => ({
  venueName: '职工之家活动中心',
  address: '杭州市上城区湖滨路28号',
  areaM2: 320,
  facilities: ['reading_room', 'gym', 'meeting_room'],
  annualFundsFen: 12_000_000,
  activitiesHeld: 24,
  staffCount: 3,
  chairName: '陈立群',
  rules: ['职工代表大会制度', '厂务公开制度', '工会经费管理办法'],
  membershipRateEntered: 0.97,
  ...over,
});

/** Saves a profile and opens an assessment for the union; returns it. */
export async function openAssessment(c: TestClient, orgId: string, cycleYear?: number, over: Record<string, unknown> = {}): Promise<AssessmentView> {
  const p = await c.put<HomeView>(`/union-homes/orgs/${orgId}`, profile(over));
  if (p.status !== 200) throw new Error(`profile: ${p.status} ${JSON.stringify(p.body)}`);
  const s = await c.post<{ id: string }>(`/union-homes/orgs/${orgId}/assessments`, cycleYear ? { cycleYear } : {});
  if (s.status !== 201) throw new Error(`start: ${s.status} ${JSON.stringify(s.body)}`);
  return (await c.get<AssessmentView>(`/union-homes/assessments/${s.body.id}`)).body;
}

/** Self values: every gate passed (except `failGates`) and each points criterion at `share` of its maximum. */
export function selfItems(a: Assessment, share = 1, failGates: string[] = []) {
  return a.criteria.map((c) => ({ criterionKey: c.key, passed: c.kind === 'gate' ? !failGates.includes(c.key) : null, points: c.kind === 'gate' ? null : c.kind === 'points' ? Math.round(c.maxPoints * share * 10) / 10 : 0 }));
}

/** One PNG on each item whose criterion asks for evidence (`base`: the use's API prefix, also for CSR and 和谐劳动关系). */
export async function uploadEvidence(t: TestApp, c: TestClient, a: Assessment, base = '/union-homes'): Promise<void> {
  for (const item of a.items) {
    const crit = a.criteria.find((x) => x.key === item.criterionKey)!;
    if (!crit.evidenceRequired) continue;
    const r = await uploadFile(t, c, `/api${base}/assessment-items/${item.id}/evidence`, { filename: `${crit.key}.png`, content: pngFile() }, { type: 'photo' });
    if (r.status !== 201) throw new Error(`evidence: ${r.status} ${r.body.toString()}`);
  }
}

/** Fills, evidences and submits a self-assessment. */
export async function selfAssessAndSubmit(t: TestApp, c: TestClient, a: Assessment, share = 1, failGates: string[] = [], base = '/union-homes'): Promise<AssessmentView> {
  const s = await c.put<AssessmentView>(`${base}/assessments/${a.id}/self`, { items: selfItems(a, share, failGates) });
  if (s.status !== 200) throw new Error(`self: ${s.status} ${JSON.stringify(s.body)}`);
  await uploadEvidence(t, c, a, base);
  const r = await c.post<AssessmentView>(`${base}/assessments/${a.id}/submit`, {});
  if (r.status !== 200) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A rater's scores: gates as given (default all passed), points at `share` of the maximum, deductions `deduct`. */
export function ratingItems(a: Assessment, share: number, failGates: string[] = [], deduct = 0) {
  return a.criteria.map((c) => ({
    criterionKey: c.key,
    passed: c.kind === 'gate' ? !failGates.includes(c.key) : null,
    points: c.kind === 'gate' ? null : c.kind === 'points' ? Math.round(c.maxPoints * share * 10) / 10 : c.kind === 'deduction' && c.key === 'spot_check' ? deduct : 0,
    comment: c.kind === 'points' ? '材料齐全' : undefined,
  }));
}

export async function rate(c: TestClient, a: Assessment, share: number, failGates: string[] = [], deduct = 0, base = '/union-homes'): Promise<AssessmentView> {
  const r = await c.post<AssessmentView>(`${base}/assessments/${a.id}/ratings`, { items: ratingItems(a, share, failGates, deduct) });
  if (r.status !== 200) throw new Error(`rate: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
