import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { applyServerErrors } from '../../api/form-errors';

export interface ReasonRequest {
  title: string;
  /** what happens, shown above the field */
  description: ReactNode;
  okText: string;
  /** asked once more before sending (irreversible actions) */
  confirmTitle?: string;
  submit: (reason: string) => Promise<unknown>;
}

interface ReasonModalProps {
  request: ReasonRequest | null;
  onClose: () => void;
}

/** A modal asking for a required reason (2-200 字) before an irreversible action such as 取消活动 / 取消报名. */
export function ReasonModal({ request, onClose }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const { modal } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!request) return;
    setFailure(null);
    form.resetFields();
  }, [request, form]);

  const send = async (reason: string) => {
    if (!request) return;
    setPending(true);
    setFailure(null);
    try {
      await request.submit(reason.trim());
      onClose();
    } catch (error) {
      setFailure(applyServerErrors(form, error, ['reason']));
    } finally {
      setPending(false);
    }
  };

  const finish = ({ reason }: { reason: string }) => {
    if (!request?.confirmTitle) {
      void send(reason);
      return;
    }
    modal.confirm({
      title: request.confirmTitle,
      content: `原因:${reason.trim()}`,
      okText: request.okText,
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: () => send(reason),
    });
  };

  return (
    <Modal
      open={!!request}
      title={request?.title}
      okText={request?.okText}
      okButtonProps={{ danger: true }}
      cancelText="关闭"
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <div style={{ marginBottom: 12 }}>{request?.description}</div>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<{ reason: string }> name="reason-form" form={form} layout="vertical" onFinish={finish}>
        <Form.Item
          label="原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { min: 2, message: '请填写原因(至少2个字)' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
