import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicityItem } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import type { ObjectionBody } from '../../api/contract-types';
import { applyServerErrors } from '../../api/form-errors';
import { publicityApi } from '../../api/publicity.api';
import { queryKeys } from '../../api/query-keys';

interface ObjectionModalProps {
  item: PublicityItem | null;
  onClose: () => void;
}

/** 提出异议 on a 公示 item: content (≥ 5 characters), optional contact; the case goes back to review. */
export function ObjectionModal({ item, onClose }: ObjectionModalProps) {
  const [form] = Form.useForm<ObjectionBody>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!item) return;
    setFailure(null);
    form.resetFields();
  }, [item, form]);

  const send = useMutation({
    mutationFn: (v: ObjectionBody) => {
      if (!item) throw new Error('没有选择公示事项');
      return publicityApi.object(item.id, { content: v.content.trim(), contact: v.contact?.trim() || undefined });
    },
    onSuccess: () => {
      void message.success('异议已提交,工会将重新核实该事项');
      void queryClient.invalidateQueries({ queryKey: queryKeys.publicity });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 404) {
        setFailure('该事项已不在公示期内,无法提出异议');
        void queryClient.invalidateQueries({ queryKey: queryKeys.publicity });
        return;
      }
      setFailure(error instanceof ApiError ? applyServerErrors(form, error, ['content', 'contact']) : errorMessage(error));
    },
  });

  return (
    <Modal open={!!item} title={item ? `对「${item.name}」的公示提出异议` : ''} okText="提交异议" confirmLoading={send.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Typography.Paragraph type="secondary">
        请如实反映您了解的情况(如收入、家庭状况与申报不符等)。异议提交后,该事项将暂停公示并退回复审。联系方式选填,仅供工会核实时联系您,不会公开。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ObjectionBody> name="objection-form" form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        <Form.Item label="异议内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写异议内容' }, { min: 5, message: '异议内容至少5个字' }]}>
          <Input.TextArea rows={5} maxLength={1000} showCount placeholder="请具体说明异议的事实和理由" />
        </Form.Item>
        <Form.Item label="联系方式" name="contact">
          <Input maxLength={100} placeholder="选填:姓名、电话等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
