import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinRole, type BuiltinRoleCode, type PermissionCode } from '@gonghui/contracts';
import { DEMO_ACCOUNTS } from '../../apps/server/src/seed/demo-orgs.data.js';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { loginAs, loginToDashboard, pageTitle, visibleTestIds } from '../support/ui.js';

/** One sider entry as the test sees it: key, page title (= label), permission, enclosing group. */
interface MenuRow {
  key: string;
  label: string;
  permission?: string;
  section?: string;
}

/** What the system group must keep requiring (a mirror of the config's permission mapping). */
const SYSTEM_ENTRIES: Record<string, PermissionCode> = {
  'system-orgs': 'org:unit:list',
  'system-users': 'system:user:list',
  'system-roles': 'system:role:list',
  'system-audit': 'audit:log:list',
};

function isEntry(value: unknown): value is MenuRow {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.key === 'string' && typeof r.label === 'string' && (r.permission === undefined || typeof r.permission === 'string');
}

function entriesOf(value: unknown, section?: string): MenuRow[] {
  if (!Array.isArray(value) || !value.every(isEntry)) throw new Error('menu.config.tsx: unexpected entry shape');
  return value.map((e: MenuRow) => ({ key: e.key, label: e.label, permission: e.permission, section }));
}

/**
 * The web app's menu (apps/web/src/app/menu.config.tsx). It holds JSX icons, so it is imported at
 * run time (vitest transforms it) rather than type-checked from this node-side project.
 */
async function loadMenu(): Promise<MenuRow[]> {
  const path = '../../apps/web/src/app/menu.config.tsx';
  const mod = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
  const sections = mod.MENU_SECTIONS;
  if (!Array.isArray(sections)) throw new Error('menu.config.tsx: MENU_SECTIONS missing');
  return [
    ...entriesOf([mod.DASHBOARD_ENTRY]),
    ...entriesOf(mod.MODULE_ENTRIES ?? []),
    ...sections.flatMap((s: { key?: unknown; entries?: unknown }) => entriesOf(s.entries, String(s.key))),
  ];
}

const ACCOUNTS: readonly { username: string; role: BuiltinRoleCode }[] = [
  { username: 'sysadmin', role: 'sys_admin' },
  { username: 'secadmin', role: 'security_admin' },
  { username: 'auditor', role: 'audit_admin' },
  ...DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role as BuiltinRoleCode })),
];

let menuRows: MenuRow[] = [];

function visibleEntries(role: BuiltinRoleCode): MenuRow[] {
  const definition = builtinRole(role);
  if (!definition) throw new Error(`unknown built-in role ${role}`);
  const held: readonly string[] = definition.permissions;
  return menuRows.filter((e) => !e.permission || held.includes(e.permission));
}

/** The `menu-*` test ids the sider should show: entries plus the groups holding any of them. */
function expectedMenuIds(role: BuiltinRoleCode): string[] {
  const entries = visibleEntries(role);
  const sections = new Set(entries.flatMap((e) => (e.section ? [e.section] : [])));
  return [...entries.map((e) => `menu-${e.key}`), ...[...sections].map((s) => `menu-${s}`)].sort();
}

describe('menus per built-in role (demo accounts)', () => {
  const suite = e2eSuite();

  beforeAll(async () => {
    menuRows = await loadMenu();
  });

  const walkedMenus = new Set<string>();

  async function freshPage(): Promise<Page> {
    const { page } = await newPage(suite.browser, suite.srv.base);
    return page;
  }

  it('covers every demo account; the menu config keeps the system group\'s permission mapping', () => {
    expect(ACCOUNTS.map((a) => a.username)).toEqual(['sysadmin', 'secadmin', 'auditor', 'city', 'district', 'xihu', 'street', 'grassroots', 'worker']);
    const system = Object.fromEntries(menuRows.filter((e) => e.section === 'system').map((e) => [e.key, e.permission]));
    expect(system).toEqual(SYSTEM_ENTRIES);
    expect(menuRows[0]).toMatchObject({ key: 'dashboard', permission: undefined });
    expect(expectedMenuIds('audit_admin')).toEqual(['menu-dashboard', 'menu-system', 'menu-system-audit']);
  });

  for (const account of ACCOUNTS.filter((a) => a.role !== 'member')) {
    it(`${account.username} (${account.role}) sees exactly the menu its permission codes allow, each entry opening its page`, async () => {
      const page = await freshPage();
      try {
        await loginToDashboard(page, account.username);
        expect(new URL(page.url()).pathname).toBe('/');
        const expected = expectedMenuIds(account.role);
        await expect.poll(() => visibleTestIds(page, 'menu-')).toEqual(expected);
        // Each visible entry leads to its page, never to the 403 page (menu and route agree);
        // walked once per distinct menu, the pages being the same for accounts sharing one.
        if (walkedMenus.has(expected.join())) return;
        walkedMenus.add(expected.join());
        for (const entry of visibleEntries(account.role)) {
          await page.getByTestId(`menu-${entry.key}`).click();
          await pageTitle(page, entry.label).waitFor();
          expect(await pageTitle(page, '无权访问').count()).toBe(0);
        }
      } finally {
        await page.context().close();
      }
    });
  }

  it('worker (member only) lands on the mobile shell /m, with no admin menu', async () => {
    const page = await freshPage();
    try {
      await loginAs(page, 'worker');
      await page.waitForURL((url) => url.pathname === '/m');
      await page.getByTestId('tile-activities').waitFor();
      expect(await visibleTestIds(page, 'menu-')).toEqual([]);
      // The admin area sends a member back to the mobile shell.
      await page.goto('/system/orgs');
      await page.waitForURL((url) => url.pathname === '/m');
    } finally {
      await page.context().close();
    }
  });

  it('a staff user opening a page without its permission sees the 403 page; unknown URLs show 404; demo banner shown', async () => {
    const page = await freshPage();
    try {
      await loginToDashboard(page, 'district');
      await expect.poll(() => page.getByTestId('demo-tag').textContent()).toBe('演示模式');
      await page.getByText('演示模式:数据为虚构示例', { exact: false }).waitFor();

      await page.goto('/system/audit');
      await pageTitle(page, '无权访问').waitFor();
      expect(new URL(page.url()).pathname).toBe('/system/audit');
      await page.goto('/system/users');
      await pageTitle(page, '无权访问').waitFor();

      await page.goto('/no/such/page');
      await pageTitle(page, '页面不存在').waitFor();
      await page.getByRole('button', { name: '返回首页' }).click();
      await pageTitle(page, '工作台').waitFor();
    } finally {
      await page.context().close();
    }
  });
});
