import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contest, Innovation, InnovationListItem, Page } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { TestClient } from '../../test-support/test-client.js';

describe('innovation and skill contest demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let worker: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    worker = await demoClient(t, 'worker');
  }, 180_000);
  afterAll(() => t.close());

  it('has ~40 innovations across districts and kinds in every state, adopted ones with value and rewards', async () => {
    const all = (await city.get<Page<InnovationListItem>>('/innovations?pageSize=100')).body.items;
    expect(all.length).toBeGreaterThanOrEqual(38);
    expect(new Set(all.map((i) => i.status))).toEqual(new Set(['draft', 'in_review', 'returned', 'approved', 'rejected']));
    expect(new Set(all.filter((i) => i.status === 'in_review').map((i) => i.workflow.stepKey))).toEqual(new Set(['grassroots_review', 'district_review', 'city_recognition']));
    expect(new Set(all.map((i) => i.kind)).size).toBe(6);
    expect(new Set(all.map((i) => i.districtName)).size).toBeGreaterThanOrEqual(10);
    expect(all.filter((i) => i.adoption && i.reward).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((i) => i.adoption && !i.reward).length).toBeGreaterThanOrEqual(5);
    const contests = (await city.get<Page<Contest>>('/skill-contests')).body.items;
    expect(contests.map((c) => c.level).sort()).toEqual(['city', 'district', 'national', 'province']);
  });

  it('the demo worker 张建国 sees his own submissions on the phone, with the return reason and his reward', async () => {
    const mine = (await worker.get<Page<InnovationListItem>>('/m/innovations')).body.items;
    expect(mine.map((i) => i.status).sort()).toEqual(['approved', 'in_review', 'returned']);
    expect(mine.every((i) => i.memberName === '张建国')).toBe(true);
    const returned = mine.find((i) => i.status === 'returned')!;
    expect(returned.lastOpinion).toContain('效益测算');
    const rewarded = (await worker.get<Innovation>(`/m/innovations/${mine.find((i) => i.status === 'approved')!.id}`)).body;
    expect(rewarded.reward?.amountFen).toBe(300_000);
    expect(rewarded.certificateNo).not.toBeNull();
  });
});
