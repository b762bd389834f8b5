import { z } from 'zod';
import { optionalText, pageOf, requiredText } from './common.schema.js';

/** Where a fund's money comes from (funds.source). */
export const FUND_SOURCES = ['city', 'district', 'donation', 'government', 'union_funds'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  city: '市总工会拨款',
  district: '区县(市)总工会资金',
  donation: '社会捐赠',
  government: '政府专项资金',
  union_funds: '工会经费',
};

/** What kind of money came in (recorded as the entry's business type). */
export const INCOME_TYPES = ['allocation', 'donation', 'other'] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];
export const INCOME_TYPE_LABELS: Record<IncomeType, string> = { allocation: '拨款', donation: '捐赠', other: '其他收入' };

export const LEDGER_ENTRY_KINDS = ['income', 'payout', 'reversal'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
export const LEDGER_ENTRY_KIND_LABELS: Record<LedgerEntryKind, string> = { income: '收入', payout: '支出', reversal: '冲正' };

export const PAYOUT_STATUSES = ['pending', 'batched', 'paid'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = { pending: '待代发', batched: '代发中', paid: '已支付' };

export const PAYOUT_BATCH_STATUSES = ['exported', 'paid'] as const;
export type PayoutBatchStatus = (typeof PAYOUT_BATCH_STATUSES)[number];
export const PAYOUT_BATCH_STATUS_LABELS: Record<PayoutBatchStatus, string> = { exported: '已导出待确认', paid: '已支付' };

/** 1,000 亿元 in 分: far above any fund, well inside JavaScript's exact integers. */
export const MAX_LEDGER_AMOUNT_FEN = 10_000_000_000_000;
const fen = (label: string, min: 0 | 1) =>
  z
    .number({ error: `请填写${label}(分)` })
    .int({ error: `${label}应为整数(分)` })
    .min(min, { error: min === 0 ? `${label}不能为负数` : `${label}应大于0` })
    .max(MAX_LEDGER_AMOUNT_FEN, { error: `${label}超出上限` });

const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const fundListQuerySchema = z.object({
  q: z.string().trim().max(60).optional(),
  source: z.enum(FUND_SOURCES, { error: '资金来源不正确' }).optional(),
  status: z.enum(['active', 'closed', 'all']).default('active'),
  /** unions' 经费账户 (code JF-…): all, none, or only the caller's own union's (for paying out) */
  unionAccounts: z.enum(['all', 'none', 'own'], { error: '工会经费账户筛选应为 all、none 或 own' }).default('all'),
  ...page,
});
export type FundListQuery = z.infer<typeof fundListQuerySchema>;

export const createFundBodySchema = z.object({
  name: z.string({ error: '请填写资金名称' }).trim().min(2, { error: '资金名称至少2个字' }).max(60, { error: '资金名称不能超过60个字' }),
  source: z.enum(FUND_SOURCES, { error: '资金来源应为 city、district、donation、government 或 union_funds' }),
  orgId: z.uuid({ error: '请选择管理单位' }),
  note: optionalText(500),
});
export type CreateFundBody = z.infer<typeof createFundBodySchema>;

export const fundBudgetBodySchema = z.object({
  year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在2000至2100之间' }).max(2100, { error: '年度应在2000至2100之间' }),
  campaignId: z.uuid({ error: '活动编号格式不正确' }).optional(),
  amountFen: fen('预算金额', 0),
});
export type FundBudgetBody = z.infer<typeof fundBudgetBodySchema>;

export const fundIncomeBodySchema = z.object({
  amountFen: fen('收入金额', 1),
  incomeType: z.enum(INCOME_TYPES, { error: '收入类型应为 allocation、donation 或 other' }).default('allocation'),
  /** 拨款文号 / 收据号: the same one twice in one fund is refused (409) */
  businessKey: requiredText(60, '拨款文号或收据号'),
  memo: optionalText(200),
});
export type FundIncomeBody = z.infer<typeof fundIncomeBodySchema>;

const fundFigures = {
  /** sum of all entries */
  balanceFen: z.number().int(),
  /** this year (Asia/Shanghai) */
  year: z.number().int(),
  /** this year's whole-year budget; null when none is set */
  budgetFen: z.number().int().nullable(),
  /** paid out this year */
  spentFen: z.number().int(),
};

export const fundListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  source: z.enum(FUND_SOURCES),
  sourceLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(['active', 'closed']),
  note: z.string().nullable(),
  createdAt: z.string(),
  ...fundFigures,
});
export type FundListItem = z.infer<typeof fundListItemSchema>;

export const fundBudgetSchema = z.object({
  year: z.number().int(),
  campaignId: z.string().nullable(),
  amountFen: z.number().int(),
  spentFen: z.number().int(),
  updatedAt: z.string(),
});
export type FundBudget = z.infer<typeof fundBudgetSchema>;

export const fundDetailSchema = fundListItemSchema.extend({
  incomeFen: z.number().int(),
  payoutFen: z.number().int(),
  /** payouts recorded but not yet confirmed paid by the bank */
  unpaidPayoutFen: z.number().int(),
  pendingPayouts: z.number().int(),
  budgets: z.array(fundBudgetSchema),
  abilities: z.object({ canManage: z.boolean(), canBatch: z.boolean() }),
});
export type FundDetail = z.infer<typeof fundDetailSchema>;

export const ledgerEntryQuerySchema = z.object({ kind: z.enum(LEDGER_ENTRY_KINDS).optional(), ...page });

export const ledgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(LEDGER_ENTRY_KINDS),
  kindLabel: z.string(),
  /** signed: income positive, payouts negative */
  amountFen: z.number().int(),
  /** the fund's balance right after this entry */
  balanceAfterFen: z.number().int(),
  businessType: z.string(),
  businessTypeLabel: z.string(),
  /** 拨款文号 / 收据号 / the paid case */
  reference: z.string(),
  memo: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const ledgerEntryPageSchema = pageOf(ledgerEntrySchema).extend({
  summary: z.object({ incomeFen: z.number().int(), payoutFen: z.number().int(), balanceFen: z.number().int() }),
});
export type LedgerEntryPage = z.infer<typeof ledgerEntryPageSchema>;

export const payoutListQuerySchema = z.object({
  fundId: z.uuid({ error: '资金编号格式不正确' }).optional(),
  batchId: z.uuid({ error: '批次编号格式不正确' }).optional(),
  status: z.enum(PAYOUT_STATUSES).optional(),
  ...page,
});
export type PayoutListQuery = z.infer<typeof payoutListQuerySchema>;

export const payoutSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  fundName: z.string(),
  programme: z.string(),
  programmeLabel: z.string(),
  businessType: z.string(),
  businessKey: z.string(),
  amountFen: z.number().int(),
  payeeName: z.string(),
  /** masked (6222 **** **** 0123) */
  payeeAccount: z.string().nullable(),
  orgName: z.string().nullable(),
  status: z.enum(PAYOUT_STATUSES),
  batchId: z.string().nullable(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
});
export type Payout = z.infer<typeof payoutSchema>;

export const payoutBatchListQuerySchema = z.object({
  fundId: z.uuid({ error: '资金编号格式不正确' }).optional(),
  status: z.enum(PAYOUT_BATCH_STATUSES).optional(),
  ...page,
});
export type PayoutBatchListQuery = z.infer<typeof payoutBatchListQuerySchema>;

export const payoutBatchSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  fundName: z.string(),
  status: z.enum(PAYOUT_BATCH_STATUSES),
  count: z.number().int(),
  totalFen: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  bankReference: z.string().nullable(),
  abilities: z.object({ canExport: z.boolean(), canConfirm: z.boolean() }),
});
export type PayoutBatch = z.infer<typeof payoutBatchSchema>;

export const createPayoutBatchAnswerSchema = z.object({
  batch: payoutBatchSchema,
  /** pending payouts left out because the payee has no bank account on file */
  skippedWithoutAccount: z.number().int(),
});

export const markBatchPaidBodySchema = z.object({ bankReference: requiredText(60, '银行回单号') });
export type MarkBatchPaidBody = z.infer<typeof markBatchPaidBodySchema>;

/** 分 shown as 元 with two decimals (12345 → "123.45"). */
export const fenToYuan = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};
