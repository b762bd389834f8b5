import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { requiredText } from './common.schema.js';

/** 督办 deadline state, computed from the deadline in Asia/Shanghai (正常 / 临期 / 逾期), or the item's end state. */
export const DEADLINE_STATES = ['normal', 'due_soon', 'overdue', 'done', 'closed'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = { normal: '正常', due_soon: '临期', overdue: '逾期', done: '已完成', closed: '已关闭' };

export const TRACKED_STATUSES = ['open', 'done', 'closed'] as const;
export type TrackedStatus = (typeof TRACKED_STATUSES)[number];

const isoDate = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` });
export const trackingDateSchema = isoDate;

export const trackedItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  businessId: z.string(),
  title: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  supervisorOrgId: z.string(),
  supervisorOrgName: z.string(),
  deadline: z.string(),
  status: z.enum(TRACKED_STATUSES),
  percent: z.number().int(),
  deadlineState: z.enum(DEADLINE_STATES),
  closingNote: z.string().nullable(),
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  abilities: z.object({ canReport: z.boolean(), canClose: z.boolean() }),
});
export type TrackedItem = z.infer<typeof trackedItemSchema>;

export const progressReportSchema = z.object({
  id: z.string(),
  reportDate: z.string(),
  text: z.string(),
  percent: z.number().int(),
  orgName: z.string(),
  userName: z.string().nullable(),
  createdAt: z.string(),
  attachments: z.array(attachmentSchema),
  /** the caller's org made this report and the item is still open: it may add or remove files */
  canAttach: z.boolean(),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

/** Files with a progress report (photos, documents): the platform/files attachment mechanism. */
export const PROGRESS_ATTACHMENT_TYPES = ['photo', 'document'] as const;
export const PROGRESS_ATTACHMENT_LABELS: Record<(typeof PROGRESS_ATTACHMENT_TYPES)[number], string> = { photo: '现场照片', document: '文件材料' };

export const trackedDetailSchema = trackedItemSchema.extend({ reports: z.array(progressReportSchema) });
export type TrackedDetail = z.infer<typeof trackedDetailSchema>;

export const progressBodySchema = z.object({
  reportDate: isoDate('报告日期'),
  text: requiredText(2000, '进展情况'),
  percent: z.number({ error: '请填写完成进度' }).int({ error: '完成进度应为整数' }).min(0, { error: '完成进度应在0-100之间' }).max(100, { error: '完成进度应在0-100之间' }),
});
export type ProgressBody = z.infer<typeof progressBodySchema>;

export const deadlineBodySchema = z.object({ deadline: isoDate('完成时限'), reason: requiredText(500, '调整原因') });
export type DeadlineBody = z.infer<typeof deadlineBodySchema>;

export const closeBodySchema = z.object({ closingNote: requiredText(1000, '办结说明') });
export type CloseBody = z.infer<typeof closeBodySchema>;

/** 督办 board: items of every kind the caller supervises or owns, with counts per owner org. */
export const supervisionQuerySchema = z.object({
  kind: z.string().trim().max(40).optional(),
  ownerOrgId: z.uuid().optional(),
  deadlineState: z.enum(DEADLINE_STATES).optional(),
});
export type SupervisionQuery = z.infer<typeof supervisionQuerySchema>;

export const supervisionBoardSchema = z.object({
  items: z.array(trackedItemSchema.extend({ kindLabel: z.string(), link: z.string() })),
  byOwner: z.array(z.object({ ownerOrgId: z.string(), ownerOrgName: z.string(), overdue: z.number().int(), dueSoon: z.number().int(), normal: z.number().int(), finished: z.number().int() })),
});
export type SupervisionBoard = z.infer<typeof supervisionBoardSchema>;
