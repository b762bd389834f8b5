import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { AidApplication } from '@gonghui/contracts';
import { aidApi } from '../../api/aid.api';
import type { AidAction, AidSettings } from '../../api/contract-types';
import { applyServerErrors } from '../../api/form-errors';
import { formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { evidenceTitle } from './aid-evidence-rules';
import { ACTION_TEXT, actionExplanation } from './aid-labels';
import { useAidChanged } from './use-aid-changed.hook';

interface ActionValues {
  opinion?: string;
  approvedYuan?: number | null;
  attachments?: string[];
}

interface AidActionModalProps {
  app: AidApplication;
  action: AidAction | null;
  settings: AidSettings | undefined;
  onClose: () => void;
}

/** The confirmation of a workflow action: opinion (required for 不同意 / 退回 / 重新审核), 核定金额 on 同意, attachments picked from the evidence. */
export function AidActionModal({ app, action, settings, onClose }: AidActionModalProps) {
  const [form] = Form.useForm<ActionValues>();
  const { message } = App.useApp();
  const changed = useAidChanged();
  const [failure, setFailure] = useState<string | null>(null);
  const text = action ? ACTION_TEXT[action] : null;

  useEffect(() => {
    if (!action) return;
    setFailure(null);
    form.resetFields();
  }, [action, form]);

  const act = useMutation({
    mutationFn: (v: ActionValues) => {
      if (!action) throw new Error('没有选择操作');
      const approvedAmountFen = action === 'approve' && v.approvedYuan ? yuanToFen(v.approvedYuan) : undefined;
      const attachments = v.attachments?.length ? v.attachments : undefined;
      return aidApi.act(app.id, { action, opinion: v.opinion?.trim() || undefined, approvedAmountFen, attachments });
    },
    onSuccess: (next) => {
      void message.success(`${text?.done ?? '已处理'}:${next.memberName}`);
      changed(next);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['opinion', 'attachments'])),
  });

  const required = text?.opinionRequired ?? false;
  return (
    <Modal
      open={!!action}
      title={text ? `${text.title}:${app.memberName}` : ''}
      okText={text?.ok ?? '确定'}
      okButtonProps={{ danger: text?.danger }}
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {action ? <Typography.Paragraph type="secondary">{actionExplanation(app, action, settings)}</Typography.Paragraph> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ActionValues> name="aid-action-form" form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
        {action === 'approve' ? (
          <Form.Item
            label="核定金额"
            name="approvedYuan"
            tooltip="不填则按申请金额核定;核定金额不能超过申请金额"
            extra={`申请金额 ${formatYuan(app.amountFen)}${app.approvedAmountFen !== null ? `,已核定 ${formatYuan(app.approvedAmountFen)}` : ''}`}
          >
            <YuanInput max={app.amountFen / 100} placeholder="不填按申请金额" />
          </Form.Item>
        ) : null}
        <Form.Item
          label={required ? '意见(必填)' : '意见'}
          name="opinion"
          rules={required ? [{ required: true, whitespace: true, message: `${text?.ok ?? ''}须填写意见` }] : []}
        >
          <Input.TextArea maxLength={1000} showCount rows={4} placeholder={required ? '请写明理由' : '可不填'} />
        </Form.Item>
        {app.evidence.length > 0 ? (
          <Form.Item label="附件" name="attachments" extra="从本申请已上传的证明材料中选择;如需新材料,请先在「证明材料」中上传。">
            <Checkbox.Group options={app.evidence.map((e) => ({ value: e.fileId, label: evidenceTitle(e) }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
