import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { pageQuerySchema, requiredText } from './common.schema.js';

/**
 * 工会经费预算与支出: a union's yearly budget by category (草稿 → 已批准), spending entries
 * against its lines (each a payout entry of the union's 经费账户), and budget execution.
 */
export const BUDGET_CATEGORIES = ['activity', 'rights', 'aid', 'home', 'training', 'other'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  activity: '职工活动',
  rights: '维权',
  aid: '帮扶',
  home: '职工之家建设',
  training: '教育培训',
  other: '其他',
};
/** The lines that make a union's 有经费 (职工之家 有钱办事) when approved with money. */
export const HOME_FUND_CATEGORIES: readonly BudgetCategory[] = ['activity', 'home'];

export const BUDGET_STATUSES = ['draft', 'approved'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];
export const BUDGET_STATUS_LABELS: Record<BudgetStatus, string> = { draft: '草稿', approved: '已批准' };
export const SPENDING_STATUS_LABELS = { posted: '已入账', reversed: '已冲销' } as const;
export type SpendingStatus = keyof typeof SPENDING_STATUS_LABELS;

/** 支出凭证: invoices, receipts, sign-off sheets. */
export const VOUCHER_TYPES = ['invoice', 'receipt', 'approval', 'other'] as const;
export const VOUCHER_TYPE_LABELS: Record<(typeof VOUCHER_TYPES)[number], string> = { invoice: '发票', receipt: '收据', approval: '审批单', other: '其他凭证' };
export const VOUCHER_MAX_FILES = 10;

const MAX_FEN = 10_000_000_000;
const fen = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数(分)` })
    .min(0, { error: `${label}不能为负` })
    .max(MAX_FEN, { error: `${label}过大` });
const year = z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在2000-2100之间' }).max(2100, { error: '年度应在2000-2100之间' });

export const budgetLineBodySchema = z.object({
  category: z.enum(BUDGET_CATEGORIES, { error: '预算科目不正确' }),
  amountFen: fen('预算金额'),
  note: z.string().trim().max(200, { error: '说明不能超过200个字' }).default(''),
});

export const budgetBodySchema = z.object({
  orgId: z.uuid({ error: '请选择工会' }),
  year,
  note: z.string().trim().max(500, { error: '说明不能超过500个字' }).default(''),
  lines: z
    .array(budgetLineBodySchema)
    .min(1, { error: '请至少填写一个预算科目' })
    .max(BUDGET_CATEGORIES.length)
    .refine((ls) => new Set(ls.map((l) => l.category)).size === ls.length, { error: '预算科目不能重复' }),
});
export type BudgetBody = z.infer<typeof budgetBodySchema>;

export const budgetUpdateBodySchema = budgetBodySchema.omit({ orgId: true, year: true }).extend({ version: z.number().int() });
export type BudgetUpdateBody = z.infer<typeof budgetUpdateBodySchema>;

export const budgetApproveBodySchema = z.object({
  approvalRef: requiredText(100, '审批依据'),
  version: z.number().int(),
});
export type BudgetApproveBody = z.infer<typeof budgetApproveBodySchema>;

export const budgetLineSchema = z.object({
  id: z.string(),
  category: z.enum(BUDGET_CATEGORIES),
  categoryLabel: z.string(),
  amountFen: z.number(),
  note: z.string(),
  spentFen: z.number(),
  remainingFen: z.number(),
  /** spent / budget; null when the budget is 0 */
  rate: z.number().nullable(),
  over: z.boolean(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const budgetSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  status: z.enum(BUDGET_STATUSES),
  statusLabel: z.string(),
  note: z.string(),
  approvalRef: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number().int(),
  totalFen: z.number(),
  spentFen: z.number(),
  remainingFen: z.number(),
  rate: z.number().nullable(),
  /** the union's 经费账户: income − spending, all years */
  account: z.object({ fundId: z.string().nullable(), incomeFen: z.number(), spentFen: z.number(), balanceFen: z.number() }),
  lines: z.array(budgetLineSchema),
  abilities: z.object({ canEdit: z.boolean(), canApprove: z.boolean(), canSpend: z.boolean() }),
});
export type Budget = z.infer<typeof budgetSchema>;

export const budgetListItemSchema = budgetSchema.pick({ id: true, orgId: true, orgName: true, year: true, status: true, statusLabel: true, totalFen: true, spentFen: true, rate: true }).extend({ overLines: z.number().int() });
export type BudgetListItem = z.infer<typeof budgetListItemSchema>;

export const budgetListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000, { error: '年度应在2000-2100之间' }).max(2100, { error: '年度应在2000-2100之间' }).optional(),
  status: z.enum(BUDGET_STATUSES, { error: '状态不正确' }).optional(),
  q: z.string().trim().max(50).optional(),
});

const isoDate = z.iso.date({ error: '支出日期格式应为 YYYY-MM-DD' });

export const spendingBodySchema = z.object({
  lineId: z.uuid({ error: '请选择预算科目' }),
  spentOn: isoDate,
  amountFen: z.number({ error: '请填写支出金额' }).int({ error: '支出金额应为整数(分)' }).min(1, { error: '支出金额应大于0' }).max(MAX_FEN, { error: '支出金额过大' }),
  payee: requiredText(100, '收款单位/人'),
  purpose: requiredText(200, '支出用途'),
  /** required when the spending takes its line over budget (超支理由) */
  overBudgetReason: z.string().trim().max(200, { error: '超支理由不能超过200个字' }).optional().transform((v) => (v === '' ? undefined : v)),
});
export type SpendingBody = z.input<typeof spendingBodySchema>;

export const spendingReverseBodySchema = z.object({ reason: requiredText(200, '冲销原因') });

export const spendingSchema = z.object({
  id: z.string(),
  budgetId: z.string(),
  lineId: z.string(),
  category: z.enum(BUDGET_CATEGORIES),
  categoryLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  spentOn: z.string(),
  amountFen: z.number(),
  payee: z.string(),
  purpose: z.string(),
  vouchers: z.array(attachmentSchema),
  overBudgetReason: z.string().nullable(),
  status: z.enum(['posted', 'reversed']),
  statusLabel: z.string(),
  entryId: z.string(),
  reversalReason: z.string().nullable(),
  reversedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ canReverse: z.boolean(), canEditVouchers: z.boolean() }),
});
export type Spending = z.infer<typeof spendingSchema>;

export const spendingListQuerySchema = pageQuerySchema.extend({
  budgetId: z.uuid({ error: '预算编号格式不正确' }),
  lineId: z.uuid({ error: '科目编号格式不正确' }).optional(),
  status: z.enum(['posted', 'reversed'], { error: '状态不正确' }).optional(),
});

/** Budget execution: rows of the children of `orgId` (districts, streets, unions), each a subtotal of its subtree. */
export const budgetReportQuerySchema = z.object({
  year: z.coerce.number().int().min(2000, { error: '年度应在2000-2100之间' }).max(2100, { error: '年度应在2000-2100之间' }),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
});

const figures = { budgetFen: z.number(), spentFen: z.number(), remainingFen: z.number(), rate: z.number().nullable() };
export const budgetReportSchema = z.object({
  year: z.number().int(),
  org: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  /** the way up to the caller's own level, for the breadcrumb */
  path: z.array(z.object({ id: z.string(), name: z.string() })),
  total: z.object({ ...figures, unions: z.number().int(), approved: z.number().int() }),
  rows: z.array(z.object({ orgId: z.string(), orgName: z.string(), kind: z.string(), budgetId: z.string().nullable(), drillable: z.boolean(), ...figures, unions: z.number().int(), approved: z.number().int(), overLines: z.number().int() })),
  byCategory: z.array(z.object({ category: z.enum(BUDGET_CATEGORIES), categoryLabel: z.string(), ...figures })),
});
export type BudgetReport = z.infer<typeof budgetReportSchema>;
