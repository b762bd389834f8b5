import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Progress, Skeleton, Table, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import type { ProposalProject } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { proposalApi, proposalKeys } from '../../api/proposal.api';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';

type Milestone = ProposalProject['milestones'][number];
interface MilestoneValues {
  title: string;
  plannedOn: Dayjs;
  doneOn?: Dayjs | null;
  progress: number;
  note?: string;
}
interface ProgressValues {
  progress: number;
  note: string;
  completed?: boolean;
}

/** 办实事项目实施: milestones (planned, done, progress) and progress reports; shown on the public results page. */
export function ProposalProjectPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const [reporting, setReporting] = useState(false);
  const [mForm] = Form.useForm<MilestoneValues>();
  const [pForm] = Form.useForm<ProgressValues>();
  const detail = useQuery({ queryKey: proposalKeys.project(id), queryFn: () => proposalApi.project(id) });
  const done = (p: ProposalProject) => {
    queryClient.setQueryData(proposalKeys.project(id), p);
    void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
  };
  const saveMilestone = useMutation({
    mutationFn: (v: MilestoneValues) => {
      const body = { title: v.title, plannedOn: v.plannedOn.format('YYYY-MM-DD'), doneOn: v.doneOn ? v.doneOn.format('YYYY-MM-DD') : null, progress: v.progress, note: v.note ?? '' };
      return editing && editing !== 'new' ? proposalApi.updateMilestone(id, editing.id, body) : proposalApi.addMilestone(id, body);
    },
    onSuccess: (p) => { done(p); setEditing(null); },
    onError: (e) => { applyServerErrors(mForm, e, ['title', 'plannedOn', 'doneOn', 'progress', 'note']); },
  });
  const report = useMutation({
    mutationFn: (v: ProgressValues) => proposalApi.reportProgress(id, { progress: v.progress, note: v.note, completed: v.completed ?? false }),
    onSuccess: (p) => { done(p); setReporting(false); },
    onError: (e) => { applyServerErrors(pForm, e, ['progress', 'note']); },
  });
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const p = detail.data;
  const open = (m: Milestone | 'new') => {
    mForm.resetFields();
    if (m !== 'new') mForm.setFieldsValue({ title: m.title, plannedOn: dayjs(m.plannedOn), doneOn: m.doneOn ? dayjs(m.doneOn) : null, progress: m.progress, note: m.note });
    else mForm.setFieldsValue({ progress: 0 });
    setEditing(m);
  };
  const manage = p.abilities.manage && p.status !== 'completed';
  return (
    <>
      <PageTitle title={p.title} extra={manage ? <><Button onClick={() => open('new')} data-testid="add-milestone">新增节点</Button><Button type="primary" onClick={() => { pForm.resetFields(); pForm.setFieldsValue({ progress: p.progress }); setReporting(true); }}>报送进展</Button></> : null} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3} items={[
          { key: 'c', label: '征集活动', children: <Link to={`/proposals/collections/${p.collectionId}`}>{p.collectionTitle}</Link> },
          { key: 'src', label: '来源建议', children: <Link to={`/proposals/${p.proposalId}`}>{p.proposalTitle}</Link> },
          { key: 'o', label: '责任单位', children: p.ownerOrgName },
          { key: 'b', label: '预算', children: formatYuan(p.budgetFen) },
          { key: 't', label: '计划完成', children: p.targetDate },
          { key: 's', label: '职工附议/得票', children: `${p.supportCount} / ${p.voteCount}` },
        ]} />
        {p.description ? <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>{p.description}</Typography.Paragraph> : null}
        <Progress percent={p.progress} status={p.status === 'completed' ? 'success' : 'active'} />
      </Card>
      <Card size="small" title="实施节点" style={{ marginBottom: 16 }}>
        <Table<Milestone> rowKey="id" size="small" pagination={false} dataSource={p.milestones} locale={{ emptyText: '还没有实施节点' }} columns={[
          { title: '节点', dataIndex: 'title' },
          { title: '计划日期', dataIndex: 'plannedOn', width: 110 },
          { title: '完成日期', dataIndex: 'doneOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '进度', dataIndex: 'progress', width: 160, render: (v: number) => <Progress percent={v} size="small" /> },
          { title: '说明', dataIndex: 'note' },
          ...(manage ? [{ title: '操作', key: 'op', width: 80, render: (_v: unknown, m: Milestone) => <Button size="small" onClick={() => open(m)}>修改</Button> }] : []),
        ]} />
      </Card>
      <Card size="small" title="实施进展">
        {p.updates.length === 0 ? <Typography.Text type="secondary">还没有报送进展</Typography.Text> : <Timeline items={p.updates.map((u) => ({ key: u.id, children: <>{formatTime(u.createdAt, 'YYYY-MM-DD')} · {u.progress}% · {u.note}<Typography.Text type="secondary"> {u.createdByName}</Typography.Text></> }))} />}
      </Card>
      <Modal open={editing !== null} title={editing === 'new' ? '新增实施节点' : '修改实施节点'} onCancel={() => setEditing(null)} onOk={() => mForm.submit()} confirmLoading={saveMilestone.isPending} destroyOnHidden forceRender>
        {saveMilestone.isError ? <Alert type="error" showIcon title={errorMessage(saveMilestone.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={mForm} layout="vertical" onFinish={(v) => saveMilestone.mutate(v)} data-testid="milestone-form">
          <Form.Item name="title" label="节点名称" rules={[{ required: true, whitespace: true, message: '请填写节点名称' }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="plannedOn" label="计划日期" rules={[{ required: true, message: '请选择计划日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="doneOn" label="完成日期(完成后填写,进度应为100)"><DatePicker /></Form.Item>
          <Form.Item name="progress" label="进度(%)" rules={[{ required: true, message: '请填写进度' }]}><InputNumber min={0} max={100} /></Form.Item>
          <Form.Item name="note" label="说明"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={reporting} title="报送实施进展" onCancel={() => setReporting(false)} onOk={() => pForm.submit()} confirmLoading={report.isPending} destroyOnHidden forceRender>
        {report.isError ? <Alert type="error" showIcon title={errorMessage(report.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={pForm} layout="vertical" onFinish={(v) => report.mutate(v)}>
          <Form.Item name="progress" label="总体进度(%)" rules={[{ required: true, message: '请填写总体进度' }]}><InputNumber min={0} max={100} /></Form.Item>
          <Form.Item name="note" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
          <Form.Item name="completed" valuePropName="checked"><Checkbox>项目已全部完成(进度100%)</Checkbox></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
