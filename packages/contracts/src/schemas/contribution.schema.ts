import { z } from 'zod';
import { optionalText, pageQuerySchema, requiredText } from './common.schema.js';

/**
 * 工会经费 (the 2% union funds): an enterprise with a union declares its monthly payroll (工资总额);
 * 2% of it (round half up to the 分) is owed; once received (已拨缴) it is split between the
 * grassroots union (60% in Zhejiang) and the higher levels by the city's configurable shares.
 */
export const CONTRIBUTION_LEVELS = ['grassroots', 'street', 'district', 'city', 'province'] as const;
export type ContributionLevel = (typeof CONTRIBUTION_LEVELS)[number];
export const CONTRIBUTION_LEVEL_LABELS: Record<ContributionLevel, string> = {
  grassroots: '基层工会留成',
  street: '乡镇(街道)工会',
  district: '区县(市)总工会',
  city: '市总工会',
  province: '上解省总工会',
};

export const CONTRIBUTION_STATUSES = ['declared', 'paid'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = { declared: '已申报(未拨缴)', paid: '已拨缴' };

/** Arrears kinds: no declaration for a month past due, or declared but not received by the due day. */
export const CONTRIBUTION_ARREARS_KINDS = ['missing', 'unpaid'] as const;
export type ContributionArrearsKind = (typeof CONTRIBUTION_ARREARS_KINDS)[number];
export const CONTRIBUTION_ARREARS_KIND_LABELS: Record<ContributionArrearsKind, string> = { missing: '未申报', unpaid: '已申报未拨缴' };

/** 工会经费 = payroll × rate, rounded half up to the 分 (exact in integers: BigInt for very large payrolls). */
export function contributionFen(payrollFen: number, rateBp: number): number {
  if (!Number.isSafeInteger(payrollFen) || payrollFen < 0) throw new RangeError('payroll must be whole 分');
  return Number((BigInt(payrollFen) * BigInt(rateBp) + BigInt(5_000)) / BigInt(10_000));
}

const period = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${label}格式应为YYYY-MM` });
const day = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为YYYY-MM-DD` });
const bp = (label: string) =>
  z.number({ error: `请填写${label}` }).int({ error: `${label}应为整数(万分比)` }).min(0, { error: `${label}不能为负数` }).max(10_000, { error: `${label}不能超过100%` });

export const financeSettingsBodySchema = z.object({
  /** 工会经费 rate in basis points of payroll (200 = 2%) */
  rateBp: bp('拨缴比例').refine((n) => n >= 1, { error: '拨缴比例应大于0' }),
  /** shares in basis points, summing to 10000 */
  shares: z.object({ grassroots: bp('基层工会留成比例'), street: bp('乡镇(街道)工会分成比例'), district: bp('区县(市)总工会分成比例'), city: bp('市总工会分成比例'), province: bp('上解省总比例') }),
  /** payment due by this day of the month after the payroll month */
  dueDay: z.number({ error: '请填写拨缴截止日' }).int({ error: '拨缴截止日应为整数' }).min(1, { error: '拨缴截止日应在1至28日之间' }).max(28, { error: '拨缴截止日应在1至28日之间' }),
  version: z.number().int().optional(),
});
export type FinanceSettingsBody = z.infer<typeof financeSettingsBodySchema>;
export const financeSettingsSchema = financeSettingsBodySchema.extend({
  orgId: z.uuid(),
  orgName: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ configure: z.boolean() }),
});
export type FinanceSettings = z.infer<typeof financeSettingsSchema>;

export const contributionBodySchema = z.object({
  enterpriseId: z.uuid({ error: '请选择企业' }),
  period: period('所属月份'),
  /** 工资总额, in 分 */
  payrollFen: z.number({ error: '请填写工资总额' }).int({ error: '工资总额应为整数(分)' }).min(1, { error: '工资总额应大于0' }).max(100_000_000_000_00, { error: '工资总额过大,请核对' }),
  note: optionalText(300),
});
export type ContributionBody = z.infer<typeof contributionBodySchema>;
export const contributionUpdateSchema = contributionBodySchema.pick({ payrollFen: true, note: true });
export type ContributionUpdate = z.infer<typeof contributionUpdateSchema>;

export const contributionPaymentSchema = z.object({
  paidOn: day('到账日期'),
  reference: requiredText(60, '到账凭证号'),
});
export type ContributionPayment = z.infer<typeof contributionPaymentSchema>;

export const contributionPayerBodySchema = z.object({ enterpriseId: z.uuid({ error: '请选择企业' }), since: period('起缴月份') });
export type ContributionPayerBody = z.infer<typeof contributionPayerBodySchema>;

export const contributionListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  period: period('所属月份').optional(),
  status: z.enum(CONTRIBUTION_STATUSES).optional(),
});
export type ContributionListQuery = z.infer<typeof contributionListQuerySchema>;
export const contributionExportBodySchema = contributionListQuerySchema.omit({ page: true, pageSize: true });

const allocationSchema = z.object({ level: z.enum(CONTRIBUTION_LEVELS), orgId: z.uuid().nullable(), orgName: z.string().nullable(), amountFen: z.number().int(), entryId: z.number().int().nullable() });

export const contributionSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  unionOrgId: z.uuid(),
  unionOrgName: z.string(),
  districtName: z.string().nullable(),
  period: z.string(),
  payrollFen: z.number().int(),
  rateBp: z.number().int(),
  amountFen: z.number().int(),
  status: z.enum(CONTRIBUTION_STATUSES),
  dueOn: z.string(),
  overdue: z.boolean(),
  declaredAt: z.string(),
  paidOn: z.string().nullable(),
  paymentReference: z.string().nullable(),
  note: z.string().nullable(),
  allocations: z.array(allocationSchema),
  abilities: z.object({ edit: z.boolean(), confirmPayment: z.boolean() }),
});
export type Contribution = z.infer<typeof contributionSchema>;

export const contributionArrearsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  kind: z.enum(CONTRIBUTION_ARREARS_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ContributionArrearsQuery = z.infer<typeof contributionArrearsQuerySchema>;
export const contributionArrearsExportBodySchema = contributionArrearsQuerySchema.omit({ page: true, pageSize: true });

export const contributionArrearsItemSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  unionOrgName: z.string(),
  districtName: z.string().nullable(),
  period: z.string(),
  kind: z.enum(CONTRIBUTION_ARREARS_KINDS),
  dueOn: z.string(),
  /** known only when declared */
  amountFen: z.number().int().nullable(),
  declarationId: z.uuid().nullable(),
  remindedCount: z.number().int(),
  lastRemindedAt: z.string().nullable(),
  abilities: z.object({ remind: z.boolean() }),
});
export type ContributionArrearsItem = z.infer<typeof contributionArrearsItemSchema>;

export const contributionRemindBodySchema = z.object({ enterpriseId: z.uuid({ error: '请选择企业' }) });
export const contributionRemindResultSchema = z.object({ months: z.number().int() });

export const contributionReportQuerySchema = z.object({
  year: z.coerce.number({ error: '请选择年度' }).int().min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' }),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
});
export type ContributionReportQuery = z.infer<typeof contributionReportQuerySchema>;

const figuresSchema = z.object({
  dueFen: z.number().int(),
  receivedFen: z.number().int(),
  arrearsFen: z.number().int(),
  missingMonths: z.number().int(),
  split: z.record(z.enum(CONTRIBUTION_LEVELS), z.number().int()),
});
export type ContributionFigures = z.infer<typeof figuresSchema>;
export const contributionReportSchema = z.object({
  year: z.number().int(),
  orgId: z.uuid(),
  orgName: z.string(),
  total: figuresSchema,
  /** per child org (districts under the city, streets under a district ...): drill down by orgId */
  children: z.array(figuresSchema.extend({ orgId: z.uuid(), orgName: z.string(), drillable: z.boolean() })),
  months: z.array(figuresSchema.extend({ period: z.string() })),
});
export type ContributionReport = z.infer<typeof contributionReportSchema>;
