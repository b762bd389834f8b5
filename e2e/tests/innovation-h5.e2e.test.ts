import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { descriptionValue as field, loginAs, pageTitle } from '../support/ui.js';

const TITLE = '客房布草车防撞护角小革新';
const HUBIN = '杭州湖滨文旅发展有限公司工会';
const APPROVE = /^(\S+ )?同\s*意$/;
const SAVE = /保\s*存$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Admin: 职工创新 → 待我审核 → the demo worker's new item, 同意 with an opinion. */
async function approveFromInbox(page: Page, opinion: string): Promise<void> {
  await page.getByTestId('menu-innovations').click();
  await pageTitle(page, '职工创新').waitFor();
  await page.getByRole('tab', { name: /待我审核/ }).click();
  await page.getByRole('link', { name: TITLE }).click();
  await pageTitle(page, TITLE).waitFor();
  await page.getByTestId('innovation-actions').getByRole('button', { name: APPROVE }).click();
  const dialog = page.getByRole('dialog', { name: `同意:${TITLE}` });
  await dialog.getByLabel('意见').fill(opinion);
  await dialog.getByRole('button', { name: APPROVE }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('职工创新: a 五小 submitted on the worker’s phone, reviewed up the tree and adopted by staff', () => {
  const suite = e2eSuite();
  let id = '';

  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);

  it('the worker submits on the phone and sees it waiting at the union', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
      await page.getByTestId('tile-innovations').click();
      await pageTitle(page, '职工创新').waitFor();
      await page.getByRole('button', { name: /提交五小创新或合理化建议$/ }).click();
      await pageTitle(page, '提交创新项目').waitFor();
      const form = page.locator('#mobile-innovation-form');
      await form.getByText('小革新', { exact: true }).click();
      await form.getByLabel('项目名称').fill(TITLE);
      await form.getByLabel('存在问题').fill('布草车转弯时常撞坏走廊墙角和电梯门');
      // too short: the form says so before anything is sent
      await form.getByLabel('改进方案').fill('加装');
      await form.getByRole('button', { name: /提\s*交$/ }).click();
      await page.getByText('改进方案至少5个字').waitFor();
      await form.getByLabel('改进方案').fill('在布草车四角加装橡胶防撞护角和万向限位轮');
      await form.getByLabel('预期效益').fill('每年减少墙面和电梯门维修费用约2万元');
      await form.getByRole('button', { name: /提\s*交$/ }).click();
      await page.waitForURL((url) => UUID.test(url.pathname));
      await pageTitle(page, '项目进度').waitFor();
      id = UUID.exec(new URL(page.url()).pathname)?.[0] ?? '';
      expect(await page.getByTestId('timeline-pending').textContent()).toContain(`待${HUBIN}基层工会初审`);
      await page.getByRole('button', { name: /撤\s*回$/ }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('union 初审 and district 审核 approve it; the city recognises it with a certificate number', async () => {
    await asStaff('grassroots', (page) => approveFromInbox(page, '方案简单实用,同意推荐'));
    await asStaff('district', (page) => approveFromInbox(page, '同意推荐市级认定'));
    await asStaff('city', async (page) => {
      await approveFromInbox(page, '认定为市级优秀成果');
      await expect.poll(() => page.getByTestId('workflow-status').first().textContent()).toBe('已批准');
      expect(await field(page, '证书编号')).toMatch(/^杭工创〔\d{4}〕\d+号$/);
    });
  });

  it('the city records the adoption and its value, and pays the reward once', async () => {
    await asStaff('city', async (page) => {
      await page.goto(`/innovations/${id}`);
      await pageTitle(page, TITLE).waitFor();
      await page.getByTestId('innovation-actions').getByRole('button', { name: /登记采纳$/ }).click();
      const adopt = page.getByRole('dialog', { name: `登记采纳:${TITLE}` });
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      await adopt.getByLabel('采纳日期').fill(today);
      await adopt.getByLabel('采纳日期').press('Enter');
      await adopt.getByLabel('核定年创效').fill('21500');
      await adopt.getByRole('button', { name: SAVE }).click();
      await adopt.waitFor({ state: 'hidden' });
      await expect.poll(() => field(page.getByTestId('innovation-adoption'), '核定年创效')).toBe('21,500.00 元');

      await page.getByTestId('innovation-actions').getByRole('button', { name: /发放奖励$/ }).click();
      const reward = page.getByRole('dialog', { name: `发放创新奖励:${TITLE}` });
      await reward.getByLabel('资金').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '职工技术创新奖励资金' }).click();
      await reward.getByLabel('奖励金额').fill('2000');
      await reward.getByRole('button', { name: /确认发放$/ }).click();
      await reward.waitFor({ state: 'hidden' });
      await expect.poll(() => field(page.getByTestId('innovation-adoption'), '奖励')).toContain('2,000.00 元');
      expect(await page.getByTestId('innovation-actions').getByRole('button', { name: /发放奖励$/ }).count()).toBe(0);
    });
  });

  it('the worker sees it recognised, adopted and rewarded, with the certificate', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
      await page.getByTestId('tile-innovations').click();
      await page.getByTestId('my-innovation-item').filter({ hasText: TITLE }).click();
      await pageTitle(page, '项目进度').waitFor();
      expect(await field(page, '奖励')).toContain('2,000.00 元');
      expect(await field(page, '采纳')).toContain('21,500.00 元');
      const href = (await page.getByRole('link', { name: /查看成果证书/ }).getAttribute('href')) ?? '';
      const pdf = await page.request.get(href);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
    } finally {
      await context.close();
    }
  });
});
