import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingCampaignListItem } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cityOrg, userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { DEMO_CODES } from './rating-demo.data.js';
import { seedRatings } from './rating.seed.js';
import type { ResultsView } from './rating-test-fixtures.js';

describe('满意不满意测评 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let seedMs = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    city = await userClient(t, sys, 'rd_city', (await cityOrg(t)).id, ['city_admin']);
    const start = Date.now();
    await seedRatings({ db: t.ctx.db, crypto: t.ctx.crypto });
    seedMs = Date.now() - start;
  });
  afterAll(() => t.close());

  it('seeds fast: campaigns in every state, the 2016 results published with a realistic ranking and an excluded burst', async () => {
    expect(seedMs).toBeLessThan(6000);
    const list = (await city.get<{ items: RatingCampaignListItem[] }>('/rating-campaigns')).body.items;
    expect(new Set(list.map((c) => c.state))).toEqual(new Set(['draft', 'open', 'closed', 'published']));
    const y2016 = list.find((c) => c.year === 2016)!;
    expect(y2016.units).toBe(20);
    expect(y2016.raters).toBe(252);
    const r = (await city.get<ResultsView>(`/rating-campaigns/${y2016.id}/results`)).body;
    expect(r.excludedBallots).toBe(240);
    expect(r.rows[0]!.rank).toBe(1);
    const rates = r.rows.map((x) => x.overallBp!);
    expect(Math.max(...rates)).toBeGreaterThan(9000);
    expect(Math.min(...rates)).toBeLessThan(7500);
    expect(new Set(r.rows.map((x) => x.classification))).toEqual(new Set(['satisfied', 'normal', 'dissatisfied']));
  });

  it('the current campaign has flagged ballots to review and the documented demo codes work', async () => {
    const open = (await city.get<{ items: RatingCampaignListItem[] }>('/rating-campaigns?state=open')).body.items[0]!;
    expect(open.flagged).toBe(200);
    const anon = t.client();
    for (const d of DEMO_CODES.slice(0, 2)) {
      const sheet = await anon.post<{ groupName: string; units: unknown[] }>('/public/ratings/code', { code: d.code });
      expect(sheet.status).toBe(200);
      expect(sheet.body.groupName).toBe(d.group);
      expect(sheet.body.units).toHaveLength(20);
    }
    expect((await city.get<{ total: number }>('/sms-outbox')).body.total).toBe(40);
  });
});
