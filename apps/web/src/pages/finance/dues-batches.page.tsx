import { useState } from 'react';
import { Button, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { DUES_METHOD_LABELS, type DuesBatchListItem } from '@gonghui/contracts';
import { duesApi, duesKeys, type DuesBatchQuery } from '../../api/dues.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { useListFilters } from '../cadres/use-list-filters.hook';
import { BatchStatusTag, monthOptions, STATUS_OPTIONS } from './dues-labels';
import { DuesBatchCreateModal } from './dues-batch-create-modal.component';

type Filter = Omit<DuesBatchQuery, 'page' | 'pageSize'>;

/** 会费收缴: the monthly batches (代扣/现金) of the unions in scope; a draft is edited and confirmed into the union's 经费账户. */
export function DuesBatchesPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { page, query, set, setPage } = useListFilters<Filter>({});
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: duesKeys.batches(query), queryFn: () => duesApi.batches(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<DuesBatchListItem> = [
    { title: '所属月份', dataIndex: 'month', width: 100, render: (v: string, r) => <Link to={`/finance/dues/batches/${r.id}`}>{v}</Link> },
    { title: '基层工会', dataIndex: 'orgName', ellipsis: true },
    { title: '收缴方式', dataIndex: 'method', width: 100, render: (v: DuesBatchListItem['method']) => DUES_METHOD_LABELS[v] },
    { title: '人数', dataIndex: 'members', width: 70, align: 'right' },
    { title: '应缴', dataIndex: 'dueFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '实收', dataIndex: 'paidFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '状态', dataIndex: 'status', width: 110, render: (v: DuesBatchListItem['status']) => <BatchStatusTag status={v} /> },
    { title: '确认入账时间', dataIndex: 'confirmedAt', width: 160, render: (v: string | null) => (v ? formatTime(v) : '—') },
  ];
  return (
    <>
      <PageTitle
        title="会费收缴"
        extra={
          hasPermission(user, 'finance:dues:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-dues-batch">
              新建收缴批次
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">
        基层工会按月登记会费收缴:工资代扣或现金缴纳。草稿批次可修改每人实收金额;确认后合计金额作为一笔收入记入本会经费账户,批次不可再改。同一会员同一月份只能缴纳一次。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect placeholder="工会(含下级)" style={{ width: 240 }} onChange={(v) => set({ orgId: v })} />
        <Select allowClear placeholder="所属月份" style={{ width: 130 }} options={monthOptions()} onChange={(v?: string) => set({ month: v })} />
        <Select allowClear placeholder="状态" style={{ width: 130 }} options={STATUS_OPTIONS} onChange={(v?: Filter['status']) => set({ status: v })} />
      </Flex>
      <Table<DuesBatchListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '还没有会费收缴批次。先在“会费核定”中核定会员工资基数,再新建收缴批次。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 个批次`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="dues-batch-list"
      />
      <DuesBatchCreateModal open={creating} onClose={() => setCreating(false)} onCreated={(b) => void navigate(`/finance/dues/batches/${b.id}`)} />
    </>
  );
}
