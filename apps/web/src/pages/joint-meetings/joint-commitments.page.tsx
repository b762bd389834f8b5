import { useState } from 'react';
import { Flex, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { COMMITMENT_STATES, COMMITMENT_STATE_LABELS, type Commitment, type CommitmentListQuery } from '@gonghui/contracts';
import { jointApi, jointKeys } from '../../api/joint-meeting.api';
import { ExportButton } from '../../components/export-button.component';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { COMMITMENT_STATE_COLORS } from './joint-labels';

/** 议定事项督办: every commitment in scope with filters (year, state, owner) and xlsx export. */
export function JointCommitmentsPage() {
  const [f, setF] = useState<CommitmentListQuery>({});
  const list = useQuery({ queryKey: jointKeys.commitments(f), queryFn: () => jointApi.commitments(f) });
  return (
    <>
      <PageTitle title="联席会议议定事项" extra={<ExportButton title="导出议定事项" fallbackName="联席会议议定事项.xlsx" description="按当前筛选导出议定事项、责任部门、责任单位、时限与落实状态,导出操作记入审计日志。" start={() => jointApi.exportCommitments(f)} />} />
      <Typography.Paragraph type="secondary">督办单位看到本单位召开会议的全部议定事项,责任单位看到由本单位负责的事项。</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <InputNumber placeholder="年度" min={2000} max={2100} style={{ width: 100 }} onChange={(v) => setF((x) => ({ ...x, year: v ?? undefined }))} />
        <Select allowClear placeholder="状态" style={{ width: 120 }} options={COMMITMENT_STATES.map((s) => ({ value: s, label: COMMITMENT_STATE_LABELS[s] }))} onChange={(v?: CommitmentListQuery['state']) => setF((x) => ({ ...x, state: v }))} />
        <OrgTreeSelect allowClear placeholder="工会责任单位" style={{ width: 220 }} onChange={(v) => setF((x) => ({ ...x, ownerOrgId: v }))} />
      </Flex>
      <Table<Commitment>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        locale={{ emptyText: '没有符合条件的议定事项' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '议定事项', dataIndex: 'content', render: (v: string, r) => <Link to={`/joint-meetings/commitments/${r.id}`}>{v}</Link> },
          { title: '会议', dataIndex: 'meetingTitle', width: 220, ellipsis: true },
          { title: '政府责任部门', dataIndex: 'governmentDepartment', width: 130 },
          { title: '工会责任单位', width: 140, render: (_, r) => r.tracking.ownerOrgName },
          { title: '完成时限', width: 110, render: (_, r) => r.tracking.deadline },
          { title: '进度', width: 70, render: (_, r) => `${r.tracking.percent}%` },
          { title: '状态', dataIndex: 'state', width: 90, render: (v: Commitment['state']) => <Tag color={COMMITMENT_STATE_COLORS[v]}>{COMMITMENT_STATE_LABELS[v]}</Tag> },
        ]}
      />
    </>
  );
}
