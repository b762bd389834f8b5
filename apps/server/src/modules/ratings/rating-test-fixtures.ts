import type { RatingCampaign } from '@gonghui/contracts';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { insertCodes } from './rating-code-jobs.js';

export const todaySh = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const shiftDays = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function campaignBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const today = todaySh();
  return { year: Number(today.slice(0, 4)), title: '满意不满意单位评选(测试)', startsOn: shiftDays(today, -1), endsOn: shiftDays(today, 10), allowMembers: true, ...extra };
}

/** A campaign with the given units, the default 9 groups (the first one for members), opened. */
export async function openCampaign(c: TestClient, units: string[], extra: Record<string, unknown> = {}): Promise<RatingCampaign> {
  const r = await c.post<RatingCampaign>('/rating-campaigns', campaignBody(extra));
  if (r.status !== 201) throw new Error(`create campaign: ${r.status} ${JSON.stringify(r.body)}`);
  const u = await c.put<RatingCampaign>(`/rating-campaigns/${r.body.id}/units`, { units: units.map((name) => ({ name, category: 'city_department' })) });
  if (u.status !== 200) throw new Error(`units: ${u.status} ${JSON.stringify(u.body)}`);
  const groups = u.body.groups.map((g, i) => ({ id: g.id, name: g.name, weightBp: g.weightBp, forMembers: i === 0 }));
  const g = await c.put<RatingCampaign>(`/rating-campaigns/${r.body.id}/groups`, { groups });
  if (g.status !== 200) throw new Error(`groups: ${g.status} ${JSON.stringify(g.body)}`);
  const o = await c.post<RatingCampaign>(`/rating-campaigns/${r.body.id}/open`);
  if (o.status !== 200) throw new Error(`open: ${o.status} ${JSON.stringify(o.body)}`);
  return o.body;
}

/** Plain codes for a group, written straight to the table (the batch job is tested on its own). */
export function codesFor(t: TestApp, campaign: RatingCampaign, groupIndex: number, n: number): Promise<string[]> {
  return t.ctx.db.transaction((tx) => insertCodes(tx, t.ctx.crypto, { campaignId: campaign.id, groupId: campaign.groups[groupIndex]!.id, batchId: null }, n));
}

/** Every unit rated with the same level on all three dimensions (or per-unit levels). */
export function answersFor(campaign: RatingCampaign, level: number | ((i: number) => [number, number, number])): Record<string, unknown>[] {
  return campaign.unitList.map((u, i) => {
    const [a, b, e] = typeof level === 'number' ? [level, level, level] : level(i);
    return { unitId: u.id, attitude: a, integrity: b, effect: e };
  });
}

export interface ResultsView {
  rows: { unitId: string; unitName: string; ballots: number; overallBp: number | null; dimensionBp: Record<string, number | null>; groupBp: Record<string, number | null>; classification: string; rank: number | null }[];
  excludedBallots: number;
}
