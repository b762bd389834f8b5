import type { ReactNode } from 'react';
import type { PermissionCode } from '@gonghui/contracts';
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';

export interface MenuEntry {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to users holding this code; no code: every staff user. */
  permission?: PermissionCode;
  description: string;
}

export interface MenuSection {
  key: string;
  label: string;
  icon: ReactNode;
  entries: MenuEntry[];
}

export const DASHBOARD_ENTRY: MenuEntry = {
  key: 'dashboard',
  path: '/',
  label: '工作台',
  icon: <DashboardOutlined />,
  description: '待办与快捷入口',
};

/** The admin menu; built per user from their permission codes (the server enforces the same codes). */
export const MENU_SECTIONS: MenuSection[] = [
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    entries: [
      { key: 'system-orgs', path: '/system/orgs', label: '组织机构', icon: <ApartmentOutlined />, permission: 'org:unit:list', description: '工会组织树、组织信息与调整' },
      { key: 'system-users', path: '/system/users', label: '用户管理', icon: <TeamOutlined />, permission: 'system:user:list', description: '账号、角色、停用、重置密码' },
      { key: 'system-roles', path: '/system/roles', label: '角色权限', icon: <SafetyCertificateOutlined />, permission: 'system:role:list', description: '角色、权限与数据范围' },
      { key: 'system-audit', path: '/system/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:log:list', description: '操作记录查询与日志链校验' },
    ],
  },
];

export function visibleSections(permissions: readonly string[]): MenuSection[] {
  return MENU_SECTIONS.map((section) => ({
    ...section,
    entries: section.entries.filter((e) => !e.permission || permissions.includes(e.permission)),
  })).filter((section) => section.entries.length > 0);
}

export function allEntries(): MenuEntry[] {
  return [DASHBOARD_ENTRY, ...MENU_SECTIONS.flatMap((s) => s.entries)];
}

/** The menu entry a location belongs to (longest matching path). */
export function entryForPath(pathname: string): MenuEntry | undefined {
  return allEntries()
    .filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
