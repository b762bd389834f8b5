import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { BUDGET_STATUS_LABELS, BUDGET_STATUSES, type BudgetListItem, type BudgetStatus } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { budgetApi, budgetKeys, type BudgetListQuery } from '../../api/budget.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { BUDGET_HELP, BudgetStatusTag, RateBar, budgetYearOptions, thisYear } from './budget-labels';
import { BudgetFormModal } from './budget-form-modal.component';

interface FilterValues {
  year?: number;
  status?: BudgetStatus;
  q?: string;
}

/** 预算与支出: the budgets of the unions in scope by year and status, with their execution; a union drafts its own. */
export function BudgetListPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<FilterValues>({ year: thisYear() });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query: BudgetListQuery = { ...filters, ...page };
  const list = useQuery({ queryKey: budgetKeys.list(query), queryFn: () => budgetApi.list(query), placeholderData: keepPreviousData });
  const canManage = hasPermission(user, 'finance:budget:manage');

  const columns: TableColumnsType<BudgetListItem> = [
    { title: '工会', dataIndex: 'orgName', render: (v: string, r) => <Link to={`/finance/budgets/${r.id}`}>{v}</Link> },
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: BudgetStatus, r) => <BudgetStatusTag status={s} label={r.statusLabel} /> },
    { title: '预算(元)', dataIndex: 'totalFen', width: 140, align: 'right', render: (v: number) => formatYuan(v, '') },
    { title: '已支出(元)', dataIndex: 'spentFen', width: 140, align: 'right', render: (v: number) => formatYuan(v, '') },
    { title: '执行率', dataIndex: 'rate', width: 170, render: (v: number | null) => <RateBar rate={v} /> },
    { title: '提醒', dataIndex: 'overLines', width: 120, render: (n: number) => (n > 0 ? <Tag color="red">{n} 个科目超支</Tag> : null) },
  ];

  const apply = (v: FilterValues) => {
    setFilters({ year: v.year, status: v.status, q: v.q?.trim() || undefined });
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <PageTitle
        title="预算与支出"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="budget-create">
              编制预算
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{BUDGET_HELP}</Typography.Paragraph>
      <Form<FilterValues> name="budget-filter" form={form} layout="inline" initialValues={{ year: thisYear() }} style={{ marginBottom: 16, rowGap: 8 }} onFinish={apply}>
        <Form.Item name="year" label="年度">
          <Select allowClear placeholder="全部" options={budgetYearOptions()} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={BUDGET_STATUSES.map((s) => ({ value: s, label: BUDGET_STATUS_LABELS[s] }))} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="q" label="工会">
          <Input allowClear placeholder="名称关键字" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              apply({ year: thisYear() });
            }}
          >
            重置
          </Button>
        </Form.Item>
      </Form>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<BudgetListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        data-testid="budget-list"
        locale={{ emptyText: canManage ? '该年度暂无预算,点击「编制预算」开始' : '暂无预算' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => `共 ${n} 份`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <BudgetFormModal open={creating} budget={null} onClose={() => setCreating(false)} onSaved={(b) => navigate(`/finance/budgets/${b.id}`)} />
    </>
  );
}
