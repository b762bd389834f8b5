import { Alert, Typography } from 'antd';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { fromState, nextPathAfterLogin } from '../../app/access';
import { EXPIRED_MESSAGE } from '../../app/api-events.component';
import { useSession } from '../../app/use-session.hook';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { AuthCard } from './auth-card.component';
import { LoginForm } from './login-form.component';

export function LoginPage() {
  const { answer, loading, setSession, demo, ended } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();

  if (loading) return <FullPageSpin />;
  // After a successful login (or for a visitor who is already logged in) go where the session says.
  if (answer) return <Navigate to={nextPathAfterLogin(answer, fromState(location.state))} replace />;

  return (
    <AuthCard title="工会工作平台">
      {ended?.notice ? (
        <Alert type="warning" showIcon title={ended.notice} style={{ marginBottom: 16 }} data-testid="login-notice" />
      ) : null}
      {params.get('expired') === '1' || ended?.expired ? (
        <Alert type="warning" showIcon title={EXPIRED_MESSAGE} style={{ marginBottom: 16 }} data-testid="login-expired" />
      ) : null}
      {demo ? (
        <Alert type="info" showIcon title="演示环境:数据均为虚构示例。" style={{ marginBottom: 16 }} />
      ) : null}
      <LoginForm onLoggedIn={setSession} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
        连续5次密码错误将锁定账号30分钟。忘记密码请联系本单位管理员重置。
      </Typography.Paragraph>
    </AuthCard>
  );
}
