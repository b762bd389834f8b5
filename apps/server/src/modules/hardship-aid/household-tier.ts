import { ACCIDENT_TIER_CAUSES, HARDSHIP_CAUSE_LABELS, HOUSEHOLD_TIER_LABELS, type HardshipCause, type HouseholdTier, type TierRules } from '@gonghui/contracts';

/** domain.md 春风行动: 1.5× and 2× the 低保 line, a car ≥ 10 万元, two commercial homes, review yearly. */
export const DEFAULT_TIER_RULES: TierRules = {
  relativeMultiplePermille: 1500,
  accidentMultiplePermille: 2000,
  carValueLimitFen: 10_000_000,
  commercialHomesLimit: 2,
  reviewIntervalMonths: 12,
};

export interface TierInput {
  /** household net income of each of the 12 months, in 分 */
  monthlyIncomeFen: readonly number[];
  /** persons living together, head included */
  householdSize: number;
  carValueFen: number;
  commercialHomes: number;
  causes: readonly HardshipCause[];
  /** the 低保 line per person per month, in 分 */
  lineMonthlyFen: number;
}

export interface TierOutcome {
  eligible: boolean;
  tier: HouseholdTier | null;
  totalIncomeFen: number;
  householdSize: number;
  /** rounded to the 分, for display; the decision compares exact integers */
  perCapitaMonthlyFen: number;
  ratio: number;
  reason: string;
}

export const yuan = (fen: number): string => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const times = (permille: number): string => `${permille / 1000} 倍`;

/**
 * The tier of a household (pure): per-capita monthly net income = 12-month total / 12 / size,
 * compared with the 低保 line in integers (total × 1000 ≤ multiple‰ × line × 12 × size), so
 * "exactly 1.5×" is never lost to rounding.
 * - 深度困难: ≤ 1×, unless the household owns a car worth ≥ the limit or ≥ the homes limit
 *   (then excluded: it does not fall to another tier, as it is not above 1×);
 * - 相对困难: > 1× and ≤ 1.5×;
 * - 意外致困: > 1.5× and ≤ 2×, only when illness or an accident/disaster caused the hardship;
 * - otherwise not eligible, with the reason in Chinese.
 */
export function computeTier(input: TierInput, rules: TierRules = DEFAULT_TIER_RULES): TierOutcome {
  if (input.monthlyIncomeFen.length !== 12) throw new Error('computeTier needs 12 months of income');
  if (!Number.isInteger(input.householdSize) || input.householdSize < 1) throw new Error('household size must be a positive integer');
  if (!(input.lineMonthlyFen > 0)) throw new Error('the 低保 line must be positive');
  const total = input.monthlyIncomeFen.reduce((a, b) => a + b, 0);
  const size = input.householdSize;
  const line = input.lineMonthlyFen;
  const unit = line * 12 * size;
  const within = (permille: number) => total * 1000 <= permille * unit;
  const perCapita = Math.round(total / 12 / size);
  const base = { totalIncomeFen: total, householdSize: size, perCapitaMonthlyFen: perCapita, ratio: Math.round((total * 100) / unit) / 100 };
  const income = `家庭人均月收入 ${yuan(perCapita)} 元`;
  const lineText = `低保标准 ${yuan(line)} 元`;
  const cap = (permille: number) => `${times(permille)}(${yuan(Math.round((line * permille) / 1000))} 元)`;
  const result = (tier: HouseholdTier | null, reason: string): TierOutcome => ({ ...base, eligible: tier !== null, tier, reason });

  if (within(1000)) {
    const assets: string[] = [];
    if (input.carValueFen >= rules.carValueLimitFen) assets.push(`拥有价值 ${yuan(rules.carValueLimitFen)} 元及以上的机动车`);
    if (input.commercialHomes >= rules.commercialHomesLimit) assets.push(`拥有 ${input.commercialHomes} 套商品房(${rules.commercialHomesLimit} 套及以上)`);
    if (assets.length > 0) return result(null, `${income},不高于${lineText},但家庭${assets.join('且')},不能认定为${HOUSEHOLD_TIER_LABELS.deep}职工家庭`);
    return result('deep', `${income},不高于${lineText},认定为${HOUSEHOLD_TIER_LABELS.deep}职工家庭`);
  }
  if (within(rules.relativeMultiplePermille)) {
    return result('relative', `${income},高于${lineText}、不高于其 ${cap(rules.relativeMultiplePermille)},认定为${HOUSEHOLD_TIER_LABELS.relative}职工家庭`);
  }
  if (within(rules.accidentMultiplePermille)) {
    const qualifying = input.causes.filter((c) => ACCIDENT_TIER_CAUSES.includes(c));
    if (qualifying.length > 0) {
      const because = qualifying.map((c) => HARDSHIP_CAUSE_LABELS[c]).join('、');
      return result('accident', `${income},高于${lineText}的 ${cap(rules.relativeMultiplePermille)}、不高于其 ${cap(rules.accidentMultiplePermille)},因${because}致困,认定为${HOUSEHOLD_TIER_LABELS.accident}职工家庭`);
    }
    return result(
      null,
      `${income},高于${lineText}的 ${cap(rules.relativeMultiplePermille)};在 ${times(rules.relativeMultiplePermille)}至 ${times(rules.accidentMultiplePermille)}之间的,只有因疾病或意外事故/灾害致困的家庭可认定为${HOUSEHOLD_TIER_LABELS.accident}职工家庭`,
    );
  }
  return result(null, `${income},高于${lineText}的 ${cap(rules.accidentMultiplePermille)},不符合困难职工建档标准`);
}

/** The date a 复核 falls due: the same day `months` later (the month's last day when shorter). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
