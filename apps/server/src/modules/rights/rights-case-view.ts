import { sql } from 'drizzle-orm';
import {
  RIGHTS_CATEGORY_LABELS,
  RIGHTS_CHANNEL_LABELS,
  RIGHTS_OUTCOME_LABELS,
  RIGHTS_PHASE_LABELS,
  RIGHTS_SATISFACTION_LABELS,
  RIGHTS_STEP_LABELS,
  RIGHTS_URGENCY_LABELS,
  type RightsCase,
  type RightsCategory,
  type RightsChannel,
  type RightsOutcome,
  type RightsPhase,
  type RightsSatisfaction,
  type RightsStepKind,
  type RightsUrgency,
} from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { findInstance, workflowAbilities, workflowTimeline, type WorkflowInstance } from '../../platform/workflow/workflow.service.js';
import { workflowStateOf } from '../../platform/workflow/workflow-view.js';
import type { WorkflowDefinition } from '../../platform/workflow/workflow-definition.js';
import type { RightsCaseRow } from './rights-case.repository.js';
import { RIGHTS_WORKFLOWS, rightsWorkflowType } from './rights-workflow.js';

/** What the rights services use of the app context (the demo seed runs them with the db and the key). */
export type RightsContext = Pick<AppContext, 'db' | 'crypto'>;

export const workflowOf = (urgency: string): WorkflowDefinition => RIGHTS_WORKFLOWS[urgency as RightsUrgency];

export async function rightsInstance(db: Db, row: Pick<RightsCaseRow, 'id' | 'urgency'>): Promise<WorkflowInstance> {
  const inst = await findInstance(db, rightsWorkflowType(row.urgency as RightsUrgency), row.id);
  if (!inst) throw new Error(`rights case ${row.id} has no workflow case`);
  return inst;
}

async function stepsOf(db: Db, caseId: string): Promise<RightsCase['steps']> {
  const rows = await queryRows<{ id: number; kind: string; step_date: string; handler: string; note: string; org_name: string | null; created_at: string }>(
    db,
    sql`SELECT id::int AS id, kind, step_date::text AS step_date, handler, note, org_name, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
        FROM rights_case_steps WHERE case_id = ${caseId} ORDER BY step_date, id`,
  );
  return rows.map((s) => ({ id: s.id, kind: s.kind as RightsStepKind, kindLabel: RIGHTS_STEP_LABELS[s.kind as RightsStepKind], stepDate: s.step_date, handler: s.handler, note: s.note, orgName: s.org_name, createdAt: s.created_at }));
}

/** A case as the caller sees it: labels, workflow position, steps and timeline (detail), abilities. */
export async function toRightsDto(db: Db, auth: AuthContext, r: RightsCaseRow, detail: boolean): Promise<RightsCase> {
  const def = workflowOf(r.urgency);
  const inst = await rightsInstance(db, r);
  const base = await workflowAbilities(db, def, auth, inst);
  const workflow = workflowStateOf(def, inst, r);
  const phase = r.phase as RightsPhase;
  const mine = r.worker_user_id !== null && r.worker_user_id === auth.user.id;
  const handling = base.canApprove && (inst.stepKey ?? '').startsWith('handle');
  const ownView = mine && !auth.permissions.has('rights:case:list');
  return {
    id: r.id,
    caseNo: r.case_no,
    channel: r.channel as RightsChannel,
    channelLabel: RIGHTS_CHANNEL_LABELS[r.channel as RightsChannel],
    category: r.category as RightsCategory,
    categoryLabel: RIGHTS_CATEGORY_LABELS[r.category as RightsCategory],
    urgency: r.urgency as RightsUrgency,
    urgencyLabel: RIGHTS_URGENCY_LABELS[r.urgency as RightsUrgency],
    urgencyReason: r.urgency_reason,
    description: r.description,
    callerName: r.caller_name,
    callerPhone: r.caller_phone_masked,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    enterpriseAddress: r.enterprise_address,
    orgId: r.org_id,
    orgName: r.org_name,
    workersAffected: r.workers_affected,
    amountClaimedFen: r.amount_claimed_fen,
    phase,
    phaseLabel: RIGHTS_PHASE_LABELS[phase],
    outcome: r.outcome as RightsOutcome | null,
    outcomeLabel: r.outcome ? RIGHTS_OUTCOME_LABELS[r.outcome as RightsOutcome] : null,
    amountRecoveredFen: r.amount_recovered_fen,
    workersPaid: r.workers_paid,
    closingNote: r.closing_note,
    closedAt: r.closed_at,
    satisfaction: r.satisfaction as RightsSatisfaction | null,
    satisfactionLabel: r.satisfaction ? RIGHTS_SATISFACTION_LABELS[r.satisfaction as RightsSatisfaction] : null,
    satisfactionComment: r.satisfaction_comment,
    receivedAt: r.received_at,
    dueDate: workflow.stepDueDate,
    overdue: workflow.overdue,
    escalated: r.escalated_at !== null,
    // the worker sees the handling steps and outcome, not the staff's internal timeline
    workflow,
    steps: detail ? await stepsOf(db, r.id) : [],
    timeline: detail && !ownView ? await workflowTimeline(db, inst.id) : [],
    abilities: {
      canAccept: base.canApprove && (inst.stepKey ?? '').startsWith('accept'),
      canAddStep: handling,
      canClose: handling,
      canWithdraw: mine && base.canWithdraw && phase === 'new',
      canRate: mine && phase === 'closed' && r.satisfaction === null,
    },
  };
}

