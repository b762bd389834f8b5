import { useEffect } from 'react';
import { Alert, Typography } from 'antd';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { fromState, nextPathAfterLogin } from '../app/access';
import { EXPIRED_MESSAGE } from '../app/api-events.component';
import { useSession } from '../app/use-session.hook';
import { FullPageSpin } from '../components/full-page-spin.component';
import { LoginForm } from '../pages/auth/login-form.component';

/** The members' login (same API as the admin login); staff who log in here go to the admin area. */
export function MobileLoginPage() {
  const { answer, loading, setSession, ended } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();

  useEffect(() => {
    document.title = '登录 - 职工服务';
  }, []);

  if (loading) return <FullPageSpin />;
  if (answer) return <Navigate to={nextPathAfterLogin(answer, fromState(location.state) ?? '/m')} replace />;

  return (
    <div className="gh-mobile">
      <header className="gh-mobile-header">职工服务</header>
      <main className="gh-mobile-body" style={{ paddingTop: 24 }}>
        <Typography.Title level={4} data-testid="page-title" style={{ textAlign: 'center' }}>
          会员登录
        </Typography.Title>
        {ended?.notice ? (
          <Alert type="warning" showIcon title={ended.notice} style={{ marginBottom: 16 }} data-testid="login-notice" />
        ) : null}
        {params.get('expired') === '1' || ended?.expired ? (
          <Alert type="warning" showIcon title={EXPIRED_MESSAGE} style={{ marginBottom: 16 }} data-testid="login-expired" />
        ) : null}
        <div style={{ background: '#fff', borderRadius: 8, padding: 16 }}>
          <LoginForm onLoggedIn={setSession} />
        </div>
      </main>
    </div>
  );
}
