import { expect } from 'vitest';
import type { Campaign } from '@gonghui/contracts';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import type { Problem } from '../../test-support/registry-fixtures.js';
import { shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { funds } from '../../platform/ledger/ledger.schema.js';

/** Test helpers of the 春风行动 campaign and donation tests. */
export type CampaignView = Campaign & Problem;

export const THIS_YEAR = shanghaiYear();
export const TODAY = shanghaiDate(new Date());

/** A valid settings body for a year (a campaign launched before 春节, running through the year). */
export function campaignBody(year: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    year,
    name: `${year}年春风行动`,
    startsOn: `${year - 1}-12-20`,
    endsOn: `${year}-12-31`,
    categories: ['hardship', 'medical', 'education'],
    lowEdgeIncluded: true,
    incomeCeilingMultiplier: 2,
    targets: [
      { divisionCode: '330102', households: 100, amountFen: 30_000_000 },
      { divisionCode: '330106', households: 80, amountFen: 24_000_000 },
    ],
    ...extra,
  };
}

export async function insertFund(t: TestApp, orgId: string, code: string, status: 'active' | 'closed' = 'active'): Promise<string> {
  const [f] = await t.ctx.db.insert(funds).values({ code, name: `${code} 春风行动资金`, source: 'city', orgId, status }).returning({ id: funds.id });
  return f!.id;
}

export async function createCampaignVia(c: TestClient, body: Record<string, unknown>): Promise<CampaignView> {
  const r = await c.post<CampaignView>('/aid/campaigns', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export async function activeCampaign(c: TestClient, year: number, fundId: string, extra: Record<string, unknown> = {}): Promise<CampaignView> {
  const created = await createCampaignVia(c, campaignBody(year, { fundId, ...extra }));
  const r = await c.post<CampaignView>(`/aid/campaigns/${created.id}/status`, { status: 'active' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** Every field error message is Chinese text. */
export function expectChineseErrors(p: Problem): void {
  expect(p.errors?.length ?? 0).toBeGreaterThan(0);
  for (const e of p.errors ?? []) expect(e.message, e.path).toMatch(/[\u4e00-\u9fa5]/);
}
