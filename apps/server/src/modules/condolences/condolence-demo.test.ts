import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CondolenceCoverage, CondolencePlan, CondolencePlanListItem, CondolenceVisit } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('送温暖 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  const year = shanghaiYear();
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
  }, 180_000);
  afterAll(() => t.close());

  it('has last year’s approved plans and this year’s in every state, with the override and the block', async () => {
    const plans = (await city.get<{ items: CondolencePlanListItem[] }>('/condolences/plans?pageSize=50')).body.items;
    expect(plans.filter((p) => p.year === year - 1 && p.status === 'approved').map((p) => p.orgName).sort()).toEqual(['上城区总工会', '杭州市总工会', '西湖区总工会'].sort());
    expect(new Set(plans.filter((p) => p.year === year).map((p) => p.status))).toEqual(new Set(['approved', 'in_review', 'returned', 'draft']));
    const overridden = plans.find((p) => p.overridden)!;
    const detail = (await city.get<CondolencePlan>(`/condolences/plans/${overridden.id}`)).body;
    expect(detail.override?.reason).toContain('脱困');
    expect(detail.override?.shortfalls[0]?.message).toContain('「困难家庭」人数');
    expect(detail.lastYear).not.toBeNull();
    const blocked = plans.find((p) => p.orgName === '西湖区总工会' && p.year === year && p.status === 'in_review')!;
    const b = (await city.get<CondolencePlan>(`/condolences/plans/${blocked.id}`)).body;
    expect(b.shortfalls.map((s) => s.kind).sort()).toEqual(['dropped', 'headcount', 'money']);
    expect(b.abilities).toMatchObject({ canApprove: true, canOverride: true });
  });

  it('has ~60 visits, some paid through the ledger, and the coverage adds up', async () => {
    const visits = (await city.get<{ items: CondolenceVisit[]; total: number }>('/condolences/visits?pageSize=200')).body;
    expect(visits.total).toBeGreaterThanOrEqual(55);
    const paid = visits.items.filter((v) => v.payoutStatus);
    expect(paid.length).toBeGreaterThanOrEqual(15);
    const [benefits] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM benefit_records WHERE programme = 'condolence'`);
    expect(benefits!.n).toBe(paid.length);
    const shang = (await district.get<{ items: CondolencePlanListItem[] }>(`/condolences/plans?year=${year}&occasion=spring_festival&status=approved`)).body.items.find((p) => p.orgName === '上城区总工会')!;
    const cov = (await district.get<CondolenceCoverage>(`/condolences/plans/${shang.id}/coverage`)).body;
    expect(cov.totals.visited).toBe(visits.items.filter((v) => v.planId === shang.id).length);
    expect(cov.byOrg.length).toBeGreaterThanOrEqual(4);
  });
});
