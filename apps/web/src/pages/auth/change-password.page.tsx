import { useState } from 'react';
import { App, Button, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { authApi } from '../../api/auth.api';
import { applyServerErrors } from '../../api/form-errors';
import { nextPathAfterLogin } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { PasswordPolicy, passwordPolicyRule, sameAsRule } from '../../components/password-policy.component';
import { AuthCard } from './auth-card.component';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['oldPassword', 'newPassword'] as const;

export function ChangePasswordPage() {
  const { answer, loading, setSession, logout, ended } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangePasswordValues>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (loading) return <FullPageSpin />;
  if (!answer) return <Navigate to={ended?.expired ? '/login?expired=1' : '/login'} replace />;
  if (answer.mfaSetupRequired) return <Navigate to="/mfa-setup" replace />;
  const forced = answer.passwordChangeRequired;
  const username = answer.user.username;

  const submit = async (values: ChangePasswordValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const next = await authApi.changePassword({ oldPassword: values.oldPassword, newPassword: values.newPassword });
      void message.success('密码已修改');
      setSession(next);
      void navigate(nextPathAfterLogin(next), { replace: true });
    } catch (error) {
      setFailure(applyServerErrors(form, error, FIELDS));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={forced ? '请修改密码' : '修改密码'} width={460}>
      {forced ? (
        <Typography.Paragraph type="secondary">
          为保障账号安全,首次登录或密码到期时须设置新密码,修改后方可继续使用。
        </Typography.Paragraph>
      ) : null}
      {failure ? <Typography.Paragraph type="danger">{failure}</Typography.Paragraph> : null}
      <Form<ChangePasswordValues> name="change-password" form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          dependencies={['oldPassword']}
          rules={[
            { required: true, message: '请输入新密码' },
            passwordPolicyRule(() => username),
            {
              validator: async (_r, value: unknown) => {
                if (value && value === form.getFieldValue('oldPassword')) throw new Error('新密码不能与原密码相同');
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={newPassword} username={username} />
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, sameAsRule(() => form.getFieldValue('newPassword'))]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          确认修改
        </Button>
        <Button
          type="link"
          block
          style={{ marginTop: 8 }}
          onClick={() => (forced ? void logout().then(() => navigate('/login', { replace: true })) : void navigate(nextPathAfterLogin(answer)))}
        >
          {forced ? '退出登录' : '返回'}
        </Button>
      </Form>
    </AuthCard>
  );
}
