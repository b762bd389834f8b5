import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Transfer } from '@gonghui/contracts';
import type { TransferAction } from '../../api/contract-types';
import { applyServerErrors } from '../../api/form-errors';
import { memberTransferApi } from '../../api/member-transfer.api';
import { queryKeys } from '../../api/query-keys';
import { ACTION_TEXT } from './transfer-labels';

export interface TransferActionTarget {
  transfer: Transfer;
  action: TransferAction;
}

interface TransferActionModalProps {
  target: TransferActionTarget | null;
  onClose: () => void;
  onDone?: (transfer: Transfer) => void;
  /** distinct per instance (the list's and the drawer's are mounted together): unique input ids */
  formName: string;
}

function explanation({ transfer, action }: TransferActionTarget): string {
  if (action === 'reject') return '退回后申请办结,会员仍留在原工会。请填写退回意见,发起方可以看到。';
  if (action === 'withdraw') return '撤回后申请办结,如需接转须重新发起。';
  if (transfer.status === 'pending_counterparty' && transfer.crossDistrict) return '同意后转交转入地区县(市)总工会审批。';
  return `同意后接转办结,${transfer.memberName} 的会员关系转入「${transfer.toOrgName}」。`;
}

/** 同意 / 退回 (意见必填) / 撤回 a transfer. */
export function TransferActionModal({ target, onClose, onDone, formName }: TransferActionModalProps) {
  const [form] = Form.useForm<{ opinion?: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const text = target ? ACTION_TEXT[target.action] : null;

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
  }, [target, form]);

  const act = useMutation({
    mutationFn: (opinion: string | undefined) => {
      if (!target) throw new Error('没有选择接转申请');
      return memberTransferApi.act(target.transfer.id, { action: target.action, opinion });
    },
    onSuccess: (transfer) => {
      void message.success(`${text?.done ?? '已处理'}:${transfer.memberName}`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.transfers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.members });
      void queryClient.invalidateQueries({ queryKey: queryKeys.coverage });
      onDone?.(transfer);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['opinion'])),
  });

  const rejecting = target?.action === 'reject';
  return (
    <Modal
      open={!!target}
      title={text ? `${text.title}:${target?.transfer.memberName ?? ''}` : ''}
      okText={text?.ok ?? '确定'}
      okButtonProps={{ danger: target?.action !== 'approve' }}
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {target ? <Typography.Paragraph type="secondary">{explanation(target)}</Typography.Paragraph> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<{ opinion?: string }> name={formName} form={form} layout="vertical" onFinish={(v) => act.mutate(v.opinion?.trim() || undefined)}>
        <Form.Item
          label={rejecting ? '退回意见' : '意见'}
          name="opinion"
          rules={rejecting ? [{ required: true, whitespace: true, message: '退回须填写意见' }] : []}
        >
          <Input.TextArea maxLength={200} showCount rows={3} placeholder={rejecting ? '请说明退回原因' : '可不填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
