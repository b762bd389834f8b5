import { Suspense, useMemo, useState } from 'react';
import { Alert, Layout, Menu, Spin, type MenuProps } from 'antd';
import { Link, Navigate, Outlet, useLocation, useMatches, useNavigate, useNavigation } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin.component';
import { AdminHeader } from './admin-header.component';
import { ForbiddenPage } from './forbidden.page';
import { guardRedirect, isRouteHandle } from './guards';
import { DASHBOARD_ENTRY, MENU_SECTIONS, entryForPath, visibleModuleEntries, visibleSections, type MenuEntry } from './menu.config';
import { federationName } from './labels';
import { useSession } from './use-session.hook';

type MenuItem = Required<MenuProps>['items'][number];

function toItem(entry: MenuEntry): MenuItem {
  return {
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={`menu-${entry.key}`}>
        {entry.label}
      </Link>
    ),
  };
}

/** The staff area: guard, sider menu from permission codes, header, and the page outlet. */
export function AdminLayout() {
  const { answer, loading, demo, systemInfo, ended, loggedOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const matches = useMatches();
  const [collapsed, setCollapsed] = useState(false);
  const permissions = answer?.user.permissions;

  const { items, pathByKey } = useMemo(() => {
    const sections = visibleSections(permissions ?? []);
    const map = new Map<string, string>([[DASHBOARD_ENTRY.key, DASHBOARD_ENTRY.path]]);
    const menuItems: MenuItem[] = [toItem(DASHBOARD_ENTRY)];
    for (const entry of visibleModuleEntries(permissions ?? [])) {
      map.set(entry.key, entry.path);
      menuItems.push(toItem(entry));
    }
    for (const section of sections) {
      section.entries.forEach((e) => map.set(e.key, e.path));
      menuItems.push({
        key: section.key,
        icon: section.icon,
        label: <span data-testid={`menu-${section.key}`}>{section.label}</span>,
        children: section.entries.map(toItem),
      });
    }
    return { items: menuItems, pathByKey: map };
  }, [permissions]);

  if (loading) return <FullPageSpin />;
  const redirect = guardRedirect(answer, 'staff', ended);
  if (redirect) return <Navigate to={redirect} replace state={loggedOut ? undefined : { from: location.pathname }} />;

  const required = [...matches].reverse().map((m) => (isRouteHandle(m.handle) ? m.handle.permission : undefined)).find(Boolean);
  const allowed = !required || (permissions ?? []).includes(required);
  const current = entryForPath(location.pathname);

  const onMenuClick: MenuProps['onClick'] = ({ key, domEvent }) => {
    const path = pathByKey.get(key);
    const target = domEvent.target;
    if (path && !(target instanceof Element && target.closest('a'))) void navigate(path);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={220} theme="dark">
        <div className="gh-logo" title={federationName(systemInfo?.cityName)}>
          {collapsed ? '工会' : '工会工作平台'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={current ? [current.key] : []}
          defaultOpenKeys={MENU_SECTIONS.map((s) => s.key)}
          onClick={onMenuClick}
        />
      </Layout.Sider>
      <Layout>
        <AdminHeader />
        <Layout.Content style={{ margin: 16 }}>
          {demo ? (
            <Alert
              type="warning"
              showIcon
              banner
              style={{ marginBottom: 12 }}
              title="演示模式:数据为虚构示例,演示账号的密码是公开的,请勿录入真实个人信息。"
            />
          ) : null}
          {systemInfo?.calendarWarning ? (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={systemInfo.calendarWarning} />
          ) : null}
          <div className="gh-page">
            <Spin spinning={navigation.state === 'loading'} delay={200}>
              <Suspense fallback={<FullPageSpin />}>{allowed ? <Outlet /> : <ForbiddenPage />}</Suspense>
            </Spin>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
