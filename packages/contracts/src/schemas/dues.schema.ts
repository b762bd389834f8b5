import { z } from 'zod';
import { optionalText } from './common.schema.js';

/**
 * 会费 (union dues): 0.5% of the monthly basic wage, the wage first floored to whole 10 yuan
 * (5,678 → 5,670 → 28.35 yuan). In 分, exact integers: floor(wage / 1000) × 1000 × 5 / 1000.
 */
export function monthlyDuesFen(wageFen: number): number {
  if (!Number.isSafeInteger(wageFen) || wageFen < 0) throw new RangeError('wage must be a non-negative whole number of 分');
  return Math.floor(wageFen / 1000) * 5;
}

/** The wage items that make up the 会费 base, by employer type (config; the sum of the items is the base). */
export const EMPLOYER_TYPES = ['enterprise', 'government', 'institution'] as const;
export type EmployerType = (typeof EMPLOYER_TYPES)[number];
export const EMPLOYER_TYPE_LABELS: Record<EmployerType, string> = { enterprise: '企业', government: '机关', institution: '事业单位' };
export const DUES_WAGE_ITEMS: Record<EmployerType, { code: string; label: string }[]> = {
  enterprise: [
    { code: 'post', label: '岗位工资' },
    { code: 'skill', label: '技能工资' },
    { code: 'seniority', label: '工龄工资' },
    { code: 'basic', label: '基础工资' },
  ],
  government: [
    { code: 'duty', label: '职务工资' },
    { code: 'grade', label: '级别工资' },
  ],
  institution: [
    { code: 'post', label: '岗位工资' },
    { code: 'scale', label: '薪级工资' },
  ],
};

export const DUES_EXEMPT_REASONS = ['laid_off', 'hardship', 'long_sick', 'other'] as const;
export type DuesExemptReason = (typeof DUES_EXEMPT_REASONS)[number];
export const DUES_EXEMPT_REASON_LABELS: Record<DuesExemptReason, string> = { laid_off: '下岗失业', hardship: '特困职工', long_sick: '长期病休', other: '其他' };

export const DUES_METHODS = ['payroll', 'cash'] as const;
export type DuesMethod = (typeof DUES_METHODS)[number];
export const DUES_METHOD_LABELS: Record<DuesMethod, string> = { payroll: '工资代扣', cash: '现金缴纳' };

export const DUES_BATCH_STATUSES = ['draft', 'confirmed'] as const;
export type DuesBatchStatus = (typeof DUES_BATCH_STATUSES)[number];
export const DUES_BATCH_STATUS_LABELS: Record<DuesBatchStatus, string> = { draft: '草稿', confirmed: '已确认入账' };

/** A member-month as the member sees it. */
export const DUES_MONTH_STATES = ['paid', 'partial', 'arrears', 'exempt', 'not_due'] as const;
export type DuesMonthState = (typeof DUES_MONTH_STATES)[number];
export const DUES_MONTH_STATE_LABELS: Record<DuesMonthState, string> = { paid: '已缴', partial: '部分缴纳', arrears: '欠缴', exempt: '减免', not_due: '未到期' };

const monthField = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${label}格式应为 YYYY-MM` });
const yearField = z.coerce.number({ error: '年度格式不正确' }).int({ error: '年度格式不正确' }).min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' });
const fenField = (label: string) => z.number({ error: `请填写${label}` }).int({ error: `${label}应为整数(分)` }).min(0, { error: `${label}不能为负数` }).max(100_000_000, { error: `${label}过大` });
const versionField = z.number({ error: '缺少版本号' }).int();
const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalUuid = z.preprocess(emptyToUndefined, z.uuid({ error: '编号格式不正确' }).optional());

// ---- wage bases (会费核定)
const baseFields = z.object({
  employerType: z.enum(EMPLOYER_TYPES, { error: '请选择单位类型' }),
  items: z.array(z.object({ code: z.string({ error: '请选择工资项目' }), amountFen: fenField('金额') })).min(1, { error: '请至少填写一项工资' }).max(10),
});
function checkItems(b: z.infer<typeof baseFields>, ctx: z.RefinementCtx): void {
  const allowed = new Set(DUES_WAGE_ITEMS[b.employerType].map((i) => i.code));
  const seen = new Set<string>();
  b.items.forEach((it, i) => {
    if (!allowed.has(it.code)) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `该工资项目不属于${EMPLOYER_TYPE_LABELS[b.employerType]}的会费基数项目` });
    else if (seen.has(it.code)) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: '工资项目重复' });
    seen.add(it.code);
  });
}
export const duesBaseBodySchema = baseFields.extend({ memberId: z.uuid({ error: '请选择会员' }), year: yearField }).superRefine(checkItems);
export type DuesBaseBody = z.infer<typeof duesBaseBodySchema>;
export const updateDuesBaseBodySchema = baseFields.extend({ version: versionField }).superRefine(checkItems);
export type UpdateDuesBaseBody = z.infer<typeof updateDuesBaseBodySchema>;

export const duesBaseListQuerySchema = z.object({
  ...pageFields,
  year: yearField,
  orgId: optionalUuid,
  q: optionalText(40),
  state: z.enum(['all', 'set', 'unset']).default('all'),
});
export type DuesBaseListQuery = z.infer<typeof duesBaseListQuerySchema>;

/** A member in the 会费核定 list: the base of the year when set. */
export const duesBaseRowSchema = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  cardNo: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  baseId: z.uuid().nullable(),
  year: z.number().int(),
  employerType: z.enum(EMPLOYER_TYPES).nullable(),
  items: z.array(z.object({ code: z.string(), amountFen: z.number().int() })),
  wageFen: z.number().int().nullable(),
  monthlyDuesFen: z.number().int().nullable(),
  version: z.number().int().nullable(),
  exemptions: z.array(z.object({ id: z.uuid(), reason: z.enum(DUES_EXEMPT_REASONS), note: z.string().nullable(), fromMonth: z.string(), toMonth: z.string() })),
  abilities: z.object({ canEdit: z.boolean(), canExempt: z.boolean() }),
});
export type DuesBaseRow = z.infer<typeof duesBaseRowSchema>;

// ---- exemptions (减免)
export const duesExemptionBodySchema = z
  .object({
    memberId: z.uuid({ error: '请选择会员' }),
    reason: z.enum(DUES_EXEMPT_REASONS, { error: '请选择减免原因' }),
    note: optionalText(200),
    fromMonth: monthField('起始月份'),
    toMonth: monthField('截止月份'),
  })
  .superRefine((b, ctx) => {
    if (b.toMonth < b.fromMonth) ctx.addIssue({ code: 'custom', path: ['toMonth'], message: '截止月份不能早于起始月份' });
    if (b.reason === 'other' && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '减免原因为“其他”时请填写说明' });
  });
export type DuesExemptionBody = z.infer<typeof duesExemptionBodySchema>;

// ---- batches (收缴)
export const duesBatchBodySchema = z.object({
  orgId: z.uuid({ error: '请选择基层工会' }),
  month: monthField('所属月份'),
  method: z.enum(DUES_METHODS, { error: '请选择收缴方式' }),
  note: optionalText(200),
});
export type DuesBatchBody = z.infer<typeof duesBatchBodySchema>;
export const updateDuesBatchBodySchema = z.object({
  version: versionField,
  method: z.enum(DUES_METHODS, { error: '请选择收缴方式' }),
  note: optionalText(200),
  lines: z.array(z.object({ memberId: z.uuid({ error: '会员编号格式不正确' }), paidFen: fenField('实收金额') })).max(5000),
});
export type UpdateDuesBatchBody = z.infer<typeof updateDuesBatchBodySchema>;
export const confirmDuesBatchBodySchema = z.object({ version: versionField });

export const duesBatchListQuerySchema = z.object({
  ...pageFields,
  orgId: optionalUuid,
  month: z.preprocess(emptyToUndefined, monthField('所属月份').optional()),
  status: z.preprocess(emptyToUndefined, z.enum(DUES_BATCH_STATUSES).optional()),
});
export type DuesBatchListQuery = z.infer<typeof duesBatchListQuerySchema>;

export const duesBatchListItemSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  month: z.string(),
  method: z.enum(DUES_METHODS),
  status: z.enum(DUES_BATCH_STATUSES),
  members: z.number().int(),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DuesBatchListItem = z.infer<typeof duesBatchListItemSchema>;
export const duesBatchSchema = duesBatchListItemSchema.extend({
  note: z.string().nullable(),
  version: z.number().int(),
  ledgerEntryId: z.number().int().nullable(),
  lines: z.array(z.object({ memberId: z.uuid(), memberName: z.string(), cardNo: z.string(), dueFen: z.number().int(), paidFen: z.number().int() })),
  abilities: z.object({ canEdit: z.boolean(), canConfirm: z.boolean(), canDelete: z.boolean() }),
});
export type DuesBatch = z.infer<typeof duesBatchSchema>;

// ---- arrears, own history, report
export const duesArrearsQuerySchema = z.object({
  ...pageFields,
  year: yearField,
  orgId: optionalUuid,
  q: optionalText(40),
  minMonths: z.coerce.number().int().min(1).max(12).default(1),
});
export type DuesArrearsQuery = z.infer<typeof duesArrearsQuerySchema>;
export const duesArrearsRowSchema = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  cardNo: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  months: z.array(z.string()),
  arrearsFen: z.number().int(),
});
export type DuesArrearsRow = z.infer<typeof duesArrearsRowSchema>;
export const duesUnionArrearsSchema = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  members: z.number().int(),
  memberMonths: z.number().int(),
  arrearsFen: z.number().int(),
});
export type DuesUnionArrears = z.infer<typeof duesUnionArrearsSchema>;

export const myDuesQuerySchema = z.object({ year: yearField });
export const myDuesSchema = z.object({
  year: z.number().int(),
  monthlyDuesFen: z.number().int().nullable(),
  orgName: z.string().nullable(),
  paidFen: z.number().int(),
  arrearsFen: z.number().int(),
  months: z.array(z.object({ month: z.string(), dueFen: z.number().int(), paidFen: z.number().int(), state: z.enum(DUES_MONTH_STATES), method: z.enum(DUES_METHODS).nullable(), note: z.string().nullable() })),
});
export type MyDues = z.infer<typeof myDuesSchema>;

export const duesReportQuerySchema = z.object({
  year: yearField,
  month: z.preprocess(emptyToUndefined, monthField('月份').optional()),
  parentId: optionalUuid,
});
export type DuesReportQuery = z.infer<typeof duesReportQuerySchema>;
const figures = { dueFen: z.number().int(), paidFen: z.number().int(), arrearsFen: z.number().int(), exemptFen: z.number().int() };
export const duesReportSchema = z.object({
  year: z.number().int(),
  month: z.string().nullable(),
  parent: z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid().nullable() }),
  total: z.object(figures),
  rows: z.array(z.object({ orgId: z.uuid(), orgName: z.string(), kind: z.string(), hasChildren: z.boolean(), ...figures })),
  months: z.array(z.object({ month: z.string(), ...figures })),
});
export type DuesReport = z.infer<typeof duesReportSchema>;

export const duesExemptionSchema = z.object({ id: z.uuid(), memberId: z.uuid(), reason: z.enum(DUES_EXEMPT_REASONS), note: z.string().nullable(), fromMonth: z.string(), toMonth: z.string() });
