import { z } from 'zod';
import { optionalText, pageOf, requiredText } from './common.schema.js';

/**
 * 医疗互助 (杭州市在职职工医疗互助保障办法): yearly periods with a plan of parts (ratios, 起付线,
 * per-part caps, contributions), group enrolment by grassroots unions with a payment record, and
 * claims (see mutual-aid-claim.schema.ts). Money in integer 分, ratios in basis points (1/10000).
 */
export const MUTUAL_AID_PARTS = ['inpatient', 'outpatient', 'serious_illness', 'women_special'] as const;
export type MutualAidPart = (typeof MUTUAL_AID_PARTS)[number];
export const MUTUAL_AID_PART_LABELS: Record<MutualAidPart, string> = {
  inpatient: '住院自付医疗费用',
  outpatient: '规定病种门诊自付医疗费用',
  serious_illness: '重大疾病(含住院生活补助)',
  women_special: '女职工特殊疾病',
};
/** 65,200 元 per member per period, in 分 (the default of a period's overall cap) */
export const MUTUAL_AID_DEFAULT_OVERALL_CAP_FEN = 6_520_000;
export const MUTUAL_AID_LATE_POLICIES = ['waiting', 'refuse'] as const;
export type MutualAidLatePolicy = (typeof MUTUAL_AID_LATE_POLICIES)[number];
export const MUTUAL_AID_LATE_POLICY_LABELS: Record<MutualAidLatePolicy, string> = { waiting: '受理补报,设等待期', refuse: '截止后不再受理' };

const fenField = (label: string, max = 100_000_000) =>
  z.number({ error: `请填写${label}` }).int({ error: `${label}应为整数(分)` }).min(0, { error: `${label}不能为负` }).max(max, { error: `${label}过大` });

export const mutualAidPartRuleSchema = z.object({
  part: z.enum(MUTUAL_AID_PARTS, { error: '保障项目不正确' }),
  enabled: z.boolean({ error: '请选择是否开办' }),
  /** reimbursement ratio in basis points: 6000 = 60% */
  ratioBp: z.number({ error: '请填写赔付比例' }).int({ error: '赔付比例应为整数(万分比)' }).min(0, { error: '赔付比例不能为负' }).max(10_000, { error: '赔付比例不能超过100%' }),
  deductibleFen: fenField('起付线'),
  capFen: fenField('分项年度限额'),
  contributionFen: fenField('每人缴费', 1_000_000),
  /** 住院生活补助 per day of hospital stay (0 = none) and the most days per period */
  allowancePerDayFen: fenField('住院生活补助', 100_000).default(0),
  allowanceMaxDays: z.number({ error: '补助天数应为整数' }).int({ error: '补助天数应为整数' }).min(0, { error: '补助天数不能为负' }).max(366, { error: '补助天数不能超过366天' }).default(0),
});
export type MutualAidPartRule = z.infer<typeof mutualAidPartRuleSchema>;

export const mutualAidPeriodBodySchema = z
  .object({
    year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }).min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' }),
    name: requiredText(60, '名称'),
    startsOn: z.iso.date({ error: '保障起始日期应为 YYYY-MM-DD' }),
    endsOn: z.iso.date({ error: '保障终止日期应为 YYYY-MM-DD' }),
    enrolDeadline: z.iso.date({ error: '参保截止日期应为 YYYY-MM-DD' }),
    latePolicy: z.enum(MUTUAL_AID_LATE_POLICIES, { error: '逾期规则应为 waiting 或 refuse' }),
    lateWaitingDays: z.number({ error: '请填写等待期天数' }).int({ error: '等待期应为整数天' }).min(0, { error: '等待期不能为负' }).max(365, { error: '等待期不能超过365天' }),
    overallCapFen: z.number({ error: '请填写年度累计限额' }).int({ error: '限额应为整数(分)' }).min(1, { error: '限额应大于0' }).max(100_000_000, { error: '限额过大' }),
    fundId: z.uuid({ error: '请选择医疗互助资金' }),
    parts: z.array(mutualAidPartRuleSchema).length(MUTUAL_AID_PARTS.length, { error: '须配置全部四个保障项目' }),
    note: optionalText(500),
  })
  .superRefine((b, ctx) => {
    if (b.endsOn < b.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '保障终止日期不能早于起始日期' });
    if (b.enrolDeadline > b.endsOn) ctx.addIssue({ code: 'custom', path: ['enrolDeadline'], message: '参保截止日期不能晚于保障终止日期' });
    const seen = new Set(b.parts.map((p) => p.part));
    if (seen.size !== MUTUAL_AID_PARTS.length) ctx.addIssue({ code: 'custom', path: ['parts'], message: '每个保障项目须且只能配置一次' });
    b.parts.forEach((p, i) => {
      if (p.enabled && p.capFen > b.overallCapFen) ctx.addIssue({ code: 'custom', path: ['parts', i, 'capFen'], message: '分项限额不能超过年度累计限额' });
    });
  });
export type MutualAidPeriodBody = z.infer<typeof mutualAidPeriodBodySchema>;

export const MUTUAL_AID_PERIOD_STAGES = ['upcoming', 'active', 'ended'] as const;
export const MUTUAL_AID_PERIOD_STAGE_LABELS: Record<(typeof MUTUAL_AID_PERIOD_STAGES)[number], string> = { upcoming: '未开始', active: '保障期内', ended: '已结束' };

export const mutualAidPeriodSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  enrolDeadline: z.string(),
  latePolicy: z.enum(MUTUAL_AID_LATE_POLICIES),
  lateWaitingDays: z.number().int(),
  overallCapFen: z.number().int(),
  fundId: z.string(),
  fundName: z.string(),
  parts: z.array(mutualAidPartRuleSchema),
  note: z.string().nullable(),
  stage: z.enum(MUTUAL_AID_PERIOD_STAGES),
  /** frozen once the first member is enrolled */
  frozen: z.boolean(),
  enrolled: z.number().int(),
  covered: z.number().int(),
  abilities: z.object({ canEdit: z.boolean(), canEnrol: z.boolean() }),
});
export type MutualAidPeriod = z.infer<typeof mutualAidPeriodSchema>;

// ---- group enrolment ----
export const MUTUAL_AID_ENROLMENT_STATES = ['not_enrolled', 'unpaid', 'covered', 'waiting', 'withdrawn'] as const;
export type MutualAidEnrolmentState = (typeof MUTUAL_AID_ENROLMENT_STATES)[number];
export const MUTUAL_AID_ENROLMENT_STATE_LABELS: Record<MutualAidEnrolmentState, string> = {
  not_enrolled: '未参保',
  unpaid: '已登记未缴费',
  covered: '保障中',
  waiting: '逾期参保等待期',
  withdrawn: '已退出(离会)',
};

export const mutualAidRosterQuerySchema = z.object({
  orgId: z.uuid({ error: '请选择基层工会' }),
  state: z.enum(MUTUAL_AID_ENROLMENT_STATES).optional(),
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const mutualAidRosterRowSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  gender: z.enum(['male', 'female']),
  idCard: z.string(),
  memberStatus: z.string(),
  enrolmentId: z.string().nullable(),
  state: z.enum(MUTUAL_AID_ENROLMENT_STATES),
  stateLabel: z.string(),
  contributionFen: z.number().int(),
  late: z.boolean(),
  coveredFrom: z.string().nullable(),
  receiptNo: z.string().nullable(),
  enrolledAt: z.string().nullable(),
});
export type MutualAidRosterRow = z.infer<typeof mutualAidRosterRowSchema>;

export const mutualAidRosterSchema = pageOf(mutualAidRosterRowSchema).extend({
  orgId: z.string(),
  orgName: z.string(),
  summary: z.object({
    activeMembers: z.number().int(),
    enrolled: z.number().int(),
    unpaid: z.number().int(),
    unpaidFen: z.number().int(),
    covered: z.number().int(),
    waiting: z.number().int(),
    withdrawn: z.number().int(),
    paidFen: z.number().int(),
  }),
  payments: z.array(z.object({ id: z.string(), receiptNo: z.string(), amountFen: z.number().int(), paidOn: z.string(), memberCount: z.number().int(), note: z.string().nullable(), createdAt: z.string() })),
  abilities: z.object({ canEnrol: z.boolean(), canPay: z.boolean() }),
});
export type MutualAidRoster = z.infer<typeof mutualAidRosterSchema>;

export const mutualAidEnrolBodySchema = z
  .object({
    orgId: z.uuid({ error: '请选择基层工会' }),
    /** the members picked from the union's roster; or `all: true` for every active member not yet enrolled */
    memberIds: z.array(z.uuid({ error: '会员编号格式不正确' })).max(5000, { error: '一次最多登记5000人' }).optional(),
    all: z.boolean().optional(),
  })
  .refine((b) => b.all === true || (b.memberIds?.length ?? 0) > 0, { path: ['memberIds'], error: '请选择参保会员' });

export const mutualAidEnrolResultSchema = z.object({ enrolled: z.number().int(), late: z.boolean(), skipped: z.number().int() });

export const mutualAidPaymentBodySchema = z.object({
  orgId: z.uuid({ error: '请选择基层工会' }),
  receiptNo: requiredText(40, '收据号').refine((v) => /^[0-9A-Za-z\-_/]+$/.test(v.replace(/\s/g, '')), { error: '收据号只能包含字母、数字、-、_、/' }),
  amountFen: z.number({ error: '请填写缴费金额' }).int({ error: '金额应为整数(分)' }).min(1, { error: '金额应大于0' }).max(1_000_000_000, { error: '金额过大' }),
  paidOn: z.iso.date({ error: '缴费日期应为 YYYY-MM-DD' }),
  note: optionalText(200),
});

export const mutualAidWithdrawBodySchema = z.object({ reason: requiredText(200, '退出原因') });

export const mutualAidPeriodListSchema = z.object({ items: z.array(mutualAidPeriodSchema) });
