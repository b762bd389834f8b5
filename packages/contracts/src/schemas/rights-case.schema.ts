import { z } from 'zod';
import { optionalText, pageOf, requiredText } from './common.schema.js';
import { MOBILE_PATTERN } from '../validators/phone.validator.js';
import { timelineEntrySchema, workflowStateSchema } from './workflow.schema.js';

/** 维权案件: categories, urgency, phases, handling steps, outcomes and the worker's satisfaction. */
export const RIGHTS_CATEGORIES = ['wage_arrears', 'contract', 'injury', 'social_insurance', 'other'] as const;
export type RightsCategory = (typeof RIGHTS_CATEGORIES)[number];
export const RIGHTS_CATEGORY_LABELS: Record<RightsCategory, string> = { wage_arrears: '欠薪', contract: '劳动合同', injury: '工伤', social_insurance: '社保', other: '其他' };

export const RIGHTS_URGENCIES = ['normal', 'urgent'] as const;
export type RightsUrgency = (typeof RIGHTS_URGENCIES)[number];
export const RIGHTS_URGENCY_LABELS: Record<RightsUrgency, string> = { normal: '一般', urgent: '紧急' };
/** 群体性: this many workers affected or more makes a case 紧急 */
export const RIGHTS_GROUP_WORKERS = 10;
/** SLA in 工作日: acceptance, then handling to closure by urgency */
export const RIGHTS_ACCEPT_WORKDAYS = 1;
export const RIGHTS_HANDLE_WORKDAYS: Record<RightsUrgency, number> = { urgent: 15, normal: 30 };

export const RIGHTS_CHANNELS = ['h5', 'hotline'] as const;
export type RightsChannel = (typeof RIGHTS_CHANNELS)[number];
export const RIGHTS_CHANNEL_LABELS: Record<RightsChannel, string> = { h5: '职工网上求助', hotline: '12351热线' };

export const RIGHTS_PHASES = ['new', 'accepted', 'mediation', 'referred', 'closed', 'rejected', 'withdrawn'] as const;
export type RightsPhase = (typeof RIGHTS_PHASES)[number];
export const RIGHTS_PHASE_LABELS: Record<RightsPhase, string> = {
  new: '待受理',
  accepted: '已受理',
  mediation: '调解中',
  referred: '已转介',
  closed: '已结案',
  rejected: '不予受理',
  withdrawn: '已撤回',
};
export const RIGHTS_OPEN_PHASES: readonly RightsPhase[] = ['new', 'accepted', 'mediation', 'referred'];

export const RIGHTS_STEP_KINDS = ['consultation', 'mediation', 'legal_aid', 'arbitration'] as const;
export type RightsStepKind = (typeof RIGHTS_STEP_KINDS)[number];
export const RIGHTS_STEP_LABELS: Record<RightsStepKind, string> = { consultation: '咨询解答', mediation: '调解', legal_aid: '法律援助转介', arbitration: '仲裁支持' };

export const RIGHTS_OUTCOMES = ['resolved', 'partly', 'not_resolved', 'referred'] as const;
export type RightsOutcome = (typeof RIGHTS_OUTCOMES)[number];
export const RIGHTS_OUTCOME_LABELS: Record<RightsOutcome, string> = { resolved: '已解决', partly: '部分解决', not_resolved: '未解决', referred: '已移交有关部门' };

export const RIGHTS_SATISFACTIONS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type RightsSatisfaction = (typeof RIGHTS_SATISFACTIONS)[number];
export const RIGHTS_SATISFACTION_LABELS: Record<RightsSatisfaction, string> = { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' };

const fen = (label: string) => z.number({ error: `${label}应为数字` }).int({ error: `${label}应以分为单位的整数` }).min(0, { error: `${label}不能为负数` }).max(100_000_000_000, { error: `${label}过大` });
const workers = (label: string, min: number) => z.number({ error: `${label}应为数字` }).int({ error: `${label}应为整数` }).min(min, { error: `${label}至少为${min}` }).max(100_000, { error: `${label}过大` });

/** What a worker files on H5 (they are the party; the phone is a contact number for this case). */
const caseFacts = {
  category: z.enum(RIGHTS_CATEGORIES, { error: '请选择求助类别' }),
  description: z.string({ error: '请描述遇到的问题' }).trim().min(10, { error: '情况描述至少10个字' }).max(1000, { error: '情况描述不能超过1000个字' }),
  enterpriseId: z.uuid({ error: '请从企业名录中选择用人单位' }).optional(),
  enterpriseName: optionalText(80),
  enterpriseAddress: optionalText(120),
  /** the district of the employer's location: needed when the enterprise is not in the registry */
  districtOrgId: z.uuid({ error: '请选择用人单位所在区县(市)' }).optional(),
  workersAffected: workers('涉及人数', 1),
  amountClaimedFen: fen('诉求金额').default(0),
  urgency: z.enum(RIGHTS_URGENCIES, { error: '请选择紧急程度' }).optional(),
};

type FactsShape = { enterpriseId?: string; enterpriseName?: string; category: RightsCategory; amountClaimedFen: number };
function checkFacts(b: FactsShape, ctx: z.RefinementCtx): void {
  if (!b.enterpriseId && !b.enterpriseName) ctx.addIssue({ code: 'custom', path: ['enterpriseName'], message: '请选择或填写用人单位' });
  if (b.category === 'wage_arrears' && b.amountClaimedFen <= 0) ctx.addIssue({ code: 'custom', path: ['amountClaimedFen'], message: '欠薪求助请填写被拖欠的工资金额' });
}

export const memberRightsCaseBodySchema = z
  .object({ ...caseFacts, contactPhone: z.string().trim().regex(MOBILE_PATTERN, { error: '联系电话应为11位手机号' }).optional() })
  .strict()
  .superRefine(checkFacts);
export type MemberRightsCaseBody = z.infer<typeof memberRightsCaseBodySchema>;

/** A 12351 hotline call taken by staff. */
export const hotlineRightsCaseBodySchema = z
  .object({ ...caseFacts, callerName: requiredText(30, '来电人姓名'), callerPhone: z.string({ error: '请填写来电号码' }).trim().regex(MOBILE_PATTERN, { error: '来电号码应为11位手机号' }) })
  .strict()
  .superRefine(checkFacts);
export type HotlineRightsCaseBody = z.infer<typeof hotlineRightsCaseBodySchema>;

export const rightsAcceptBodySchema = z
  .object({ decision: z.enum(['accept', 'reject'], { error: '请选择受理或不予受理' }), opinion: optionalText(500) })
  .strict()
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && !b.opinion) ctx.addIssue({ code: 'custom', path: ['opinion'], message: '不予受理须写明理由(将告知职工)' });
  });

export const rightsStepBodySchema = z
  .object({
    kind: z.enum(RIGHTS_STEP_KINDS, { error: '请选择办理方式' }),
    stepDate: z.iso.date({ error: '请选择办理日期' }),
    handler: optionalText(30),
    note: requiredText(1000, '办理情况'),
  })
  .strict();
export type RightsStepBody = z.infer<typeof rightsStepBodySchema>;

export const rightsCloseBodySchema = z
  .object({ outcome: z.enum(RIGHTS_OUTCOMES, { error: '请选择办理结果' }), amountRecoveredFen: fen('追回金额').default(0), workersPaid: workers('已兑付人数', 0).default(0), note: requiredText(1000, '结案说明') })
  .strict();
export type RightsCloseBody = z.infer<typeof rightsCloseBodySchema>;

export const rightsRateBodySchema = z.object({ satisfaction: z.enum(RIGHTS_SATISFACTIONS, { error: '请选择满意度' }), comment: optionalText(300) }).strict();

export const rightsListQuerySchema = z.object({
  category: z.enum(RIGHTS_CATEGORIES).optional(),
  phase: z.enum(RIGHTS_PHASES).optional(),
  urgency: z.enum(RIGHTS_URGENCIES).optional(),
  districtOrgId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type RightsListQuery = z.infer<typeof rightsListQuerySchema>;

export const rightsAbilitiesSchema = z.object({ canAccept: z.boolean(), canAddStep: z.boolean(), canClose: z.boolean(), canWithdraw: z.boolean(), canRate: z.boolean() });
export type RightsAbilities = z.infer<typeof rightsAbilitiesSchema>;

export const rightsStepSchema = z.object({ id: z.number().int(), kind: z.enum(RIGHTS_STEP_KINDS), kindLabel: z.string(), stepDate: z.string(), handler: z.string(), note: z.string(), orgName: z.string().nullable(), createdAt: z.string() });

export const rightsCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  channel: z.enum(RIGHTS_CHANNELS),
  channelLabel: z.string(),
  category: z.enum(RIGHTS_CATEGORIES),
  categoryLabel: z.string(),
  urgency: z.enum(RIGHTS_URGENCIES),
  urgencyLabel: z.string(),
  urgencyReason: z.string().nullable(),
  description: z.string(),
  callerName: z.string(),
  callerPhone: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string(),
  enterpriseAddress: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  workersAffected: z.number().int(),
  amountClaimedFen: z.number().int(),
  phase: z.enum(RIGHTS_PHASES),
  phaseLabel: z.string(),
  outcome: z.enum(RIGHTS_OUTCOMES).nullable(),
  outcomeLabel: z.string().nullable(),
  amountRecoveredFen: z.number().int(),
  workersPaid: z.number().int(),
  closingNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  satisfaction: z.enum(RIGHTS_SATISFACTIONS).nullable(),
  satisfactionLabel: z.string().nullable(),
  satisfactionComment: z.string().nullable(),
  receivedAt: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  workflow: workflowStateSchema,
  steps: z.array(rightsStepSchema),
  timeline: z.array(timelineEntrySchema),
  abilities: rightsAbilitiesSchema,
});
export type RightsCase = z.infer<typeof rightsCaseSchema>;

export const rightsCaseListItemSchema = rightsCaseSchema.omit({ steps: true, timeline: true, workflow: true, description: true, closingNote: true, satisfactionComment: true });
export type RightsCaseListItem = z.infer<typeof rightsCaseListItemSchema>;
export const rightsCasePageSchema = pageOf(rightsCaseListItemSchema);

/** What the intake forms offer: the districts to route to. */
export const rightsOptionsSchema = z.object({ districts: z.array(z.object({ id: z.string(), name: z.string() })) });

/** 春节前欠薪专项: 欠薪 cases live during the window (received by its end and open now, received or closed in it), by district. */
export const rightsCampaignQuerySchema = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const rightsCampaignRowSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  cases: z.number().int(),
  openCases: z.number().int(),
  urgentCases: z.number().int(),
  workersAffected: z.number().int(),
  amountClaimedFen: z.number().int(),
  amountRecoveredFen: z.number().int(),
  workersPaid: z.number().int(),
});
export const rightsCampaignSchema = z.object({ from: z.string(), to: z.string(), springFestival: z.string(), rows: z.array(rightsCampaignRowSchema), total: rightsCampaignRowSchema.omit({ orgId: true, orgName: true }) });
export type RightsCampaign = z.infer<typeof rightsCampaignSchema>;
