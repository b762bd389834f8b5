import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Household } from '@gonghui/contracts';
import { ApiError } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { householdApi, householdKeys, type ExitHouseholdBody } from '../../api/household.api';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { EXIT_REASON_OPTIONS, HOUSEHOLD_EXIT_REASON_LABELS } from './household-labels';

interface ExitValues {
  reason: ExitHouseholdBody['reason'];
  note: string;
  exitedOn: Dayjs;
}

interface HouseholdExitModalProps {
  household: Household | null;
  onClose: () => void;
}

/** 退出档案: a reason and an explanation, confirmed first; the record and its history stay. */
export function HouseholdExitModal({ household, onClose }: HouseholdExitModalProps) {
  const [form] = Form.useForm<ExitValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!household) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ exitedOn: dayjs().tz(APP_TIME_ZONE) });
  }, [household, form]);

  const exit = useMutation({
    mutationFn: (v: ExitValues) => {
      if (!household) throw new Error('没有选择档案');
      return householdApi.exit(household.id, { reason: v.reason, note: v.note.trim(), exitedOn: v.exitedOn.format('YYYY-MM-DD'), version: household.version });
    },
    onSuccess: (h) => {
      void message.success(`${h.headName} 家庭已退出困难职工档案`);
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setFailure('该档案已被他人修改,请关闭后刷新档案再操作。');
        return;
      }
      setFailure(applyServerErrors(form, error, ['reason', 'note', 'exitedOn']));
    },
  });

  const submit = (v: ExitValues) =>
    modal.confirm({
      title: `确认 ${household?.headName ?? ''} 家庭退出困难职工档案?`,
      content: `退出原因:${HOUSEHOLD_EXIT_REASON_LABELS[v.reason]}。退出后不能再修改或复核;如再次陷入困难,可重新建档。`,
      okText: '确认退出',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => exit.mutateAsync(v).catch(() => undefined),
    });

  return (
    <Modal open={!!household} title={`退出档案:${household?.headName ?? ''}`} okText="退出档案" okButtonProps={{ danger: true }} confirmLoading={exit.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Typography.Paragraph type="secondary">家庭已脱困、本人申请或调离本市等情况,办理退出。退出记录保留在档案的建档复核记录中。</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ExitValues> name="household-exit-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="退出原因" name="reason" rules={[{ required: true, message: '请选择退出原因' }]}>
          <Select options={EXIT_REASON_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="退出说明" name="note" rules={[{ required: true, whitespace: true, message: '请填写退出说明' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如:儿子毕业后参加工作,家庭人均收入已超过低保标准2倍" />
        </Form.Item>
        <Form.Item label="退出日期" name="exitedOn" rules={[{ required: true, message: '请选择退出日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
