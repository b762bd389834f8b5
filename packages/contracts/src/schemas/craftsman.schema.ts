import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { pageQuerySchema } from './common.schema.js';
import { WORKFLOW_ACTION_CODES, timelineEntrySchema, workflowAbilitiesSchema, workflowStateSchema } from './workflow.schema.js';

/**
 * 杭州工匠 selection (yearly since 2016): a call with places and quotas per nominating union,
 * nominations checked against the rules, expert scoring (trimmed mean), the leading group's
 * decision, 公示, the city's approval, the award and the D类人才 certificate, the register.
 */
export const CRAFTSMAN_CALL_STATUSES = ['draft', 'open', 'reviewing', 'closed'] as const;
export type CraftsmanCallStatus = (typeof CRAFTSMAN_CALL_STATUSES)[number];
export const CRAFTSMAN_CALL_STATUS_LABELS: Record<CraftsmanCallStatus, string> = { draft: '筹备中', open: '推荐中', reviewing: '评审中', closed: '已结束' };

export const CONTEST_LEVELS = ['world', 'national', 'provincial', 'city'] as const;
export type ContestLevel = (typeof CONTEST_LEVELS)[number];
export const CONTEST_LEVEL_LABELS: Record<ContestLevel, string> = { world: '世界级', national: '国家级', provincial: '省级', city: '市级' };

export const CRAFTSMAN_DECISIONS = ['craftsman', 'nominee'] as const;
export type CraftsmanDecision = (typeof CRAFTSMAN_DECISIONS)[number];
export const CRAFTSMAN_DECISION_LABELS: Record<CraftsmanDecision, string> = { craftsman: '杭州工匠', nominee: '杭州工匠提名奖' };

/** Where a nomination stands, for lists and filters (from its case, scores, decision and approval). */
export const CRAFTSMAN_STAGES = ['draft', 'returned', 'submitted', 'scoring', 'deciding', 'publicity', 'awaiting_approval', 'approved', 'not_selected', 'withdrawn'] as const;
export type CraftsmanStage = (typeof CRAFTSMAN_STAGES)[number];
export const CRAFTSMAN_STAGE_LABELS: Record<CraftsmanStage, string> = {
  draft: '草稿',
  returned: '已退回修改',
  submitted: '已推荐待评审',
  scoring: '专家评分中',
  deciding: '待领导小组审定',
  publicity: '公示中',
  awaiting_approval: '待市政府批准',
  approved: '已批准',
  not_selected: '未入选',
  withdrawn: '已撤回',
};

/** The experts' criteria and their maximum points (a total of 100). */
export const CRAFTSMAN_CRITERIA = [
  { key: 'skill', title: '技能水平', maxPoints: 40 },
  { key: 'innovation', title: '技术创新与攻关', maxPoints: 30 },
  { key: 'contribution', title: '业绩贡献', maxPoints: 20 },
  { key: 'mentoring', title: '传技带徒', maxPoints: 10 },
] as const;
export type CraftsmanCriterionKey = (typeof CRAFTSMAN_CRITERIA)[number]['key'];

const dateText = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` });

export const craftsmanQuotaSchema = z.object({ orgId: z.string(), orgName: z.string(), places: z.number().int(), used: z.number().int() });

export const craftsmanCallSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  nominationStartsOn: z.string(),
  nominationEndsOn: z.string(),
  totalPlaces: z.number().int(),
  nomineePlaces: z.number().int(),
  awardFen: z.number().int(),
  status: z.enum(CRAFTSMAN_CALL_STATUSES),
  statusLabel: z.string(),
  notes: z.string().nullable(),
  quotas: z.array(craftsmanQuotaSchema),
  counts: z.object({ nominations: z.number().int(), craftsmen: z.number().int(), nominees: z.number().int() }),
  abilities: z.object({ canEdit: z.boolean(), canNominate: z.boolean() }),
});
export type CraftsmanCall = z.infer<typeof craftsmanCallSchema>;

export const craftsmanCallBodySchema = z
  .object({
    year: z.number({ error: '请填写年度' }).int().min(2016, { error: '杭州工匠评选始于2016年' }).max(2100, { error: '年度不正确' }),
    title: z.string({ error: '请填写评选名称' }).trim().min(2, { error: '请填写评选名称' }).max(100, { error: '评选名称不能超过100个字' }),
    nominationStartsOn: dateText('推荐开始日期'),
    nominationEndsOn: dateText('推荐截止日期'),
    totalPlaces: z.number({ error: '请填写评选名额' }).int().min(1, { error: '评选名额至少1名' }).max(1000, { error: '评选名额不能超过1000名' }),
    nomineePlaces: z.number().int().min(0, { error: '提名奖名额不能为负' }).max(1000).default(0),
    awardFen: z.number().int().min(0, { error: '奖励金额不能为负' }).max(100_000_000).default(5_000_000),
    notes: z.string().trim().max(2000, { error: '说明不能超过2000个字' }).optional(),
    quotas: z.array(z.object({ orgId: z.uuid({ error: '推荐单位编号格式不正确' }), places: z.number().int().min(0, { error: '名额不能为负' }).max(1000) })).max(200).default([]),
  })
  .refine((b) => b.nominationEndsOn >= b.nominationStartsOn, { path: ['nominationEndsOn'], error: '推荐截止日期不能早于开始日期' });

export const craftsmanCallStatusBodySchema = z.object({ status: z.enum(CRAFTSMAN_CALL_STATUSES, { error: '状态应为 draft、open、reviewing 或 closed' }) });

export const craftsmanContestSchema = z.object({
  name: z.string({ error: '请填写竞赛名称' }).trim().min(2, { error: '请填写竞赛名称' }).max(100, { error: '竞赛名称不能超过100个字' }),
  level: z.enum(CONTEST_LEVELS, { error: '竞赛级别应为世界级、国家级、省级或市级' }),
  rank: z.number({ error: '请填写名次' }).int().min(1, { error: '名次至少为1' }).max(1000),
  year: z.number({ error: '请填写获奖年份' }).int().min(1980).max(2100),
});
export type CraftsmanContest = z.infer<typeof craftsmanContestSchema>;

const nominationFields = {
  trade: z.string({ error: '请填写职业(工种)' }).trim().min(2, { error: '请填写职业(工种)' }).max(50, { error: '职业(工种)不能超过50个字' }),
  employerName: z.string({ error: '请填写工作单位' }).trim().min(2, { error: '请填写工作单位' }).max(100, { error: '工作单位不能超过100个字' }),
  employedInHangzhou: z.boolean({ error: '请确认是否在杭州就业' }),
  tradeStartedOn: dateText('从事本职业起始日期'),
  hangzhouFullTimeSince: dateText('在杭全职工作起始日期'),
  contestResults: z.array(craftsmanContestSchema).max(20, { error: '竞赛成绩最多20项' }).default([]),
  deeds: z.string({ error: '请填写主要事迹' }).trim().min(10, { error: '主要事迹至少10个字' }).max(5000, { error: '主要事迹不能超过5000个字' }),
};
export const craftsmanNominationBodySchema = z.object({ callId: z.uuid({ error: '请选择年度评选' }), memberId: z.uuid({ error: '请选择被推荐会员' }), ...nominationFields });
export const craftsmanNominationUpdateSchema = z.object(nominationFields).partial();

export const craftsmanEligibilitySchema = z.object({
  eligible: z.boolean(),
  failures: z.array(z.object({ path: z.string(), message: z.string() })),
  /** the contest result that waived the 10 years in the trade, when it applied */
  waiver: z.string().nullable(),
  yearsInTrade: z.number(),
});
export type CraftsmanEligibility = z.infer<typeof craftsmanEligibilitySchema>;

export const craftsmanPointsSchema = z.object(
  Object.fromEntries(CRAFTSMAN_CRITERIA.map((c) => [c.key, z.number({ error: `请填写${c.title}得分` }).min(0, { error: `${c.title}得分不能为负` }).max(c.maxPoints, { error: `${c.title}最高${c.maxPoints}分` })])) as Record<
    CraftsmanCriterionKey,
    z.ZodNumber
  >,
);
export const craftsmanScoreBodySchema = z.object({ points: craftsmanPointsSchema, comment: z.string().trim().max(1000, { error: '评语不能超过1000个字' }).optional() });
export const craftsmanScoreSchema = z.object({ expertName: z.string(), total: z.number(), points: z.record(z.string(), z.number()), comment: z.string().nullable(), mine: z.boolean() });

export const craftsmanActionBodySchema = z.object({
  action: z.enum(WORKFLOW_ACTION_CODES, { error: '操作应为 submit、approve、reject、return、withdraw 或 reopen' }),
  opinion: z.string().trim().max(1000, { error: '意见不能超过1000个字' }).optional(),
  /** with approve at the leading group's step: 杭州工匠 or 提名奖 */
  decision: z.enum(CRAFTSMAN_DECISIONS, { error: '审定结果应为杭州工匠或提名奖' }).optional(),
});

export const craftsmanAwardBodySchema = z.object({ fundId: z.uuid({ error: '请选择支付资金' }) });

export const craftsmanNominationSchema = z.object({
  id: z.string(),
  callId: z.string(),
  callYear: z.number().int(),
  memberId: z.string(),
  memberName: z.string(),
  gender: z.string(),
  memberOrgName: z.string(),
  frontline: z.boolean(),
  nominatingOrgId: z.string(),
  nominatingOrgName: z.string(),
  trade: z.string(),
  employerName: z.string(),
  employedInHangzhou: z.boolean(),
  tradeStartedOn: z.string(),
  hangzhouFullTimeSince: z.string(),
  contestResults: z.array(craftsmanContestSchema),
  deeds: z.string(),
  evidence: z.array(attachmentSchema),
  stage: z.enum(CRAFTSMAN_STAGES),
  stageLabel: z.string(),
  workflow: workflowStateSchema,
  eligibility: craftsmanEligibilitySchema,
  decision: z.enum(CRAFTSMAN_DECISIONS).nullable(),
  decisionLabel: z.string().nullable(),
  scoreCount: z.number().int(),
  /** the trimmed mean of the experts' totals (drop highest and lowest with 5 or more experts) */
  finalScore: z.number().nullable(),
  scores: z.array(craftsmanScoreSchema),
  certificateNo: z.string().nullable(),
  cityApprovedAt: z.string().nullable(),
  payout: z.object({ id: z.string(), amountFen: z.number().int(), status: z.string() }).nullable(),
  timeline: z.array(timelineEntrySchema),
  abilities: workflowAbilitiesSchema.extend({
    canScore: z.boolean(),
    canDecide: z.boolean(),
    canCityApprove: z.boolean(),
    canPay: z.boolean(),
    canCertificate: z.boolean(),
    canEditEvidence: z.boolean(),
  }),
});
export type CraftsmanNomination = z.infer<typeof craftsmanNominationSchema>;

export const craftsmanNominationListQuerySchema = pageQuerySchema.extend({
  callId: z.uuid({ error: '评选编号格式不正确' }).optional(),
  stage: z.enum(CRAFTSMAN_STAGES).optional(),
  q: z.string().trim().max(50).optional(),
});

export const craftsmanRankingItemSchema = z.object({
  id: z.string(),
  rank: z.number().int().nullable(),
  memberName: z.string(),
  trade: z.string(),
  nominatingOrgName: z.string(),
  scoreCount: z.number().int(),
  finalScore: z.number().nullable(),
  stage: z.enum(CRAFTSMAN_STAGES),
  stageLabel: z.string(),
  decisionLabel: z.string().nullable(),
});

export type CraftsmanRankingItem = z.infer<typeof craftsmanRankingItemSchema>;

export const craftsmanRegisterQuerySchema = z.object({ year: z.coerce.number().int().min(2016, { error: '年度不正确' }).max(2100, { error: '年度不正确' }) });
/** The yearly register: public-safe fields only (no 身份证, phone or bank account). */
export const craftsmanRegisterItemSchema = z.object({
  nominationId: z.string(),
  year: z.number().int(),
  title: z.string(),
  name: z.string(),
  gender: z.string(),
  trade: z.string(),
  employerName: z.string(),
  nominatingOrgName: z.string(),
  certificateNo: z.string().nullable(),
  approvedOn: z.string().nullable(),
});
export type CraftsmanRegisterItem = z.infer<typeof craftsmanRegisterItemSchema>;

/** 推荐材料 kinds (JPG, PNG or PDF). */
export const CRAFTSMAN_EVIDENCE_TYPES = ['skill_certificate', 'contest_award', 'achievement', 'recommendation_form', 'other'] as const;
export const CRAFTSMAN_EVIDENCE_TYPE_LABELS: Record<(typeof CRAFTSMAN_EVIDENCE_TYPES)[number], string> = {
  skill_certificate: '职业技能等级证书',
  contest_award: '竞赛获奖证书',
  achievement: '技术成果(专利、攻关、带徒)',
  recommendation_form: '推荐表',
  other: '其他',
};
