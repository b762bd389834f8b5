import { z } from 'zod';
import { AID_EVIDENCE_TYPES } from './aid.schema.js';
import { optionalText, requiredText } from './common.schema.js';
import { idCardSchema } from './member.schema.js';

/** 困难职工档案 (hardship households): tiers against the local 低保 line, annual 复核, 退出. */
export const HOUSEHOLD_TIERS = ['deep', 'relative', 'accident'] as const;
export type HouseholdTier = (typeof HOUSEHOLD_TIERS)[number];
export const HOUSEHOLD_TIER_LABELS: Record<HouseholdTier, string> = { deep: '深度困难', relative: '相对困难', accident: '意外致困' };

export const HOUSEHOLD_STATUSES = ['active', 'review_due', 'exited'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = { active: '在档', review_due: '待复核', exited: '已退出' };

export const HARDSHIP_CAUSES = ['illness', 'disability', 'education', 'accident', 'unemployment', 'other'] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];
export const HARDSHIP_CAUSE_LABELS: Record<HardshipCause, string> = {
  illness: '疾病',
  disability: '残疾',
  education: '子女就学',
  accident: '意外事故/灾害',
  unemployment: '失业',
  other: '其他',
};
/** The causes that let a household between 1.5× and 2× the 低保 line count as 意外致困. */
export const ACCIDENT_TIER_CAUSES: readonly HardshipCause[] = ['illness', 'accident'];

export const FAMILY_RELATIONS = ['spouse', 'child', 'parent', 'parent_in_law', 'sibling', 'grandchild', 'other'] as const;
export const FAMILY_RELATION_LABELS: Record<(typeof FAMILY_RELATIONS)[number], string> = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  parent_in_law: '配偶父母',
  sibling: '兄弟姐妹',
  grandchild: '孙子女/外孙子女',
  other: '其他共同生活人员',
};
export const EMPLOYMENT_STATUSES = ['employed', 'flexible', 'unemployed', 'retired', 'student', 'preschool', 'unable'] as const;
export const EMPLOYMENT_STATUS_LABELS: Record<(typeof EMPLOYMENT_STATUSES)[number], string> = {
  employed: '在职',
  flexible: '灵活就业',
  unemployed: '失业/无业',
  retired: '退休',
  student: '在校学生',
  preschool: '学龄前儿童',
  unable: '丧失劳动能力',
};
export const HEALTH_STATUSES = ['healthy', 'chronic', 'serious', 'disabled'] as const;
export const HEALTH_STATUS_LABELS: Record<(typeof HEALTH_STATUSES)[number], string> = { healthy: '健康', chronic: '慢性病', serious: '重大疾病', disabled: '残疾' };

/** Reasons staff choose for 退出; `review_ineligible` is set by the server when a 复核 no longer qualifies. */
export const HOUSEHOLD_EXIT_REASONS = ['escaped_hardship', 'on_request', 'left', 'other'] as const;
export const HOUSEHOLD_EXIT_REASON_LABELS: Record<(typeof HOUSEHOLD_EXIT_REASONS)[number] | 'review_ineligible', string> = {
  escaped_hardship: '已脱困(不再符合困难标准)',
  on_request: '本人申请退出',
  left: '调离本市、退会或去世',
  other: '其他',
  review_ineligible: '复核不再符合建档标准',
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_MONTHLY_FEN = 100_000_000; // 100 万元 a month: anything above is a typing error
const fen = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}(分)` })
    .int({ error: `${label}应为整数(分)` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}超出合理范围` });

export const incomeMonthSchema = z.object({
  month: z.string({ error: '请填写月份' }).regex(MONTH, { error: '月份格式应为 YYYY-MM' }),
  amountFen: fen('该月家庭净收入', MAX_MONTHLY_FEN),
});

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Twelve consecutive months of household net income (every member's wages, pensions, benefits ... after 个税 and social insurance). */
export const monthlyIncomeSchema = z
  .array(incomeMonthSchema, { error: '请填写近12个月的家庭收入' })
  .length(12, { error: '请填写连续12个月的家庭收入' })
  .superRefine((months, ctx) => {
    if (!months.every((m) => MONTH.test(m.month))) return;
    const sorted = months.map((m) => monthIndex(m.month)).sort((a, b) => a - b);
    const consecutive = sorted.every((v, i) => i === 0 || v === sorted[i - 1]! + 1);
    if (!consecutive) ctx.addIssue({ code: 'custom', message: '收入月份应为连续的12个月,且不能重复' });
  });

export const familyMemberInputSchema = z.object({
  /** an existing family member (from the record); its stored 身份证 is kept when idCard is omitted */
  key: z.uuid({ error: '家庭成员编号格式不正确' }).optional(),
  name: requiredText(30, '家庭成员姓名'),
  relation: z.enum(FAMILY_RELATIONS, { error: '请选择与户主关系' }),
  idCard: idCardSchema.optional(),
  monthlyIncomeFen: fen('月收入', MAX_MONTHLY_FEN).default(0),
  employment: z.enum(EMPLOYMENT_STATUSES, { error: '请选择就业状况' }),
  health: z.enum(HEALTH_STATUSES, { error: '请选择健康状况' }),
  note: optionalText(200),
});

/** The facts the tier is computed from: the same in 建档, 修改, 复核 and the live preview. */
export const householdFactsSchema = z.object({
  familyMembers: z.array(familyMemberInputSchema).max(15, { error: '共同生活的家庭成员最多15人' }).default([]),
  monthlyIncome: monthlyIncomeSchema,
  /** the most valuable motor vehicle the household owns, 0 if none */
  carValueFen: fen('机动车价值', 100_000_000_000).default(0),
  /** 商品房 (commercial homes) owned, not counting 房改房/安置房 */
  commercialHomes: z.number({ error: '请填写商品房套数' }).int({ error: '商品房套数应为整数' }).min(0, { error: '商品房套数不能为负数' }).max(50, { error: '商品房套数超出合理范围' }).default(0),
  causes: z
    .array(z.enum(HARDSHIP_CAUSES, { error: '致困原因不正确' }), { error: '请选择致困原因' })
    .min(1, { error: '请至少选择一项致困原因' })
    .refine((list) => new Set(list).size === list.length, { error: '致困原因不能重复' }),
  causeNote: optionalText(500),
  evidenceTypes: z
    .array(z.enum(AID_EVIDENCE_TYPES, { error: '证明材料类型不正确' }))
    .refine((list) => new Set(list).size === list.length, { error: '证明材料类型不能重复' })
    .default([]),
});
export type HouseholdFacts = z.infer<typeof householdFactsSchema>;

const dateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
const versionSchema = z.number({ error: '缺少版本号' }).int().min(1, { error: '缺少版本号' });

export const createHouseholdBodySchema = householdFactsSchema.extend({
  headMemberId: z.uuid({ error: '请选择户主(在册会员)' }),
  note: optionalText(500),
});
export const updateHouseholdBodySchema = householdFactsSchema.extend({ note: optionalText(500), version: versionSchema });
export const reviewHouseholdBodySchema = householdFactsSchema.extend({
  /** default: today (Asia/Shanghai) */
  reviewedOn: dateSchema.optional(),
  opinion: requiredText(500, '复核意见'),
  version: versionSchema,
});
export const exitHouseholdBodySchema = z.object({
  reason: z.enum(HOUSEHOLD_EXIT_REASONS, { error: '请选择退出原因' }),
  note: requiredText(500, '退出说明'),
  exitedOn: dateSchema.optional(),
  version: versionSchema,
});
export const tierPreviewBodySchema = householdFactsSchema.extend({
  headMemberId: z.uuid({ error: '请选择户主(在册会员)' }),
  /** for 复核: the family members' stored 身份证 are matched by key */
  householdId: z.uuid().optional(),
});

export const tierResultSchema = z.object({
  eligible: z.boolean(),
  tier: z.enum(HOUSEHOLD_TIERS).nullable(),
  tierLabel: z.string().nullable(),
  householdSize: z.number().int(),
  totalIncomeFen: z.number().int(),
  perCapitaMonthlyFen: z.number().int(),
  lineMonthlyFen: z.number().int(),
  lineYear: z.number().int(),
  /** where the line came from, e.g. 杭州市 2024 年城市低保标准 */
  lineSource: z.string(),
  /** per-capita income ÷ line, 2 decimals (for display; the tier is decided in exact integers) */
  ratio: z.number(),
  /** why this tier, or why not eligible (Chinese) */
  reason: z.string(),
});
export type TierResult = z.infer<typeof tierResultSchema>;

export const familyMemberSchema = z.object({
  key: z.string(),
  name: z.string(),
  relation: z.enum(FAMILY_RELATIONS),
  idCard: z.string().nullable(),
  monthlyIncomeFen: z.number().int(),
  employment: z.enum(EMPLOYMENT_STATUSES),
  health: z.enum(HEALTH_STATUSES),
  note: z.string().nullable(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

export const HOUSEHOLD_RECORD_KINDS = ['establish', 'update', 'review', 'exit'] as const;
export const HOUSEHOLD_RECORD_KIND_LABELS: Record<(typeof HOUSEHOLD_RECORD_KINDS)[number], string> = { establish: '建档', update: '修改', review: '复核', exit: '退出' };

export const householdReviewSchema = z.object({
  id: z.string(),
  kind: z.enum(HOUSEHOLD_RECORD_KINDS),
  on: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  orgName: z.string().nullable(),
  eligible: z.boolean().nullable(),
  tier: z.enum(HOUSEHOLD_TIERS).nullable(),
  householdSize: z.number().int().nullable(),
  totalIncomeFen: z.number().int().nullable(),
  perCapitaMonthlyFen: z.number().int().nullable(),
  lineMonthlyFen: z.number().int().nullable(),
  reason: z.string().nullable(),
  opinion: z.string().nullable(),
});

export const householdSchema = z.object({
  id: z.string(),
  headMemberId: z.string(),
  headName: z.string(),
  headIdCard: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  status: z.enum(HOUSEHOLD_STATUSES),
  tier: z.enum(HOUSEHOLD_TIERS).nullable(),
  householdSize: z.number().int(),
  totalIncomeFen: z.number().int(),
  perCapitaMonthlyFen: z.number().int(),
  lineMonthlyFen: z.number().int(),
  lineYear: z.number().int(),
  ratio: z.number(),
  tierReason: z.string(),
  causes: z.array(z.enum(HARDSHIP_CAUSES)),
  causeNote: z.string().nullable(),
  carValueFen: z.number().int(),
  commercialHomes: z.number().int(),
  evidenceTypes: z.array(z.enum(AID_EVIDENCE_TYPES)),
  familyMembers: z.array(familyMemberSchema),
  monthlyIncome: z.array(incomeMonthSchema),
  note: z.string().nullable(),
  establishedOn: z.string(),
  lastReviewedOn: z.string(),
  nextReviewOn: z.string(),
  /** the annual 复核 date has passed (also before the job has marked it) */
  reviewOverdue: z.boolean(),
  /** due within 30 days */
  reviewDueSoon: z.boolean(),
  exitedOn: z.string().nullable(),
  exitReason: z.enum([...HOUSEHOLD_EXIT_REASONS, 'review_ineligible']).nullable(),
  exitNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: z.object({ canEdit: z.boolean(), canReview: z.boolean(), canExit: z.boolean() }),
  reviews: z.array(householdReviewSchema),
});
export type Household = z.infer<typeof householdSchema>;
export const householdListItemSchema = householdSchema.omit({ familyMembers: true, monthlyIncome: true, reviews: true });
export type HouseholdListItem = z.infer<typeof householdListItemSchema>;

const listFilters = {
  /** 户主姓名、拼音、首字母或身份证号 */
  q: z.string().trim().max(40).optional(),
  tier: z.enum(HOUSEHOLD_TIERS, { error: '困难类型不正确' }).optional(),
  /** current = 在档 + 待复核 */
  status: z.enum([...HOUSEHOLD_STATUSES, 'current', 'all'], { error: '状态不正确' }).default('current'),
  /** only those whose 复核 is overdue or due within 30 days */
  reviewDue: z.stringbool().optional(),
  districtCode: z.string().regex(/^\d{6}$/, { error: '区县代码应为6位数字' }).optional(),
  orgId: z.uuid({ error: '工会编号格式不正确' }).optional(),
};
export const householdListQuerySchema = z.object({
  ...listFilters,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type HouseholdListQuery = z.infer<typeof householdListQuerySchema>;
/** the list's filters as a JSON body (reviewDue a boolean here) */
export const householdExportBodySchema = z.object({ ...listFilters, reviewDue: z.boolean({ error: 'reviewDue 应为 true 或 false' }).optional() });

/** 低保标准 and the tier rules: configuration with the domain's values as defaults. */
export const tierRulesSchema = z
  .object({
    relativeMultiplePermille: z.number().int().min(1001, { error: '相对困难上限应高于低保标准的1倍' }).max(5000, { error: '相对困难上限不能超过5倍' }).default(1500),
    accidentMultiplePermille: z.number().int().min(1001, { error: '意外致困上限应高于低保标准的1倍' }).max(5000, { error: '意外致困上限不能超过5倍' }).default(2000),
    carValueLimitFen: z.number().int().min(1, { error: '机动车价值上限应大于0' }).max(100_000_000_000).default(10_000_000),
    commercialHomesLimit: z.number().int().min(1, { error: '商品房套数上限至少为1' }).max(20).default(2),
    reviewIntervalMonths: z.number().int().min(1, { error: '复核周期至少1个月' }).max(36, { error: '复核周期不能超过36个月' }).default(12),
  })
  .refine((r) => r.accidentMultiplePermille >= r.relativeMultiplePermille, { error: '意外致困上限不能低于相对困难上限', path: ['accidentMultiplePermille'] });
export type TierRules = z.infer<typeof tierRulesSchema>;

export const subsistenceLineInputSchema = z.object({
  /** 6-digit division code: the city (全市默认) or a district */
  divisionCode: z.string({ error: '请选择地区' }).regex(/^\d{6}$/, { error: '行政区划代码应为6位数字' }),
  year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在2000年以后' }).max(2100, { error: '年度不正确' }),
  monthlyFen: z.number({ error: '请填写低保标准(分/人·月)' }).int({ error: '低保标准应为整数(分)' }).min(1, { error: '低保标准应大于0' }).max(1_000_000, { error: '低保标准超出合理范围' }),
  note: optionalText(200),
});
export const subsistenceLineSchema = z.object({
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  year: z.number().int(),
  monthlyFen: z.number().int(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const subsistenceSettingsSchema = z.object({
  lines: z.array(subsistenceLineSchema),
  rules: tierRulesSchema,
  /** used when no line is configured for a district or the city up to that year */
  defaultLine: z.object({ year: z.number().int(), monthlyFen: z.number().int(), note: z.string() }),
  cityDivisionCode: z.string().nullable(),
});
export type SubsistenceSettings = z.infer<typeof subsistenceSettingsSchema>;
export const updateSubsistenceSettingsBodySchema = z.object({
  lines: z.array(subsistenceLineInputSchema).max(1000, { error: '低保标准最多1000条' }),
  rules: tierRulesSchema,
  reason: optionalText(200),
});
