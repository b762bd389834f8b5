import { Suspense, useEffect } from 'react';
import { CalendarOutlined, FileTextOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { guardRedirect } from '../app/guards';
import { useSession } from '../app/use-session.hook';
import { FullPageSpin } from '../components/full-page-spin.component';

/** The members' phone-sized shell: header, page, bottom tab bar. */
export function MobileLayout() {
  const { answer, loading, ended, loggedOut } = useSession();
  const location = useLocation();

  useEffect(() => {
    document.title = '职工服务 - 工会工作平台';
  }, []);

  if (loading) return <FullPageSpin />;
  const redirect = guardRedirect(answer, 'member', ended);
  if (redirect) return <Navigate to={redirect} replace state={loggedOut ? undefined : { from: location.pathname }} />;

  return (
    <div className="gh-mobile">
      <header className="gh-mobile-header">职工服务</header>
      <main className="gh-mobile-body">
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className="gh-mobile-tabbar" aria-label="底部导航">
        <NavLink to="/m" end data-testid="mobile-tab-home">
          <HomeOutlined />
          首页
        </NavLink>
        <NavLink to="/m/activities" data-testid="mobile-tab-activities">
          <CalendarOutlined />
          活动
        </NavLink>
        <NavLink to="/m/aid" data-testid="mobile-tab-aid">
          <FileTextOutlined />
          我的申请
        </NavLink>
        <NavLink to="/m/me" data-testid="mobile-tab-me">
          <UserOutlined />
          我的
        </NavLink>
      </nav>
    </div>
  );
}
