import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Progress, Skeleton, Statistic, Table, Tabs, Tag, Typography, Flex } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { ProposalCollectionStatus, ProposalProject } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { proposalApi, proposalKeys } from '../../api/proposal.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { ProposalCollectionFormModal } from './proposal-collection-form-modal.component';
import { ProposalDuplicates } from './proposal-duplicates.component';
import { ProposalUnitForm } from './proposal-unit-form.component';
import { CollectionStatusTag, NEXT_PHASES } from './proposal-labels';
import { ProposalsTable } from './proposals-table.component';

/** 征集活动详情: phase, counts, the proposals, duplicates, filing for a union and the adopted projects. */
export function ProposalCollectionDetailPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({ queryKey: proposalKeys.collection(id), queryFn: () => proposalApi.collection(id) });
  const projects = useQuery({ queryKey: proposalKeys.projects(id), queryFn: () => proposalApi.projects(id) });
  const phase = useMutation({
    mutationFn: (to: ProposalCollectionStatus) => proposalApi.setStatus(id, to),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void message.success('阶段已切换');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const c = detail.data;
  const projectColumns = [
    { title: '项目', dataIndex: 'title', render: (v: string, r: ProposalProject) => <Link to={`/proposals/projects/${r.id}`}>{v}</Link> },
    { title: '责任单位', dataIndex: 'ownerOrgName', width: 160 },
    { title: '预算', dataIndex: 'budgetFen', width: 130, render: (v: number) => formatYuan(v) },
    { title: '计划完成', dataIndex: 'targetDate', width: 110 },
    { title: '进度', dataIndex: 'progress', width: 180, render: (v: number, r: ProposalProject) => <Progress percent={v} size="small" status={r.status === 'completed' ? 'success' : 'active'} /> },
  ];
  return (
    <>
      <PageTitle
        title={c.title}
        extra={
          <>
            {c.abilities.edit ? <Button onClick={() => setEditing(true)}>修改</Button> : null}
            {c.abilities.changeStatus
              ? NEXT_PHASES[c.status].map((n) => (
                  <Popconfirm key={n.to} title={`${n.label}?`} onConfirm={() => phase.mutate(n.to)} okText="确定">
                    <Button type={n.danger ? 'default' : 'primary'} danger={n.danger} loading={phase.isPending} data-testid={`phase-${n.to}`}>{n.label}</Button>
                  </Popconfirm>
                ))
              : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3} items={[
          { key: 's', label: '阶段', children: <CollectionStatusTag status={c.status} /> },
          { key: 'o', label: '主办', children: c.orgName },
          { key: 'd', label: '征集时间', children: `${c.opensOn} ~ ${c.closesOn}` },
          { key: 'v', label: '投票时间', children: c.voteOpensOn ? `${c.voteOpensOn} ~ ${c.voteClosesOn ?? ''}` : '—' },
          { key: 'c', label: '类别', span: 2, children: c.categories.map((x) => <Tag key={x}>{x}</Tag>) },
        ]} />
        {c.description ? <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{c.description}</Typography.Paragraph> : null}
        <Flex gap={48} style={{ marginTop: 12 }}>
          <Statistic title="建议" value={c.counts.proposals} />
          <Statistic title="待审核" value={c.counts.pending} />
          <Statistic title="已公开" value={c.counts.public} />
          <Statistic title="入围" value={c.counts.shortlisted} />
          <Statistic title="投票" value={c.counts.votes} />
          <Statistic title="实事项目" value={c.counts.projects} />
        </Flex>
      </Card>
      <Tabs
        items={[
          { key: 'proposals', label: '建议', children: <ProposalsTable collection={c} /> },
          ...(hasPermission(user, 'proposal:proposal:moderate') ? [{ key: 'dups', label: '疑似重复', children: <ProposalDuplicates collectionId={c.id} canMerge={c.status !== 'closed'} /> }] : []),
          { key: 'projects', label: `办实事项目(${projects.data?.items.length ?? 0})`, children: <Table rowKey="id" size="middle" columns={projectColumns} dataSource={projects.data?.items ?? []} loading={projects.isFetching} pagination={false} locale={{ emptyText: '还没有采纳的项目' }} /> },
          ...(c.abilities.file ? [{ key: 'file', label: '单位填报', children: <ProposalUnitForm collection={c} /> }] : []),
        ]}
      />
      <ProposalCollectionFormModal open={editing} collection={c} onClose={() => setEditing(false)} />
    </>
  );
}
