import { CONTRIBUTION_LEVELS, contributionFen, type ContributionLevel } from '@gonghui/contracts';

/**
 * The 工会经费 rules, pure: the 2% of payroll (round half up to the 分) and the split between the
 * levels without rounding drift.
 */
export type Shares = Record<ContributionLevel, number>;
export type Parts = Record<ContributionLevel, number>;

/** 工会经费 = payroll × rate, rounded half up to the 分 (shared with the web's preview). */
export { contributionFen };

/**
 * The largest-remainder split of a total by shares in basis points (summing to 10000): each level
 * gets the floor of its exact share, the 分 left over go one each to the largest remainders (ties:
 * the lower level first). The parts always sum to the total.
 */
export function largestRemainder(totalFen: number, shares: Shares): Parts {
  const total = BigInt(totalFen);
  const exact = CONTRIBUTION_LEVELS.map((level, i) => ({ level, i, floor: (total * BigInt(shares[level])) / 10_000n, rem: (total * BigInt(shares[level])) % 10_000n }));
  let left = total - exact.reduce((s, e) => s + e.floor, 0n);
  const parts = Object.fromEntries(exact.map((e) => [e.level, Number(e.floor)])) as Parts;
  for (const e of [...exact].sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1))) {
    if (left <= 0n) break;
    parts[e.level] += 1;
    left -= 1n;
  }
  return parts;
}

/**
 * One month's parts, allocated from the year to date: the largest-remainder split of the cumulative
 * total (already allocated + this month) minus what each level already got. The parts sum to the
 * month's amount, and the year's parts sum to the exact largest-remainder shares of the year's
 * total. Should a level's target fall below what it already has (only when the month is smaller than
 * 1 ÷ the smallest share, a few 分), the month is split on its own instead, so no part is negative.
 */
export function allocateMonth(monthFen: number, allocatedBefore: Parts, shares: Shares): Parts {
  const before = CONTRIBUTION_LEVELS.reduce((s, l) => s + allocatedBefore[l], 0);
  const target = largestRemainder(before + monthFen, shares);
  const parts = Object.fromEntries(CONTRIBUTION_LEVELS.map((l) => [l, target[l] - allocatedBefore[l]])) as Parts;
  return CONTRIBUTION_LEVELS.some((l) => parts[l] < 0) ? largestRemainder(monthFen, shares) : parts;
}

export const emptyParts = (): Parts => ({ grassroots: 0, street: 0, district: 0, city: 0, province: 0 });

/** Payroll months are stored as year × 12 + (month − 1). */
export const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
export const periodOf = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The day the month's funds are due: `dueDay` of the following month. */
export const dueOn = (index: number, dueDay: number): string => `${periodOf(index + 1)}-${String(dueDay).padStart(2, '0')}`;

/** The last payroll month whose due day has passed on `day` (YYYY-MM-DD): arrears count up to it. */
export function lastOverdueMonth(day: string, dueDay: number): number {
  const current = monthIndex(day.slice(0, 7));
  // the month before last is due on dueDay of last month (passed); last month is due this month
  return Number(day.slice(8, 10)) > dueDay ? current - 1 : current - 2;
}
