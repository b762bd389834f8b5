import { useState } from 'react';
import { Alert, Button, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined, TransactionOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { FundListItem, FundSource } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { ledgerApi, type FundListQuery } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { BudgetProgress } from './budget-progress.component';
import { FundCreateModal } from './fund-create-modal.component';
import { FUND_SOURCE_OPTIONS } from './fund-labels';

type StatusFilter = NonNullable<FundListQuery['status']>;

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: '使用中' },
  { value: 'closed', label: '已关闭' },
  { value: 'all', label: '全部' },
];

/** 资金台账: the funds in the user's scope with balance, this year's budget, spending and its progress. */
export function FundsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<{ q?: string; source?: FundSource; status: StatusFilter }>({ status: 'active' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query: FundListQuery = { ...filter, ...page };
  const list = useQuery({ queryKey: queryKeys.fundList(query), queryFn: () => ledgerApi.list(query), placeholderData: keepPreviousData });
  const year = list.data?.items[0]?.year ?? new Date().getFullYear();
  const changeFilter = (next: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const columns: TableColumnsType<FundListItem> = [
    { title: '资金编号', dataIndex: 'code', width: 130 },
    {
      title: '资金名称',
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, row) => <Link to={`/funds/${row.id}`}>{name}</Link>,
    },
    { title: '来源', dataIndex: 'sourceLabel', width: 150, render: (label: string) => <Tag>{label}</Tag> },
    { title: '管理单位', dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: '余额', dataIndex: 'balanceFen', width: 150, align: 'right', render: (v: number) => formatYuan(v) },
    { title: `${year}年预算`, dataIndex: 'budgetFen', width: 150, align: 'right', render: (v: number | null) => formatYuan(v) },
    { title: '本年已支出', dataIndex: 'spentFen', width: 150, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '预算执行', key: 'progress', width: 180, render: (_v, row) => <BudgetProgress spentFen={row.spentFen} budgetFen={row.budgetFen} /> },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => navigate(`/funds/${row.id}`)}>
          台账
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="资金台账"
        extra={
          <>
            <Button icon={<TransactionOutlined />} onClick={() => navigate('/payout-batches')}>
              代发批次
            </Button>
            {hasPermission(user, 'ledger:fund:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                设立资金
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="资金名称或编号" aria-label="搜索资金" style={{ width: 260 }} onSearch={(q) => changeFilter({ q: q.trim() || undefined })} />
        <Select<FundSource> allowClear placeholder="全部来源" aria-label="按来源筛选" style={{ width: 180 }} options={FUND_SOURCE_OPTIONS} value={filter.source} onChange={(source) => changeFilter({ source: source ?? undefined })} />
        <Select<StatusFilter> aria-label="按状态筛选" style={{ width: 120 }} options={STATUS_OPTIONS} value={filter.status} onChange={(status) => changeFilter({ status })} />
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<FundListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: filter.q || filter.source ? '没有符合条件的资金' : '暂无资金,请先设立资金' }}
        scroll={{ x: 1300 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <FundCreateModal open={creating} defaultOrgId={user?.orgId} onClose={() => setCreating(false)} onCreated={(f) => navigate(`/funds/${f.id}`)} />
    </>
  );
}
