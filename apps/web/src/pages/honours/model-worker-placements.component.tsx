import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Space, Table, Timeline, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { PLACEMENT_STATUS_LABELS, type ModelWorker, type Placement, type PlacementStatus } from '@gonghui/contracts';
import { modelWorkerApi, modelWorkerKeys } from '../../api/model-worker.api';
import { applyServerErrors } from '../../api/form-errors';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { PlacementTag } from './model-worker-tags.component';

type Action = { kind: 'apply' } | { kind: 'status'; placement: Placement; status: Exclude<PlacementStatus, 'applied'> };

interface Values {
  homeName?: string;
  on?: Dayjs;
  reason?: string;
  note?: string;
}

const ACTION_LABELS: Record<Exclude<PlacementStatus, 'applied'>, string> = { recommended: '已推荐', admitted: '已入住', unsuccessful: '未成功' };

/** 公益性养老机构优先入住: the applications of one 劳模, their progress and history; only flagged people may apply. */
export function ModelWorkerPlacements({ worker }: { worker: ModelWorker }) {
  const [action, setAction] = useState<Action | null>(null);
  const columns: TableColumnsType<Placement> = [
    { title: '养老机构', dataIndex: 'homeName' },
    { title: '申请日期', dataIndex: 'appliedOn', width: 110 },
    { title: '状态', dataIndex: 'status', width: 100, render: (v: PlacementStatus, r) => <Space direction="vertical" size={0}><PlacementTag status={v} />{r.statusOn && v !== 'applied' ? <Typography.Text type="secondary">{r.statusOn}</Typography.Text> : null}</Space> },
    { title: '原因/备注', key: 'reason', render: (_v, r) => r.reason ?? r.note ?? '—' },
    {
      title: '办理', key: 'ops', width: 220,
      render: (_v, r) => (
        <Space size={4} wrap>
          {r.next.map((s) => (
            <Button key={s} size="small" danger={s === 'unsuccessful'} onClick={() => setAction({ kind: 'status', placement: r, status: s as Exclude<PlacementStatus, 'applied'> })}>
              {ACTION_LABELS[s as Exclude<PlacementStatus, 'applied'>]}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Card
      title="公益性养老机构优先入住"
      size="small"
      extra={worker.abilities.canEdit ? <Button type="primary" size="small" disabled={!worker.abilities.canApplyPlacement} onClick={() => setAction({ kind: 'apply' })} data-testid="apply-placement">登记入住申请</Button> : null}
    >
      {worker.abilities.placementRefusal && worker.abilities.canEdit ? <Alert type="info" showIcon title={worker.abilities.placementRefusal} style={{ marginBottom: 12 }} /> : null}
      <Table<Placement>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={worker.placements}
        expandable={{ expandedRowRender: (r) => <Timeline items={r.history.map((h) => ({ children: `${h.on} ${h.from ? `${PLACEMENT_STATUS_LABELS[h.from]} → ` : ''}${PLACEMENT_STATUS_LABELS[h.to]}${h.reason ? `(${h.reason})` : ''} · ${h.by}` }))} /> }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无入住申请" /> }}
      />
      <PlacementModal worker={worker} action={action} onClose={() => setAction(null)} />
    </Card>
  );
}

function PlacementModal({ worker, action, onClose }: { worker: ModelWorker; action: Action | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const today = dayjs().tz(APP_TIME_ZONE);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const on = (v.on ?? today).format('YYYY-MM-DD');
      if (action?.kind === 'status') return modelWorkerApi.changePlacement(worker.id, action.placement.id, { status: action.status, on, reason: v.reason?.trim() || undefined });
      return modelWorkerApi.applyPlacement(worker.id, { homeName: v.homeName?.trim() ?? '', appliedOn: on, note: v.note?.trim() || undefined });
    },
    onSuccess: () => {
      void message.success('已保存');
      void client.invalidateQueries({ queryKey: modelWorkerKeys.all });
      form.resetFields();
      setFailure(null);
      onClose();
    },
    onError: (e) => setFailure(applyServerErrors(form, e, ['homeName', 'reason', 'note']) ?? null),
  });
  const title = action?.kind === 'status' ? `入住申请:${action.placement.homeName} → ${ACTION_LABELS[action.status]}` : `登记入住申请:${worker.name}`;
  return (
    <Modal open={action !== null} title={title} okText="确定" cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ on: today }} onFinish={(v) => save.mutate(v)}>
        {action?.kind === 'apply' ? (
          <Form.Item label="公益性养老机构" name="homeName" rules={[{ required: true, whitespace: true, message: '请填写养老机构名称' }]}>
            <Input maxLength={100} placeholder="如:杭州市社会福利中心" />
          </Form.Item>
        ) : null}
        <Form.Item label={action?.kind === 'apply' ? '申请日期' : '日期'} name="on" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        {action?.kind === 'status' && action.status === 'unsuccessful' ? (
          <Form.Item label="未成功原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写未成功的原因' }]}>
            <Input.TextArea maxLength={300} rows={2} placeholder="如:床位已满,已登记轮候" />
          </Form.Item>
        ) : null}
        {action?.kind === 'apply' ? (
          <Form.Item label="备注" name="note">
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
