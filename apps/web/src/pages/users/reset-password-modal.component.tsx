import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { User } from '@gonghui/contracts';
import { userApi } from '../../api/user.api';
import { applyServerErrors } from '../../api/form-errors';
import { PasswordPolicy, passwordPolicyRule, sameAsRule } from '../../components/password-policy.component';

interface ResetValues {
  password: string;
  confirm: string;
}

/** 重置密码: the user must change it at their next login (the server marks it so). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<ResetValues>();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const password = Form.useWatch('password', form) ?? '';

  useEffect(() => {
    if (!user) return;
    setFailure(null);
    form.resetFields();
  }, [user, form]);

  const reset = useMutation({
    mutationFn: (v: ResetValues) => {
      if (!user) throw new Error('没有选择用户');
      return userApi.resetPassword(user.id, v.password);
    },
    onSuccess: () => {
      void message.success('密码已重置,请通过安全渠道告知本人');
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['password'])),
  });

  return (
    <Modal
      open={!!user}
      title={`重置密码:${user?.name ?? ''}(${user?.username ?? ''})`}
      okText="重置"
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ResetValues> name="reset-password-form" form={form} layout="vertical" onFinish={(v) => reset.mutate(v)} autoComplete="off">
        <Form.Item label="新密码" name="password" rules={[{ required: true, message: '请填写新密码' }, passwordPolicyRule(() => user?.username ?? '')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={password} username={user?.username ?? ''} />
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['password']}
          rules={[{ required: true, message: '请再次输入新密码' }, sameAsRule(() => form.getFieldValue('password'))]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
