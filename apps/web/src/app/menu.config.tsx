import type { ReactNode } from 'react';
import type { PermissionCode } from '@gonghui/contracts';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  IdcardOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';

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

/** Business modules: top-level entries right after 工作台, in working order. */
export const MODULE_ENTRIES: MenuEntry[] = [
  { key: 'coverage', path: '/coverage', label: '组织覆盖', icon: <PieChartOutlined />, permission: 'coverage:coverage:view', description: '建会率、入会率,逐级下钻' },
  { key: 'enterprises', path: '/enterprises', label: '企业与建会', icon: <BankOutlined />, permission: 'enterprise:enterprise:list', description: '企业名录、未建会企业、代码核实' },
  { key: 'members', path: '/members', label: '会员管理', icon: <IdcardOutlined />, permission: 'member:member:list', description: '会员实名登记、查询、导入导出' },
  { key: 'member-transfers', path: '/member-transfers', label: '会员接转', icon: <SwapOutlined />, permission: 'member:transfer:list', description: '会员关系转入、转出与审批' },
];

/** The admin menu's groups (after the module entries); built per user from their permission codes (the server enforces the same codes). */
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

const allowed = (permissions: readonly string[]) => (e: MenuEntry) => !e.permission || permissions.includes(e.permission);

export function visibleModuleEntries(permissions: readonly string[]): MenuEntry[] {
  return MODULE_ENTRIES.filter(allowed(permissions));
}

export function visibleSections(permissions: readonly string[]): MenuSection[] {
  return MENU_SECTIONS.map((section) => ({
    ...section,
    entries: section.entries.filter(allowed(permissions)),
  })).filter((section) => section.entries.length > 0);
}

export function allEntries(): MenuEntry[] {
  return [DASHBOARD_ENTRY, ...MODULE_ENTRIES, ...MENU_SECTIONS.flatMap((s) => s.entries)];
}

/** Every entry this user may open (module entries, then the groups' entries), for quick links. */
export function visibleEntries(permissions: readonly string[]): MenuEntry[] {
  return [...visibleModuleEntries(permissions), ...visibleSections(permissions).flatMap((s) => s.entries)];
}

/** The menu entry a location belongs to (longest matching path). */
export function entryForPath(pathname: string): MenuEntry | undefined {
  return allEntries()
    .filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
