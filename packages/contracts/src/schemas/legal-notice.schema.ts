import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { optionalText, pageQuerySchema, requiredText } from './common.schema.js';

/**
 * 劳动法律监督 "一函两书" (全总 工会劳动法律监督办法 2021): 提示函 and 意见书 to an enterprise, 建议书 to
 * the labour authority asking it to open a case. Reply periods in 工作日 per jurisdiction.
 */
export const LEGAL_NOTICE_KINDS = ['reminder', 'opinion', 'recommendation'] as const;
export type LegalNoticeKind = (typeof LEGAL_NOTICE_KINDS)[number];
export const LEGAL_NOTICE_KIND_LABELS: Record<LegalNoticeKind, string> = { reminder: '提示函', opinion: '意见书', recommendation: '建议书' };
/** The next instrument an escalation proposes (建议书 is the last). */
export const LEGAL_NOTICE_NEXT: Record<LegalNoticeKind, LegalNoticeKind | null> = { reminder: 'opinion', opinion: 'recommendation', recommendation: null };

export const LEGAL_NOTICE_STATUSES = ['draft', 'issued', 'delivered', 'overdue', 'unsatisfied', 'closed', 'escalated'] as const;
export type LegalNoticeStatus = (typeof LEGAL_NOTICE_STATUSES)[number];
export const LEGAL_NOTICE_STATUS_LABELS: Record<LegalNoticeStatus, string> = {
  draft: '草稿',
  issued: '已签发(待送达)',
  delivered: '已送达(待回复)',
  overdue: '逾期未回复',
  unsatisfied: '整改不到位',
  closed: '已结案',
  escalated: '已升级',
};

export const LEGAL_NOTICE_CATEGORIES = ['contract', 'wage_arrears', 'overtime', 'social_insurance', 'female_protection', 'other'] as const;
export type LegalNoticeCategory = (typeof LEGAL_NOTICE_CATEGORIES)[number];
export const LEGAL_NOTICE_CATEGORY_LABELS: Record<LegalNoticeCategory, string> = {
  contract: '未签订劳动合同',
  wage_arrears: '拖欠工资',
  overtime: '超时加班',
  social_insurance: '未缴社会保险',
  female_protection: '女职工特殊保护',
  other: '其他',
};

export const DELIVERY_METHODS = ['direct', 'post', 'electronic'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = { direct: '直接送达', post: '邮寄送达', electronic: '电子送达' };

export const LEGAL_VERDICTS = ['accepted', 'unsatisfied'] as const;
export const LEGAL_VERDICT_LABELS: Record<(typeof LEGAL_VERDICTS)[number], string> = { accepted: '整改到位,结案', unsatisfied: '整改不到位' };

export const LEGAL_PROOF_TYPES = ['receipt', 'post_slip', 'screenshot', 'other'] as const;
export const LEGAL_PROOF_LABELS: Record<(typeof LEGAL_PROOF_TYPES)[number], string> = { receipt: '送达回证', post_slip: '邮寄凭证', screenshot: '电子送达截图', other: '其他' };
export const LEGAL_REPLY_TYPES = ['reply_letter', 'rectification_proof', 'case_notice', 'other'] as const;
export const LEGAL_REPLY_LABELS: Record<(typeof LEGAL_REPLY_TYPES)[number], string> = { reply_letter: '书面回复', rectification_proof: '整改证明', case_notice: '立案通知', other: '其他' };
export const LEGAL_FILES_MAX = 10;

/** Domain defaults when a jurisdiction has not set its own (提示函: the platform's choice, configurable). */
export const LEGAL_DEFAULT_DAYS: Record<LegalNoticeKind, number> = { reminder: 10, opinion: 15, recommendation: 5 };

const isoDate = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });
const days = (label: string) => z.coerce.number({ error: `请填写${label}` }).int({ error: `${label}应为整数` }).min(1, { error: `${label}至少1个工作日` }).max(60, { error: `${label}最多60个工作日` });

export const legalNoticeBodySchema = z.object({
  kind: z.enum(LEGAL_NOTICE_KINDS, { error: '请选择文书种类' }),
  enterpriseId: z.uuid({ error: '请选择企业' }),
  category: z.enum(LEGAL_NOTICE_CATEGORIES, { error: '请选择问题类别' }),
  problem: requiredText(2000, '发现的问题'),
  legalBasis: requiredText(2000, '法律依据'),
  demand: requiredText(2000, '整改要求'),
  /** 建议书: the labour authority; else the enterprise's name */
  addressee: optionalText(100),
});
export type LegalNoticeBody = z.infer<typeof legalNoticeBodySchema>;
export const legalNoticeUpdateSchema = legalNoticeBodySchema.omit({ kind: true, enterpriseId: true });

export const legalDeliveryBodySchema = z.object({
  method: z.enum(DELIVERY_METHODS, { error: '请选择送达方式' }),
  deliveredOn: isoDate('送达日期'),
  receiver: requiredText(60, '签收人'),
});

export const legalReplyBodySchema = z.object({
  repliedOn: isoDate('回复日期'),
  content: requiredText(4000, '回复内容'),
  rectification: optionalText(4000),
  verdict: z.enum(LEGAL_VERDICTS, { error: '请选择处理结果' }),
  verdictNote: optionalText(1000),
});

export const legalNoticeListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(LEGAL_NOTICE_KINDS).optional(),
  status: z.enum(LEGAL_NOTICE_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  districtId: z.uuid({ error: '区县格式不正确' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  enterpriseId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
});
export const legalNoticeExportBodySchema = legalNoticeListQuerySchema.omit({ page: true, pageSize: true });

export const legalNoticeListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(LEGAL_NOTICE_KINDS),
  kindLabel: z.string(),
  status: z.enum(LEGAL_NOTICE_STATUSES),
  statusLabel: z.string(),
  serialNo: z.string().nullable(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  orgName: z.string(),
  districtName: z.string().nullable(),
  category: z.enum(LEGAL_NOTICE_CATEGORIES),
  categoryLabel: z.string(),
  deliveredOn: z.string().nullable(),
  replyDueOn: z.string().nullable(),
  repliedOn: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type LegalNoticeListItem = z.infer<typeof legalNoticeListItemSchema>;

export const legalNoticeSchema = legalNoticeListItemSchema.extend({
  orgId: z.string(),
  addressee: z.string(),
  problem: z.string(),
  legalBasis: z.string(),
  demand: z.string(),
  replyDays: z.number(),
  body: z.array(z.string()),
  issuedAt: z.string().nullable(),
  deliveryMethod: z.enum(DELIVERY_METHODS).nullable(),
  receiver: z.string().nullable(),
  deliveryProof: z.array(attachmentSchema),
  replyContent: z.string().nullable(),
  rectification: z.string().nullable(),
  verdict: z.enum(LEGAL_VERDICTS).nullable(),
  verdictNote: z.string().nullable(),
  replyFiles: z.array(attachmentSchema),
  closedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  previousId: z.string().nullable(),
  nextId: z.string().nullable(),
  nextKind: z.enum(LEGAL_NOTICE_KINDS).nullable(),
  abilities: z.object({ canEdit: z.boolean(), canIssue: z.boolean(), canDeliver: z.boolean(), canReply: z.boolean(), canEscalate: z.boolean(), canAttach: z.boolean() }),
});
export type LegalNotice = z.infer<typeof legalNoticeSchema>;

export const legalTemplateSchema = z.object({
  kinds: z.array(z.object({ kind: z.enum(LEGAL_NOTICE_KINDS), label: z.string(), title: z.string(), body: z.array(z.string()) })),
  presets: z.array(z.object({ category: z.enum(LEGAL_NOTICE_CATEGORIES), label: z.string(), problem: z.string(), legalBasis: z.string(), demand: z.string() })),
});
export type LegalTemplates = z.infer<typeof legalTemplateSchema>;

export const legalSettingsBodySchema = z.object({
  reminderDays: days('提示函回复期限'),
  opinionDays: days('意见书回复期限'),
  recommendationDays: days('建议书立案期限'),
  serialPrefix: optionalText(12),
});
export const legalSettingsSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  level: z.enum(['city', 'district']),
  custom: z.boolean(),
  reminderDays: z.number(),
  opinionDays: z.number(),
  recommendationDays: z.number(),
  serialPrefix: z.string(),
  canEdit: z.boolean(),
});
export type LegalSettings = z.infer<typeof legalSettingsSchema>;
export const legalSettingsParamSchema = z.object({ orgId: z.uuid({ error: '组织编号格式不正确' }) });
