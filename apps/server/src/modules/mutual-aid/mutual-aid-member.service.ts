import { sql } from 'drizzle-orm';
import { MUTUAL_AID_ENROLMENT_STATE_LABELS, MUTUAL_AID_PART_LABELS, type MutualAidCoverage, type MutualAidEnrolmentState } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { periodOn, today, type MutualAidContext } from './mutual-aid-period.service.js';
import { priorUsage } from './mutual-aid-claim-rules.js';
import { stateSql } from './mutual-aid-roster.repository.js';

/** The member's coverage this period (H5): enrolled or not, from when, and what is left of the caps. */
export async function myCoverage(ctx: MutualAidContext, auth: AuthContext): Promise<MutualAidCoverage> {
  const on = today();
  const period = await periodOn(ctx.db, on);
  if (!period || !auth.user.memberId) {
    const stateLabel = auth.user.memberId ? '本年度医疗互助尚未开办' : '您的账号未关联会员档案,请联系所在工会';
    return { periodId: null, periodName: null, state: 'not_enrolled', stateLabel, coveredFrom: null, endsOn: null, overallCapFen: 0, usedFen: 0, remainingFen: 0, parts: [] };
  }
  const [e] = await queryRows<{ id: string | null; state: MutualAidEnrolmentState; covered_from: string | null; gender: string }>(
    ctx.db,
    sql`SELECT e.id, ${stateSql(on)} AS state, e.covered_from::text AS covered_from, m.gender
        FROM members m LEFT JOIN mutual_aid_enrolments e ON e.member_id = m.id AND e.period_id = ${period.id} WHERE m.id = ${auth.user.memberId}`,
  );
  const state = e?.state ?? 'not_enrolled';
  const usage = await Promise.all(period.plan.filter((r) => r.enabled && (r.part !== 'women_special' || e?.gender === 'female')).map(async (r) => ({ r, u: e?.id ? await priorUsage(ctx.db, e.id, r.part, null) : null })));
  const usedFen = usage[0]?.u?.periodPaidFen ?? 0;
  return {
    periodId: period.id,
    periodName: period.name,
    state,
    stateLabel: MUTUAL_AID_ENROLMENT_STATE_LABELS[state],
    coveredFrom: e?.covered_from ?? null,
    endsOn: period.ends_on,
    overallCapFen: period.overall_cap_fen,
    usedFen,
    remainingFen: Math.max(0, period.overall_cap_fen - usedFen),
    parts: usage.map(({ r, u }) => ({ part: r.part, label: MUTUAL_AID_PART_LABELS[r.part], ratioBp: r.ratioBp, deductibleFen: r.deductibleFen, capFen: r.capFen, usedFen: u ? u.partPaidFen : 0 })),
  };
}
