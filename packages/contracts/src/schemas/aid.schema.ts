import { z } from 'zod';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, attachmentParamSchema, attachmentSchema, type Attachment } from './attachment.schema.js';
import { WORKFLOW_STATUS_CODES, timelineEntrySchema, workflowAbilitiesSchema, workflowActionBodySchema, workflowStateSchema } from './workflow.schema.js';

export const AID_CATEGORIES = ['hardship', 'medical', 'education', 'emergency', 'other'] as const;
export type AidCategory = (typeof AID_CATEGORIES)[number];
export const AID_CATEGORY_LABELS: Record<AidCategory, string> = { hardship: '助困', medical: '助医', education: '助学', emergency: '应急救助', other: '其他(反哺等)' };

/** The nine kinds of 证明材料 of the 全总 hardship-aid system. */
export const AID_EVIDENCE_TYPES = ['income_proof', 'medical_bills', 'diagnosis', 'school_enrolment', 'accident_proof', 'household_register', 'disability_certificate', 'home_visit_form', 'publicity_record'] as const;
export const AID_EVIDENCE_LABELS: Record<(typeof AID_EVIDENCE_TYPES)[number], string> = {
  income_proof: '收入证明',
  medical_bills: '医疗费用票据',
  diagnosis: '诊断证明',
  school_enrolment: '在学证明',
  accident_proof: '事故/灾害证明',
  household_register: '户口簿/家庭成员证明',
  disability_certificate: '残疾证',
  home_visit_form: '入户调查表',
  publicity_record: '公示记录',
};
export type AidEvidenceType = (typeof AID_EVIDENCE_TYPES)[number];

/** 证明材料 files: JPG, PNG or PDF (checked by their bytes on the server), at most 10 MB each, 30 per application. */
export const AID_EVIDENCE_MAX_BYTES = ATTACHMENT_MAX_BYTES;
export const AID_EVIDENCE_MAX_FILES = 30;
export const AID_EVIDENCE_ACCEPT = ATTACHMENT_ACCEPT;

/** The `type` field of an evidence upload (multipart). */
export const aidEvidenceTypeSchema = z.enum(AID_EVIDENCE_TYPES, { error: '请选择材料类型' });

/** One uploaded 证明材料 of an application (the list is kept by the server, through the evidence routes only). */
export const aidEvidenceSchema = attachmentSchema;
export type AidEvidence = Attachment;

export const aidEvidenceParamSchema = attachmentParamSchema;

const MAX_AMOUNT_FEN = 10_000_000; // 10 万元
const amountFen = z
  .number({ error: '请填写金额(分)' })
  .int({ error: '金额应为整数(分)' })
  .min(1, { error: '金额应大于0' })
  .max(MAX_AMOUNT_FEN, { error: '单笔帮扶金额不能超过10万元' });

/**
 * The version of the 《个人敏感信息使用授权》 text an applicant consents to (security.md 16): recorded with the
 * time on every application; change it when the text changes.
 */
export const SENSITIVE_CONSENT_VERSION = 'psi-2026-01';

export const createAidApplicationBodySchema = z.object({
  memberId: z.uuid({ error: '请选择会员' }),
  category: z.enum(AID_CATEGORIES, { error: '帮扶类别应为 hardship、medical、education、emergency 或 other' }),
  amountFen,
  reason: z.string({ error: '请填写申请理由' }).trim().min(2, { error: '申请理由至少2个字' }).max(2000, { error: '申请理由不能超过2000个字' }),
  householdId: z.uuid({ error: '困难档案编号格式不正确' }).optional(),
  campaignId: z.uuid({ error: '活动编号格式不正确' }).optional(),
  /** staff filing on a worker's behalf confirm the worker's signed consent to the use of their sensitive data (a draft may be saved without it; submit needs it) */
  sensitiveConsent: z.boolean().optional(),
});

export const updateAidApplicationBodySchema = createAidApplicationBodySchema.omit({ memberId: true }).partial();

/** A worker's own application from the H5 form: consent is required. */
export const applyAidBodySchema = createAidApplicationBodySchema.omit({ memberId: true, householdId: true }).extend({
  sensitiveConsent: z.literal(true, { error: '请阅读并同意《个人敏感信息使用授权》' }),
  /** false keeps it as a draft, so 证明材料 can be uploaded before it is submitted (default: submitted at once) */
  submit: z.boolean().optional(),
});

export const aidActionBodySchema = workflowActionBodySchema.extend({
  /** the amount approved (at most the amount asked); only with approve */
  approvedAmountFen: amountFen.optional(),
});

export const homeVisitBodySchema = z.object({
  visitedOn: z.iso.date({ error: '走访日期格式应为 YYYY-MM-DD' }),
  visitors: z.string({ error: '请填写走访人' }).trim().min(2, { error: '请填写走访人' }).max(100),
  findings: z.string({ error: '请填写调查情况' }).trim().min(5, { error: '调查情况至少5个字' }).max(2000),
  incomeCheckConsentSigned: z.literal(true, { error: '须由申请人签署收入核查授权书' }),
});

export const disburseBodySchema = z.object({ fundId: z.uuid({ error: '请选择支出资金' }) });

export const aidListQuerySchema = z.object({
  box: z.enum(['inbox', 'all', 'mine']).default('all'),
  status: z.enum(WORKFLOW_STATUS_CODES).optional(),
  category: z.enum(AID_CATEGORIES).optional(),
  campaignId: z.uuid().optional(),
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const aidApplicationSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  memberIdCard: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  householdId: z.string().nullable(),
  campaignId: z.string().nullable(),
  category: z.enum(AID_CATEGORIES),
  categoryLabel: z.string(),
  amountFen: z.number().int(),
  approvedAmountFen: z.number().int().nullable(),
  reason: z.string(),
  filedByName: z.string().nullable(),
  onBehalf: z.boolean(),
  sensitiveConsent: z.boolean(),
  homeVisit: z
    .object({ visitedOn: z.string(), visitors: z.string(), findings: z.string(), incomeCheckConsentSigned: z.boolean(), recordedBy: z.string(), recordedAt: z.string() })
    .nullable(),
  evidence: z.array(aidEvidenceSchema),
  payout: z.object({ id: z.string(), amountFen: z.number().int(), status: z.string(), fundName: z.string(), createdAt: z.string() }).nullable(),
  createdAt: z.string(),
  status: z.enum(WORKFLOW_STATUS_CODES),
  workflow: workflowStateSchema,
  timeline: z.array(timelineEntrySchema),
  abilities: workflowAbilitiesSchema.extend({ canRecordVisit: z.boolean(), canDisburse: z.boolean() }),
  /** benefits this member or household already received this year, from any programme */
  doubleAidWarnings: z.array(z.string()),
});
export type AidApplication = z.infer<typeof aidApplicationSchema>;

export const aidApplicationListItemSchema = aidApplicationSchema.omit({ timeline: true, doubleAidWarnings: true, homeVisit: true, evidence: true });

export const aidSettingsSchema = z.object({
  /** above this amount an application also needs the city's approval */
  cityApprovalThresholdFen: z.number({ error: '请填写市总审批金额' }).int({ error: '金额应为整数(分)' }).min(0, { error: '金额不能为负' }).max(MAX_AMOUNT_FEN, { error: '不能超过10万元' }),
  /** calendar days on the public 公示 page; 0 ends 公示 at once */
  publicityDays: z.number({ error: '请填写公示天数' }).int({ error: '公示天数应为整数' }).min(0, { error: '公示天数不能为负' }).max(30, { error: '公示天数不能超过30天' }),
});
