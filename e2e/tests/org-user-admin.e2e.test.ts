import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import {
  fieldError,
  loginAs,
  loginToDashboard,
  logoutFromHeader,
  pageTitle,
  chooseOption,
  treeNode,
  treeNodeNames,
} from '../support/ui.js';

const DISTRICT = '上城区总工会';
const STREET = '望湖E2E街道总工会';
const UNION = '杭州望湖E2E科技有限公司工会';
const NEW_USER = 'e2e_union_admin';
const NEW_USER_NAME = '周晓梅';
const INITIAL_PASSWORD = 'Chu#Shi2026pw';
const CHANGED_PASSWORD = 'Xin@Mima2026ok';

/**
 * antd spaces out two-character Chinese button labels (保 存); a just-finished loading icon can
 * still prefix the accessible name, hence no start anchor.
 */
const SAVE = /保\s*存$/;

async function openOrgsPage(page: Page): Promise<void> {
  await page.getByTestId('menu-system-orgs').click();
  await pageTitle(page, '组织机构').waitFor();
  await page.getByRole('tree').waitFor();
}

function detailTitle(page: Page, name: string): Locator {
  return page.getByTestId('org-detail').locator('.ant-card-head-title').filter({ hasText: name });
}

async function searchTree(page: Page, text: string): Promise<void> {
  await page.getByLabel('按名称查找组织').fill(text);
}

/** 新建下级 on the org shown in the detail card; returns the form dialog. */
async function openCreateChild(page: Page, parent: string): Promise<Locator> {
  await detailTitle(page, parent).waitFor();
  await page.getByTestId('org-detail').getByRole('button', { name: '新建下级' }).click();
  const dialog = page.getByRole('dialog', { name: `新建下级组织(上级:${parent})` });
  await dialog.waitFor();
  return dialog;
}

describe('organisations and users administration', () => {
  const suite = e2eSuite();

  it('sysadmin builds a street and a grassroots union, creates its admin, who then sees only that union', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await loginToDashboard(page, 'sysadmin');
      await openOrgsPage(page);

      // 上城区总工会 → 新建下级: a kind the server refuses under a district comes back on the field.
      await treeNode(page, DISTRICT).click();
      let dialog = await openCreateChild(page, DISTRICT);
      await dialog.getByLabel('组织名称').fill(STREET);
      await chooseOption(page, dialog, '组织类型', '市总工会');
      await dialog.getByRole('button', { name: SAVE }).click();
      await expect.poll(() => fieldError(dialog, '组织类型').textContent()).toContain('区县(市)总工会下只能建立');
      await chooseOption(page, dialog, '组织类型', '街道(乡镇)总工会');
      await expect.poll(() => fieldError(dialog, '组织类型').count()).toBe(0);
      await dialog.getByRole('button', { name: SAVE }).click();
      await dialog.waitFor({ state: 'hidden' });
      await detailTitle(page, STREET).waitFor();

      // The new street → 新建下级 (suggested kind: 基层工会).
      dialog = await openCreateChild(page, STREET);
      await dialog.getByLabel('组织名称').fill(UNION);
      await chooseOption(page, dialog, '工会类型', '联合工会');
      await dialog.getByRole('button', { name: SAVE }).click();
      await dialog.waitFor({ state: 'hidden' });
      await detailTitle(page, UNION).waitFor();
      expect(await page.getByTestId('org-detail').getByText('联合工会', { exact: true }).count()).toBe(1);

      await searchTree(page, 'E2E');
      await treeNode(page, UNION).waitFor();
      expect(await treeNodeNames(page)).toEqual(['杭州市总工会', DISTRICT, STREET, UNION]);

      // 用户管理 → 新建用户 for the new union.
      await page.getByTestId('menu-system-users').click();
      await pageTitle(page, '用户管理').waitFor();
      await page.getByRole('button', { name: '新建用户' }).click();
      dialog = page.getByRole('dialog', { name: '新建用户' });
      await dialog.getByLabel('用户名').fill(NEW_USER);
      await dialog.getByLabel('姓名').fill(NEW_USER_NAME);
      await dialog.getByLabel('初始密码').fill('123');
      await dialog.getByRole('button', { name: SAVE }).click();
      await expect.poll(() => fieldError(dialog, '初始密码').textContent()).toContain('密码至少10位');
      await dialog.getByLabel('初始密码').fill(INITIAL_PASSWORD);
      await expect.poll(() => fieldError(dialog, '初始密码').count()).toBe(0);
      await chooseOption(page, dialog, '所属组织', UNION, '望湖E2E科技');
      await chooseOption(page, dialog, '业务角色', '基层工会管理员');
      await dialog.getByText('新建用户', { exact: true }).click(); // closes the role dropdown
      await dialog.getByRole('button', { name: SAVE }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: NEW_USER });
      await row.waitFor();
      expect(await row.textContent()).toContain(UNION);
      expect(await row.textContent()).toContain('基层工会管理员');

      // The new account: forced password change at first login, then its own union only.
      await logoutFromHeader(page);
      await loginAs(page, NEW_USER, { password: INITIAL_PASSWORD });
      await pageTitle(page, '请修改密码').waitFor();
      await page.getByLabel('原密码').fill(INITIAL_PASSWORD);
      await page.getByLabel('新密码', { exact: true }).fill(CHANGED_PASSWORD);
      await page.getByLabel('确认新密码').fill(CHANGED_PASSWORD);
      await page.getByRole('button', { name: '确认修改' }).click();
      await pageTitle(page, '工作台').waitFor();
      expect(await page.getByTestId('header-user').textContent()).toBe(NEW_USER_NAME);
      expect(await page.getByTestId('header-org').textContent()).toBe(UNION);
      await openOrgsPage(page);
      await treeNode(page, UNION).waitFor();
      expect(await treeNodeNames(page)).toEqual([UNION]);
      await detailTitle(page, UNION).waitFor();
      expect(await page.getByTestId('org-detail').getByRole('button', { name: '新建下级' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('district (上城区) sees its own subtree only, never 西湖区 orgs', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await loginToDashboard(page, 'district');
      await openOrgsPage(page);
      await treeNode(page, DISTRICT).waitFor();
      const names = await treeNodeNames(page);
      expect(names[0]).toBe(DISTRICT);
      expect(names).toContain('湖滨街道总工会');
      expect(names.some((n) => n.includes('西湖') || n === '杭州市总工会')).toBe(false);

      await searchTree(page, '西湖区');
      await page.getByText('没有匹配的组织').waitFor();
      expect(await treeNodeNames(page)).toEqual([]);
      await searchTree(page, '灵隐');
      await page.getByText('没有匹配的组织').waitFor();

      // What sysadmin created under 上城区 is inside district's scope.
      await searchTree(page, 'E2E');
      await treeNode(page, UNION).waitFor();
      expect(await treeNodeNames(page)).toEqual([DISTRICT, STREET, UNION]);
    } finally {
      await context.close();
    }
  });
});
