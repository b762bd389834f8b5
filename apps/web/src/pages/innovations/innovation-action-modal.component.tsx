import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Innovation } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { innovationApi, type InnovationAction } from '../../api/innovation.api';

const TEXT: Record<InnovationAction, { title: string; ok: string; opinion: boolean; danger?: boolean }> = {
  submit: { title: '提交审核', ok: '提交', opinion: false },
  approve: { title: '同意', ok: '同意', opinion: false },
  reject: { title: '不同意', ok: '不同意', opinion: true, danger: true },
  return: { title: '退回修改', ok: '退回', opinion: true },
  withdraw: { title: '撤回', ok: '撤回', opinion: false, danger: true },
  reopen: { title: '重新审核', ok: '重新审核', opinion: true },
};

interface Props {
  inv: Innovation;
  action: InnovationAction | null;
  onClose: () => void;
  onDone: (next: Innovation) => void;
}

/** A workflow action with its opinion (required for 不同意、退回、重新审核: the submitter sees it). */
export function InnovationActionModal({ inv, action, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ opinion?: string }>();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const text = action ? TEXT[action] : null;
  useEffect(() => {
    if (!action) return;
    setFailure(null);
    form.resetFields();
  }, [action, form]);
  const act = useMutation({
    mutationFn: (v: { opinion?: string }) => innovationApi.act(inv.id, { action: action!, opinion: v.opinion?.trim() || undefined }),
    onSuccess: (next) => {
      void message.success(`已${text?.ok ?? '处理'}:${next.title}`);
      onDone(next);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['opinion'])),
  });
  return (
    <Modal open={!!action} title={text ? `${text.title}:${inv.title}` : ''} okText={text?.ok} okButtonProps={{ danger: text?.danger }} confirmLoading={act.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form name="innovation-action-form" form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
        <Form.Item label={text?.opinion ? '意见(必填,申报人可见)' : '意见'} name="opinion" rules={text?.opinion ? [{ required: true, whitespace: true, message: '请写明理由' }] : []}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={text?.opinion ? '请写明理由,申报人会在手机端看到' : '可不填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
