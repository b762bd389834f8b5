import { Progress, Tag } from 'antd';
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS, VOUCHER_TYPE_LABELS, VOUCHER_TYPES, type BudgetStatus } from '@gonghui/contracts';

/** This year in Asia/Shanghai, and the years a budget list offers (next year for planning, then back). */
export const thisYear = (): number => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
export const budgetYearOptions = (): { value: number; label: string }[] => [1, 0, -1, -2, -3].map((d) => ({ value: thisYear() + d, label: `${thisYear() + d}年` }));

export const CATEGORY_OPTIONS = BUDGET_CATEGORIES.map((c) => ({ value: c, label: BUDGET_CATEGORY_LABELS[c] }));
export const VOUCHER_OPTIONS = VOUCHER_TYPES.map((v) => ({ value: v, label: VOUCHER_TYPE_LABELS[v] }));

export const BUDGET_HELP =
  '每个工会每年编制一份经费预算,按职工活动、维权、帮扶、职工之家建设、教育培训、其他等科目列支。预算为「草稿」时可以修改;经本级工会委员会审议或上级工会批复后,由本会或上级工会录入审批依据并批准,批准后不能再改。支出只能登记在已批准的预算科目上,登记即记入本会经费账户(不能修改,录错须冲销后重新登记);单笔支出超过账户余额的不予登记,使科目超出预算的须填写超支理由。';

/** 执行率 as a bar; red past 100%, orange from 90%. */
export function RateBar({ rate }: { rate: number | null }) {
  if (rate === null) return <span>—</span>;
  const pct = Math.round(rate * 1000) / 10;
  return <Progress percent={Math.min(100, pct)} format={() => `${pct}%`} size="small" status={rate > 1 ? 'exception' : 'normal'} strokeColor={rate > 1 ? '#ff4d4f' : rate >= 0.9 ? '#fa8c16' : undefined} style={{ minWidth: 120, margin: 0 }} />;
}

export function BudgetStatusTag({ status, label }: { status: BudgetStatus; label: string }) {
  return <Tag color={status === 'approved' ? 'green' : 'gold'}>{label}</Tag>;
}
