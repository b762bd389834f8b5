import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, pageTitle } from '../support/ui.js';

/** antd spaces out two-character button labels (同 意); an icon may prefix the name. */
const APPROVE = /^(\S+ )?同\s*意$/;
const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/** Picks the first option of a searchable Select (labelled `label` in `scope`) whose text contains `text`. */
async function pickContaining(page: Page, scope: Locator, label: string, text: string, search?: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  await field.click();
  if (search) await field.fill(search);
  await page.locator(OPEN_DROPDOWN).locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Clicks a plan action button and confirms its dialog (with an opinion when given). */
async function confirmAction(page: Page, testId: string, dialogTitle: string, ok: RegExp, opinion?: string): Promise<void> {
  await page.getByTestId(testId).click();
  const dialog = page.getByRole('dialog').filter({ hasText: dialogTitle });
  await dialog.waitFor();
  if (opinion) await dialog.getByLabel('意见').fill(opinion);
  await dialog.getByRole('button', { name: ok }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('送温暖: a district plan drawn up, approved by the city, and a visit recorded against it', () => {
  const suite = e2eSuite();
  let planPath = '';
  const title = `上城区总工会${new Date().getFullYear() + 1}年夏季送清凉计划`;

  /** One person at their own desk: a fresh browser context logged in as `username`. */
  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);

  it('the district draws up a plan within the rules, submits it and passes its own review', async () => {
    await asStaff('district', async (page) => {
      await page.getByTestId('menu-condolence-plans').click();
      await pageTitle(page, '送温暖计划').waitFor();
      await page.getByTestId('condolence-plans').getByText('上城区总工会').first().waitFor();
      await page.getByTestId('plan-create').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '制定送温暖计划' });
      await dialog.waitFor();
      await chooseOption(page, dialog, '慰问活动', '夏季送清凉');
      await dialog.getByLabel('人数').fill('120');
      await dialog.getByLabel('每人慰问金').fill('300');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await pageTitle(page, title).waitFor();
      planPath = new URL(page.url()).pathname;
      expect(await page.getByTestId('plan-categories').textContent()).toContain('困难家庭');
      await confirmAction(page, 'plan-submit', '提交审核', /提\s*交/);
      await page.getByTestId('plan-approve').waitFor();
      await confirmAction(page, 'plan-approve', '同意', APPROVE, '经区总工会研究,同意上报');
      await page.getByText('「市总工会审批」').waitFor();
      expect(await page.getByTestId('workflow-status').first().textContent()).toContain('审核中');
    });
  });

  it('the city approves it', async () => {
    await asStaff('city', async (page) => {
      await page.getByTestId('menu-condolence-plans').click();
      await page.getByTestId('condolence-plans').getByRole('link', { name: title }).click();
      await pageTitle(page, title).waitFor();
      await confirmAction(page, 'plan-approve', '同意', APPROVE, '同意');
      await page.getByTestId('workflow-status').filter({ hasText: '已批准' }).waitFor();
    });
  });

  it('the district records a visit with money from its fund: in the visits list and the coverage', async () => {
    await asStaff('district', async (page) => {
      await page.goto(planPath);
      await pageTitle(page, title).waitFor();
      await page.getByRole('tab', { name: '慰问名单' }).click();
      await page.getByTestId('visit-record').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '登记慰问' });
      await dialog.waitFor();
      await pickContaining(page, dialog, '会员', '张建国', '张建国');
      await chooseOption(page, dialog, '类别', '困难家庭');
      await dialog.getByLabel('慰问地点').fill('上城区湖滨街道东坡路张建国家中');
      await dialog.getByLabel('慰问人员').fill('上城区总工会 王海燕、李明');
      await dialog.getByLabel('慰问金').fill('300');
      await pickContaining(page, dialog, '支出资金', '上城区困难职工帮扶资金');
      await dialog.getByRole('button', { name: /登\s*记/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('condolence-visits').locator('tr.ant-table-row').filter({ hasText: '张建国' });
      await row.waitFor();
      expect(await row.textContent()).toContain('300.00');
      expect(await row.textContent()).toContain('待代发');
      await page.getByRole('tab', { name: '覆盖情况' }).click();
      await page.getByTestId('coverage-totals').filter({ hasText: '已慰问 1 人' }).waitFor();
      expect(await page.getByTestId('coverage-categories').textContent()).toContain('困难家庭');
      expect(await page.getByTestId('coverage-orgs').textContent()).toContain('湖滨街道总工会');
    });
  });
});
