import { describe, expect, it } from 'vitest';
import type { MutualAidPartRule } from '@gonghui/contracts';
import { NO_PRIOR_USAGE, computePayout, hospitalDaysBetween, type PayoutInput } from './mutual-aid-payout.js';

const inpatient: MutualAidPartRule = { part: 'inpatient', enabled: true, ratioBp: 6000, deductibleFen: 100_000, capFen: 3_000_000, contributionFen: 5000, allowancePerDayFen: 0, allowanceMaxDays: 0 };
const serious: MutualAidPartRule = { part: 'serious_illness', enabled: true, ratioBp: 7000, deductibleFen: 0, capFen: 5_000_000, contributionFen: 3000, allowancePerDayFen: 5000, allowanceMaxDays: 30 };
const CAP = 6_520_000;

const run = (over: Partial<PayoutInput>) => computePayout({ rule: inpatient, overallCapFen: CAP, invoices: [], hospitalDays: 0, prior: NO_PRIOR_USAGE, ...over });
const sum = (r: ReturnType<typeof computePayout>) => r.lines.reduce((s, l) => s + l.amountFen, 0);

describe('医疗互助 payout computation', () => {
  it('deducts the 起付线 once over the invoices, then applies the ratio (rounded down to the 分)', () => {
    const r = run({ invoices: [{ invoiceNo: 'A1', selfPayFen: 60_000 }, { invoiceNo: 'A2', selfPayFen: 150_001 }] });
    // A1: all of it goes to the deductible; A2: 40,000 of deductible left, (110,001 × 60%) = 66,000.6 → 66,000
    expect(r.lines.map((l) => l.amountFen)).toEqual([0, 66_000]);
    expect(r.deductibleAppliedFen).toBe(100_000);
    expect(r.amountFen).toBe(66_000);
    expect(r.lines[1]!.text).toContain('扣除起付线 400.00 元');
    expect(r.lines[1]!.text).toContain('60%');
    expect(sum(r)).toBe(r.amountFen);
  });

  it('a deductible used by earlier claims is not deducted again', () => {
    const r = run({ invoices: [{ invoiceNo: 'B1', selfPayFen: 100_000 }], prior: { ...NO_PRIOR_USAGE, deductibleUsedFen: 100_000 } });
    expect(r.amountFen).toBe(60_000);
    expect(r.deductibleAppliedFen).toBe(0);
    expect(r.lines[0]).toMatchObject({ amountFen: 0 });
    expect(r.lines[0]!.text).toContain('此前申请已扣除 1000.00 元');
  });

  it('caps at what is left of the part cap, and at what is left of the 65,200 overall cap', () => {
    const part = run({ invoices: [{ invoiceNo: 'C1', selfPayFen: 1_100_000 }], prior: { deductibleUsedFen: 100_000, partPaidFen: 2_900_000, periodPaidFen: 2_900_000, allowanceDaysUsed: 0 } });
    expect(part.amountFen).toBe(100_000);
    expect(part.lines.at(-1)!.text).toContain('超出住院自付医疗费用分项剩余限额 1000.00 元');
    const overall = run({ invoices: [{ invoiceNo: 'C2', selfPayFen: 1_100_000 }], prior: { deductibleUsedFen: 100_000, partPaidFen: 0, periodPaidFen: 6_500_000, allowanceDaysUsed: 0 } });
    expect(overall.amountFen).toBe(20_000);
    expect(overall.lines.at(-1)!.text).toContain('超出本年度累计剩余限额 200.00 元');
    expect(sum(part)).toBe(part.amountFen);
    expect(sum(overall)).toBe(overall.amountFen);
    const none = run({ invoices: [{ invoiceNo: 'C3', selfPayFen: 500_000 }], prior: { deductibleUsedFen: 100_000, partPaidFen: 0, periodPaidFen: CAP, allowanceDaysUsed: 0 } });
    expect(none.amountFen).toBe(0);
  });

  it('adds the living allowance (days × per day), limited to the days left this period', () => {
    const r = computePayout({ rule: serious, overallCapFen: CAP, invoices: [{ invoiceNo: 'D1', selfPayFen: 2_000_000 }], hospitalDays: 12, prior: { ...NO_PRIOR_USAGE, allowanceDaysUsed: 25 } });
    expect(r.allowanceDays).toBe(5);
    expect(r.allowanceFen).toBe(25_000);
    expect(r.amountFen).toBe(1_400_000 + 25_000);
    expect(r.lines.at(-1)!.text).toContain('5 天 × 50.00 元/天 = 250.00 元');
    expect(sum(r)).toBe(r.amountFen);
  });

  it('the explanation adds up to the amount for many random claims', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const invoices = Array.from({ length: 1 + rnd(5) }, (_, k) => ({ invoiceNo: `R${i}-${k}`, selfPayFen: rnd(3_000_000) }));
      const prior = { deductibleUsedFen: rnd(150_000), partPaidFen: rnd(3_200_000), periodPaidFen: rnd(7_000_000), allowanceDaysUsed: rnd(40) };
      const r = computePayout({ rule: i % 2 ? serious : inpatient, overallCapFen: CAP, invoices, hospitalDays: rnd(60), prior });
      expect(sum(r)).toBe(r.amountFen);
      expect(r.amountFen).toBeLessThanOrEqual(Math.max(0, CAP - prior.periodPaidFen));
    }
  });

  it('counts hospital days from admission to discharge', () => {
    expect(hospitalDaysBetween('2026-03-01', '2026-03-13')).toBe(12);
    expect(hospitalDaysBetween('2026-03-01', '2026-03-01')).toBe(1);
    expect(hospitalDaysBetween('2026-03-01', null)).toBe(0);
  });
});
