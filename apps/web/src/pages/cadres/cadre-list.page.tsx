import { useState } from 'react';
import { App, Button, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { CADRE_POSITION_LABELS, type CadreListItem } from '@gonghui/contracts';
import { cadreApi, cadreKeys, type CadreFilter } from '../../api/cadre.api';
import { errorMessage } from '../../api/api-client';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { useListFilters } from './use-list-filters.hook';
import { CadreFormModal } from './cadre-form-modal.component';
import { EMPLOYMENT_OPTIONS, HoursTag, POSITION_OPTIONS, TERM_DUE_OPTIONS, TermDueTag } from './cadre-labels';

/** 工会干部名册: filters by union, position, 专职/兼职, state and term expiry; masked export; 登记干部. */
export function CadreListPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { filters, page, query, set, setPage } = useListFilters<CadreFilter>({ state: 'in_office' });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: cadreKeys.list(query), queryFn: () => cadreApi.list(query), placeholderData: keepPreviousData });
  const exporting = useMutation({ mutationFn: () => cadreApi.export(filters), onError: (e) => void message.error(errorMessage(e)) });
  const columns: TableColumnsType<CadreListItem> = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, r) => <Link to={`/cadres/${r.id}`}>{v}</Link> },
    { title: '职务', dataIndex: 'position', width: 110, render: (v: CadreListItem['position']) => CADRE_POSITION_LABELS[v] },
    { title: '专/兼职', dataIndex: 'fullTime', width: 80, render: (v: boolean) => (v ? <Tag color="blue">专职</Tag> : <Tag>兼职</Tag>) },
    { title: '所属工会', dataIndex: 'orgName', ellipsis: true },
    { title: '区县(市)', dataIndex: 'districtName', width: 120, ellipsis: true },
    { title: '届次', key: 'term', width: 200, render: (_v, r) => (r.termNo ? <>第{r.termNo}届 至 {r.termEnd} <TermDueTag state={r.termDueState} /></> : <TermDueTag state={null} />) },
    { title: '本年学时', key: 'hours', width: 140, render: (_v, r) => <HoursTag hours={r.yearHours} target={r.yearTarget} /> },
    { title: '状态', dataIndex: 'state', width: 120, render: (v: CadreListItem['state'], r) => (v === 'in_office' ? '在任' : `离任 ${r.leftOn ?? ''}`) },
  ];
  return (
    <>
      <PageTitle
        title="工会干部名册"
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="export-cadres">
              导出Excel
            </Button>
            {hasPermission(user, 'cadre:cadre:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-cadre">
                登记干部
              </Button>
            ) : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        各级工会主席、副主席、经审委与女职委负责人、委员和专职干事。身份证号与电话加密保存,列表与导出均脱敏;与会员库中同一身份证号的会员自动关联。本年学时按培训签到认定,年度目标见“学时统计”。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="姓名" style={{ width: 160 }} onSearch={(q) => set({ q: q || undefined })} />
        <OrgTreeSelect placeholder="工会(含下级)" style={{ width: 220 }} onChange={(v) => set({ orgId: v })} />
        <Select allowClear placeholder="职务" style={{ width: 130 }} options={POSITION_OPTIONS} onChange={(v?: CadreFilter['position']) => set({ position: v })} />
        <Select allowClear placeholder="专职/兼职" style={{ width: 110 }} options={EMPLOYMENT_OPTIONS} onChange={(v?: CadreFilter['employment']) => set({ employment: v })} />
        <Select
          style={{ width: 110 }}
          value={filters.state}
          aria-label="任职状态"
          options={[{ value: 'in_office', label: '在任' }, { value: 'left', label: '离任' }, { value: 'all', label: '全部' }]}
          onChange={(v: CadreFilter['state']) => set({ state: v })}
        />
        <Select allowClear placeholder="届期" style={{ width: 180 }} options={TERM_DUE_OPTIONS} onChange={(v?: CadreFilter['termDue']) => set({ termDue: v })} />
      </Flex>
      <Table<CadreListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的工会干部。可点击“登记干部”录入。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 人`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="cadre-list"
      />
      <CadreFormModal open={creating} onClose={() => setCreating(false)} onSaved={(k) => void navigate(`/cadres/${k.id}`)} />
    </>
  );
}
