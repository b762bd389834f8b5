import { describe, expect, it } from 'vitest';
import { educationRefund } from './education-refund.js';

const base = { tuitionFen: 1_200_000, obtainedOn: '2027-05-01', graduatedOn: '2027-07-01', alreadyPaidFen: 0 };

describe('圆梦计划 tuition refund rules', () => {
  it('refunds 90% for a 高级工 or 技师 certificate obtained before graduating, nothing after', () => {
    expect(educationRefund({ ...base, ground: 'senior_worker' })).toMatchObject({ refundFen: 1_080_000, percent: 90 });
    expect(educationRefund({ ...base, ground: 'technician', graduatedOn: null })).toMatchObject({ refundFen: 1_080_000, percent: 90 });
    const late = educationRefund({ ...base, ground: 'senior_worker', obtainedOn: '2027-07-02' });
    expect(late).toMatchObject({ refundFen: 0, percent: 0 });
    expect(late.reason).toContain('毕业前取得');
  });

  it('refunds the whole tuition for 高级技师, county-level 劳模 and 五一 medal holders, whenever obtained', () => {
    for (const ground of ['senior_technician', 'model_worker', 'may_day_medal'] as const) {
      expect(educationRefund({ ...base, ground, obtainedOn: '2028-01-01' })).toMatchObject({ refundFen: 1_200_000, percent: 100 });
    }
  });

  it('counts the fixed grant already paid, never paying more than the entitled share, in whole 分', () => {
    expect(educationRefund({ ...base, ground: 'senior_worker', alreadyPaidFen: 700_000 }).refundFen).toBe(380_000);
    expect(educationRefund({ ...base, ground: 'senior_worker', tuitionFen: 700_000, alreadyPaidFen: 700_000 })).toMatchObject({ refundFen: 0 });
    expect(educationRefund({ ...base, ground: 'senior_worker', tuitionFen: 333 }).refundFen).toBe(299);
  });
});
