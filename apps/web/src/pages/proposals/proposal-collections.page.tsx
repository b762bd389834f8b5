import { useState } from 'react';
import { Alert, Button, Flex, InputNumber, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { ProposalCollection, ProposalCollectionStatus } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { proposalApi, proposalKeys } from '../../api/proposal.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { ProposalCollectionFormModal } from './proposal-collection-form-modal.component';
import { COLLECTION_STATUS_OPTIONS, CollectionStatusTag } from './proposal-labels';

/** 办实事项目征集: the yearly collections the caller runs or takes part in. */
export function ProposalCollectionsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<ProposalCollectionStatus | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = { year, status, page, pageSize: 20 };
  const list = useQuery({ queryKey: proposalKeys.collections(query), queryFn: () => proposalApi.collections(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<ProposalCollection> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '征集活动', dataIndex: 'title', render: (v: string, r) => <Link to={`/proposals/collections/${r.id}`}>{v}</Link> },
    { title: '主办', dataIndex: 'orgName', width: 160 },
    { title: '征集时间', key: 'dates', width: 200, render: (_v, r) => `${r.opensOn} ~ ${r.closesOn}` },
    { title: '阶段', dataIndex: 'status', width: 100, render: (v: ProposalCollectionStatus) => <CollectionStatusTag status={v} /> },
    { title: '建议', key: 'n', width: 90, render: (_v, r) => r.counts.proposals },
    { title: '待审核', key: 'p', width: 90, render: (_v, r) => r.counts.pending },
    { title: '入围', key: 's', width: 80, render: (_v, r) => r.counts.shortlisted },
    { title: '实事项目', key: 'j', width: 90, render: (_v, r) => r.counts.projects },
  ];
  return (
    <>
      <PageTitle
        title="办实事项目征集"
        extra={hasPermission(user, 'proposal:collection:manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-collection">新建征集活动</Button> : null}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        广听民意:每年面向职工(手机端)和基层工会征集为职工办实事项目建议。建议经审核公开后,职工可以附议;工作人员评估可行性(意见告知提出人)、合并重复建议、确定入围,职工投票(每人每次征集一票)后采纳为办实事项目,按节点跟踪实施进度,结果在公示页向社会公开。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <InputNumber placeholder="年度" min={2000} max={2100} value={year} onChange={(v) => { setYear(v ?? undefined); setPage(1); }} style={{ width: 120 }} />
        <Select allowClear placeholder="阶段" style={{ width: 130 }} options={COLLECTION_STATUS_OPTIONS} value={status} onChange={(v: ProposalCollectionStatus | undefined) => { setStatus(v); setPage(1); }} />
        <Button href="/public/proposals" target="_blank">查看结果公示页</Button>
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<ProposalCollection>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '还没有征集活动' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 个`, onChange: setPage }}
      />
      <ProposalCollectionFormModal open={creating} onClose={() => setCreating(false)} onSaved={(c) => void navigate(`/proposals/collections/${c.id}`)} />
    </>
  );
}
