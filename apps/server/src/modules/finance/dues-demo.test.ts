import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuesArrearsRow, DuesBatchListItem, DuesReport, MyDues, Page } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('会费 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
  }, 180_000);
  afterAll(() => t.close());

  it('has confirmed, cash and draft batches, arrears, and a city report by district', async () => {
    const batches = (await city.get<Page<DuesBatchListItem>>('/finance/dues/batches?pageSize=200')).body;
    expect(batches.items.filter((b) => b.status === 'confirmed').length).toBeGreaterThan(30);
    expect(batches.items.filter((b) => b.status === 'draft').length).toBe(2);
    expect(batches.items.some((b) => b.method === 'cash')).toBe(true);
    expect((await city.get<Page<DuesArrearsRow>>('/finance/dues/arrears?year=2026')).body.total).toBeGreaterThan(20);
    const report = (await city.get<DuesReport>('/finance/dues/report?year=2026')).body;
    const byName = new Map(report.rows.map((r) => [r.orgName, r]));
    expect(byName.get('上城区总工会')!.paidFen).toBeGreaterThan(0);
    expect(byName.get('西湖区总工会')!.arrearsFen).toBeGreaterThan(0);
    expect(report.total.exemptFen).toBeGreaterThan(0);
  });

  it('the demo worker sees his months on H5; the grassroots chair sees only her union', async () => {
    const worker = await demoClient(t, 'worker');
    const mine = (await worker.get<MyDues>('/finance/dues/mine?year=2026')).body;
    expect(mine.monthlyDuesFen).toBeGreaterThan(0);
    expect(mine.months.filter((m) => m.state === 'paid').length).toBeGreaterThanOrEqual(8);
    const grassroots = await demoClient(t, 'grassroots');
    const own = (await grassroots.get<Page<DuesBatchListItem>>('/finance/dues/batches?pageSize=200')).body;
    expect(new Set(own.items.map((b) => b.orgName))).toEqual(new Set(['杭州湖滨文旅发展有限公司工会']));
  });
});
