import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { BudgetLine, Spending } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { budgetApi, budgetKeys } from '../../api/budget.api';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { BudgetApproveModal } from './budget-approve-modal.component';
import { BudgetFormModal } from './budget-form-modal.component';
import { BudgetStatusTag, RateBar } from './budget-labels';
import { BudgetSpendingFormModal } from './budget-spending-form-modal.component';
import { BudgetSpendingsTable } from './budget-spendings-table.component';

/** A union's budget of a year: lines with spent, remaining and execution rate, the account balance, and its spending. */
export function BudgetDetailPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: budgetKeys.budget(id), queryFn: () => budgetApi.get(id) });
  const [editing, setEditing] = useState(false);
  const [approving, setApproving] = useState(false);
  const [spending, setSpending] = useState<{ lineId?: string } | null>(null);
  const [justSaved, setJustSaved] = useState<Spending | null>(null);
  if (q.isPending) return <Spin />;
  if (q.isError) return <Result status="warning" title="无法打开预算" subTitle={errorMessage(q.error)} extra={<Link to="/finance/budgets">返回预算列表</Link>} />;
  const b = q.data;
  const overLines = b.lines.filter((l) => l.over);
  const columns: TableColumnsType<BudgetLine> = [
    { title: '科目', dataIndex: 'categoryLabel', width: 130, render: (v: string, l) => (l.over ? <Space size={4}>{v}<Tag color="red">超支</Tag></Space> : v) },
    { title: '预算(元)', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v, '') },
    { title: '已支出(元)', dataIndex: 'spentFen', align: 'right', render: (v: number) => formatYuan(v, '') },
    { title: '结余(元)', dataIndex: 'remainingFen', align: 'right', render: (v: number) => <span style={v < 0 ? { color: '#cf1322' } : undefined}>{formatYuan(v, '')}</span> },
    { title: '执行率', dataIndex: 'rate', width: 180, render: (v: number | null) => <RateBar rate={v} /> },
    { title: '说明', dataIndex: 'note', ellipsis: true },
    ...(b.abilities.canSpend ? [{ title: '', key: 'op', width: 100, render: (_v: unknown, l: BudgetLine) => <Button size="small" type="link" onClick={() => setSpending({ lineId: l.id })}>登记支出</Button> }] : []),
  ];
  return (
    <>
      <PageTitle
        title={`${b.orgName} ${b.year}年度预算`}
        extra={
          <Space>
            {b.abilities.canEdit ? <Button onClick={() => setEditing(true)}>修改</Button> : null}
            {b.abilities.canApprove ? (
              <Button type="primary" onClick={() => setApproving(true)} data-testid="budget-approve">
                批准
              </Button>
            ) : null}
            {b.abilities.canSpend ? (
              <Button type="primary" onClick={() => setSpending({})} data-testid="spending-create">
                登记支出
              </Button>
            ) : null}
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {b.status === 'draft' ? <Alert type="info" showIcon title="预算为草稿:可以修改;经工会委员会审议或上级批复后点击「批准」,批准后才能登记支出。" /> : null}
        {overLines.length > 0 ? <Alert type="warning" showIcon title={`超支提醒:${overLines.map((l) => `「${l.categoryLabel}」超出 ${formatYuan(-l.remainingFen)}`).join(',')}`} /> : null}
        <Card size="small">
          <Space size={40} wrap>
            <Statistic title="预算合计" value={formatYuan(b.totalFen, '')} suffix="元" />
            <Statistic title="已支出" value={formatYuan(b.spentFen, '')} suffix="元" />
            <Statistic title="预算结余" value={formatYuan(b.remainingFen, '')} suffix="元" valueStyle={b.remainingFen < 0 ? { color: '#cf1322' } : undefined} />
            <div style={{ width: 200 }}>
              <Typography.Text type="secondary">执行率</Typography.Text>
              <RateBar rate={b.rate} />
            </div>
            <Statistic title="经费账户余额" value={formatYuan(b.account.balanceFen, '')} suffix="元" data-testid="account-balance" />
          </Space>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
            <Descriptions.Item label="状态">
              <BudgetStatusTag status={b.status} label={b.statusLabel} />
            </Descriptions.Item>
            <Descriptions.Item label="审批依据">{b.approvalRef ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="批准">{b.approvedAt ? `${b.approvedByName ?? ''} ${formatTime(b.approvedAt, 'YYYY-MM-DD')}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="账户累计收入">{formatYuan(b.account.incomeFen)}</Descriptions.Item>
            <Descriptions.Item label="账户累计支出">{formatYuan(b.account.spentFen)}</Descriptions.Item>
            <Descriptions.Item label="说明">{b.note || '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title="预算科目">
          <Table<BudgetLine> rowKey="id" size="small" pagination={false} columns={columns} dataSource={b.lines} data-testid="budget-lines" locale={{ emptyText: '未列预算科目' }} />
        </Card>
        <Card size="small" title="支出明细">
          {b.status === 'approved' ? <BudgetSpendingsTable budgetId={b.id} vouchersFor={justSaved} onVouchersClose={() => setJustSaved(null)} /> : <Typography.Text type="secondary">预算批准后才能登记支出。</Typography.Text>}
        </Card>
      </Space>
      <BudgetFormModal open={editing} budget={b} onClose={() => setEditing(false)} />
      <BudgetApproveModal budget={b} open={approving} onClose={() => setApproving(false)} />
      <BudgetSpendingFormModal budget={b} open={spending !== null} lineId={spending?.lineId} onClose={() => setSpending(null)} onSaved={setJustSaved} />
    </>
  );
}
