import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asUser } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, loginAs, pageTitle } from '../support/ui.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const OK = /^确\s*定$/;
const DESCRIPTION = '景区夜班保洁班组10月、11月两个月的加班工资一直没发(浏览器测试)';

describe('维权案件: a 欠薪 request on the phone, handled to closure with money recovered, the outcome seen and rated', () => {
  const suite = e2eSuite();
  let caseId = '';

  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);
  const asWorker = (work: (page: Page) => Promise<void>) =>
    asUser(suite.browser, suite.srv.base, async (page) => {
      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
    }, work, { mobile: true });

  it('the worker asks for help about unpaid wages, naming the employer from the registry', async () => {
    await asWorker(async (page) => {
      await page.getByTestId('tile-rights').click();
      await pageTitle(page, '维权求助').waitFor();
      await page.getByTestId('rights-new').click();
      await pageTitle(page, '我要求助').waitFor();
      // nothing filled: the form names what is missing and nothing is sent
      await page.getByTestId('rights-submit').click();
      await page.getByText('请描述遇到的问题').waitFor();
      await page.getByTestId('rights-description').fill(DESCRIPTION);
      const enterprise = page.getByTestId('rights-enterprise').locator('input');
      await enterprise.fill('湖滨文旅');
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '杭州湖滨文旅发展有限公司' }).first().click();
      await page.getByText('已从企业名录选定').waitFor();
      await page.getByLabel('涉及人数').fill('3');
      await page.getByLabel('被拖欠金额').fill('12000');
      await page.getByTestId('rights-submit').click();
      await page.waitForURL((url) => UUID.test(url.pathname));
      caseId = UUID.exec(new URL(page.url()).pathname)?.[0] ?? '';
      await pageTitle(page, '求助进度').waitFor();
      expect(await page.getByTestId('rights-phase').first().textContent()).toContain('待受理');
      await page.getByText('上城区总工会').first().waitFor();
    });
    expect(caseId).toMatch(UUID);
  });

  it('上城区总工会 accepts it, records the mediation and closes it with the wages recovered', async () => {
    await asStaff('district', async (page) => {
      await page.getByTestId('menu-rights-cases').click();
      await pageTitle(page, '维权案件').waitFor();
      const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '杭州湖滨文旅发展有限公司' }).filter({ hasText: '待受理' });
      await row.first().waitFor();
      await page.goto(`/rights/${caseId}`);
      await page.getByTestId('rights-facts').getByText(DESCRIPTION).waitFor();

      await page.getByTestId('rights-accept').click();
      const accept = page.getByRole('dialog', { name: '受理维权求助' });
      await accept.getByRole('button', { name: OK }).click();
      await accept.waitFor({ state: 'hidden' });
      await page.getByTestId('rights-phase').filter({ hasText: '已受理' }).waitFor();

      await page.getByTestId('rights-add-step').click();
      const step = page.getByRole('dialog', { name: '登记办理情况' });
      await chooseOption(page, step, '办理方式', '调解');
      await step.getByTestId('rights-step-note').fill('约谈企业人力资源部,企业同意本月内补发三人加班工资');
      await step.getByRole('button', { name: /^保\s*存$/ }).click();
      await step.waitFor({ state: 'hidden' });
      await page.getByTestId('rights-phase').filter({ hasText: '调解中' }).waitFor();
      await page.getByTestId('rights-steps').getByText('约谈企业人力资源部').waitFor();

      await page.getByTestId('rights-close').click();
      const close = page.getByRole('dialog', { name: '结案' });
      expect(await close.getByLabel('追回金额').inputValue()).toContain('12');
      await close.getByTestId('rights-close-note').fill('企业已补发三名职工加班工资共12,000元');
      await close.getByRole('button', { name: /^结\s*案$/ }).click();
      await close.waitFor({ state: 'hidden' });
      await page.getByTestId('rights-phase').filter({ hasText: '已结案' }).waitFor();
      expect(await page.getByTestId('rights-outcome').textContent()).toContain('12,000.00 元');
    });
  });

  it('the worker sees the outcome and rates it once', async () => {
    await asWorker(async (page) => {
      await page.goto('/m/rights');
      await page.getByTestId('rights-my-case').filter({ hasText: '已结案' }).filter({ hasText: '追回 12,000.00 元' }).first().waitFor();
      await page.goto(`/m/rights/${caseId}`);
      await pageTitle(page, '求助进度').waitFor();
      const outcome = page.getByTestId('rights-outcome');
      expect(await outcome.textContent()).toContain('12,000.00 元');
      expect(await outcome.textContent()).toContain('3 人');
      await page.getByTestId('rights-steps').getByText('约谈企业人力资源部').waitFor();
      const rate = page.getByTestId('rights-rate');
      await rate.getByText('满意', { exact: true }).click();
      await rate.getByLabel('意见建议').fill('工会办事效率高');
      await page.getByTestId('rights-rate-submit').click();
      await rate.waitFor({ state: 'detached' });
      expect(await outcome.textContent()).toContain('满意:工会办事效率高');
    });
  });
});
