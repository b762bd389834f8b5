import { describe, expect, it } from 'vitest';
import { DUES_WAGE_ITEMS, duesBaseBodySchema, fenToYuan, monthlyDuesFen } from '@gonghui/contracts';

describe('会费 rule: 0.5% of the monthly basic wage, the wage floored to whole 10 yuan', () => {
  it('5,678 yuan → 5,670 → 28.35 yuan', () => {
    expect(monthlyDuesFen(567_800)).toBe(2835);
    expect(fenToYuan(monthlyDuesFen(567_800))).toBe('28.35');
    // 分 below 10 yuan never count: 5,679.99 is still 5,670
    expect(monthlyDuesFen(567_999)).toBe(2835);
  });

  it('below 10 yuan is 0; exact multiples of 10 yuan are not floored further', () => {
    expect(monthlyDuesFen(0)).toBe(0);
    expect(monthlyDuesFen(999)).toBe(0);
    expect(monthlyDuesFen(1000)).toBe(5);
    expect(monthlyDuesFen(500_000)).toBe(2500);
    expect(monthlyDuesFen(500_990)).toBe(2500);
    expect(monthlyDuesFen(501_000)).toBe(2505);
  });

  it('exact for big wages (integers, no float drift)', () => {
    expect(monthlyDuesFen(12_345_678_900)).toBe(61_728_390);
    expect(monthlyDuesFen(Number.MAX_SAFE_INTEGER)).toBe(Math.floor(Number.MAX_SAFE_INTEGER / 1000) * 5);
    // against the formula in yuan for every whole-yuan wage up to 20,000
    for (let yuan = 0; yuan <= 20_000; yuan += 7) expect(monthlyDuesFen(yuan * 100)).toBe(Math.floor(yuan / 10) * 5);
  });

  it('refuses a negative or fractional wage', () => {
    expect(() => monthlyDuesFen(-1)).toThrow(RangeError);
    expect(() => monthlyDuesFen(100.5)).toThrow(RangeError);
  });

  it('the wage items are configured per employer type and checked in the body', () => {
    expect(DUES_WAGE_ITEMS.government.map((i) => i.label)).toEqual(['职务工资', '级别工资']);
    expect(DUES_WAGE_ITEMS.institution.map((i) => i.label)).toEqual(['岗位工资', '薪级工资']);
    const id = '00000000-0000-4000-8000-000000000000';
    const bad = duesBaseBodySchema.safeParse({ memberId: id, year: 2026, employerType: 'government', items: [{ code: 'skill', amountFen: 100 }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['items.0.code']);
    const twice = duesBaseBodySchema.safeParse({ memberId: id, year: 2026, employerType: 'enterprise', items: [{ code: 'post', amountFen: 100 }, { code: 'post', amountFen: 5 }] });
    expect(twice.error?.issues.map((i) => i.path.join('.'))).toEqual(['items.1.code']);
  });
});
