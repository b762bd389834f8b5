import { useState } from 'react';
import { Button, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ELECTION_METHOD_LABELS, type CommitteeItem } from '@gonghui/contracts';
import { cadreApi, cadreKeys, type CommitteeListQuery } from '../../api/cadre.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { useListFilters } from './use-list-filters.hook';
import { CommitteeFormModal } from './committee-form-modal.component';
import { TERM_DUE_OPTIONS, TermDueTag } from './cadre-labels';

type Filter = Omit<CommitteeListQuery, 'page' | 'pageSize'>;

/** 委员会届次: each union's current 届 (or history), term dates and where the term stands; 登记本届. */
export function CommitteeListPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { filters, page, query, set, setPage } = useListFilters<Filter>({ status: 'current' });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: cadreKeys.committees(query), queryFn: () => cadreApi.committees(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<CommitteeItem> = [
    { title: '工会', dataIndex: 'orgName', render: (v: string, r) => <Link to={`/cadres/committees/${r.id}`}>{v}</Link> },
    { title: '区县(市)', dataIndex: 'districtName', width: 120 },
    { title: '届次', dataIndex: 'termNo', width: 80, render: (v: number) => `第${v}届` },
    { title: '产生方式', dataIndex: 'electionMethod', width: 100, render: (v: CommitteeItem['electionMethod']) => ELECTION_METHOD_LABELS[v] },
    { title: '任期', key: 'term', width: 210, render: (_v, r) => `${r.termStart} 至 ${r.termEnd}` },
    { title: '在任干部', dataIndex: 'cadresInOffice', width: 90 },
    { title: '届期', key: 'due', width: 170, render: (_v, r) => (r.status === 'current' ? <TermDueTag state={r.dueState} daysLeft={r.daysLeft} /> : `已换届(${r.replacedOn})`) },
  ];
  return (
    <>
      <PageTitle
        title="委员会与换届"
        extra={
          hasPermission(user, 'cadre:committee:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-committee">
              登记本届委员会
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">每个工会同一时间只有一届现任委员会;换届在委员会详情中办理,上一届作为历史保留。</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect placeholder="工会(含下级)" style={{ width: 220 }} onChange={(v) => set({ orgId: v })} />
        <Select
          style={{ width: 120 }}
          value={filters.status}
          aria-label="届次状态"
          options={[{ value: 'current', label: '本届' }, { value: 'replaced', label: '历届' }, { value: 'all', label: '全部' }]}
          onChange={(v: Filter['status']) => set({ status: v })}
        />
        <Select allowClear placeholder="届期" style={{ width: 180 }} options={TERM_DUE_OPTIONS} onChange={(v?: Filter['due']) => set({ due: v })} />
      </Flex>
      <Table<CommitteeItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的委员会。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 个`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <CommitteeFormModal open={creating} mode="new" onClose={() => setCreating(false)} onSaved={(c) => void navigate(`/cadres/committees/${c.id}`)} />
    </>
  );
}
