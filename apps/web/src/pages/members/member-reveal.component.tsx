import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { applyServerErrors } from '../../api/form-errors';
import type { RevealField } from '../../api/contract-types';
import { memberApi } from '../../api/member.api';

/** How long a revealed value stays on screen. */
const SHOW_SECONDS = 30;

const FIELD_LABELS: Record<RevealField, string> = { idCard: '身份证号', phone: '手机号', bankAccount: '银行卡号' };

interface RevealModalProps {
  memberId: string;
  field: RevealField;
  open: boolean;
  onClose: () => void;
  onRevealed: (value: string) => void;
}

function RevealModal({ memberId, field, open, onClose, onRevealed }: RevealModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: (reason: string) => memberApi.reveal(memberId, { field, reason }),
    onSuccess: (answer) => {
      onRevealed(answer.value ?? '(空)');
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['reason'])),
  });
  return (
    <Modal
      open={open}
      title={`查看${FIELD_LABELS[field]}明文`}
      okText="查看"
      confirmLoading={reveal.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        查看个人敏感信息须说明原因,本次查看(人员、时间、原因)将记入审计日志。明文仅显示 {SHOW_SECONDS} 秒。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<{ reason: string }> name={`reveal-${field}-form`} form={form} layout="vertical" onFinish={(v) => reveal.mutate(v.reason.trim())}>
        <Form.Item label="查看原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写查看原因' }]}>
          <Input.TextArea maxLength={200} showCount rows={3} placeholder="如:核对会员身份,办理困难帮扶" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RevealableValueProps {
  memberId: string;
  field: RevealField;
  /** the masked value from the server; null when the member has none */
  masked: string | null;
  canReveal: boolean;
}

/** A masked value, with 查看 (reason asked, audited) when the record allows it; the plain value shows briefly. */
export function RevealableValue({ memberId, field, masked, canReveal }: RevealableValueProps) {
  const [asking, setAsking] = useState(false);
  const [plain, setPlain] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (plain === null) return undefined;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const remaining = SHOW_SECONDS - Math.floor((Date.now() - started) / 1000);
      if (remaining <= 0) setPlain(null);
      else setLeft(remaining);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [plain]);

  if (!masked) return <span>—</span>;
  return (
    <Space size={4} wrap>
      {plain !== null ? (
        <>
          <Typography.Text copyable={{ text: plain }} data-testid={`revealed-${field}`}>
            {plain}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({left}秒后隐藏)
          </Typography.Text>
          <Button type="link" size="small" onClick={() => setPlain(null)}>
            隐藏
          </Button>
        </>
      ) : (
        <>
          <span>{masked}</span>
          {canReveal ? (
            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} aria-label={`查看${FIELD_LABELS[field]}`}>
              查看
            </Button>
          ) : null}
        </>
      )}
      <RevealModal
        memberId={memberId}
        field={field}
        open={asking}
        onClose={() => setAsking(false)}
        onRevealed={(value) => {
          setPlain(value);
          setLeft(SHOW_SECONDS);
        }}
      />
    </Space>
  );
}
