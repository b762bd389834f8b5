import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { demoClient } from '../../test-support/demo-clients.js';

interface Item {
  id: string;
  phase: string;
  category: string;
  orgName: string;
  overdue: boolean;
  escalated: boolean;
  amountRecoveredFen: number;
  abilities: Record<string, boolean>;
}

describe('维权案件 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  let worker: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
    worker = await demoClient(t, 'worker');
  }, 240_000);
  afterAll(() => t.close());

  it('has ~40 cases in every state across districts and categories, some overdue and escalated', async () => {
    const all = (await city.get<{ items: Item[]; total: number }>('/rights/cases?pageSize=200')).body;
    expect(all.total).toBeGreaterThanOrEqual(35);
    expect(new Set(all.items.map((c) => c.phase))).toEqual(new Set(['new', 'accepted', 'mediation', 'referred', 'closed', 'rejected', 'withdrawn']));
    expect(new Set(all.items.map((c) => c.category)).size).toBe(5);
    expect(new Set(all.items.map((c) => c.orgName)).size).toBeGreaterThanOrEqual(8);
    expect(all.items.filter((c) => c.overdue && c.escalated).length).toBeGreaterThanOrEqual(3);
    expect(all.items.filter((c) => c.phase === 'accepted' && c.overdue).length).toBeGreaterThanOrEqual(1);
    expect(all.items.some((c) => c.phase === 'closed' && c.amountRecoveredFen > 0)).toBe(true);
  });

  it('gives 上城区 cases to accept and handle, and 张建国 his own cases with one to rate', async () => {
    const mine = (await district.get<{ items: Item[] }>('/rights/cases?pageSize=100')).body.items;
    expect(mine.some((c) => c.abilities.canAccept)).toBe(true);
    expect(mine.some((c) => c.abilities.canClose)).toBe(true);
    const own = (await worker.get<{ items: Item[] }>('/m/rights/cases')).body.items;
    expect(own).toHaveLength(2);
    expect(own.some((c) => c.abilities.canRate)).toBe(true);
    const camp = await city.get<{ rows: unknown[]; total: { openCases: number } }>('/rights/campaign');
    expect(camp.body.total.openCases).toBeGreaterThan(5);
  });
});
