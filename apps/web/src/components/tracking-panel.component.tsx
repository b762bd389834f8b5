import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { DEADLINE_STATE_LABELS, type DeadlineState, type TrackedDetail } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { applyServerErrors } from '../api/form-errors';
import type { TrackingApi } from '../api/tracking.api';
import { dayjs, formatTime, APP_TIME_ZONE } from '../app/time';
import { ProgressReportFiles } from './progress-report-files.component';

export const DEADLINE_COLORS: Record<DeadlineState, string> = { normal: 'blue', due_soon: 'orange', overdue: 'red', done: 'green', closed: 'default' };

export function DeadlineTag({ state }: { state: DeadlineState }) {
  return <Tag color={DEADLINE_COLORS[state]} data-testid="deadline-state">{DEADLINE_STATE_LABELS[state]}</Tag>;
}

interface ReportValues {
  text: string;
  percent: number;
}

/** One tracked item (督办事项): deadline state, progress, the report timeline; 报告进展 for the owner org, 关闭 for the supervising org. */
export function TrackingPanel({ id, api, queryKey, title, onChanged }: { id: string; api: TrackingApi; queryKey: QueryKey; title?: string; onChanged?: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [reporting, setReporting] = useState(false);
  const [closing, setClosing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [moveForm] = Form.useForm<{ deadline: string; reason: string }>();
  const [reportForm] = Form.useForm<ReportValues>();
  const [closeForm] = Form.useForm<{ closingNote: string }>();
  const q = useQuery({ queryKey, queryFn: () => api.get(id) });
  const done = (d: TrackedDetail) => {
    qc.setQueryData(queryKey, d);
    onChanged?.();
  };
  const report = useMutation({
    mutationFn: (v: ReportValues) => api.report(id, { reportDate: dayjs().tz(APP_TIME_ZONE).format('YYYY-MM-DD'), text: v.text, percent: v.percent }),
    onSuccess: (d) => {
      done(d);
      setReporting(false);
      reportForm.resetFields();
      void message.success('进展已报告');
    },
    onError: (e) => {
      const rest = applyServerErrors(reportForm, e, ['text', 'percent']);
      if (rest) void message.error(rest);
    },
  });
  const close = useMutation({
    mutationFn: (v: { closingNote: string }) => api.close(id, v),
    onSuccess: (d) => {
      done(d);
      setClosing(false);
      void message.success('已关闭');
    },
    onError: (e) => {
      const rest = applyServerErrors(closeForm, e, ['closingNote']);
      if (rest) void message.error(rest);
    },
  });
  const move = useMutation({
    mutationFn: (v: { deadline: string; reason: string }) => api.reschedule(id, v),
    onSuccess: (d) => {
      done(d);
      setMoving(false);
      void message.success('完成时限已调整');
    },
    onError: (e) => {
      const rest = applyServerErrors(moveForm, e, ['deadline', 'reason']);
      if (rest) void message.error(rest);
    },
  });
  if (q.isError) return <Alert type="error" message={errorMessage(q.error)} />;
  const d = q.data;
  if (!d) return <Card loading />;
  return (
    <Card
      size="small"
      title={title ?? d.ownerOrgName}
      data-testid="tracking-panel"
      extra={
        <Space>
          {d.abilities.canReport ? <Button type="primary" onClick={() => setReporting(true)} data-testid="report-progress">报告进展</Button> : null}
          {d.abilities.canClose && d.status === 'open' ? <Button onClick={() => setMoving(true)}>调整时限</Button> : null}
          {d.abilities.canClose ? <Button onClick={() => setClosing(true)} data-testid="close-item">关闭</Button> : null}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="责任单位">{d.ownerOrgName}</Descriptions.Item>
        <Descriptions.Item label="督办单位">{d.supervisorOrgName}</Descriptions.Item>
        <Descriptions.Item label="完成时限">{d.deadline} <DeadlineTag state={d.deadlineState} /></Descriptions.Item>
        {d.escalatedAt ? <Descriptions.Item label="已报上级督办">{formatTime(d.escalatedAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item> : null}
        {d.closingNote ? <Descriptions.Item label="办结说明" span={3}>{d.closingNote}</Descriptions.Item> : null}
      </Descriptions>
      <Progress percent={d.percent} status={d.deadlineState === 'overdue' ? 'exception' : undefined} data-testid="tracking-percent" />
      <Typography.Title level={5} style={{ marginTop: 12 }}>进展记录</Typography.Title>
      {d.reports.length === 0 ? (
        <Empty description="责任单位尚未报告进展" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          data-testid="progress-timeline"
          items={d.reports.map((r) => ({
            children: (
              <div>
                <Typography.Text strong>{r.reportDate}</Typography.Text> {r.orgName}{r.userName ? `(${r.userName})` : ''} · {r.percent}%<div>{r.text}</div>
                <ProgressReportFiles report={r} api={api} onChanged={done} />
              </div>
            ),
          }))}
        />
      )}
      <Modal title="报告进展" open={reporting} onCancel={() => setReporting(false)} onOk={() => reportForm.submit()} confirmLoading={report.isPending} okText="提交" destroyOnHidden>
        <Typography.Paragraph type="secondary">报告日期为今天;进度填 100% 即视为已完成,督办单位可再关闭。</Typography.Paragraph>
        <Form form={reportForm} layout="vertical" onFinish={(v) => report.mutate(v)} initialValues={{ percent: d.percent }}>
          <Form.Item name="text" label="进展情况" rules={[{ required: true, message: '请填写进展情况' }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="progress-text" />
          </Form.Item>
          <Form.Item name="percent" label="完成进度(%)" rules={[{ required: true, message: '请填写完成进度' }]}>
            <InputNumber min={d.percent} max={100} style={{ width: 160 }} data-testid="progress-percent" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="关闭事项" open={closing} onCancel={() => setClosing(false)} onOk={() => closeForm.submit()} confirmLoading={close.isPending} okText="确认关闭" destroyOnHidden>
        <Typography.Paragraph type="secondary">关闭后责任单位不能再报告进展。请说明办结情况或不再推进的原因。</Typography.Paragraph>
        <Form form={closeForm} layout="vertical" onFinish={(v) => close.mutate(v)}>
          <Form.Item name="closingNote" label="办结说明" rules={[{ required: true, message: '请填写办结说明' }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="closing-note" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="调整完成时限" open={moving} onCancel={() => setMoving(false)} onOk={() => moveForm.submit()} confirmLoading={move.isPending} okText="保存" destroyOnHidden>
        <Typography.Paragraph type="secondary">延后时限会重新提醒责任单位;调整记入审计日志。</Typography.Paragraph>
        <Form form={moveForm} layout="vertical" onFinish={(v) => move.mutate(v)} initialValues={{ deadline: d.deadline }}>
          <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请填写完成时限' }]}><Input type="date" /></Form.Item>
          <Form.Item name="reason" label="调整原因" rules={[{ required: true, message: '请填写调整原因' }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
