import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_LEVELS } from '@gonghui/contracts';
import { allocateMonth, contributionFen, dueOn, emptyParts, largestRemainder, lastOverdueMonth, monthIndex, periodOf, type Parts, type Shares } from './contribution-rules.js';

const ZJ: Shares = { grassroots: 6000, street: 1000, district: 1500, city: 1000, province: 500 };
const sum = (p: Parts) => CONTRIBUTION_LEVELS.reduce((s, l) => s + p[l], 0);

describe('工会经费 2% of payroll', () => {
  it('rounds half up to the 分', () => {
    expect(contributionFen(100_000_00, 200)).toBe(2_000_00);
    expect(contributionFen(25, 200)).toBe(1); // 0.5 分 → 1
    expect(contributionFen(24, 200)).toBe(0); // 0.48 分 → 0
    expect(contributionFen(123_456_78, 200)).toBe(246_914); // 246913.56 → 246914
    expect(contributionFen(987_654_321, 200)).toBe(19_753_086); // 19753086.42 → 19753086
    expect(contributionFen(9_007_199_254_740_991, 200)).toBe(Number((9_007_199_254_740_991n * 200n + 5000n) / 10000n));
  });
});

describe('the split between the levels', () => {
  it('largest remainder sums to the total', () => {
    expect(largestRemainder(10_000, ZJ)).toEqual({ grassroots: 6000, street: 1000, district: 1500, city: 1000, province: 500 });
    const p = largestRemainder(7, ZJ); // 4.2, 0.7, 1.05, 0.7, 0.35
    expect(sum(p)).toBe(7);
    expect(p).toEqual({ grassroots: 4, street: 1, district: 1, city: 1, province: 0 });
  });

  it('has no drift over a year of awkward amounts', () => {
    const months = [246_913, 1_999_997, 33_333, 7, 1_234_567, 88_889, 19_753_086, 101, 555_555, 4_321_099, 3, 777_777];
    for (const shares of [ZJ, { grassroots: 6000, street: 0, district: 2333, city: 1167, province: 500 } satisfies Shares]) {
      let allocated = emptyParts();
      let total = 0;
      for (const m of months) {
        const parts = allocateMonth(m, allocated, shares);
        expect(sum(parts)).toBe(m);
        for (const l of CONTRIBUTION_LEVELS) expect(parts[l]).toBeGreaterThanOrEqual(0);
        allocated = Object.fromEntries(CONTRIBUTION_LEVELS.map((l) => [l, allocated[l] + parts[l]])) as Parts;
        total += m;
      }
      expect(allocated).toEqual(largestRemainder(total, shares));
      // month-by-month rounding would drift: the year total differs from the sum of per-month splits
      const naive = months.map((m) => largestRemainder(m, shares)).reduce((a, p) => Object.fromEntries(CONTRIBUTION_LEVELS.map((l) => [l, a[l] + p[l]])) as Parts, emptyParts());
      expect(sum(naive)).toBe(total);
    }
  });

  it('never gives a negative part on a tiny month', () => {
    let allocated = emptyParts();
    for (const m of [1, 1, 2, 1, 3, 1, 1]) {
      const parts = allocateMonth(m, allocated, ZJ);
      expect(sum(parts)).toBe(m);
      for (const l of CONTRIBUTION_LEVELS) expect(parts[l]).toBeGreaterThanOrEqual(0);
      allocated = Object.fromEntries(CONTRIBUTION_LEVELS.map((l) => [l, allocated[l] + parts[l]])) as Parts;
    }
  });
});

describe('periods and due days', () => {
  it('maps months and due dates', () => {
    expect(periodOf(monthIndex('2026-12'))).toBe('2026-12');
    expect(dueOn(monthIndex('2026-12'), 15)).toBe('2027-01-15');
    expect(periodOf(lastOverdueMonth('2026-11-24', 15))).toBe('2026-10');
    expect(periodOf(lastOverdueMonth('2026-11-15', 15))).toBe('2026-09');
  });
});
