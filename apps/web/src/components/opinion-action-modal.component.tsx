import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { applyServerErrors } from '../api/form-errors';

/** How one action reads in the dialog; `required` makes the opinion a reason the other side sees. */
export interface OpinionActionText {
  title: string;
  ok: string;
  required: boolean;
  danger?: boolean;
  note?: string;
}

interface Props<A extends string, T extends { title: string }> {
  /** the record acted on (its title goes into the dialog title) */
  record: T;
  action: A | null;
  texts: Record<A, OpinionActionText>;
  /** who sees a required reason, e.g. 申报人 or 撰稿单位 */
  audience: string;
  name: string;
  maxLength: number;
  run: (action: A, opinion: string | undefined) => Promise<T>;
  onClose: () => void;
  onDone: (next: T) => void;
}

/** A review action with its opinion (required for the actions that return or refuse: `audience` sees it). */
export function OpinionActionModal<A extends string, T extends { title: string }>({ record, action, texts, audience, name, maxLength, run, onClose, onDone }: Props<A, T>) {
  const [form] = Form.useForm<{ opinion?: string }>();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const text = action ? texts[action] : null;
  useEffect(() => {
    if (!action) return;
    setFailure(null);
    form.resetFields();
  }, [action, form]);
  const act = useMutation({
    mutationFn: (v: { opinion?: string }) => run(action!, v.opinion?.trim() || undefined),
    onSuccess: (next) => {
      void message.success(`已${text?.ok ?? '处理'}:${next.title}`);
      onDone(next);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['opinion'])),
  });
  return (
    <Modal open={!!action} title={text ? `${text.title}:${record.title}` : ''} okText={text?.ok} okButtonProps={{ danger: text?.danger }} confirmLoading={act.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {text?.note ? <Alert type="info" showIcon title={text.note} style={{ marginBottom: 12 }} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form name={name} form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
        <Form.Item label={text?.required ? `意见(必填,${audience}可见)` : '意见'} name="opinion" rules={text?.required ? [{ required: true, whitespace: true, message: '请写明理由' }] : []}>
          <Input.TextArea rows={4} maxLength={maxLength} showCount placeholder={text?.required ? `请写明理由,${audience}会看到` : '可不填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
