import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { pageQuerySchema } from './common.schema.js';
import { orgTargetSchema } from './org-target.schema.js';

/** 通知公告: categories, urgency, states (草稿 → 已下发 → 已撤回). */
export const NOTICE_CATEGORIES = ['notice', 'bulletin', 'letter', 'meeting'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = { notice: '通知', bulletin: '通报', letter: '函', meeting: '会议通知' };

export const NOTICE_URGENCIES = ['normal', 'urgent', 'very_urgent'] as const;
export type NoticeUrgency = (typeof NOTICE_URGENCIES)[number];
export const NOTICE_URGENCY_LABELS: Record<NoticeUrgency, string> = { normal: '平件', urgent: '急件', very_urgent: '特急' };

export const NOTICE_STATUSES = ['draft', 'sent', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { draft: '草稿', sent: '已下发', withdrawn: '已撤回' };

/** 报送 of one recipient: 未报送 → 填报中 → 已报送 → 已接收 / 已退回(重新报送). */
export const NOTICE_REPLY_STATUSES = ['none', 'draft', 'submitted', 'accepted', 'returned'] as const;
export type NoticeReplyStatus = (typeof NOTICE_REPLY_STATUSES)[number];
export const NOTICE_REPLY_STATUS_LABELS: Record<NoticeReplyStatus, string> = { none: '未报送', draft: '填报中', submitted: '已报送', accepted: '已接收', returned: '已退回' };

/** 附件 of a notice and 报送材料 of a reply: JPG, PNG or PDF. */
export const NOTICE_FILE_TYPES = ['attachment'] as const;
export const NOTICE_REPLY_FILE_TYPES = ['material'] as const;
export const NOTICE_MAX_FILES = 10;

const date = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });

export const noticeBodySchema = z
  .object({
    title: z.string({ error: '请填写标题' }).trim().min(4, { error: '标题至少4个字' }).max(80, { error: '标题不能超过80个字' }),
    docNo: z.string().trim().max(40, { error: '文号不能超过40个字' }).optional().transform((v) => (v ? v : undefined)),
    body: z.string({ error: '请填写正文' }).trim().min(10, { error: '正文至少10个字' }).max(20000, { error: '正文不能超过20000个字' }),
    category: z.enum(NOTICE_CATEGORIES, { error: '请选择文种' }),
    urgency: z.enum(NOTICE_URGENCIES, { error: '请选择紧急程度' }).default('normal'),
    target: orgTargetSchema,
    signDeadline: date('签收期限'),
    replyRequired: z.boolean().default(false),
    replyDeadline: date('报送期限').optional(),
    replyInstructions: z.string().trim().max(500, { error: '报送要求不能超过500个字' }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.replyRequired && !b.replyDeadline) ctx.addIssue({ code: 'custom', path: ['replyDeadline'], message: '要求报送材料时请填写报送期限' });
    if (b.replyRequired && b.replyDeadline && b.replyDeadline < b.signDeadline) ctx.addIssue({ code: 'custom', path: ['replyDeadline'], message: '报送期限不能早于签收期限' });
  });
export type NoticeBody = z.infer<typeof noticeBodySchema>;
export type NoticeBodyInput = z.input<typeof noticeBodySchema>;

export const noticeTargetPreviewBodySchema = z.object({ target: orgTargetSchema });
export const noticeTargetPreviewSchema = z.object({ count: z.number().int(), sample: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) });

export const noticeWithdrawBodySchema = z.object({ reason: z.string({ error: '请填写撤回原因' }).trim().min(2, { error: '请填写撤回原因' }).max(300, { error: '撤回原因不能超过300个字' }) });
export const noticeRemindBodySchema = z.object({ receiptIds: z.array(z.uuid({ error: '编号格式不正确' })).min(1, { error: '请选择要催办的单位' }).max(5000) });
export const noticeRemindResultSchema = z.object({ reminded: z.number().int(), skipped: z.number().int() });
export const noticeReviewBodySchema = z
  .object({ decision: z.enum(['accept', 'return'], { error: '请选择接收或退回' }), reason: z.string().trim().max(300, { error: '退回原因不能超过300个字' }).optional() })
  .superRefine((b, ctx) => {
    if (b.decision === 'return' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '退回时请填写原因' });
  });
export const noticeReplyBodySchema = z.object({ text: z.string().trim().max(5000, { error: '报送说明不能超过5000个字' }) });

export const noticeListQuerySchema = pageQuerySchema.extend({
  /** own: 本单位发文; subtree: 下级单位发文(只读) */
  box: z.enum(['own', 'subtree'], { error: 'box 应为 own 或 subtree' }).default('own'),
  status: z.enum(NOTICE_STATUSES, { error: '状态不正确' }).optional(),
  category: z.enum(NOTICE_CATEGORIES, { error: '文种不正确' }).optional(),
  q: z.string().trim().max(40).optional(),
});
export type NoticeListQuery = z.infer<typeof noticeListQuerySchema>;

export const NOTICE_RECEIPT_FILTERS = ['all', 'unread', 'unsigned', 'signed', 'unreplied', 'replied', 'overdue'] as const;
export const NOTICE_RECEIPT_FILTER_LABELS: Record<(typeof NOTICE_RECEIPT_FILTERS)[number], string> = { all: '全部', unread: '未阅', unsigned: '未签收', signed: '已签收', unreplied: '未报送', replied: '已报送', overdue: '逾期' };
export const noticeReceiptQuerySchema = pageQuerySchema.extend({
  filter: z.enum(NOTICE_RECEIPT_FILTERS, { error: '筛选条件不正确' }).default('all'),
  q: z.string().trim().max(40).optional(),
});
export type NoticeReceiptQuery = z.infer<typeof noticeReceiptQuerySchema>;

export const NOTICE_INBOX_FILTERS = ['all', 'unread', 'unsigned', 'overdue', 'reply_pending'] as const;
export const NOTICE_INBOX_FILTER_LABELS: Record<(typeof NOTICE_INBOX_FILTERS)[number], string> = { all: '全部', unread: '未读', unsigned: '未签收', overdue: '已逾期', reply_pending: '待报送' };
export const noticeInboxQuerySchema = pageQuerySchema.extend({
  filter: z.enum(NOTICE_INBOX_FILTERS, { error: '筛选条件不正确' }).default('all'),
  q: z.string().trim().max(40).optional(),
});
export type NoticeInboxQuery = z.infer<typeof noticeInboxQuerySchema>;

export const noticeTotalsSchema = z.object({ recipients: z.number().int(), read: z.number().int(), signed: z.number().int(), replied: z.number().int(), overdue: z.number().int() });
export type NoticeTotals = z.infer<typeof noticeTotalsSchema>;

const header = {
  id: z.string(),
  title: z.string(),
  docNo: z.string().nullable(),
  category: z.enum(NOTICE_CATEGORIES),
  urgency: z.enum(NOTICE_URGENCIES),
  status: z.enum(NOTICE_STATUSES),
  orgId: z.string(),
  orgName: z.string(),
  signDeadline: z.string(),
  replyRequired: z.boolean(),
  replyDeadline: z.string().nullable(),
  sentAt: z.string().nullable(),
};

export const noticeListItemSchema = z.object({ ...header, createdAt: z.string(), totals: noticeTotalsSchema });
export type NoticeListItem = z.infer<typeof noticeListItemSchema>;

export const noticeSchema = z.object({
  ...header,
  body: z.string(),
  target: orgTargetSchema,
  replyInstructions: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  recipientCount: z.number().int(),
  sentByName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  totals: noticeTotalsSchema,
  abilities: z.object({ canEdit: z.boolean(), canSend: z.boolean(), canDelete: z.boolean(), canWithdraw: z.boolean(), canRemind: z.boolean(), canReview: z.boolean() }),
});
export type Notice = z.infer<typeof noticeSchema>;

const receiptFields = {
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  firstReadAt: z.string().nullable(),
  firstReadByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  replyStatus: z.enum(NOTICE_REPLY_STATUSES),
  replyText: z.string().nullable(),
  replyAttachments: z.array(attachmentSchema),
  replySubmittedAt: z.string().nullable(),
  replySubmittedByName: z.string().nullable(),
  replyLate: z.boolean(),
  replyReviewedAt: z.string().nullable(),
  replyReviewedByName: z.string().nullable(),
  returnReason: z.string().nullable(),
  signOverdue: z.boolean(),
  replyOverdue: z.boolean(),
};

/** One row of the sender's matrix. */
export const noticeReceiptSchema = z.object({ ...receiptFields, manualRemindedAt: z.string().nullable(), canRemind: z.boolean(), canReview: z.boolean() });
export type NoticeReceipt = z.infer<typeof noticeReceiptSchema>;
export const noticeReceiptPageSchema = z.object({ items: z.array(noticeReceiptSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), totals: noticeTotalsSchema });

/** One item of the 收文 inbox. */
export const noticeInboxItemSchema = z.object({
  ...header,
  receiptId: z.string(),
  firstReadAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  replyStatus: z.enum(NOTICE_REPLY_STATUSES),
  signOverdue: z.boolean(),
  replyOverdue: z.boolean(),
});
export type NoticeInboxItem = z.infer<typeof noticeInboxItemSchema>;

/** A received notice with this org's receipt. */
export const receivedNoticeSchema = z.object({
  ...header,
  receiptId: z.string(),
  body: z.string(),
  replyInstructions: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  receipt: z.object(receiptFields),
  abilities: z.object({ canSign: z.boolean(), canReply: z.boolean(), canSubmitReply: z.boolean() }),
});
export type ReceivedNotice = z.infer<typeof receivedNoticeSchema>;
