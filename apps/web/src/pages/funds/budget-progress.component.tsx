import { Progress, Tooltip, Typography } from 'antd';
import { formatYuan } from '../../components/money';
import { budgetPercent } from './fund-labels';

interface BudgetProgressProps {
  spentFen: number;
  budgetFen: number | null;
}

/** 预算执行: spent against the budget, red once it is used up. */
export function BudgetProgress({ spentFen, budgetFen }: BudgetProgressProps) {
  const percent = budgetPercent(spentFen, budgetFen);
  if (percent === null) return <Typography.Text type="secondary">未编制预算</Typography.Text>;
  return (
    <Tooltip title={`已支出 ${formatYuan(spentFen)} / 预算 ${formatYuan(budgetFen)}`}>
      <Progress percent={percent} size="small" status={percent >= 100 ? 'exception' : 'normal'} aria-label="预算执行进度" />
    </Tooltip>
  );
}
