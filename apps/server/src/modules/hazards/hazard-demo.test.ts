import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAZARD_STATUSES } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { HazardView } from './hazard-fixtures.js';

describe('安全隐患随手拍 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
  }, 240_000);
  afterAll(() => t.close());

  it('has ~30 reports across the districts in every state, overdue ones flagged', async () => {
    const all = (await city.get<{ items: (HazardView & { districtName: string })[]; total: number }>('/hazards?pageSize=200')).body;
    expect(all.total).toBeGreaterThanOrEqual(28);
    expect(new Set(all.items.map((h) => h.status))).toEqual(new Set(HAZARD_STATUSES.filter((s) => s !== 'draft')));
    expect(new Set(all.items.map((h) => h.districtName)).size).toBeGreaterThanOrEqual(7);
    expect(all.items.filter((h) => h.overdue).length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.items.map((h) => h.grade).filter(Boolean))).toEqual(new Set(['general', 'larger', 'major']));
  });

  it('gives the demo worker 张建国 a draft and a verified report with points, and the demo staff reports to review', async () => {
    const worker = await demoClient(t, 'worker');
    const mine = (await worker.get<{ points: number; reports: HazardView[] }>('/m/hazards')).body;
    expect(mine.points).toBe(5);
    expect(mine.reports.map((r) => r.status).sort()).toEqual(['draft', 'verified']);
    for (const who of ['grassroots', 'district', 'xihu']) {
      const c = await demoClient(t, who);
      const waiting = (await c.get<{ items: HazardView[] }>('/hazards?status=reported')).body.items;
      expect(waiting.some((h) => h.abilities.canReview), who).toBe(true);
    }
  });
});
