import { describe, expect, it } from 'vitest';
import { describeRules, eligibilityRefusals, wholeMonths, wholeYears, type MemberFacts } from './enrolment-eligibility.js';

const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  status: 'active',
  birthDate: '1990-06-15',
  joinedAt: '2024-01-10',
  gender: 'male',
  flags: { migrantWorker: false, frontline: false, modelWorker: false, newEmploymentForm: false },
  placesThisYear: 0,
  ...over,
});

describe('eligibility rules', () => {
  it('counts whole years and months the way a birthday and an anniversary do', () => {
    expect(wholeYears('1990-06-15', '2026-06-14')).toBe(35);
    expect(wholeYears('1990-06-15', '2026-06-15')).toBe(36);
    expect(wholeYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(wholeMonths('2024-01-10', '2024-07-09')).toBe(5);
    expect(wholeMonths('2024-01-10', '2024-07-10')).toBe(6);
  });

  it('accepts a member who meets every rule', () => {
    const rules = { ageMin: 18, ageMax: 45, minMembershipMonths: 6, requireFlags: ['migrantWorker' as const], maxPerYear: 1 };
    expect(eligibilityRefusals(rules, member({ flags: { migrantWorker: true, frontline: false, modelWorker: false, newEmploymentForm: false } }), '2026-11-24')).toEqual([]);
  });

  it('names every unmet rule with the member own figure', () => {
    const rules = { ageMin: 18, ageMax: 30, minMembershipMonths: 36, requireFlags: ['migrantWorker' as const], anyOfFlags: ['frontline' as const, 'modelWorker' as const], gender: 'female' as const, maxPerYear: 1 };
    const reasons = eligibilityRefusals(rules, member({ placesThisYear: 1 }), '2026-11-24');
    expect(reasons).toEqual([
      '年龄不能超过30周岁(您现年36周岁)',
      '入会须满36个月(您入会34个月)',
      '仅限农民工报名',
      '仅限一线职工、劳动模范报名',
      '仅限女职工报名',
      '每人每年最多参加1次(您今年已参加1次)',
    ]);
  });

  it('refuses members who are not 在册, too young, or without a join date when months are required', () => {
    expect(eligibilityRefusals({}, member({ status: 'retired' }), '2026-11-24')).toEqual(['仅限在册会员报名(您的会籍状态不是在册)']);
    expect(eligibilityRefusals({ ageMin: 18 }, member({ birthDate: '2008-11-25' }), '2026-11-24')).toEqual(['年龄须满18周岁(您现年17周岁)']);
    expect(eligibilityRefusals({ ageMin: 18 }, member({ birthDate: '2008-11-24' }), '2026-11-24')).toEqual([]);
    expect(eligibilityRefusals({ minMembershipMonths: 6 }, member({ joinedAt: null }), '2026-11-24')).toEqual(['入会须满6个月(没有您的入会日期)']);
  });

  it('describes the rules as sentences for the sign-up page', () => {
    expect(describeRules({ ageMin: 18, ageMax: 45, minMembershipMonths: 6, requireFlags: ['migrantWorker'], maxPerYear: 1 })).toEqual([
      '在册会员',
      '年龄18至45周岁',
      '入会满6个月',
      '须为农民工',
      '每人每年最多参加1次',
    ]);
  });
});
