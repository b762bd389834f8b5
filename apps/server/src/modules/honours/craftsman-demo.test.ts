import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CraftsmanCall, CraftsmanNomination, CraftsmanRegisterItem, Page } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { TestClient } from '../../test-support/test-client.js';

describe('杭州工匠 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
  }, 180_000);
  afterAll(() => t.close());

  it('has last year\'s call closed with 16 craftsmen and 3 提名奖 in the register, certificates and awards paid', async () => {
    const calls = (await city.get<{ items: CraftsmanCall[] }>('/honours/craftsman/calls')).body.items;
    expect(calls.map((c) => [c.year, c.status])).toEqual([
      [year, 'open'],
      [year - 1, 'closed'],
    ]);
    expect(calls[1]!.counts).toMatchObject({ craftsmen: 16, nominees: 3 });
    const reg = (await city.get<{ items: CraftsmanRegisterItem[] }>(`/honours/craftsman/register?year=${year - 1}`)).body.items;
    expect(reg).toHaveLength(19);
    expect(reg.filter((r) => r.certificateNo)).toHaveLength(16);
    const paid = (await city.get<Page<CraftsmanNomination>>(`/honours/craftsman/nominations?callId=${calls[1]!.id}&stage=approved&pageSize=50`)).body.items;
    expect(paid.filter((n) => n.payout?.amountFen === 5_000_000)).toHaveLength(16);
  });

  it('has this year\'s nominations in every state, one reopened by a 公示 objection; 上城区 sees its own only', async () => {
    const call = (await city.get<{ items: CraftsmanCall[] }>('/honours/craftsman/calls')).body.items[0]!;
    const all = (await city.get<Page<CraftsmanNomination>>(`/honours/craftsman/nominations?callId=${call.id}&pageSize=50`)).body.items;
    expect(new Set(all.map((n) => n.stage))).toEqual(new Set(['draft', 'returned', 'submitted', 'scoring', 'deciding', 'publicity', 'awaiting_approval', 'approved', 'not_selected', 'withdrawn']));
    const deciding = all.filter((n) => n.stage === 'deciding');
    expect(deciding).toHaveLength(2);
    const timelines = await Promise.all(deciding.map(async (n) => (await city.get<CraftsmanNomination>(`/honours/craftsman/nominations/${n.id}`)).body.timeline));
    expect(timelines.filter((tl) => tl.some((e) => e.action === 'objection'))).toHaveLength(1);
    const mine = (await district.get<Page<CraftsmanNomination>>(`/honours/craftsman/nominations?callId=${call.id}&pageSize=50`)).body.items;
    expect(mine.length).toBe(6);
    expect(new Set(mine.map((n) => n.nominatingOrgName))).toEqual(new Set(['上城区总工会']));
  });

  it('lets an expert of the panel see and score submitted nominations only, never a union\'s drafts', async () => {
    const expert = await demoClient(t, 'expert3');
    const call = (await expert.get<{ items: CraftsmanCall[] }>('/honours/craftsman/calls')).body.items[0]!;
    const seen = (await expert.get<Page<CraftsmanNomination>>(`/honours/craftsman/nominations?callId=${call.id}&pageSize=50`)).body.items;
    expect(seen.length).toBe(9);
    expect(seen.some((n) => ['draft', 'returned', 'withdrawn'].includes(n.stage))).toBe(false);
    const draft = (await city.get<Page<CraftsmanNomination>>(`/honours/craftsman/nominations?callId=${call.id}&stage=draft`)).body.items[0]!;
    expect((await expert.get(`/honours/craftsman/nominations/${draft.id}`)).status).toBe(404);
    const scoring = seen.find((n) => n.stage === 'scoring')!;
    const scored = await expert.put<CraftsmanNomination>(`/honours/craftsman/nominations/${scoring.id}/my-score`, { points: { skill: 35, innovation: 25, contribution: 18, mentoring: 8 } });
    expect(scored.body).toMatchObject({ scoreCount: 3, abilities: { canScore: true, canApprove: false } });
    expect((await expert.post(`/honours/craftsman/nominations/${scoring.id}/actions`, { action: 'approve' })).status).toBe(403);
  });
});
