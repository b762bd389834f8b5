import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradesByDistrict, Page, UnionHome, UnionHomeListItem } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import type { AssessmentView } from './union-home-fixtures.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('职工之家 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  let grassroots: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
    grassroots = await demoClient(t, 'grassroots');
  }, 180_000);
  afterAll(() => t.close());

  it('has ~30 homes with assessments in every state and every grade, some due', async () => {
    const list = (await city.get<Page<UnionHomeListItem>>('/union-homes?pageSize=100')).body;
    expect(list.total).toBe(30);
    expect(new Set(list.items.map((h) => h.status))).toEqual(new Set(['draft', 'submitted', 'returned', 'reviewed', 'confirmed', 'revoked', null]));
    expect(new Set(list.items.map((h) => h.gradeCode).filter(Boolean))).toEqual(new Set(['unqualified', 'qualified', 'advanced', 'model']));
    expect(list.items.filter((h) => h.due).length).toBeGreaterThanOrEqual(5);
    const g = (await city.get<GradesByDistrict>('/union-homes/grades-by-district')).body;
    expect(g.rows.length).toBe(13);
  });

  it('gives the district a review to do and the city a confirmation; the grassroots union is due for re-evaluation', async () => {
    const mine = (await district.get<Page<UnionHomeListItem>>('/union-homes?status=submitted&pageSize=50')).body.items;
    const a = (await district.get<AssessmentView>(`/union-homes/assessments/${mine[0]!.assessmentId}`)).body;
    expect(a.abilities).toMatchObject({ canRate: true, canApprove: true, canReturn: true });
    const reviewed = (await city.get<Page<UnionHomeListItem>>('/union-homes?status=reviewed&pageSize=50')).body.items;
    const r = (await city.get<AssessmentView>(`/union-homes/assessments/${reviewed[0]!.assessmentId}`)).body;
    expect(r.abilities.canConfirm).toBe(true);
    const own = (await grassroots.get<Page<UnionHomeListItem>>('/union-homes')).body.items;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ due: true, gradeCode: 'advanced', status: 'confirmed' });
    const home = (await grassroots.get<UnionHome>(`/union-homes/orgs/${own[0]!.orgId}`)).body;
    expect(home.abilities.canStartAssessment).toBe(true);
    expect(home).toMatchObject({ membershipRate: 0.96, membershipRateSource: 'entered', registryMembershipRate: 0.6704, checks: { funds: true }, fundsCheck: { source: 'budget' } });
  });
});
