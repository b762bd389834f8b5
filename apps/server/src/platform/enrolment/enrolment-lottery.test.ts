import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawDigest, lotteryOrder, newLotterySeed } from './enrolment-lottery.js';

const entrants = Array.from({ length: 50 }, (_, i) => ({ memberId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));

describe('lottery order', () => {
  it('depends only on the seed and who entered, not on the order they entered in', () => {
    const seed = 'a1b2c3d4e5f60718';
    const once = lotteryOrder(seed, 'offering-1', entrants).map((e) => e.memberId);
    const shuffled = [...entrants].reverse();
    expect(lotteryOrder(seed, 'offering-1', shuffled).map((e) => e.memberId)).toEqual(once);
    expect(lotteryOrder('0f0e0d0c0b0a0908', 'offering-1', entrants).map((e) => e.memberId)).not.toEqual(once);
  });

  it('is recomputable by anyone from the published rule: ascending SHA-256 of seed:offering:member', () => {
    const seed = newLotterySeed();
    expect(seed).toMatch(/^[0-9a-f]{32}$/);
    const byHand = [...entrants]
      .map((e) => ({ id: e.memberId, k: createHash('sha256').update(`${seed}:off:${e.memberId}`).digest('hex') }))
      .sort((a, b) => a.k.localeCompare(b.k))
      .map((x) => x.id);
    expect(lotteryOrder(seed, 'off', entrants).map((e) => e.memberId)).toEqual(byHand);
    expect(drawDigest(byHand.slice(0, 5))).toBe(createHash('sha256').update(byHand.slice(0, 5).join('\n')).digest('hex'));
  });
});
