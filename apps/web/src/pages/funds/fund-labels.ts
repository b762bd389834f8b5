import {
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  INCOME_TYPE_LABELS,
  INCOME_TYPES,
  PAYOUT_BATCH_STATUS_LABELS,
  PAYOUT_STATUS_LABELS,
  type FundSource,
  type IncomeType,
  type PayoutBatchStatus,
  type PayoutStatus,
} from '@gonghui/contracts';

export const FUND_SOURCE_OPTIONS: { value: FundSource; label: string }[] = FUND_SOURCES.map((value) => ({ value, label: FUND_SOURCE_LABELS[value] }));
export const INCOME_TYPE_OPTIONS: { value: IncomeType; label: string }[] = INCOME_TYPES.map((value) => ({ value, label: INCOME_TYPE_LABELS[value] }));

export const PAYOUT_STATUS_COLORS: Record<PayoutStatus, string> = { pending: 'orange', batched: 'blue', paid: 'green' };
export const BATCH_STATUS_COLORS: Record<PayoutBatchStatus, string> = { exported: 'blue', paid: 'green' };
export { PAYOUT_BATCH_STATUS_LABELS, PAYOUT_STATUS_LABELS };

/** Share of the budget used, 0-100 (null without a budget). */
export function budgetPercent(spentFen: number, budgetFen: number | null): number | null {
  if (budgetFen === null) return null;
  if (budgetFen === 0) return spentFen > 0 ? 100 : 0;
  return Math.min(100, Math.round((spentFen / budgetFen) * 1000) / 10);
}
