import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LegalNoticeListItem, Page } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { TestClient } from '../../test-support/test-client.js';
import { sweepOverdueNotices } from './legal-notice-jobs.js';
import type { NoticeView } from './legal-notice-fixtures.js';

describe('劳动法律监督 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
  }, 180_000);
  afterAll(() => t.close());

  it('has instruments of every kind in every state across districts, and one whose reply date passed for the job', async () => {
    const all = (await city.get<Page<LegalNoticeListItem>>('/legal-notices?pageSize=100')).body.items;
    expect(all.length).toBeGreaterThanOrEqual(24);
    expect(new Set(all.map((i) => i.status))).toEqual(new Set(['draft', 'issued', 'delivered', 'overdue', 'unsatisfied', 'closed', 'escalated']));
    expect(new Set(all.map((i) => i.kind))).toEqual(new Set(['reminder', 'opinion', 'recommendation']));
    expect(new Set(all.map((i) => i.districtName)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(all.filter((i) => i.serialNo).map((i) => i.serialNo)).size).toBe(all.filter((i) => i.serialNo).length);
    expect((await sweepOverdueNotices(t.ctx.db)).overdue).toBe(1);
    const own = (await district.get<Page<LegalNoticeListItem>>('/legal-notices?pageSize=100')).body.items;
    expect([...new Set(own.map((i) => i.districtName))]).toEqual(['上城区总工会']);
    const chain = own.find((i) => i.kind === 'recommendation' && i.status === 'closed')!;
    const rec = (await district.get<NoticeView>(`/legal-notices/${chain.id}`)).body;
    expect(rec.previousId).not.toBeNull();
    expect(rec.body.join('')).toContain('意见书');
  });
});
