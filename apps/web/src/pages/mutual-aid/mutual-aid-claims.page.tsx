import { useState } from 'react';
import { Alert, Badge, Button, Flex, Input, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { WORKFLOW_STATUS_LABELS, type MutualAidClaimListItem, type MutualAidFilerType, type MutualAidPart } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { mutualAidApi, mutualAidKeys, type MutualAidClaimListQuery } from '../../api/mutual-aid.api';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { WorkflowStatusTag } from '../../components/workflow-status-tag.component';
import { FILER_OPTIONS, PART_OPTIONS, claimStage } from './mutual-aid-labels';
import { usePeriodChoice } from './use-period-choice.hook';

type Box = 'all' | 'inbox';
const STATUS_OPTIONS = [...Object.entries(WORKFLOW_STATUS_LABELS).filter(([k]) => k !== 'publicity').map(([value, label]) => ({ value, label: value === 'approved' ? '已批准待支付' : label })), { value: 'paid', label: '已支付' }];

/** 医疗互助申请: 全部 / 待我审核, filters (year, status, part, union, filer), paging. */
export function MutualAidClaimsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'inbox' ? 'inbox' : 'all';
  const { periodId, periodSelect } = usePeriodChoice(params.get('periodId'), (id) => setParams((p) => { if (id) p.set('periodId', id); else p.delete('periodId'); return p; }, { replace: true }), true);
  const [filters, setFilters] = useState<Omit<MutualAidClaimListQuery, 'box' | 'periodId' | 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query: MutualAidClaimListQuery = { box, periodId, ...filters, page, pageSize };
  const list = useQuery({ queryKey: mutualAidKeys.claims(query), queryFn: () => mutualAidApi.claims(query), placeholderData: keepPreviousData });
  const canReview = hasPermission(user, 'mutual-aid:claim:approve');
  const inboxQuery: MutualAidClaimListQuery = { box: 'inbox', page: 1, pageSize: 1 };
  const inbox = useQuery({ queryKey: mutualAidKeys.claims(inboxQuery), queryFn: () => mutualAidApi.claims(inboxQuery), enabled: canReview });
  const set = (next: Partial<typeof filters>) => { setFilters({ ...filters, ...next }); setPage(1); };
  const columns: TableColumnsType<MutualAidClaimListItem> = [
    { title: '申请编号', dataIndex: 'claimNo', width: 170, fixed: 'left', render: (v: string, r) => <Link to={`/mutual-aid/claims/${r.id}`}>{v}</Link> },
    { title: '会员', dataIndex: 'memberName', width: 90 },
    { title: '所在工会', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '保障项目', dataIndex: 'partLabel', width: 190 },
    { title: '就诊医院', dataIndex: 'hospital', width: 200, ellipsis: true },
    { title: '自付金额', dataIndex: 'selfPayFen', width: 120, align: 'right', render: (v: number) => formatYuan(v, '') },
    { title: '核算金额', dataIndex: 'computedFen', width: 120, align: 'right', render: (v: number) => formatYuan(v, '') },
    { title: '申请方式', key: 'filer', width: 150, render: (_v, r) => <>{r.filerTypeLabel}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.filerName}{r.filerRelation ? `(${r.filerRelation})` : ''}</Typography.Text></> },
    { title: '状态', key: 'status', width: 120, render: (_v, r) => <WorkflowStatusTag status={r.status} overdue={r.workflow.overdue} /> },
    { title: '当前环节', key: 'stage', width: 220, render: (_v, r) => claimStage(r) },
    { title: '申请时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
  ];
  return (
    <>
      <PageTitle title="医疗互助申请" extra={hasPermission(user, 'mutual-aid:claim:create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/mutual-aid/claims/new')}>为他人申请</Button> : null} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        会员本人或家属在手机端申请,工会也可「为他人申请」;基层工会初审 → 区县(市)总工会复核 → 批准 → 市总工会从医疗互助资金支付。同一张发票全市只能报销一次。
      </Typography.Paragraph>
      <Tabs
        activeKey={box}
        onChange={(k) => { setParams((p) => { p.set('box', k); return p; }, { replace: true }); setPage(1); }}
        items={[{ key: 'all', label: '全部' }, ...(canReview ? [{ key: 'inbox', label: inbox.data && inbox.data.total > 0 ? <Badge count={inbox.data.total} size="small" offset={[8, -2]}>待我审核</Badge> : '待我审核' }] : [])]}
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {periodSelect}
        <Select allowClear placeholder="状态" style={{ width: 140 }} options={STATUS_OPTIONS} value={filters.status} onChange={(v: MutualAidClaimListQuery['status']) => set({ status: v })} />
        <Select allowClear placeholder="保障项目" style={{ width: 220 }} options={PART_OPTIONS} value={filters.part} onChange={(v: MutualAidPart | undefined) => set({ part: v })} />
        <OrgTreeSelect allowClear placeholder="工会(含下级)" style={{ width: 260 }} value={filters.orgId} onChange={(v) => set({ orgId: v })} />
        <Select allowClear placeholder="申请方式" style={{ width: 140 }} options={FILER_OPTIONS} value={filters.filerType} onChange={(v: MutualAidFilerType | undefined) => set({ filerType: v })} />
        <Input.Search allowClear placeholder="姓名或申请编号" style={{ width: 200 }} onSearch={(v) => set({ q: v || undefined })} />
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<MutualAidClaimListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1700 }}
        locale={{ emptyText: box === 'inbox' ? '暂无待您审核的申请' : '没有符合条件的医疗互助申请' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => { setPageSize(s); setPage(s === pageSize ? p : 1); } }}
      />
    </>
  );
}
