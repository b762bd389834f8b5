import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PhoneOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { RIGHTS_URGENCY_LABELS, type RightsCaseListItem, type RightsCategory, type RightsPhase, type RightsUrgency } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { rightsApi, rightsKeys, type RightsListQuery } from '../../api/rights.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { indexOrgTree, useOrgTree } from '../../components/use-org-tree.hook';
import { RIGHTS_CATEGORY_OPTIONS, RIGHTS_PHASE_OPTIONS, RightsPhaseTag, RightsUrgencyTag } from './rights-labels';

type Filters = Omit<RightsListQuery, 'page' | 'pageSize'>;

/** 维权案件: the cases of the caller's districts (12351 calls and workers' requests), with filters, paging and export. */
export function RightsCasesPage() {
  const navigate = useNavigate();
  const { user } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query: RightsListQuery = { ...filters, page, pageSize };
  const list = useQuery({ queryKey: rightsKeys.list(query), queryFn: () => rightsApi.list(query), placeholderData: keepPreviousData });
  const tree = useOrgTree();
  const districts = useMemo(() => [...indexOrgTree(tree.data).values()].filter((o) => o.kind === 'district' || o.kind === 'city').sort((a, b) => a.code.localeCompare(b.code)).map((o) => ({ value: o.id, label: o.name })), [tree.data]);
  const exporting = useMutation({ mutationFn: () => rightsApi.exportList(filters) });
  const set = (next: Partial<Filters>) => {
    setFilters({ ...filters, ...next });
    setPage(1);
  };
  const canIntake = hasPermission(user, 'rights:case:intake');
  const columns: TableColumnsType<RightsCaseListItem> = [
    { title: '案件编号', dataIndex: 'caseNo', width: 180, fixed: 'left', render: (v: string, r) => <Link to={`/rights/${r.id}`}>{v}</Link> },
    { title: '类别', dataIndex: 'categoryLabel', width: 90 },
    { title: '紧急程度', dataIndex: 'urgency', width: 90, render: (v: RightsUrgency) => <RightsUrgencyTag urgency={v} /> },
    { title: '用人单位', dataIndex: 'enterpriseName', width: 220, ellipsis: true },
    { title: '求助人', dataIndex: 'callerName', width: 90 },
    { title: '涉及人数', dataIndex: 'workersAffected', width: 90, align: 'right' },
    { title: '诉求金额', dataIndex: 'amountClaimedFen', width: 130, align: 'right', render: (v: number) => (v ? formatYuan(v) : '—') },
    { title: '状态', key: 'phase', width: 190, render: (_v, r) => <RightsPhaseTag phase={r.phase} overdue={r.overdue} escalated={r.escalated} /> },
    { title: '办理时限', dataIndex: 'dueDate', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '追回金额', dataIndex: 'amountRecoveredFen', width: 130, align: 'right', render: (v: number, r) => (r.phase === 'closed' ? formatYuan(v) : '—') },
    { title: '承办工会', dataIndex: 'orgName', width: 150, ellipsis: true },
    { title: '渠道', dataIndex: 'channelLabel', width: 110 },
    { title: '求助时间', dataIndex: 'receivedAt', width: 150, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
  ];
  return (
    <>
      <PageTitle
        title="维权案件"
        extra={
          <>
            {canIntake ? <Button type="primary" icon={<PhoneOutlined />} onClick={() => void navigate('/rights/new')} data-testid="rights-intake">12351来电登记</Button> : null}
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="rights-export">导出Excel</Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        职工在手机端“维权求助”或拨打12351热线求助,按用人单位所在地分派区县(市)总工会(所在地不明的由市总工会办理)。1个工作日内受理,受理后一般案件30个、紧急案件(群体性10人及以上、春节前两个月内的欠薪)15个工作日内办结,节假日顺延;超期次日提醒承办工会,再超1个工作日报上级工会督办。办理中登记咨询解答、调解、法律援助转介、仲裁支持,结案登记追回金额,职工可在手机端评价。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="类别" style={{ width: 120 }} options={RIGHTS_CATEGORY_OPTIONS} value={filters.category} onChange={(v: RightsCategory | undefined) => set({ category: v })} data-testid="rights-filter-category" />
        <Select allowClear placeholder="状态" style={{ width: 120 }} options={RIGHTS_PHASE_OPTIONS} value={filters.phase} onChange={(v: RightsPhase | undefined) => set({ phase: v })} data-testid="rights-filter-phase" />
        <Select allowClear placeholder="紧急程度" style={{ width: 110 }} options={(['normal', 'urgent'] as const).map((u) => ({ value: u, label: RIGHTS_URGENCY_LABELS[u] }))} value={filters.urgency} onChange={(v: RightsUrgency | undefined) => set({ urgency: v })} />
        <Select allowClear placeholder="承办工会" style={{ width: 160 }} options={districts} value={filters.districtOrgId} onChange={(v: string | undefined) => set({ districtOrgId: v })} />
        <Select allowClear placeholder="是否超期" style={{ width: 110 }} options={[{ value: 'true', label: '已超期' }, { value: 'false', label: '未超期' }]} value={filters.overdue} onChange={(v: 'true' | 'false' | undefined) => set({ overdue: v })} />
        <Input.Search allowClear placeholder="编号、单位或求助人" style={{ width: 220 }} onSearch={(v) => set({ q: v || undefined })} />
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      {exporting.isError ? <Alert type="error" showIcon title={errorMessage(exporting.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<RightsCaseListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1800 }}
        locale={{ emptyText: '没有符合条件的维权案件' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 件`, onChange: (p, s) => { setPageSize(s); setPage(s === pageSize ? p : 1); } }}
      />
    </>
  );
}
