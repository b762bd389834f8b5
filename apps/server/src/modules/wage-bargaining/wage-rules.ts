import type { WageContractPhase, WageContractStatus, WageVoteBody } from '@gonghui/contracts';
import { WAGE_RENEWAL_MONTHS } from '@gonghui/contracts';
import { invalid, type FieldError } from '../../platform/http/app-error.js';

export interface VoteOutcome {
  quorumMet: boolean;
  majorityMet: boolean;
  passed: boolean;
  /** why it failed, in Chinese; null when it passed */
  reason: string | null;
}

/**
 * 集体合同规定 (2004) art. 36: the draft passes when at least two thirds of the representatives (or
 * workers) are present, and more than half of ALL of them — not of those present — vote for it.
 * The database holds the same rule as a CHECK on `wage_votes.passed`.
 */
export function voteOutcome(v: Pick<WageVoteBody, 'representatives' | 'present' | 'votesFor'>): VoteOutcome {
  const quorumMet = v.present * 3 >= v.representatives * 2;
  const majorityMet = v.votesFor * 2 > v.representatives;
  const reasons: string[] = [];
  if (!quorumMet) reasons.push(`出席人数不足:应到${v.representatives}人,实到${v.present}人,未达三分之二(至少${Math.ceil((v.representatives * 2) / 3)}人)`);
  if (!majorityMet) reasons.push(`赞成票未过半数:赞成${v.votesFor}票,须超过应到人数${v.representatives}人的半数(至少${Math.floor(v.representatives / 2) + 1}票)`);
  return { quorumMet, majorityMet, passed: quorumMet && majorityMet, reason: reasons.length ? reasons.join(';') : null };
}

/** Field errors of counts that cannot be (more present than expected, more ballots than present). */
export function checkVoteCounts(v: WageVoteBody): void {
  const errors: FieldError[] = [];
  if (v.present > v.representatives) errors.push({ path: 'present', message: `实到人数(${v.present})不能多于应到人数(${v.representatives})` });
  if (v.votesFor + v.votesAgainst > v.present) errors.push({ path: 'votesFor', message: `赞成票与反对票合计(${v.votesFor + v.votesAgainst})不能多于实到人数(${v.present})` });
  if (errors.length) throw invalid(errors);
}

const addMonths = (day: string, months: number): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};
const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The term is 1 to 3 years: the end falls between start + 1 year − 1 day and start + 3 years − 1 day. */
export function checkTerm(termStart: string, termEnd: string): void {
  const min = addDays(addMonths(termStart, 12), -1);
  const max = addDays(addMonths(termStart, 36), -1);
  if (termEnd < min) throw invalid([{ path: 'termEnd', message: `集体合同期限为1至3年:终止日不能早于${min}` }]);
  if (termEnd > max) throw invalid([{ path: 'termEnd', message: `集体合同期限为1至3年:终止日不能晚于${max}` }]);
}

/** From this day on, renewal is due (the last 3 months of the term). */
export const renewalFrom = (termEnd: string): string => addMonths(termEnd, -WAGE_RENEWAL_MONTHS);

/** What a contract means on `today` (Asia/Shanghai date). */
export function phaseOf(c: { status: WageContractStatus; termStart: string; termEnd: string }, today: string): WageContractPhase {
  if (c.status === 'negotiating') return 'negotiating';
  if (today > c.termEnd) return 'expired';
  if (c.status === 'passed') return 'awaiting_filing';
  return today >= renewalFrom(c.termEnd) ? 'expiring' : 'in_force';
}
