import { CRAFTSMAN_DECISION_LABELS, CRAFTSMAN_STAGE_LABELS, type CraftsmanNomination, type CraftsmanStage } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { aggregatePoints } from '../../platform/assessment/assessment-scoring.js';
import type { Db } from '../../platform/db/db-connection.js';
import { findInstance, workflowAbilities, workflowTimeline, type WorkflowInstance } from '../../platform/workflow/workflow.service.js';
import { workflowStateOf } from '../../platform/workflow/workflow-view.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { sql } from 'drizzle-orm';
import { craftsmanEligibility } from './craftsman-eligibility.js';
import { CRAFTSMAN_WORKFLOW_TYPE, craftsmanWorkflow } from './craftsman-workflow.js';
import type { NominationRow } from './craftsman.repository.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';

/** Experts needed before the 综合评审 step can be closed; from this many on, the highest and lowest totals are dropped. */
export const MIN_EXPERTS = 3;
export const TRIM_FROM_EXPERTS = 5;

/** The experts' result: the trimmed mean of their totals (null before anyone scored). */
export const finalScoreOf = (totals: readonly number[]): number | null => aggregatePoints(totals, 'trimmed_mean', TRIM_FROM_EXPERTS);

/** Where a nomination stands, from its case, its scores and the city's approval. */
export function stageOf(r: Pick<NominationRow, 'workflow_status' | 'step_key' | 'score_totals' | 'city_approved_at'>): CraftsmanStage {
  switch (r.workflow_status) {
    case 'in_review':
      if (r.step_key === 'decision') return 'deciding';
      return r.score_totals.length > 0 ? 'scoring' : 'submitted';
    case 'publicity':
      return 'publicity';
    case 'approved':
      return r.city_approved_at ? 'approved' : 'awaiting_approval';
    case 'rejected':
      return 'not_selected';
    default:
      return r.workflow_status as CraftsmanStage;
  }
}

/** The SQL condition of a stage (list filter), on the aliases of the repository's query. */
export function stageCondition(stage: CraftsmanStage) {
  switch (stage) {
    case 'submitted':
      return sql`w.status = 'in_review' AND w.step_key = 'review' AND NOT EXISTS (SELECT 1 FROM craftsman_scores s WHERE s.nomination_id = n.id)`;
    case 'scoring':
      return sql`w.status = 'in_review' AND w.step_key = 'review' AND EXISTS (SELECT 1 FROM craftsman_scores s WHERE s.nomination_id = n.id)`;
    case 'deciding':
      return sql`w.status = 'in_review' AND w.step_key = 'decision'`;
    case 'awaiting_approval':
      return sql`w.status = 'approved' AND n.city_approved_at IS NULL`;
    case 'approved':
      return sql`w.status = 'approved' AND n.city_approved_at IS NOT NULL`;
    case 'not_selected':
      return sql`w.status = 'rejected'`;
    default:
      return sql`w.status = ${stage}`;
  }
}

export async function craftsmanInstance(db: Db, id: string): Promise<WorkflowInstance> {
  const inst = await findInstance(db, CRAFTSMAN_WORKFLOW_TYPE, id);
  if (!inst) throw new Error(`craftsman nomination ${id} has no workflow case`);
  return inst;
}

interface ScoreRow {
  expert_id: string;
  expert_name: string;
  total: number;
  points: Record<string, number>;
  comment: string | null;
}

/** The city's rights after 公示 on a nomination (read by the abilities and by the services that act on them). */
export function cityRights(auth: AuthContext, r: NominationRow): { canCityApprove: boolean; canPay: boolean } {
  const city = auth.permissions.has('honours:craftsman:approve') && auth.scope.all;
  const stage = stageOf(r);
  return { canCityApprove: city && stage === 'awaiting_approval', canPay: city && stage === 'approved' && r.decision === 'craftsman' && !r.payout_id && r.call_award_fen > 0 };
}

/** Experts score while the case is at the 综合评审 step. */
export const canScore = (auth: AuthContext, inst: Pick<WorkflowInstance, 'status' | 'stepKey'>): boolean => auth.permissions.has('honours:craftsman:score') && inst.status === 'in_review' && inst.stepKey === 'review';

/** The answer for one nomination: its facts, eligibility (with the waiver), scores, case and what the caller may do. */
export async function nominationView(db: Db, auth: AuthContext, r: NominationRow, detail: boolean): Promise<CraftsmanNomination> {
  const inst = await craftsmanInstance(db, r.id);
  const base = await workflowAbilities(db, craftsmanWorkflow, auth, inst);
  const stage = stageOf(r);
  const city = auth.permissions.has('honours:craftsman:approve') && auth.scope.all;
  const scores = detail
    ? await queryRows<ScoreRow>(db, sql`SELECT expert_id, expert_name, total::float8 AS total, points, comment FROM craftsman_scores WHERE nomination_id = ${r.id} ORDER BY created_at, id`)
    : [];
  // experts and the city see every score; the nominating union sees the result only
  const seesScores = city || auth.permissions.has('honours:craftsman:score');
  return {
    id: r.id,
    callId: r.call_id,
    callYear: r.call_year,
    memberId: r.member_id,
    memberName: r.member_name,
    gender: r.gender === 'female' ? '女' : '男',
    memberOrgName: r.member_org_name,
    frontline: r.frontline,
    nominatingOrgId: r.nominating_org_id,
    nominatingOrgName: r.nominating_org_name,
    trade: r.trade,
    employerName: r.employer_name,
    employedInHangzhou: r.employed_in_hangzhou,
    tradeStartedOn: r.trade_started_on,
    hangzhouFullTimeSince: r.hangzhou_full_time_since,
    contestResults: r.contest_results,
    deeds: r.deeds,
    evidence: r.evidence,
    stage,
    stageLabel: CRAFTSMAN_STAGE_LABELS[stage],
    workflow: workflowStateOf(craftsmanWorkflow, inst, r),
    eligibility: craftsmanEligibility(
      { memberStatus: r.member_status, frontline: r.frontline, employedInHangzhou: r.employed_in_hangzhou, tradeStartedOn: r.trade_started_on, hangzhouFullTimeSince: r.hangzhou_full_time_since, contestResults: r.contest_results },
      shanghaiDate(new Date()),
    ),
    decision: r.decision,
    decisionLabel: r.decision ? CRAFTSMAN_DECISION_LABELS[r.decision] : stage === 'not_selected' ? '未入选' : null,
    scoreCount: r.score_totals.length,
    finalScore: finalScoreOf(r.score_totals),
    scores: scores
      .filter((s) => seesScores || s.expert_id === auth.user.id)
      .map((s) => ({ expertName: s.expert_name, total: s.total, points: s.points, comment: s.comment, mine: s.expert_id === auth.user.id })),
    certificateNo: r.certificate_no,
    cityApprovedAt: r.city_approved_at,
    payout: r.payout_id ? { id: r.payout_id, amountFen: r.payout_amount_fen ?? 0, status: r.payout_status ?? '' } : null,
    timeline: detail ? await workflowTimeline(db, inst.id) : [],
    abilities: {
      ...base,
      canApprove: base.canApprove && inst.stepKey === 'review',
      canScore: canScore(auth, inst),
      canDecide: base.canApprove && inst.stepKey === 'decision',
      ...cityRights(auth, r),
      canCertificate: r.certificate_no !== null,
      canEditEvidence: base.canEdit,
    },
  };
}
