import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { demoClient } from '../../test-support/demo-clients.js';

interface Item {
  id: string;
  status: string;
  memberName: string;
  workflow: { stepKey: string | null; overdue: boolean };
  abilities: Record<string, boolean>;
  payout: { id: string } | null;
}

describe('春风行动 demo data', () => {
  let t: TestApp;
  let grassroots: TestClient;
  let city: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    grassroots = await demoClient(t, 'grassroots');
    city = await demoClient(t, 'city');
  }, 180_000);
  afterAll(() => t.close());

  it('shows applications in every state, driven through the real chain', async () => {
    const all = (await city.get<{ items: Item[] }>('/aid/applications?pageSize=200')).body.items;
    expect(new Set(all.map((a) => a.status))).toEqual(new Set(['draft', 'in_review', 'returned', 'publicity', 'approved', 'rejected', 'withdrawn']));
    expect(new Set(all.filter((a) => a.status === 'in_review').map((a) => a.workflow.stepKey))).toEqual(new Set(['grassroots_review', 'district_review', 'city_approval']));
    expect(all.some((a) => a.workflow.overdue)).toBe(true);
    expect(all.filter((a) => a.payout !== null)).toHaveLength(1);
    expect(all.some((a) => a.memberName === '张建国' && a.status === 'in_review')).toBe(true);
  });

  it('gives each demo role its own inbox', async () => {
    const mine = (await grassroots.get<{ items: Item[] }>('/aid/applications?box=inbox')).body.items;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((a) => a.abilities.canApprove)).toBe(true);
    const cityInbox = (await city.get<{ items: Item[] }>('/aid/applications?box=inbox')).body.items;
    expect(cityInbox.map((a) => a.workflow.stepKey)).toEqual(['city_approval']);
    const publicList = await t.client().get<{ items: { name: string }[] }>('/public/publicity');
    expect(publicList.body.items.length).toBeGreaterThanOrEqual(1);
    expect(publicList.body.items.every((i) => i.name.includes('*'))).toBe(true);
  });
});
