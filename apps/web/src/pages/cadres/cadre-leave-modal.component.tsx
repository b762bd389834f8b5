import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Cadre } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { applyServerErrors } from '../../api/form-errors';
import { APP_TIME_ZONE, dayjs } from '../../app/time';

interface Values {
  leftOn?: Dayjs;
  leftReason: string;
}

/** 离任: the date and the reason (调动、退休、换届未连任 …); the record and its training hours stay. */
export function CadreLeaveModal({ cadre, open, onClose }: { cadre: Cadre; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: Values) => cadreApi.leave(cadre.id, { leftOn: v.leftOn?.format('YYYY-MM-DD') ?? '', leftReason: v.leftReason.trim(), version: cadre.version }),
    onSuccess: () => {
      void message.success('已登记离任');
      void client.invalidateQueries({ queryKey: cadreKeys.all });
      onClose();
    },
    onError: (e) => setFailure(applyServerErrors(form, e, ['leftOn', 'leftReason'])),
  });
  const today = dayjs().tz(APP_TIME_ZONE);
  return (
    <Modal open={open} title={`登记离任:${cadre.name}`} okText="确认离任" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden forceRender>
      <Typography.Paragraph type="secondary">离任后不再计入在任干部与学时达标统计,历史培训记录保留。此操作不可撤销。</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> name="cadre-leave" form={form} layout="vertical" initialValues={{ leftOn: today }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label="离任日期" name="leftOn" rules={[{ required: true, message: '请选择离任日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        <Form.Item label="离任原因" name="leftReason" rules={[{ required: true, whitespace: true, message: '请填写离任原因' }]}>
          <Input maxLength={200} placeholder="如:工作调动、退休、换届未连任" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
