import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import type { ClaimView } from './mutual-aid-fixtures.js';
import { demoClient } from '../../test-support/demo-clients.js';

interface Period {
  id: string;
  year: number;
  stage: string;
  frozen: boolean;
}

describe('医疗互助 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let worker: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    worker = await demoClient(t, 'worker');
  }, 180_000);
  afterAll(() => t.close());

  it('has the closed 2025 period and this year, frozen by their enrolments', async () => {
    const periods = (await city.get<{ items: Period[] }>('/mutual-aid/periods')).body.items;
    expect(periods.map((p) => [p.year, p.stage, p.frozen])).toEqual([
      [2026, 'active', true],
      [2025, 'ended', true],
    ]);
  });

  it('has claims in every state, on behalf and by a family member, each explained to the 分', async () => {
    const p2026 = (await city.get<{ items: Period[] }>('/mutual-aid/periods')).body.items[0]!;
    const all = (await city.get<{ items: ClaimView[] }>(`/mutual-aid/claims?pageSize=200&periodId=${p2026.id}`)).body.items;
    expect(all.length).toBeGreaterThanOrEqual(24);
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['draft', 'in_review', 'returned', 'approved', 'rejected', 'withdrawn']));
    expect(all.filter((c) => c.payout).length).toBeGreaterThanOrEqual(7);
    expect(new Set(all.map((c) => c.filerType))).toEqual(new Set(['staff', 'family']));
    for (const c of all.slice(0, 8)) {
      const d = (await city.get<ClaimView>(`/mutual-aid/claims/${c.id}`)).body;
      expect(d.explanation.reduce((s, l) => s + l.amountFen, 0)).toBe(d.computedFen);
    }
    const report = (await city.get<{ fund: { balanceFen: number }; rows: unknown[] }>(`/mutual-aid/reports?periodId=${p2026.id}`)).body;
    expect(report.fund.balanceFen).toBeGreaterThan(0);
    expect(report.rows.length).toBeGreaterThan(3);
  });

  it('the demo worker is covered and sees a paid claim on H5', async () => {
    const cov = (await worker.get<{ state: string; remainingFen: number }>('/m/mutual-aid/coverage')).body;
    expect(cov.state).toBe('covered');
    expect(cov.remainingFen).toBeLessThan(6_520_000);
    const mine = (await worker.get<{ items: ClaimView[] }>('/m/mutual-aid/claims')).body.items;
    expect(mine).toEqual([expect.objectContaining({ filerType: 'family', payout: expect.objectContaining({ amountFen: expect.any(Number) }) })]);
  });
});
