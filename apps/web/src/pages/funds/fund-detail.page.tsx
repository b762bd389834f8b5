import { useState } from 'react';
import { Alert, Button, Descriptions, Result, Skeleton, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined, DollarOutlined, FundOutlined, TransactionOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-client';
import { ledgerApi } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';
import { BatchTable } from './batch-table.component';
import { FundBudgetModal, type BudgetTarget } from './fund-budget-modal.component';
import { FundBudgetsTable } from './fund-budgets-table.component';
import { FundEntriesTable } from './fund-entries-table.component';
import { FundIncomeModal } from './fund-income-modal.component';
import { FundSummary } from './fund-summary.component';
import { PayoutTable } from './payout-table.component';
import { useBatchActions } from './use-batch-actions.hook';

/** 资金详情: figures, the ledger, budgets, payouts and batches; 收入入账, 编制预算, 生成代发批次. */
export function FundDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [budgetTarget, setBudgetTarget] = useState<BudgetTarget | null>(null);
  const [incomeOpen, setIncomeOpen] = useState(false);
  const [tab, setTab] = useState('entries');
  const detail = useQuery({ queryKey: queryKeys.fund(id), queryFn: () => ledgerApi.get(id), enabled: !!id });
  const { confirmCreate, creating } = useBatchActions(() => setTab('batches'));
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/funds')}>
      返回资金列表
    </Button>
  );

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <Result status="404" title="资金不存在或不在您的数据范围内" extra={back} />;
    return <Alert type="error" showIcon title={errorMessage(detail.error)} action={back} />;
  }
  const fund = detail.data;
  const { canManage, canBatch } = fund.abilities;

  return (
    <>
      <PageTitle
        title={fund.name}
        extra={
          <>
            {back}
            {canManage ? (
              <Button icon={<FundOutlined />} onClick={() => setBudgetTarget({ fund })}>
                编制预算
              </Button>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<DollarOutlined />} onClick={() => setIncomeOpen(true)}>
                收入入账
              </Button>
            ) : null}
            {canBatch ? (
              <Button icon={<TransactionOutlined />} loading={creating} onClick={() => confirmCreate(fund, fund.pendingPayouts)}>
                生成代发批次
              </Button>
            ) : null}
          </>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'code', label: '资金编号', children: fund.code },
          { key: 'source', label: '来源', children: <Tag>{fund.sourceLabel}</Tag> },
          { key: 'org', label: '管理单位', children: fund.orgName },
          { key: 'status', label: '状态', children: fund.status === 'active' ? '使用中' : '已关闭' },
          { key: 'created', label: '设立时间', children: formatTime(fund.createdAt) },
          { key: 'note', label: '说明', children: fund.note ?? '—' },
        ]}
      />
      <FundSummary fund={fund} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'entries', label: '台账明细', children: <FundEntriesTable fundId={fund.id} /> },
          { key: 'budgets', label: '预算', children: <FundBudgetsTable fund={fund} onEdit={(budget) => setBudgetTarget({ fund, budget })} /> },
          { key: 'payouts', label: '支付记录', children: <PayoutTable fundId={fund.id} /> },
          { key: 'batches', label: '代发批次', children: <BatchTable fundId={fund.id} /> },
        ]}
      />
      <FundBudgetModal target={budgetTarget} onClose={() => setBudgetTarget(null)} />
      <FundIncomeModal fund={incomeOpen ? fund : null} onClose={() => setIncomeOpen(false)} />
    </>
  );
}
