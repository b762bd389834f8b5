import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin.component';
import type { RouteHandle } from './guards';
import { RootShell } from './root-shell.component';
import { RouteError } from './route-error.component';

/** Every page is a lazy route, so the login screen downloads only what it shows. */
const adminPages: RouteObject[] = [
  { index: true, lazy: () => import('../pages/dashboard/dashboard.page').then((m) => ({ Component: m.DashboardPage })) },
  {
    path: 'coverage',
    handle: { permission: 'coverage:coverage:view' } satisfies RouteHandle,
    lazy: () => import('../pages/coverage/coverage.page').then((m) => ({ Component: m.CoveragePage })),
  },
  {
    path: 'enterprises',
    handle: { permission: 'enterprise:enterprise:list' } satisfies RouteHandle,
    lazy: () => import('../pages/enterprises/enterprises.page').then((m) => ({ Component: m.EnterprisesPage })),
  },
  {
    path: 'members',
    handle: { permission: 'member:member:list' } satisfies RouteHandle,
    lazy: () => import('../pages/members/members.page').then((m) => ({ Component: m.MembersPage })),
  },
  {
    path: 'member-transfers',
    handle: { permission: 'member:transfer:list' } satisfies RouteHandle,
    lazy: () => import('../pages/member-transfers/member-transfers.page').then((m) => ({ Component: m.MemberTransfersPage })),
  },
  {
    path: 'system/orgs',
    handle: { permission: 'org:unit:list' } satisfies RouteHandle,
    lazy: () => import('../pages/orgs/orgs.page').then((m) => ({ Component: m.OrgsPage })),
  },
  {
    path: 'system/users',
    handle: { permission: 'system:user:list' } satisfies RouteHandle,
    lazy: () => import('../pages/users/users.page').then((m) => ({ Component: m.UsersPage })),
  },
  {
    path: 'system/roles',
    handle: { permission: 'system:role:list' } satisfies RouteHandle,
    lazy: () => import('../pages/roles/roles.page').then((m) => ({ Component: m.RolesPage })),
  },
  {
    path: 'system/audit',
    handle: { permission: 'audit:log:list' } satisfies RouteHandle,
    lazy: () => import('../pages/audit/audit.page').then((m) => ({ Component: m.AuditPage })),
  },
  { path: '403', lazy: () => import('./forbidden.page').then((m) => ({ Component: m.ForbiddenPage })) },
  { path: '*', lazy: () => import('./not-found.page').then((m) => ({ Component: m.NotFoundPage })) },
];

const mobilePages: RouteObject[] = [
  { index: true, lazy: () => import('../mobile/mobile-home.page').then((m) => ({ Component: m.MobileHomePage })) },
  { path: 'me', lazy: () => import('../mobile/mobile-me.page').then((m) => ({ Component: m.MobileMePage })) },
  { path: '*', lazy: () => import('../mobile/mobile-not-found.page').then((m) => ({ Component: m.MobileNotFoundPage })) },
];

export const routes: RouteObject[] = [
  {
    Component: RootShell,
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
    children: [
      { path: 'login', lazy: () => import('../pages/auth/login.page').then((m) => ({ Component: m.LoginPage })) },
      { path: 'mfa-setup', lazy: () => import('../pages/auth/mfa-setup.page').then((m) => ({ Component: m.MfaSetupPage })) },
      {
        path: 'change-password',
        lazy: () => import('../pages/auth/change-password.page').then((m) => ({ Component: m.ChangePasswordPage })),
      },
      { path: 'm/login', lazy: () => import('../mobile/mobile-login.page').then((m) => ({ Component: m.MobileLoginPage })) },
      {
        path: 'm',
        lazy: () => import('../mobile/mobile-layout.component').then((m) => ({ Component: m.MobileLayout })),
        children: mobilePages,
      },
      {
        path: '/',
        lazy: () => import('./admin-layout.component').then((m) => ({ Component: m.AdminLayout })),
        children: adminPages,
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
