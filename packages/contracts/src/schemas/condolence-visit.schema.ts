import { z } from 'zod';
import { isValidMobile } from '../validators/phone.validator.js';
import { attachmentSchema } from './attachment.schema.js';
import { optionalText, requiredText } from './common.schema.js';
import { CONDOLENCE_CATEGORIES } from './condolence.schema.js';

/** Whom a visit reached: a member of the registry, a 困难职工 household, or a named person outside it (a retired cadre ...). */
export const CONDOLENCE_VISIT_TARGETS = ['member', 'household', 'person'] as const;
export type CondolenceVisitTarget = (typeof CONDOLENCE_VISIT_TARGETS)[number];
export const CONDOLENCE_VISIT_TARGET_LABELS: Record<CondolenceVisitTarget, string> = { member: '在册会员', household: '困难职工家庭', person: '其他人员' };

/** 慰问照片 (JPG, PNG or PDF by their bytes), at most 9 a visit. */
export const CONDOLENCE_PHOTO_TYPES = ['photo'] as const;
export const CONDOLENCE_PHOTO_MAX_FILES = 9;

export const condolenceVisitBodySchema = z
  .object({
    planId: z.uuid({ error: '请选择送温暖计划' }),
    target: z.enum(CONDOLENCE_VISIT_TARGETS, { error: '请选择慰问对象类型' }),
    memberId: z.uuid({ error: '请选择会员' }).optional(),
    householdId: z.uuid({ error: '请选择困难职工档案' }).optional(),
    /** the 劳模 visited (category 劳模), when the person is in the 劳模 registry: a named person's name comes from it */
    modelWorkerId: z.uuid({ error: '请选择劳模' }).optional(),
    personName: optionalText(40),
    personPhone: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === '' ? undefined : v))
      .refine((v) => v === undefined || isValidMobile(v), { message: '手机号应为11位中国大陆手机号' }),
    category: z.enum(CONDOLENCE_CATEGORIES, { error: '请选择慰问对象类别' }),
    visitedOn: z.iso.date({ error: '慰问日期格式应为 YYYY-MM-DD' }),
    place: requiredText(200, '慰问地点'),
    visitors: requiredText(200, '慰问人员'),
    goodsDescription: optionalText(200),
    goodsValueFen: z.number({ error: '请填写慰问品价值' }).int({ error: '慰问品价值应为整数(分)' }).min(0, { error: '慰问品价值不能为负数' }).max(10_000_000, { error: '慰问品价值过大' }).default(0),
    moneyFen: z.number({ error: '请填写慰问金' }).int({ error: '慰问金应为整数(分)' }).min(0, { error: '慰问金不能为负数' }).max(10_000_000, { error: '慰问金过大' }).default(0),
    fundId: z.uuid({ error: '请选择支出资金' }).optional(),
    note: optionalText(1000),
  })
  .superRefine((b, ctx) => {
    if (b.target === 'member' && !b.memberId) ctx.addIssue({ code: 'custom', path: ['memberId'], message: '请选择会员' });
    if (b.target === 'household' && !b.householdId) ctx.addIssue({ code: 'custom', path: ['householdId'], message: '请选择困难职工档案' });
    if (b.target === 'person' && !b.personName && !b.modelWorkerId) ctx.addIssue({ code: 'custom', path: ['personName'], message: '请填写慰问对象姓名' });
    if (b.moneyFen > 0 && !b.fundId) ctx.addIssue({ code: 'custom', path: ['fundId'], message: '发放慰问金须选择支出资金' });
  });
export type CondolenceVisitBody = z.infer<typeof condolenceVisitBodySchema>;

export const condolenceVisitListQuerySchema = z.object({
  planId: z.uuid({ error: '计划编号格式不正确' }).optional(),
  category: z.enum(CONDOLENCE_CATEGORIES).optional(),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  target: z.enum(CONDOLENCE_VISIT_TARGETS).optional(),
  q: optionalText(40),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  paid: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const condolenceVisitExportQuerySchema = condolenceVisitListQuerySchema.omit({ page: true, pageSize: true });

export const condolenceVisitSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  target: z.enum(CONDOLENCE_VISIT_TARGETS),
  memberId: z.string().nullable(),
  householdId: z.string().nullable(),
  modelWorkerId: z.string().nullable(),
  personName: z.string(),
  personPhone: z.string().nullable(),
  category: z.enum(CONDOLENCE_CATEGORIES),
  categoryLabel: z.string(),
  visitedOn: z.string(),
  place: z.string(),
  visitors: z.string(),
  goodsDescription: z.string().nullable(),
  goodsValueFen: z.number().int(),
  moneyFen: z.number().int(),
  fundName: z.string().nullable(),
  payoutStatus: z.string().nullable(),
  note: z.string().nullable(),
  photos: z.array(attachmentSchema),
  recordedByName: z.string(),
  createdAt: z.string(),
  abilities: z.object({ canEditPhotos: z.boolean() }),
});
export type CondolenceVisit = z.infer<typeof condolenceVisitSchema>;

/** Coverage of a plan: planned vs reached per category, and reached per district (child org) × category. */
export const condolenceCoverageSchema = z.object({
  planId: z.string(),
  byCategory: z.array(
    z.object({
      category: z.enum(CONDOLENCE_CATEGORIES),
      categoryLabel: z.string(),
      plannedHeadcount: z.number().int(),
      visited: z.number().int(),
      plannedMoneyFen: z.number().int(),
      paidFen: z.number().int(),
    }),
  ),
  byOrg: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      cells: z.array(z.object({ category: z.enum(CONDOLENCE_CATEGORIES), visited: z.number().int(), paidFen: z.number().int() })),
      visited: z.number().int(),
      paidFen: z.number().int(),
    }),
  ),
  totals: z.object({ plannedHeadcount: z.number().int(), visited: z.number().int(), plannedMoneyFen: z.number().int(), paidFen: z.number().int() }),
});
export type CondolenceCoverage = z.infer<typeof condolenceCoverageSchema>;
