import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubsistenceSettings } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import type { Page } from '../../test-support/registry-fixtures.js';
import type { HouseholdItemView, HouseholdView } from './household-test-fixtures.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('困难职工档案 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let xihu: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    xihu = await demoClient(t, 'xihu');
  }, 180_000);
  afterAll(() => t.close());

  it('has households of every tier, one 复核 due and one exited, assessed against the demo 低保 lines', async () => {
    const all = (await city.get<Page<HouseholdItemView>>('/aid/households?status=all&pageSize=200')).body.items;
    expect(all).toHaveLength(7);
    expect(new Set(all.map((h) => h.tier))).toEqual(new Set(['deep', 'relative', 'accident']));
    expect(all.filter((h) => h.status === 'review_due')).toHaveLength(1);
    expect(all.filter((h) => h.status === 'exited')).toHaveLength(1);
    expect(all.every((h) => h.lineMonthlyFen === 131_000 && h.lineYear === 2024)).toBe(true);
    const lines = (await city.get<SubsistenceSettings>('/aid/subsistence-lines')).body.lines;
    expect(lines.map((l) => `${l.divisionCode}/${l.year}/${l.monthlyFen}`)).toEqual(['330100/2024/131000', '330100/2020/110200']);
    const due = all.find((h) => h.status === 'review_due')!;
    const detail = (await city.get<HouseholdView>(`/aid/households/${due.id}`)).body;
    expect(detail.familyMembers).toHaveLength(3);
    expect(detail.monthlyIncome).toHaveLength(12);
    expect(detail.monthlyIncome[11]!.month < detail.establishedOn.slice(0, 7)).toBe(true);
  });

  it('shows the 西湖区 account its own district only', async () => {
    const mine = (await xihu.get<Page<HouseholdItemView>>('/aid/households?status=all')).body.items;
    expect(mine.map((h) => [h.districtCode, h.tier])).toEqual([['330106', 'accident']]);
  });
});
