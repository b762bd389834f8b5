import { z } from 'zod';
import { optionalText } from './common.schema.js';
import { timelineEntrySchema, workflowAbilitiesSchema, workflowActionBodySchema, workflowStateSchema, WORKFLOW_STATUS_CODES } from './workflow.schema.js';

/** 送温暖 occasions of the year; `other` carries its own name. */
export const CONDOLENCE_OCCASIONS = ['spring_festival', 'summer_cool', 'five_visits', 'autumn_study', 'other'] as const;
export type CondolenceOccasion = (typeof CONDOLENCE_OCCASIONS)[number];
export const CONDOLENCE_OCCASION_LABELS: Record<CondolenceOccasion, string> = {
  spring_festival: '春节送温暖',
  summer_cool: '夏季送清凉',
  five_visits: '五进五送',
  autumn_study: '金秋助学',
  other: '其他',
};

/** Whom a plan reaches: the speech names 困难家庭、弱势群体、老干部和老工会工作者 first. */
export const CONDOLENCE_CATEGORIES = ['hardship_family', 'vulnerable', 'retired_cadre', 'veteran_union_worker', 'model_worker', 'frontline', 'migrant_worker', 'new_employment'] as const;
export type CondolenceCategory = (typeof CONDOLENCE_CATEGORIES)[number];
export const CONDOLENCE_CATEGORY_LABELS: Record<CondolenceCategory, string> = {
  hardship_family: '困难家庭',
  vulnerable: '弱势群体',
  retired_cadre: '老干部',
  veteran_union_worker: '老工会工作者',
  model_worker: '劳模',
  frontline: '一线职工',
  migrant_worker: '农民工',
  new_employment: '新就业形态劳动者',
};

const fen = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数(分)` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过${max / 100}元` });

export const condolencePlanCategoryInputSchema = z.object({
  category: z.enum(CONDOLENCE_CATEGORIES, { error: '请选择慰问对象类别' }),
  headcount: z.number({ error: '请填写慰问人数' }).int({ error: '人数应为整数' }).min(1, { error: '人数至少为1' }).max(1_000_000, { error: '人数过大' }),
  moneyPerHeadFen: fen('每人慰问金', 10_000_000),
  goodsDescription: optionalText(200),
  goodsValuePerHeadFen: fen('每人慰问品价值', 10_000_000),
});
export type CondolencePlanCategoryInput = z.infer<typeof condolencePlanCategoryInputSchema>;

export const condolencePlanBodySchema = z
  .object({
    orgId: z.uuid({ error: '请选择制定计划的工会' }),
    year: z.number({ error: '请填写年度' }).int().min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' }),
    occasion: z.enum(CONDOLENCE_OCCASIONS, { error: '请选择慰问活动' }),
    occasionName: optionalText(40),
    note: optionalText(2000),
    categories: z
      .array(condolencePlanCategoryInputSchema, { error: '请填写慰问对象类别' })
      .min(1, { error: '至少填写一个慰问对象类别' })
      .max(CONDOLENCE_CATEGORIES.length, { error: '类别过多' })
      .refine((cs) => new Set(cs.map((c) => c.category)).size === cs.length, { error: '慰问对象类别不能重复' }),
  })
  .refine((b) => b.occasion !== 'other' || !!b.occasionName, { error: '请填写慰问活动名称', path: ['occasionName'] });
export type CondolencePlanBody = z.infer<typeof condolencePlanBodySchema>;

export const condolencePlanListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  occasion: z.enum(CONDOLENCE_OCCASIONS).optional(),
  status: z.enum(WORKFLOW_STATUS_CODES).optional(),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const condolencePlanCategorySchema = z.object({
  category: z.enum(CONDOLENCE_CATEGORIES),
  categoryLabel: z.string(),
  headcount: z.number().int(),
  moneyPerHeadFen: z.number().int(),
  goodsDescription: z.string().nullable(),
  goodsValuePerHeadFen: z.number().int(),
});

/** One way this year's plan is below last year's (只做加法). */
export const condolenceShortfallSchema = z.object({
  category: z.enum(CONDOLENCE_CATEGORIES),
  categoryLabel: z.string(),
  /** headcount | money | goods | dropped */
  kind: z.enum(['headcount', 'money', 'goods', 'dropped']),
  lastYear: z.number().int(),
  thisYear: z.number().int(),
  message: z.string(),
});
export type CondolenceShortfall = z.infer<typeof condolenceShortfallSchema>;

export const condolenceOverrideSchema = z.object({
  userName: z.string(),
  orgName: z.string(),
  at: z.string(),
  reason: z.string(),
  shortfalls: z.array(condolenceShortfallSchema),
});

export const condolencePlanListItemSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  occasion: z.enum(CONDOLENCE_OCCASIONS),
  occasionName: z.string().nullable(),
  title: z.string(),
  headcount: z.number().int(),
  plannedFen: z.number().int(),
  status: z.enum(WORKFLOW_STATUS_CODES),
  statusLabel: z.string(),
  overridden: z.boolean(),
  createdAt: z.string(),
});
export type CondolencePlanListItem = z.infer<typeof condolencePlanListItemSchema>;

export const condolencePlanSchema = condolencePlanListItemSchema.extend({
  note: z.string().nullable(),
  categories: z.array(condolencePlanCategorySchema),
  /** the same org's approved plan of the same occasion last year, for the side-by-side view */
  lastYear: z.object({ id: z.string(), title: z.string(), categories: z.array(condolencePlanCategorySchema) }).nullable(),
  shortfalls: z.array(condolenceShortfallSchema),
  override: condolenceOverrideSchema.nullable(),
  /** funds of the plan's org a visit may pay from */
  funds: z.array(z.object({ id: z.string(), name: z.string(), balanceFen: z.number() })),
  workflow: workflowStateSchema,
  timeline: z.array(timelineEntrySchema),
  abilities: workflowAbilitiesSchema.extend({ canOverride: z.boolean(), canRecordVisit: z.boolean() }),
});
export type CondolencePlan = z.infer<typeof condolencePlanSchema>;

export const condolencePlanActionBodySchema = workflowActionBodySchema.extend({
  /** approve although the plan is below last year's: city approvers only, with a written reason */
  override: z.boolean().optional(),
  overrideReason: optionalText(1000),
});
