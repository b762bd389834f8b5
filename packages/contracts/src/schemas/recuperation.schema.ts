import { z } from 'zod';
import { optionalText, pageOf, requiredText } from './common.schema.js';
import { ENROLMENT_STATUSES, OFFERING_STATUSES, eligibilityRulesSchema, enrolmentSchema, offeringFiguresSchema, quotaSchema } from './enrolment.schema.js';
import { FAMILY_RELATIONS, FAMILY_RELATION_LABELS } from './household.schema.js';

/**
 * 职工疗休养 (Zhejiang 2020): bases (基地), routes (线路) of at most 5 days including travel with an
 * allowance of at most 600 yuan per person per day, and batches (批次) on the enrolment mechanism
 * with quotas down the tree, priority groups and nomination; a yearly plan caps each member's cost.
 * Money in integer 分.
 */
export const RECUPERATION_MAX_DAYS = 5;
/** 600 元 per person per day, in 分 */
export const RECUPERATION_MAX_ALLOWANCE_PER_DAY = 60_000;
/** 3,000 元 per person per year (public sector), in 分: the default of a year's plan */
export const RECUPERATION_DEFAULT_BUDGET_CAP = 300_000;
export const RECUPERATION_DEFAULT_MAX_STAYS = 1;

/** The priority groups of the city's free stays (member flags of the registry). */
export const RECUPERATION_PRIORITY_GROUPS = ['frontline', 'modelWorker', 'newEmploymentForm'] as const;
export type RecuperationPriorityGroup = (typeof RECUPERATION_PRIORITY_GROUPS)[number];
export const RECUPERATION_PRIORITY_GROUP_LABELS: Record<RecuperationPriorityGroup, string> = { frontline: '一线职工', modelWorker: '劳模', newEmploymentForm: '新就业形态劳动者' };

/** Where a batch stands, from its status, sign-up window and dates. */
export const RECUPERATION_STAGES = ['draft', 'not_open', 'open', 'closed', 'ongoing', 'finished', 'cancelled'] as const;
export type RecuperationStage = (typeof RECUPERATION_STAGES)[number];
export const RECUPERATION_STAGE_LABELS: Record<RecuperationStage, string> = {
  draft: '草稿',
  not_open: '未开始报名',
  open: '报名中',
  closed: '报名截止,待出发',
  ongoing: '疗休养中',
  finished: '已结束',
  cancelled: '已取消',
};

const int = (label: string) => z.number({ error: `${label}应为数字` }).int({ error: `${label}应为整数` });
const flag = (label: string) => z.boolean({ error: `${label}应为是或否` });
const instant = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` });
const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const dateOnly = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}应为 YYYY-MM-DD 格式` })
    .refine(isRealDate, { error: `${label}不是有效日期` });
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const yearField = z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' });

// ---- bases (基地) ----
export const recuperationBaseBodySchema = z
  .object({
    name: requiredText(60, '基地名称'),
    location: requiredText(60, '所在地(如淳安千岛湖、桐庐、临安)'),
    address: optionalText(120),
    contactName: optionalText(20),
    contactPhone: optionalText(20).refine((v) => v === undefined || /^[0-9+\-() ]{7,20}$/.test(v), { error: '联系电话格式不正确' }),
    capacityNote: optionalText(200),
    description: optionalText(2000),
    active: flag('是否启用').optional(),
  })
  .strict();
export type RecuperationBaseBody = z.infer<typeof recuperationBaseBodySchema>;

export const recuperationBaseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  location: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  capacityNote: z.string().nullable(),
  description: z.string().nullable(),
  active: z.boolean(),
  orgId: z.uuid(),
  orgName: z.string(),
  routeCount: z.number().int(),
  abilities: z.object({ canEdit: z.boolean(), canDelete: z.boolean() }),
});
export type RecuperationBase = z.infer<typeof recuperationBaseSchema>;

export const recuperationBaseListQuerySchema = z.object({
  q: z.string().trim().max(40).optional(),
  active: booleanQuery.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- routes (线路) ----
export const recuperationRouteBodySchema = z
  .object({
    baseId: z.uuid({ error: '请选择疗休养基地' }),
    name: requiredText(60, '线路名称'),
    days: int('天数')
      .min(1, { error: '天数至少为1天' })
      .max(RECUPERATION_MAX_DAYS, { error: `每次疗休养(含路途)不能超过${RECUPERATION_MAX_DAYS}天` }),
    allowancePerDay: int('补助标准')
      .min(1, { error: '补助标准应大于0' })
      .max(RECUPERATION_MAX_ALLOWANCE_PER_DAY, { error: `补助标准不能超过每人每天${RECUPERATION_MAX_ALLOWANCE_PER_DAY / 100}元` }),
    description: optionalText(500),
    itinerary: optionalText(4000),
    active: flag('是否启用').optional(),
  })
  .strict();
export type RecuperationRouteBody = z.infer<typeof recuperationRouteBodySchema>;

export const recuperationRouteSchema = z.object({
  id: z.uuid(),
  baseId: z.uuid(),
  baseName: z.string(),
  location: z.string(),
  name: z.string(),
  days: z.number().int(),
  /** 分 per person per day */
  allowancePerDay: z.number().int(),
  /** days × allowance, 分 per person */
  costPerPerson: z.number().int(),
  description: z.string().nullable(),
  itinerary: z.string().nullable(),
  active: z.boolean(),
  orgId: z.uuid(),
  batchCount: z.number().int(),
  abilities: z.object({ canEdit: z.boolean(), canDelete: z.boolean() }),
});
export type RecuperationRoute = z.infer<typeof recuperationRouteSchema>;

export const recuperationRouteListQuerySchema = z.object({
  baseId: z.uuid({ error: '基地编号格式不正确' }).optional(),
  active: booleanQuery.optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- the year's plan ----
export const recuperationPlanBodySchema = z
  .object({
    budgetCapPerPerson: int('每人每年费用上限').min(0, { error: '每人每年费用上限不能为负' }).max(10_000_000, { error: '每人每年费用上限不能超过100000元' }),
    maxStaysPerYear: int('每人每年疗休养次数').min(1, { error: '每人每年疗休养次数至少为1' }).max(12, { error: '每人每年疗休养次数不能超过12' }),
    targetPlaces: int('年度计划名额').min(0, { error: '年度计划名额不能为负' }).max(10_000_000, { error: '年度计划名额过大' }).nullable().optional(),
    note: optionalText(500),
  })
  .strict();
export type RecuperationPlanBody = z.infer<typeof recuperationPlanBodySchema>;

export const recuperationPlanSchema = z.object({
  year: z.number().int(),
  budgetCapPerPerson: z.number().int(),
  maxStaysPerYear: z.number().int(),
  targetPlaces: z.number().int().nullable(),
  note: z.string().nullable(),
  /** true: nothing set for the year yet, the defaults apply */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  /** places of the year's published batches, and how many of them are taken */
  placesOffered: z.number().int(),
  placesTaken: z.number().int(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type RecuperationPlan = z.infer<typeof recuperationPlanSchema>;
export const recuperationYearParamSchema = z.object({ year: yearField });

// ---- companions (随行家属, at their own cost) ----
export const recuperationCompanionInputSchema = z
  .object({
    name: requiredText(20, '家属姓名'),
    relation: z.enum(FAMILY_RELATIONS, { error: '请选择与职工的关系' }),
  })
  .strict();
export const recuperationCompanionsSchema = z.array(recuperationCompanionInputSchema, { error: '随行家属应为列表' }).max(4, { error: '随行家属最多4人' });
export const recuperationCompanionSchema = z.object({
  name: z.string(),
  relation: z.enum(FAMILY_RELATIONS),
  relationLabel: z.string(),
  /** what the companion pays (the batch's days × allowance), 分 */
  ownCost: z.number().int(),
});
export type RecuperationCompanion = z.infer<typeof recuperationCompanionSchema>;
export const RECUPERATION_RELATION_LABELS = FAMILY_RELATION_LABELS;

// ---- batches (批次) ----
export const recuperationBatchBodySchema = z
  .object({
    routeId: z.uuid({ error: '请选择线路' }),
    orgId: z.uuid({ error: '请选择主办工会' }),
    title: requiredText(80, '批次名称'),
    startDate: dateOnly('出发日期'),
    places: int('名额').min(1, { error: '名额至少为1' }).max(100_000, { error: '名额不能超过100000' }),
    signupOpensAt: instant('报名开始时间'),
    signupClosesAt: instant('报名截止时间'),
    cancelUntil: instant('取消报名截止时间').nullable().optional(),
    priorityGroups: z.array(z.enum(RECUPERATION_PRIORITY_GROUPS, { error: '优先人群应为 frontline、modelWorker 或 newEmploymentForm' })).max(3).optional(),
    priorityOnly: flag('是否仅限优先人群').optional(),
    selfSignup: flag('是否允许个人报名').optional(),
    description: optionalText(2000),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (Date.parse(b.signupClosesAt) <= Date.parse(b.signupOpensAt)) ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止时间应晚于报名开始时间' });
    if (isRealDate(b.startDate) && Date.parse(b.signupClosesAt) > Date.parse(`${b.startDate}T00:00:00+08:00`)) ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止时间应早于出发日期' });
    if (b.cancelUntil && Date.parse(b.cancelUntil) < Date.parse(b.signupOpensAt)) ctx.addIssue({ code: 'custom', path: ['cancelUntil'], message: '取消报名截止时间不能早于报名开始时间' });
    if (b.priorityOnly && !b.priorityGroups?.length) ctx.addIssue({ code: 'custom', path: ['priorityGroups'], message: '仅限优先人群报名时,请选择优先人群' });
  });
export type RecuperationBatchBody = z.infer<typeof recuperationBatchBodySchema>;

export const recuperationBatchSchema = offeringFiguresSchema.extend({
  id: z.uuid(),
  offeringId: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  routeId: z.uuid(),
  routeName: z.string(),
  baseId: z.uuid(),
  baseName: z.string(),
  location: z.string(),
  days: z.number().int(),
  allowancePerDay: z.number().int(),
  costPerPerson: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  status: z.enum(OFFERING_STATUSES),
  statusLabel: z.string(),
  stage: z.enum(RECUPERATION_STAGES),
  stageLabel: z.string(),
  phase: z.enum(['not_open', 'open', 'closed']),
  signupOpensAt: z.string(),
  signupClosesAt: z.string(),
  cancelUntil: z.string().nullable(),
  priorityGroups: z.array(z.enum(RECUPERATION_PRIORITY_GROUPS)),
  priorityOnly: z.boolean(),
  selfSignup: z.boolean(),
  description: z.string().nullable(),
  itinerary: z.string().nullable(),
  rules: eligibilityRulesSchema,
  rulesText: z.array(z.string()),
  quotas: z.array(quotaSchema),
  /** companions of the confirmed members, and what they pay in all (分) */
  companions: z.number().int(),
  companionsOwnCost: z.number().int(),
  abilities: z.object({ canEdit: z.boolean(), canPublish: z.boolean(), canAllocate: z.boolean(), canNominate: z.boolean() }),
});
export type RecuperationBatch = z.infer<typeof recuperationBatchSchema>;

export const recuperationBatchListItemSchema = recuperationBatchSchema.pick({
  id: true, title: true, year: true, routeName: true, baseName: true, location: true, days: true, allowancePerDay: true, costPerPerson: true,
  startDate: true, endDate: true, orgName: true, status: true, statusLabel: true, stage: true, stageLabel: true, phase: true,
  capacity: true, confirmed: true, signupOpensAt: true, signupClosesAt: true, priorityGroups: true, priorityOnly: true, selfSignup: true,
});
export type RecuperationBatchListItem = z.infer<typeof recuperationBatchListItemSchema>;

export const recuperationBatchListQuerySchema = z.object({
  year: yearField.optional(),
  status: z.enum(OFFERING_STATUSES).optional(),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  baseId: z.uuid({ error: '基地编号格式不正确' }).optional(),
  routeId: z.uuid({ error: '线路编号格式不正确' }).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- sign-ups ----
export const recuperationNominationBodySchema = z.object({ memberId: z.uuid({ error: '请选择会员' }), companions: recuperationCompanionsSchema.optional() }).strict();
export const recuperationSignupBodySchema = z.object({ companions: recuperationCompanionsSchema.optional() }).strict();

export const recuperationEnrolmentSchema = enrolmentSchema
  .pick({
    id: true, offeringId: true, memberId: true, memberName: true, memberIdCard: true, orgId: true, orgName: true, status: true, statusLabel: true,
    seatNo: true, source: true, createdAt: true, cancelledAt: true, checkedInAt: true,
  })
  .extend({
    companions: z.array(recuperationCompanionSchema),
    companionsOwnCost: z.number().int(),
    abilities: z.object({ canCancel: z.boolean(), canCheckIn: z.boolean() }),
  });
export type RecuperationEnrolment = z.infer<typeof recuperationEnrolmentSchema>;

/** A batch as a member sees it on the phone, with whether they may sign up and why not. */
export const memberRecuperationBatchSchema = recuperationBatchSchema
  .pick({
    id: true, title: true, year: true, routeName: true, baseName: true, location: true, days: true, allowancePerDay: true, costPerPerson: true,
    startDate: true, endDate: true, orgName: true, stage: true, stageLabel: true, phase: true, capacity: true, confirmed: true,
    signupOpensAt: true, signupClosesAt: true, cancelUntil: true, priorityGroups: true, priorityOnly: true, selfSignup: true, description: true, itinerary: true, rulesText: true,
  })
  .extend({
    myEnrolment: z
      .object({ id: z.uuid(), status: z.enum(ENROLMENT_STATUSES), statusLabel: z.string(), source: z.enum(['self', 'nominated']), companions: z.array(recuperationCompanionSchema), canCancel: z.boolean() })
      .nullable(),
    /** null when the member may sign up themselves now; otherwise the reason in Chinese */
    refusal: z.string().nullable(),
  });
export type MemberRecuperationBatch = z.infer<typeof memberRecuperationBatchSchema>;

export const memberRecuperationOverviewSchema = z.object({
  year: z.number().int(),
  budgetCapPerPerson: z.number().int(),
  /** the member's confirmed stays this year and their cost (分) */
  costThisYear: z.number().int(),
  staysThisYear: z.number().int(),
  items: z.array(memberRecuperationBatchSchema),
});
export type MemberRecuperationOverview = z.infer<typeof memberRecuperationOverviewSchema>;

// ---- who rested this year ----
export const recuperationRestedQuerySchema = z.object({
  year: yearField.optional(),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const recuperationRestedExportQuerySchema = recuperationRestedQuerySchema.pick({ year: true, orgId: true, q: true });

export const recuperationRestedSchema = z.object({
  enrolmentId: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  memberIdCard: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  batchId: z.uuid(),
  batchTitle: z.string(),
  baseName: z.string(),
  routeName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number().int(),
  /** the member's cost of the stay (days × allowance), 分 */
  cost: z.number().int(),
  companions: z.number().int(),
  source: z.enum(['self', 'nominated']),
  checkedInAt: z.string().nullable(),
});
export type RecuperationRested = z.infer<typeof recuperationRestedSchema>;
export const recuperationRestedPageSchema = pageOf(recuperationRestedSchema).extend({ year: z.number().int(), persons: z.number().int(), totalCost: z.number().int() });
export type RecuperationRestedPage = z.infer<typeof recuperationRestedPageSchema>;
