import { Button, Table, type TableColumnsType } from 'antd';
import type { FundBudget, FundDetail } from '@gonghui/contracts';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { BudgetProgress } from './budget-progress.component';
import { useCampaignNames } from './use-campaign-names.hook';

interface FundBudgetsTableProps {
  fund: FundDetail;
  onEdit: (budget: FundBudget) => void;
}

/** 预算: by year and campaign, each with what was paid against it. */
export function FundBudgetsTable({ fund, onEdit }: FundBudgetsTableProps) {
  const campaigns = useCampaignNames();
  const columns: TableColumnsType<FundBudget> = [
    { title: '年度', dataIndex: 'year', width: 90 },
    { title: '范围', dataIndex: 'campaignId', render: (id: string | null) => campaigns.nameOf(id) },
    { title: '预算', dataIndex: 'amountFen', width: 160, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '已支出', dataIndex: 'spentFen', width: 160, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '执行进度', key: 'progress', width: 200, render: (_v, row) => <BudgetProgress spentFen={row.spentFen} budgetFen={row.amountFen} /> },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatTime(v) },
    ...(fund.abilities.canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_v: unknown, row: FundBudget) => (
              <Button type="link" size="small" onClick={() => onEdit(row)}>
                调整
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<FundBudget>
      rowKey={(b) => `${b.year}-${b.campaignId ?? ''}`}
      size="small"
      columns={columns}
      dataSource={fund.budgets}
      locale={{ emptyText: '尚未编制预算' }}
      pagination={false}
      scroll={{ x: 900 }}
    />
  );
}
