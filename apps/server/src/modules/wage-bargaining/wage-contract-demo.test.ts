import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, WageContract, WageContractListItem, WageCoverage } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { TestClient } from '../../test-support/test-client.js';

describe('工资集体协商 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
  }, 180_000);
  afterAll(() => t.close());

  it('has contracts in every phase, a failed vote, a regional contract, and coverage below and above target by district', async () => {
    const all = (await city.get<Page<WageContractListItem>>('/wage-contracts?pageSize=200')).body.items;
    expect(new Set(all.map((c) => c.phase))).toEqual(new Set(['negotiating', 'awaiting_filing', 'in_force', 'expiring', 'expired']));
    expect(all.filter((c) => c.kind === 'regional').map((c) => c.title)).toEqual(expect.arrayContaining(['湖滨街道小微企业区域性工资集体合同']));
    const failed = await Promise.all(all.filter((c) => c.phase === 'negotiating').map(async (c) => (await city.get<WageContract>(`/wage-contracts/${c.id}`)).body));
    expect(failed.some((c) => c.votes.some((v) => !v.passed && !v.quorumMet))).toBe(true);
    const cov = (await city.get<WageCoverage>('/wage-contracts/coverage')).body;
    expect(cov.total.covered).toBeGreaterThan(0);
    expect(cov.total.covered).toBeLessThan(cov.total.unionised);
    expect(cov.rows.length).toBeGreaterThanOrEqual(13);
    const grassroots = await demoClient(t, 'grassroots');
    expect((await grassroots.get<Page<WageContractListItem>>('/wage-contracts')).body.items.length).toBeGreaterThan(0);
  });
});
