import { useState } from 'react';
import { Alert, App, Button, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Proposal, ProposalAssessment, ProposalCollection, ProposalStatus } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { proposalApi, proposalKeys, type ProposalQuery } from '../../api/proposal.api';
import { formatTime } from '../../app/time';
import { ExportButton } from '../../components/export-button.component';
import { ProposalActionModal, type ProposalAction } from './proposal-action-modal.component';
import { ASSESSMENT_OPTIONS, AssessmentTag, PROPOSAL_STATUS_OPTIONS, ProposalStatusTag } from './proposal-labels';

type Filters = Omit<ProposalQuery, 'page' | 'pageSize' | 'collectionId'>;

/** The proposals of a collection with filters, paging, moderation, assessment, shortlist, merge, adoption and export. */
export function ProposalsTable({ collection }: { collection: ProposalCollection }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [acting, setActing] = useState<{ proposal: Proposal; action: ProposalAction } | null>(null);
  const query: ProposalQuery = { ...filters, collectionId: collection.id, page, pageSize };
  const list = useQuery({ queryKey: proposalKeys.list(query), queryFn: () => proposalApi.list(query), placeholderData: keepPreviousData });
  const shortlist = useMutation({
    mutationFn: (p: Proposal) => proposalApi.shortlist(p.id, !p.shortlisted),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void message.success(p.shortlisted ? '已入围' : '已取消入围');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const set = (next: Partial<Filters>) => {
    setFilters({ ...filters, ...next });
    setPage(1);
  };
  const act = (proposal: Proposal, action: ProposalAction) => setActing({ proposal, action });
  const columns: TableColumnsType<Proposal> = [
    { title: '建议', dataIndex: 'title', width: 240, render: (v: string, r) => <Link to={`/proposals/${r.id}`}>{v}</Link> },
    { title: '类别', dataIndex: 'category', width: 100 },
    { title: '提出人/单位', key: 'who', width: 200, render: (_v, r) => <>{r.proposerName}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.orgName}</Typography.Text></> },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: ProposalStatus) => <ProposalStatusTag status={v} /> },
    { title: '附议', dataIndex: 'supportCount', width: 70, sorter: (a, b) => a.supportCount - b.supportCount },
    { title: '评估', dataIndex: 'assessment', width: 90, render: (v: ProposalAssessment | null) => <AssessmentTag assessment={v} /> },
    { title: '入围/得票', key: 'vote', width: 100, render: (_v, r) => (r.shortlisted ? <Tag color="purple">入围 {r.voteCount}票</Tag> : '—') },
    { title: '实事项目', key: 'project', width: 150, render: (_v, r) => (r.project ? <Link to={`/proposals/projects/${r.project.id}`}>{r.project.title}</Link> : '—') },
    { title: '提出时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      fixed: 'right',
      render: (_v, r) => (
        <Space size={4} wrap>
          {r.abilities.moderate ? <Button size="small" onClick={() => act(r, 'moderate')} data-testid="proposal-moderate">审核</Button> : null}
          {r.abilities.assess ? <Button size="small" onClick={() => act(r, 'assess')} data-testid="proposal-assess">评估</Button> : null}
          {r.abilities.shortlist ? <Button size="small" loading={shortlist.isPending} onClick={() => shortlist.mutate(r)} data-testid="proposal-shortlist">{r.shortlisted ? '取消入围' : '入围'}</Button> : null}
          {r.abilities.merge && r.status !== 'merged' ? <Button size="small" onClick={() => act(r, 'merge')}>合并</Button> : null}
          {r.abilities.adopt ? <Button size="small" type="primary" onClick={() => act(r, 'adopt')} data-testid="proposal-adopt">采纳</Button> : null}
        </Space>
      ),
    },
  ];
  const { collectionId: _c, page: _p, pageSize: _s, ...exportFilter } = query;
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="状态" style={{ width: 120 }} options={PROPOSAL_STATUS_OPTIONS} value={filters.status} onChange={(v: ProposalStatus | undefined) => set({ status: v })} data-testid="proposal-filter-status" />
        <Select allowClear placeholder="类别" style={{ width: 130 }} options={collection.categories.map((c) => ({ value: c, label: c }))} value={filters.category} onChange={(v: string | undefined) => set({ category: v })} />
        <Select allowClear placeholder="评估" style={{ width: 120 }} options={ASSESSMENT_OPTIONS} value={filters.assessment} onChange={(v: Filters['assessment']) => set({ assessment: v })} />
        <Select allowClear placeholder="入围" style={{ width: 110 }} options={[{ value: 'true', label: '已入围' }, { value: 'false', label: '未入围' }]} value={filters.shortlisted} onChange={(v: 'true' | 'false' | undefined) => set({ shortlisted: v })} />
        <Input.Search allowClear placeholder="标题或内容" style={{ width: 220 }} onSearch={(v) => set({ q: v || undefined })} />
        <ExportButton title="导出建议" fallbackName="办实事项目建议.xlsx" start={() => proposalApi.export({ ...exportFilter, collectionId: collection.id })} description="按当前筛选条件导出本范围内的建议(含提出人姓名,仅限工作使用)。" testId="proposal-export" />
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Proposal>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1500 }}
        locale={{ emptyText: '没有符合条件的建议' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => { setPageSize(s); setPage(s === pageSize ? p : 1); } }}
      />
      <ProposalActionModal proposal={acting?.proposal ?? null} action={acting?.action ?? null} onClose={() => setActing(null)} />
    </>
  );
}
