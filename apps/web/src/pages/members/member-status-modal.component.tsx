import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Member, MemberStatus } from '@gonghui/contracts';
import { ApiError } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { memberApi } from '../../api/member.api';
import { queryKeys } from '../../api/query-keys';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { MEMBER_STATUS_LABELS, statusTargets } from './member-labels';

interface StatusValues {
  status: MemberStatus;
  date: Dayjs;
  reason: string;
}

interface MemberStatusModalProps {
  member: Member | null;
  onClose: () => void;
  onChanged?: (member: Member) => void;
}

/** 变更状态: 退休 / 退会 / 去世 / 转出(本市以外) / 恢复在册, with the date and a reason, confirmed first. */
export function MemberStatusModal({ member, onClose, onChanged }: MemberStatusModalProps) {
  const [form] = Form.useForm<StatusValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const targets = member ? statusTargets(member.status) : [];

  useEffect(() => {
    if (!member) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ date: dayjs().tz(APP_TIME_ZONE) });
  }, [member, form]);

  const change = useMutation({
    mutationFn: (v: StatusValues) => {
      if (!member) throw new Error('没有选择会员');
      return memberApi.changeStatus(member.id, { status: v.status, date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim(), version: member.version });
    },
    onSuccess: (updated) => {
      void message.success(`已将「${updated.name}」的状态变更为「${MEMBER_STATUS_LABELS[updated.status]}」`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.members });
      void queryClient.invalidateQueries({ queryKey: queryKeys.coverage });
      onChanged?.(updated);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setFailure('该会员信息已被他人修改,请关闭后刷新会员详情再操作。');
        void queryClient.invalidateQueries({ queryKey: queryKeys.members });
        return;
      }
      setFailure(applyServerErrors(form, error, ['status', 'date', 'reason']));
    },
  });

  const submit = (v: StatusValues) => {
    const label = targets.find((t) => t.value === v.status)?.label ?? v.status;
    modal.confirm({
      title: `确认将「${member?.name ?? ''}」的状态变更为「${label}」?`,
      content: v.status === 'active' ? '恢复后该会员重新计入在册会员。' : '变更后该会员不再计入在册会员,变更记录将保留在会员档案中。',
      okText: '确认变更',
      cancelText: '取消',
      okButtonProps: { danger: v.status !== 'active' },
      onOk: () => change.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <Modal
      open={!!member}
      title={`变更会员状态:${member?.name ?? ''}`}
      okText="变更"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        当前状态:{member ? MEMBER_STATUS_LABELS[member.status] : '—'}。转到本市其他工会请使用「转出」(会员关系接转)。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<StatusValues> name="member-status-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="新状态" name="status" rules={[{ required: true, message: '请选择新状态' }]}>
          <Select options={targets} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
          <Input.TextArea maxLength={200} showCount rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
