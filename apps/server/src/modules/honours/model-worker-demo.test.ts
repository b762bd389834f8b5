import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelWorker, ModelWorkerCareCount, ModelWorkerListItem, Page } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { TestClient } from '../../test-support/test-client.js';

describe('劳模 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
  }, 180_000);
  afterAll(() => t.close());

  it('has ~40 劳模 across districts and levels, elderly, living alone, deceased, two linked members', async () => {
    const all = (await city.get<Page<ModelWorkerListItem>>('/honours/model-workers?pageSize=200')).body.items;
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((w) => w.districtName)).size).toBeGreaterThanOrEqual(13);
    expect(new Set(all.flatMap((w) => w.honours.map((h) => h.level)))).toEqual(new Set(['national', 'provincial', 'city', 'district']));
    expect(all.filter((w) => w.flags.age75).length).toBeGreaterThanOrEqual(10);
    expect(all.filter((w) => w.flags.livesAlone).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((w) => w.deceasedOn).length).toBe(3);
    expect(all.filter((w) => w.memberId).length).toBe(2);
  });

  it('has placements in every status and visits linked to the care list; the district sees only its own', async () => {
    const care = (await city.get<Page<ModelWorkerListItem>>('/honours/model-workers/care?pageSize=200')).body.items;
    expect(new Set(care.map((w) => w.placementStatus).filter(Boolean))).toEqual(new Set(['applied', 'recommended', 'admitted', 'unsuccessful']));
    expect(care.filter((w) => w.lastVisitedOn).length).toBeGreaterThanOrEqual(5);
    const shen = care.find((w) => w.name === '沈阿根')!;
    const detail = (await city.get<ModelWorker>(`/honours/model-workers/${shen.id}`)).body;
    expect([detail.visits.length, detail.placements[0]?.status]).toEqual([1, 'admitted']);
    const own = (await district.get<Page<ModelWorkerListItem>>('/honours/model-workers?pageSize=200')).body.items;
    expect(new Set(own.map((w) => w.districtName))).toEqual(new Set(['上城区总工会']));
    const counts = (await district.get<ModelWorkerCareCount[]>('/honours/model-workers/care/by-district')).body;
    expect(counts.map((c) => c.orgName)).toEqual(['上城区总工会']);
  });
});
