import { useState } from 'react';
import { Card, Col, Flex, Row, Segmented, Select, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { DeadlineState, SupervisionBoard, SupervisionQuery } from '@gonghui/contracts';
import { planKeys } from '../../api/work-plan.api';
import { supervisionApi } from '../../api/tracking.api';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { DeadlineTag } from '../../components/tracking-panel.component';

type Item = SupervisionBoard['items'][number];
const STATES: { value: DeadlineState | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '逾期' },
  { value: 'due_soon', label: '临期' },
  { value: 'normal', label: '正常推进' },
  { value: 'done', label: '已完成' },
  { value: 'closed', label: '已关闭' },
];

/** 督办看板: overdue / 临期 / on track items of every kind (联席会议议定事项, 重点任务), counts per owner org. */
export function SupervisionBoardPage() {
  const [q, setQ] = useState<SupervisionQuery>({});
  const board = useQuery({ queryKey: planKeys.board(q), queryFn: () => supervisionApi.board(q) });
  const owners = board.data?.byOwner ?? [];
  const sum = (k: 'overdue' | 'dueSoon' | 'normal') => owners.reduce((a, o) => a + o[k], 0);
  return (
    <>
      <PageTitle title="督办看板" />
      <Typography.Paragraph type="secondary">本单位交办的事项和本单位负责的事项。临期事项已提醒责任单位;逾期事项已报责任单位的上级和督办单位(各一次)。</Typography.Paragraph>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={8}><Card size="small"><Statistic title="逾期" value={sum('overdue')} valueStyle={{ color: '#cf1322' }} /></Card></Col>
        <Col span={8}><Card size="small"><Statistic title="临期" value={sum('dueSoon')} valueStyle={{ color: '#d46b08' }} /></Card></Col>
        <Col span={8}><Card size="small"><Statistic title="正常推进" value={sum('normal')} /></Card></Col>
      </Row>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented options={STATES} onChange={(v) => setQ((x) => ({ ...x, deadlineState: v === 'all' ? undefined : (v as DeadlineState) }))} />
        <Select allowClear placeholder="事项类型" style={{ width: 170 }} options={[{ value: 'joint-commitment', label: '联席会议议定事项' }, { value: 'work-plan-task', label: '重点任务' }]} onChange={(v?: string) => setQ((x) => ({ ...x, kind: v }))} />
        <OrgTreeSelect allowClear placeholder="责任单位" style={{ width: 220 }} onChange={(v) => setQ((x) => ({ ...x, ownerOrgId: v }))} />
      </Flex>
      <Table<Item>
        rowKey="id"
        loading={board.isFetching}
        dataSource={board.data?.items ?? []}
        locale={{ emptyText: '没有需要督办的事项' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
        data-testid="board-items"
        columns={[
          { title: '事项', dataIndex: 'title', render: (v: string, r) => <Link to={r.link}>{v}</Link> },
          { title: '类型', dataIndex: 'kindLabel', width: 140 },
          { title: '责任单位', dataIndex: 'ownerOrgName', width: 140 },
          { title: '督办单位', dataIndex: 'supervisorOrgName', width: 140 },
          { title: '完成时限', dataIndex: 'deadline', width: 110 },
          { title: '进度', dataIndex: 'percent', width: 70, render: (v: number) => `${v}%` },
          { title: '状态', dataIndex: 'deadlineState', width: 90, render: (v: DeadlineState) => <DeadlineTag state={v} /> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>按责任单位</Typography.Title>
      <Table
        rowKey="ownerOrgId"
        size="small"
        pagination={false}
        dataSource={owners}
        columns={[
          { title: '责任单位', dataIndex: 'ownerOrgName' },
          { title: '逾期', dataIndex: 'overdue', width: 80 },
          { title: '临期', dataIndex: 'dueSoon', width: 80 },
          { title: '正常推进', dataIndex: 'normal', width: 90 },
          { title: '已完成/关闭', dataIndex: 'finished', width: 110 },
        ]}
      />
    </>
  );
}
