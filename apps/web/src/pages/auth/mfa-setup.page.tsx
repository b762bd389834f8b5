import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, QRCode, Skeleton, Steps, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { authApi } from '../../api/auth.api';
import { applyServerErrors } from '../../api/form-errors';
import { queryKeys } from '../../api/query-keys';
import { nextPathAfterLogin } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { AuthCard } from './auth-card.component';

interface OtpValues {
  otp: string;
}

/** Groups a base32 secret in fours so it can be typed by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** TOTP enrolment, required before first use for platform admins and city admins. */
export function MfaSetupPage() {
  const { answer, loading, setSession, logout, ended } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OtpValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const needed = !!answer?.mfaSetupRequired;

  // A query (not an effect) so React's double mount never asks the server for two secrets.
  const setup = useQuery({
    queryKey: queryKeys.mfaSetup,
    queryFn: authApi.mfaSetup,
    enabled: needed,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  if (loading) return <FullPageSpin />;
  if (!answer) return <Navigate to={ended?.expired ? '/login?expired=1' : '/login'} replace />;
  if (!needed) return <Navigate to={nextPathAfterLogin(answer)} replace />;

  const confirm = async ({ otp }: OtpValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const next = await authApi.mfaConfirm(otp.trim());
      queryClient.removeQueries({ queryKey: queryKeys.mfaSetup });
      setSession(next);
      void navigate(nextPathAfterLogin(next), { replace: true });
    } catch (error) {
      setFailure(applyServerErrors(form, error, ['otp']));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title="绑定双因素认证" width={520}>
      <Typography.Paragraph type="secondary">
        您的角色须使用动态验证码登录。请按以下步骤绑定身份验证器,完成后方可继续使用。
      </Typography.Paragraph>
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={[
          { title: '安装身份验证器', content: '如腾讯身份验证器、Microsoft Authenticator、Google Authenticator 等' },
          { title: '扫描二维码', content: '无法扫码时,可手动输入下方密钥' },
          { title: '输入6位动态验证码', content: '验证通过后即完成绑定' },
        ]}
      />
      {setup.isPending ? <Skeleton active /> : null}
      {setup.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(setup.error)}
          action={
            <Button size="small" onClick={() => void setup.refetch()}>
              重试
            </Button>
          }
        />
      ) : null}
      {setup.data ? (
        <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
          <QRCode value={setup.data.otpauthUrl} size={180} data-testid="mfa-qrcode" />
          <Typography.Text type="secondary">密钥</Typography.Text>
          <Typography.Text code copyable={{ text: setup.data.secret }} data-testid="mfa-secret">
            {groupSecret(setup.data.secret)}
          </Typography.Text>
        </Flex>
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<OtpValues> name="mfa-setup" form={form} layout="vertical" onFinish={(v) => void confirm(v)} requiredMark={false}>
        <Form.Item
          label="动态验证码"
          name="otp"
          rules={[
            { required: true, message: '请输入6位动态验证码' },
            { pattern: /^\d{6}$/, message: '动态验证码应为6位数字' },
          ]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6位数字" data-testid="mfa-otp" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} disabled={!setup.data}>
          完成绑定
        </Button>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
          退出登录
        </Button>
      </Form>
    </AuthCard>
  );
}
