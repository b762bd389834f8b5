import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { optionalText, pageOf, requiredText } from './common.schema.js';
import { MUTUAL_AID_PARTS } from './mutual-aid.schema.js';
import { WORKFLOW_STATUS_CODES, timelineEntrySchema, workflowAbilitiesSchema, workflowActionBodySchema, workflowStateSchema } from './workflow.schema.js';

/** Who filed a claim: the member on H5, a family member through the member's account, or union staff (为他人申请). */
export const MUTUAL_AID_FILER_TYPES = ['self', 'family', 'staff'] as const;
export type MutualAidFilerType = (typeof MUTUAL_AID_FILER_TYPES)[number];
export const MUTUAL_AID_FILER_TYPE_LABELS: Record<MutualAidFilerType, string> = { self: '本人申请', family: '家属代办', staff: '工会代为申请' };
export const MUTUAL_AID_FAMILY_RELATIONS = ['配偶', '子女', '父母', '兄弟姐妹', '其他亲属'] as const;

/** Images and scans of a claim (发票 and the papers behind it): JPG, PNG or PDF through the platform attachment mechanism. */
export const MUTUAL_AID_ATTACHMENT_TYPES = ['invoice', 'cost_list', 'discharge_summary', 'diagnosis', 'other'] as const;
export type MutualAidAttachmentType = (typeof MUTUAL_AID_ATTACHMENT_TYPES)[number];
export const MUTUAL_AID_ATTACHMENT_LABELS: Record<MutualAidAttachmentType, string> = {
  invoice: '发票',
  cost_list: '费用明细清单',
  discharge_summary: '出院小结/病历',
  diagnosis: '诊断证明',
  other: '其他材料',
};
export const MUTUAL_AID_ATTACHMENT_MAX_FILES = 60;

const fen = (label: string) => z.number({ error: `请填写${label}` }).int({ error: `${label}应为整数(分)` }).min(0, { error: `${label}不能为负` }).max(100_000_000, { error: `${label}过大` });

export const mutualAidInvoiceInputSchema = z
  .object({
    invoiceNo: z
      .string({ error: '请填写发票号码' })
      .trim()
      .min(4, { error: '发票号码至少4位' })
      .max(40, { error: '发票号码不能超过40位' })
      .refine((v) => /^[0-9A-Za-z\-\s]+$/.test(v), { error: '发票号码只能包含字母、数字和 -' }),
    invoiceDate: z.iso.date({ error: '开票日期应为 YYYY-MM-DD' }),
    totalFen: fen('票面金额').min(1, { error: '票面金额应大于0' }),
    selfPayFen: fen('个人自付金额'),
  })
  .refine((i) => i.selfPayFen <= i.totalFen, { path: ['selfPayFen'], error: '个人自付金额不能超过票面金额' });

const claimFields = z.object({
  part: z.enum(MUTUAL_AID_PARTS, { error: '请选择保障项目' }),
  hospital: requiredText(60, '就诊医院'),
  admissionDate: z.iso.date({ error: '入院(就诊)日期应为 YYYY-MM-DD' }),
  dischargeDate: z.iso.date({ error: '出院日期应为 YYYY-MM-DD' }).optional(),
  diagnosis: requiredText(200, '诊断'),
  invoices: z.array(mutualAidInvoiceInputSchema).min(1, { error: '请至少填写一张发票' }).max(30, { error: '一次最多30张发票' }),
});

const checkDates = (b: { admissionDate?: string; dischargeDate?: string }, ctx: z.RefinementCtx) => {
  if (b.admissionDate && b.dischargeDate && b.dischargeDate < b.admissionDate) ctx.addIssue({ code: 'custom', path: ['dischargeDate'], message: '出院日期不能早于入院日期' });
};

/**
 * The version of the 《医疗互助个人健康信息使用授权》 a claimant consents to (security.md 16): a separate consent,
 * recorded with its time on every claim; change it when the text changes.
 */
export const MUTUAL_AID_CONSENT_VERSION = 'mhi-2026-01';
const sensitiveConsent = z.literal(true, { error: '请阅读并同意《医疗互助个人健康信息使用授权》' });

/** Staff file on a member's behalf (为他人申请): the filer and their relation are recorded, with the member's signed consent. */
export const createMutualAidClaimBodySchema = claimFields.extend({ memberId: z.uuid({ error: '请选择会员' }), filerRelation: optionalText(20), sensitiveConsent }).superRefine(checkDates);
export const updateMutualAidClaimBodySchema = claimFields.partial().superRefine(checkDates);

/** The member's own claim on H5, for themself or filed by a family member through their account. */
export const applyMutualAidClaimBodySchema = claimFields
  .extend({
    filerType: z.enum(['self', 'family'], { error: '请选择本人申请或家属代办' }),
    familyName: optionalText(20),
    familyRelation: z.enum(MUTUAL_AID_FAMILY_RELATIONS, { error: '请选择与会员关系' }).optional(),
    submit: z.boolean().optional(),
    sensitiveConsent,
  })
  .superRefine((b, ctx) => {
    checkDates(b, ctx);
    if (b.filerType === 'family' && !b.familyName) ctx.addIssue({ code: 'custom', path: ['familyName'], message: '请填写代办家属姓名' });
    if (b.filerType === 'family' && !b.familyRelation) ctx.addIssue({ code: 'custom', path: ['familyRelation'], message: '请选择与会员关系' });
  });

export const mutualAidClaimActionBodySchema = workflowActionBodySchema.pick({ action: true, opinion: true });
export const mutualAidPayBodySchema = z.object({}).strict();

export const mutualAidClaimListQuerySchema = z.object({
  box: z.enum(['inbox', 'all', 'mine']).default('all'),
  periodId: z.uuid().optional(),
  status: z.enum([...WORKFLOW_STATUS_CODES, 'paid'] as const).optional(),
  part: z.enum(MUTUAL_AID_PARTS).optional(),
  orgId: z.uuid().optional(),
  filerType: z.enum(MUTUAL_AID_FILER_TYPES).optional(),
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const mutualAidExplanationLineSchema = z.object({ text: z.string(), amountFen: z.number().int() });
export type MutualAidExplanationLine = z.infer<typeof mutualAidExplanationLineSchema>;

export const mutualAidInvoiceSchema = z.object({ invoiceNo: z.string(), invoiceDate: z.string(), totalFen: z.number().int(), selfPayFen: z.number().int() });

export const mutualAidClaimSchema = z.object({
  id: z.string(),
  claimNo: z.string(),
  periodId: z.string(),
  periodName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  memberIdCard: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  part: z.enum(MUTUAL_AID_PARTS),
  partLabel: z.string(),
  hospital: z.string(),
  admissionDate: z.string(),
  dischargeDate: z.string().nullable(),
  diagnosis: z.string(),
  filerType: z.enum(MUTUAL_AID_FILER_TYPES),
  filerTypeLabel: z.string(),
  filerName: z.string(),
  filerRelation: z.string().nullable(),
  selfPayFen: z.number().int(),
  computedFen: z.number().int(),
  explanation: z.array(mutualAidExplanationLineSchema),
  invoices: z.array(mutualAidInvoiceSchema),
  /** 发票 images and papers */
  attachments: z.array(attachmentSchema),
  payout: z.object({ id: z.string(), amountFen: z.number().int(), status: z.string(), fundName: z.string(), createdAt: z.string() }).nullable(),
  createdAt: z.string(),
  status: z.enum(WORKFLOW_STATUS_CODES),
  workflow: workflowStateSchema,
  timeline: z.array(timelineEntrySchema),
  abilities: workflowAbilitiesSchema.extend({ canPay: z.boolean() }),
});
export type MutualAidClaim = z.infer<typeof mutualAidClaimSchema>;

export const mutualAidClaimListItemSchema = mutualAidClaimSchema.omit({ timeline: true, explanation: true, invoices: true, attachments: true });
export type MutualAidClaimListItem = z.infer<typeof mutualAidClaimListItemSchema>;
export const mutualAidClaimPageSchema = pageOf(mutualAidClaimListItemSchema);

/** The member's coverage this period (H5). */
export const mutualAidCoverageSchema = z.object({
  periodId: z.string().nullable(),
  periodName: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  coveredFrom: z.string().nullable(),
  endsOn: z.string().nullable(),
  overallCapFen: z.number().int(),
  usedFen: z.number().int(),
  remainingFen: z.number().int(),
  parts: z.array(z.object({ part: z.enum(MUTUAL_AID_PARTS), label: z.string(), ratioBp: z.number().int(), deductibleFen: z.number().int(), capFen: z.number().int(), usedFen: z.number().int() })),
});
export type MutualAidCoverage = z.infer<typeof mutualAidCoverageSchema>;

export const mutualAidReportQuerySchema = z.object({ periodId: z.uuid({ error: '请选择年度' }) });
export const mutualAidReportRowSchema = z.object({
  districtId: z.string(),
  districtName: z.string(),
  part: z.enum(MUTUAL_AID_PARTS),
  claims: z.number().int(),
  selfPayFen: z.number().int(),
  computedFen: z.number().int(),
  approved: z.number().int(),
  paid: z.number().int(),
  paidFen: z.number().int(),
});
export const mutualAidReportSchema = z.object({
  periodId: z.string(),
  periodName: z.string(),
  fund: z.object({ id: z.string(), name: z.string(), balanceFen: z.number().int(), incomeFen: z.number().int(), payoutFen: z.number().int() }),
  rows: z.array(mutualAidReportRowSchema),
});
export type MutualAidReport = z.infer<typeof mutualAidReportSchema>;
