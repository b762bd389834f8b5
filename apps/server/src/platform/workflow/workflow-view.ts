import type { WorkflowState } from '@gonghui/contracts';
import { shanghaiDate } from '../calendar/work-calendar.js';
import type { WorkflowDefinition } from './workflow-definition.js';
import type { WorkflowInstance } from './workflow.service.js';
import { STATUS_LABELS, type WorkflowStatus } from './workflow-state.js';

/** What a record's list row says of its case (the assignee's name joined by the module's query). */
export interface CaseRowFacts {
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  step_due_date: string | null;
  publicity_ends_at?: string | null;
}

/**
 * The `workflow` part of a record's answer: status, current step, who has it, its due date
 * (overdue once the Shanghai date has passed it while in review) and the end of 公示.
 */
export function workflowStateOf(def: WorkflowDefinition, inst: WorkflowInstance, r: CaseRowFacts, today = shanghaiDate(new Date())): WorkflowState {
  const status = inst.status as WorkflowStatus;
  const step = inst.stepIndex === null ? null : def.steps[inst.stepIndex];
  return {
    status,
    statusLabel: STATUS_LABELS[status],
    stepKey: inst.stepKey,
    stepLabel: step?.label ?? null,
    assigneeOrgId: r.assignee_org_id,
    assigneeOrgName: r.assignee_org_name,
    stepDueDate: r.step_due_date,
    overdue: status === 'in_review' && r.step_due_date !== null && r.step_due_date < today,
    publicityEndsAt: r.publicity_ends_at ?? null,
  };
}
