import { describe, expect, it } from 'vitest';
import type { HardshipCause } from '@gonghui/contracts';
import { addMonths, computeTier, DEFAULT_TIER_RULES, type TierInput } from './household-tier.js';

/** Hangzhou 2020 urban 低保: 1,102 元 per person per month. */
const LINE = 110_200;

/** 12 months adding up to `total` 分 (uneven months: only the total matters). */
function months(total: number): number[] {
  const out = Array.from({ length: 12 }, () => Math.floor(total / 12));
  out[0]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

const household = (total: number, over: Partial<TierInput> = {}): TierInput => ({
  monthlyIncomeFen: months(total),
  householdSize: 3,
  carValueFen: 0,
  commercialHomes: 0,
  causes: ['illness'] as HardshipCause[],
  lineMonthlyFen: LINE,
  ...over,
});

/** the 12-month household total at exactly `permille`/1000 × the line for 3 persons */
const at = (permille: number, size = 3, line = LINE) => (line * 12 * size * permille) / 1000;

describe('computeTier: per-capita monthly net income against the 低保 line', () => {
  it('computes the per-capita figure and the ratio', () => {
    const r = computeTier(household(at(1000)));
    expect(r).toMatchObject({ totalIncomeFen: 3_967_200, householdSize: 3, perCapitaMonthlyFen: 110_200, ratio: 1 });
  });

  it('exactly 1× is 深度困难; one 分 more is 相对困难', () => {
    expect(computeTier(household(at(1000)))).toMatchObject({ eligible: true, tier: 'deep' });
    expect(computeTier(household(at(1000) + 1))).toMatchObject({ eligible: true, tier: 'relative' });
    expect(computeTier(household(0)).tier).toBe('deep');
  });

  it('exactly 1.5× is still 相对困难; above it needs an illness or accident cause', () => {
    expect(at(1500)).toBe(5_950_800);
    expect(computeTier(household(at(1500)))).toMatchObject({ tier: 'relative', ratio: 1.5 });
    expect(computeTier(household(at(1500) + 1))).toMatchObject({ tier: 'accident' });
    expect(computeTier(household(at(1500) + 1, { causes: ['accident'] })).tier).toBe('accident');
  });

  it('exactly 2× with an illness cause is 意外致困; one 分 more is not eligible', () => {
    expect(computeTier(household(at(2000)))).toMatchObject({ tier: 'accident', ratio: 2 });
    const over = computeTier(household(at(2000) + 1));
    expect(over).toMatchObject({ eligible: false, tier: null });
    expect(over.reason).toContain('不符合困难职工建档标准');
    expect(over.reason).toContain('2,204.00 元');
  });

  it('between 1.5× and 2× without an illness or accident cause is not eligible, and says why', () => {
    for (const causes of [['disability'], ['education', 'unemployment'], ['other']] as HardshipCause[][]) {
      const r = computeTier(household(at(1800), { causes }));
      expect(r).toMatchObject({ eligible: false, tier: null });
      expect(r.reason).toContain('只有因疾病或意外事故/灾害致困的家庭可认定为意外致困');
    }
  });

  it('a car worth 10 万元 or more excludes 深度困难 (exactly at the limit too)', () => {
    const excluded = computeTier(household(at(900), { carValueFen: 10_000_000 }));
    expect(excluded).toMatchObject({ eligible: false, tier: null });
    expect(excluded.reason).toContain('机动车');
    expect(computeTier(household(at(900), { carValueFen: 9_999_999 })).tier).toBe('deep');
  });

  it('two commercial homes exclude 深度困难; one does not', () => {
    const excluded = computeTier(household(at(1000), { commercialHomes: 2 }));
    expect(excluded).toMatchObject({ eligible: false, tier: null });
    expect(excluded.reason).toContain('2 套商品房');
    expect(computeTier(household(at(1000), { commercialHomes: 1 })).tier).toBe('deep');
    const both = computeTier(household(at(500), { commercialHomes: 3, carValueFen: 20_000_000 }));
    expect(both.reason).toContain('机动车');
    expect(both.reason).toContain('3 套商品房');
  });

  it('the asset exclusion applies to 深度困难 only (domain.md): a household above 1× stays 相对困难', () => {
    expect(computeTier(household(at(1200), { carValueFen: 15_000_000, commercialHomes: 2 })).tier).toBe('relative');
  });

  it('decides in integers where floating point would not (odd sizes and lines)', () => {
    const line = 131_000;
    for (const size of [1, 3, 7, 9]) {
      expect(computeTier(household(at(1500, size, line), { householdSize: size, lineMonthlyFen: line })).tier).toBe('relative');
      expect(computeTier(household(at(1500, size, line) + 1, { householdSize: size, lineMonthlyFen: line, causes: [] })).eligible).toBe(false);
      expect(computeTier(household(at(2000, size, line), { householdSize: size, lineMonthlyFen: line })).tier).toBe('accident');
    }
  });

  it('follows configured multiples and limits', () => {
    const rules = { ...DEFAULT_TIER_RULES, relativeMultiplePermille: 1300, carValueLimitFen: 5_000_000, commercialHomesLimit: 3 };
    expect(computeTier(household(at(1400)), rules).tier).toBe('accident');
    expect(computeTier(household(at(1300)), rules).tier).toBe('relative');
    expect(computeTier(household(at(800), { carValueFen: 5_000_000 }), rules).eligible).toBe(false);
    expect(computeTier(household(at(800), { commercialHomes: 2 }), rules).tier).toBe('deep');
  });

  it('explains each tier in Chinese', () => {
    expect(computeTier(household(at(1000))).reason).toBe('家庭人均月收入 1,102.00 元,不高于低保标准 1,102.00 元,认定为深度困难职工家庭');
    expect(computeTier(household(at(1200))).reason).toContain('认定为相对困难职工家庭');
    expect(computeTier(household(at(1900))).reason).toContain('因疾病致困,认定为意外致困职工家庭');
  });

  it('refuses malformed input', () => {
    expect(() => computeTier({ ...household(0), monthlyIncomeFen: [1, 2, 3] })).toThrow();
    expect(() => computeTier(household(0, { householdSize: 0 }))).toThrow();
    expect(() => computeTier(household(0, { lineMonthlyFen: 0 }))).toThrow();
  });
});

describe('addMonths: the next 复核 date', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-12-01', 1)).toBe('2026-01-01');
  });
});
