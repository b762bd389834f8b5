import { WORKFLOW_STATUS_CODES, WORKFLOW_STATUS_LABELS, type WorkflowStatusCode } from '@gonghui/contracts';

/**
 * The state machine every review chain shares. A case is a draft until submitted; in review it
 * moves step by step; approval of the last step opens 公示 (when the chain has one) and then
 * approval; reject ends it; return sends it back to the filer for correction; withdraw is the
 * filer's; reopen (or an objection during 公示) puts a finished case back into review.
 */
export const WORKFLOW_STATUSES = WORKFLOW_STATUS_CODES;
export type WorkflowStatus = WorkflowStatusCode;

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'reject', 'return', 'withdraw', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Which actions each status allows (the rest are illegal: 409). */
export const TRANSITIONS: Record<WorkflowStatus, readonly WorkflowAction[]> = {
  draft: ['submit', 'withdraw'],
  returned: ['submit', 'withdraw'],
  in_review: ['approve', 'reject', 'return', 'withdraw'],
  publicity: [],
  approved: [],
  rejected: ['reopen'],
  withdrawn: [],
};

export const isLegal = (status: WorkflowStatus, action: WorkflowAction): boolean => TRANSITIONS[status].includes(action);

/** Actions that need a written opinion. */
export const OPINION_REQUIRED: readonly WorkflowAction[] = ['reject', 'return', 'reopen'];

/** Whose action it is: the filer side or the reviewer of the current step. */
export const FILER_ACTIONS: readonly WorkflowAction[] = ['submit', 'withdraw'];

/** The statuses' Chinese names (one list, in the contracts the UI reads too). */
export const STATUS_LABELS: Record<WorkflowStatus, string> = WORKFLOW_STATUS_LABELS;

export const ACTION_LABELS: Record<WorkflowAction | 'publicity_end' | 'objection' | 'remind' | 'escalate' | 'create', string> = {
  create: '创建',
  submit: '提交',
  approve: '同意',
  reject: '不同意',
  return: '退回修改',
  withdraw: '撤回',
  reopen: '重新审核',
  publicity_end: '公示期满',
  objection: '公示异议',
  remind: '超期提醒',
  escalate: '超期督办',
};
