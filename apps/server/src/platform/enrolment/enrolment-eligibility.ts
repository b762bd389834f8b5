import { MEMBER_FLAG_LABELS, type EligibilityRules, type MemberFlag } from '@gonghui/contracts';

/** What the rules read of a member, on the day of the sign-up (dates YYYY-MM-DD, Asia/Shanghai). */
export interface MemberFacts {
  status: string;
  birthDate: string;
  joinedAt: string | null;
  gender: 'male' | 'female';
  flags: Record<MemberFlag, boolean>;
  /** confirmed places this calendar year in offerings of the same kind and category */
  placesThisYear: number;
}

/** Whole years from `from` to `to` (both YYYY-MM-DD): a birthday counts on the day. */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Whole months from `from` to `to`. */
export function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

const flagList = (flags: readonly MemberFlag[], joiner: string) => flags.map((f) => MEMBER_FLAG_LABELS[f]).join(joiner);

/** The rules as sentences for the sign-up page ("年龄18至45周岁" ...). */
export function describeRules(rules: EligibilityRules): string[] {
  const out = ['在册会员'];
  if (rules.ageMin !== undefined && rules.ageMax !== undefined) out.push(`年龄${rules.ageMin}至${rules.ageMax}周岁`);
  else if (rules.ageMin !== undefined) out.push(`年满${rules.ageMin}周岁`);
  else if (rules.ageMax !== undefined) out.push(`不超过${rules.ageMax}周岁`);
  if (rules.minMembershipMonths) out.push(`入会满${rules.minMembershipMonths}个月`);
  if (rules.requireFlags?.length) out.push(`须为${flagList(rules.requireFlags, '且')}`);
  if (rules.anyOfFlags?.length) out.push(`${flagList(rules.anyOfFlags, '、')}之一`);
  if (rules.gender) out.push(rules.gender === 'female' ? '限女职工' : '限男职工');
  if (rules.maxPerYear !== undefined) out.push(`每人每年最多参加${rules.maxPerYear}次`);
  return out;
}

/**
 * The reasons a member may not take a place, in Chinese (empty: eligible). Every unmet rule is
 * named with the member's own figure, so the refusal says what to fix.
 */
export function eligibilityRefusals(rules: EligibilityRules, m: MemberFacts, today: string): string[] {
  const reasons: string[] = [];
  if (m.status !== 'active') reasons.push('仅限在册会员报名(您的会籍状态不是在册)');
  const age = wholeYears(m.birthDate, today);
  if (rules.ageMin !== undefined && age < rules.ageMin) reasons.push(`年龄须满${rules.ageMin}周岁(您现年${age}周岁)`);
  if (rules.ageMax !== undefined && age > rules.ageMax) reasons.push(`年龄不能超过${rules.ageMax}周岁(您现年${age}周岁)`);
  if (rules.minMembershipMonths) {
    const months = m.joinedAt ? wholeMonths(m.joinedAt, today) : 0;
    if (months < rules.minMembershipMonths) reasons.push(`入会须满${rules.minMembershipMonths}个月(${m.joinedAt ? `您入会${Math.max(0, months)}个月` : '没有您的入会日期'})`);
  }
  const missing = (rules.requireFlags ?? []).filter((f) => !m.flags[f]);
  if (missing.length > 0) reasons.push(`仅限${flagList(missing, '且')}报名`);
  if (rules.anyOfFlags?.length && !rules.anyOfFlags.some((f) => m.flags[f])) reasons.push(`仅限${flagList(rules.anyOfFlags, '、')}报名`);
  if (rules.gender && rules.gender !== m.gender) reasons.push(rules.gender === 'female' ? '仅限女职工报名' : '仅限男职工报名');
  if (rules.maxPerYear !== undefined && m.placesThisYear >= rules.maxPerYear) reasons.push(`每人每年最多参加${rules.maxPerYear}次(您今年已参加${m.placesThisYear}次)`);
  return reasons;
}
