import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionAnswer } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { authApi } from '../../api/auth.api';

interface LoginValues {
  username: string;
  password: string;
  otp?: string;
}

interface LoginFormProps {
  onLoggedIn: (answer: SessionAnswer) => void;
  size?: 'middle' | 'large';
}

const OTP_PATTERN = /^\d{6}$/;

/** Why a login attempt failed, in words for the person at the keyboard. */
function loginFailureText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 423) return '账号已锁定,请30分钟后再试';
    if (error.status === 429) return '尝试过于频繁,请稍后再试';
    if (error.status === 401) return error.problem.detail || '用户名或密码错误';
  }
  return errorMessage(error);
}

/**
 * Username + password, then (when the server answers 401 `MFA_REQUIRED`) a 6-digit 动态验证码 step
 * that resubmits the same credentials with `otp`. Used by the admin and the mobile login pages.
 */
export function LoginForm({ onLoggedIn, size = 'large' }: LoginFormProps) {
  const [form] = Form.useForm<LoginValues>();
  const [step, setStep] = useState<'password' | 'otp'>('password');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const { username, password } = form.getFieldsValue(['username', 'password']) as LoginValues;
      const otp = step === 'otp' ? values.otp?.trim() : undefined;
      const answer = await authApi.login({ username: username.trim(), password, ...(otp ? { otp } : {}) });
      onLoggedIn(answer);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && error.code === 'MFA_REQUIRED') {
        if (step === 'otp') {
          form.setFields([{ name: 'otp', value: '', errors: [error.problem.detail || '动态验证码不正确,请重新输入'] }]);
        }
        setStep('otp');
      } else {
        // Any other refusal (wrong password, locked, rate limited) restarts from the password step.
        setStep('password');
        setFailure(loginFailureText(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const backToPassword = () => {
    setStep('password');
    setFailure(null);
    form.setFieldsValue({ otp: undefined, password: '' });
  };

  return (
    <Form<LoginValues> name="login" form={form} layout="vertical" size={size} onFinish={(v) => void submit(v)} requiredMark={false}>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
      <div hidden={step !== 'password'}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" placeholder="请输入用户名" data-testid="login-username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" data-testid="login-password" />
        </Form.Item>
      </div>
      {step === 'otp' ? (
        <>
          <Typography.Paragraph type="secondary">
            您的账号已启用双因素认证,请打开身份验证器 App,输入显示的6位动态验证码。
          </Typography.Paragraph>
          <Form.Item
            label="动态验证码"
            name="otp"
            rules={[
              { required: true, message: '请输入6位动态验证码' },
              { pattern: OTP_PATTERN, message: '动态验证码应为6位数字' },
            ]}
          >
            <Input
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              placeholder="6位数字"
              data-testid="login-otp"
            />
          </Form.Item>
        </>
      ) : null}
      <Form.Item style={{ marginBottom: step === 'otp' ? 8 : 0 }}>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {step === 'otp' ? '验证并登录' : '登录'}
        </Button>
      </Form.Item>
      {step === 'otp' ? (
        <Button type="link" block onClick={backToPassword}>
          返回重新输入账号
        </Button>
      ) : null}
    </Form>
  );
}
