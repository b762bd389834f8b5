import { z } from 'zod';

export const WORKFLOW_STATUS_CODES = ['draft', 'in_review', 'returned', 'publicity', 'approved', 'rejected', 'withdrawn'] as const;
export type WorkflowStatusCode = (typeof WORKFLOW_STATUS_CODES)[number];
export const WORKFLOW_STATUS_LABELS: Record<WorkflowStatusCode, string> = {
  draft: '草稿',
  in_review: '审核中',
  returned: '已退回修改',
  publicity: '公示中',
  approved: '已批准',
  rejected: '未通过',
  withdrawn: '已撤回',
};
export const WORKFLOW_ACTION_CODES = ['submit', 'approve', 'reject', 'return', 'withdraw', 'reopen'] as const;

export const workflowActionBodySchema = z.object({
  action: z.enum(WORKFLOW_ACTION_CODES, { error: '操作应为 submit、approve、reject、return、withdraw 或 reopen' }),
  opinion: z.string().trim().max(1000, { error: '意见不能超过1000个字' }).optional(),
  /** ids of files uploaded before (材料) */
  attachments: z.array(z.uuid({ error: '附件编号格式不正确' })).max(20, { error: '附件最多20个' }).optional(),
});

export const timelineEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  stepLabel: z.string().nullable(),
  userName: z.string().nullable(),
  orgName: z.string().nullable(),
  opinion: z.string().nullable(),
  attachments: z.array(z.string()),
});
export type TimelineEntryDto = z.infer<typeof timelineEntrySchema>;

export const workflowAbilitiesSchema = z.object({
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canApprove: z.boolean(),
  canReject: z.boolean(),
  canReturn: z.boolean(),
  canWithdraw: z.boolean(),
  canReopen: z.boolean(),
});

/** Where a case stands: its status, the step and who acts on it, the SLA. */
export const workflowStateSchema = z.object({
  status: z.enum(WORKFLOW_STATUS_CODES),
  statusLabel: z.string(),
  stepKey: z.string().nullable(),
  stepLabel: z.string().nullable(),
  assigneeOrgId: z.string().nullable(),
  assigneeOrgName: z.string().nullable(),
  stepDueDate: z.string().nullable(),
  overdue: z.boolean(),
  publicityEndsAt: z.string().nullable(),
});
export type WorkflowState = z.infer<typeof workflowStateSchema>;

export const publicityItemSchema = z.object({
  id: z.string(),
  businessType: z.string(),
  name: z.string(),
  summary: z.string(),
  orgName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type PublicityItem = z.infer<typeof publicityItemSchema>;

export const objectionBodySchema = z.object({
  content: z.string({ error: '请填写异议内容' }).trim().min(5, { error: '异议内容至少5个字' }).max(1000, { error: '异议内容不能超过1000个字' }),
  contact: z.string().trim().max(100, { error: '联系方式不能超过100个字' }).optional(),
});

export const notificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const notificationListSchema = z.object({
  items: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string().nullable(), link: z.string().nullable(), createdAt: z.string(), read: z.boolean() })),
  unread: z.number().int(),
});
