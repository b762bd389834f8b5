import { CONTEST_LEVEL_LABELS, type CraftsmanContest, type CraftsmanEligibility } from '@gonghui/contracts';
import { invalid } from '../../platform/http/app-error.js';

/** Years in the trade required unless a listed contest result waives it (domain: 杭州工匠). */
export const MIN_YEARS_IN_TRADE = 10;
/** Years of full-time work in Hangzhou required. */
export const MIN_YEARS_IN_HANGZHOU = 1;

/** What the rules read of a nominee: the registry's facts and the nomination's declarations. */
export interface EligibilityFacts {
  memberStatus: string;
  frontline: boolean;
  employedInHangzhou: boolean;
  tradeStartedOn: string;
  hangzhouFullTimeSince: string;
  contestResults: readonly CraftsmanContest[];
}

/** Whole years from `from` to `to` (YYYY-MM-DD), birthday-style. */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const years = ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
  return Math.max(years, 0);
}

/** The contest result that waives the years in the trade: top 3 of a national or world contest, or 1st of a provincial one. */
export function waivingResult(results: readonly CraftsmanContest[]): CraftsmanContest | null {
  return results.find((r) => ((r.level === 'world' || r.level === 'national') && r.rank <= 3) || (r.level === 'provincial' && r.rank === 1)) ?? null;
}

const describe = (r: CraftsmanContest) => `${r.year}年${r.name}(${CONTEST_LEVEL_LABELS[r.level]})第${r.rank}名`;

/** Every rule at once: the failed ones named in Chinese on the field they concern, the waiver when it applied. */
export function craftsmanEligibility(f: EligibilityFacts, today: string): CraftsmanEligibility {
  const failures: { path: string; message: string }[] = [];
  if (f.memberStatus !== 'active') failures.push({ path: 'memberId', message: '被推荐人须为在册工会会员(会员档案状态不是“在册”)' });
  if (!f.employedInHangzhou) failures.push({ path: 'employedInHangzhou', message: '被推荐人须在杭州市域内就业' });
  const yearsInTrade = f.tradeStartedOn > today ? 0 : fullYearsBetween(f.tradeStartedOn, today);
  const waiver = waivingResult(f.contestResults);
  if (yearsInTrade < MIN_YEARS_IN_TRADE && !waiver) {
    failures.push({ path: 'tradeStartedOn', message: `从事本职业(工种)须满${MIN_YEARS_IN_TRADE}年(现为${yearsInTrade}年);获国家级、世界级竞赛前三名或省级竞赛第一名者不受此限` });
  }
  if (f.hangzhouFullTimeSince > today || fullYearsBetween(f.hangzhouFullTimeSince, today) < MIN_YEARS_IN_HANGZHOU) {
    failures.push({ path: 'hangzhouFullTimeSince', message: `须在杭州全职工作满${MIN_YEARS_IN_HANGZHOU}年` });
  }
  if (!f.frontline) failures.push({ path: 'frontline', message: '被推荐人须仍在生产、服务一线(会员档案未标记为一线职工)' });
  return {
    eligible: failures.length === 0,
    failures,
    waiver: waiver && yearsInTrade < MIN_YEARS_IN_TRADE ? `${describe(waiver)},免从业${MIN_YEARS_IN_TRADE}年要求` : null,
    yearsInTrade,
  };
}

/** 422 listing every failed rule, nothing changed. */
export function assertEligible(e: CraftsmanEligibility): void {
  if (!e.eligible) throw invalid(e.failures, `不符合杭州工匠推荐条件:${e.failures.map((x) => x.message).join(';')}`);
}
