import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asUser } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, loginOnPhone, pageTitle, PNG_1PX } from '../support/ui.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const OK = /^确\s*定$/;
const DESCRIPTION = '员工食堂后门消防通道停放了三辆电动车,通道被完全堵死(浏览器测试)';

describe('安全隐患随手拍: a hazard reported on the phone, reviewed, rectified and verified by staff', () => {
  const suite = e2eSuite();
  let hazardId = '';

  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);
  const asWorker = (work: (page: Page) => Promise<void>) => asUser(suite.browser, suite.srv.base, (page) => loginOnPhone(page, 'worker'), work, { mobile: true });

  it('the worker reports a hazard with a photo from the enterprise registry', async () => {
    await asWorker(async (page) => {
      await page.getByTestId('tile-snapshots').click();
      await pageTitle(page, '安全隐患随手拍').waitFor();
      // the demo's verified report (一般隐患) earned 张建国 5 points
      await page.getByTestId('hazard-my-points').filter({ hasText: /积分5分/ }).waitFor();
      await page.getByTestId('hazard-new').click();
      await pageTitle(page, '我要随手拍').waitFor();
      // nothing filled: the form names what is missing and nothing is sent
      await page.getByTestId('hazard-submit').click();
      await page.getByText('请描述隐患情况').waitFor();
      await page.getByTestId('hazard-new-photos').locator('input[type=file]').setInputFiles({ name: '消防通道.png', mimeType: 'image/png', buffer: PNG_1PX });
      await page.getByTestId('hazard-picked').filter({ hasText: '消防通道.png' }).waitFor();
      await page.getByLabel('隐患描述').fill(DESCRIPTION);
      await page.getByLabel('隐患地点').fill('上城区湖滨路28号员工食堂后门');
      const enterprise = page.getByTestId('hazard-enterprise').locator('input');
      await enterprise.fill('湖滨文旅');
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '杭州湖滨文旅发展有限公司' }).first().click();
      await page.getByText('已从企业名录选定').waitFor();
      expect(await enterprise.inputValue()).toBe('杭州湖滨文旅发展有限公司');
      await page.getByTestId('hazard-submit').click();
      await page.waitForURL((url) => UUID.test(url.pathname));
      hazardId = UUID.exec(new URL(page.url()).pathname)?.[0] ?? '';
      await pageTitle(page, '我上报的隐患').waitFor();
      expect(await page.getByTestId('hazard-status').first().textContent()).toContain('待审核');
      await page.getByTestId('hazard-photo').first().waitFor();
      expect(await page.getByTestId('hazard-facts').textContent()).toContain('杭州湖滨文旅发展有限公司工会');
    });
    expect(hazardId).toMatch(UUID);
  });

  it('the grassroots union accepts it as 较大隐患, records the rectification with a photo, verifies it and closes it', async () => {
    await asStaff('grassroots', async (page) => {
      await page.getByTestId('menu-hazards').click();
      await pageTitle(page, '安全隐患随手拍').waitFor();
      const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: DESCRIPTION });
      await row.waitFor();
      await row.getByRole('link').first().click();
      await page.waitForURL((url) => url.pathname === `/hazards/${hazardId}`);
      await page.getByTestId('hazard-photo').first().waitFor();

      await page.getByTestId('hazard-review').click();
      const review = page.getByRole('dialog', { name: '审核隐患报告' });
      await chooseOption(page, review, '隐患等级', '较大隐患');
      expect(await review.getByLabel('整改期限(工作日)').inputValue()).toBe('15');
      await review.getByRole('button', { name: OK }).click();
      await review.waitFor({ state: 'hidden' });
      await page.getByTestId('hazard-status').filter({ hasText: '整改中' }).waitFor();

      // 登记整改 needs the photo of the rectified place first
      await page.getByTestId('hazard-rectify-photos').locator('input[type=file]').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: PNG_1PX });
      await page.getByTestId('hazard-rectify-photos').getByTestId('hazard-photo').waitFor();
      await page.getByTestId('hazard-rectify').click();
      const rectify = page.getByRole('dialog', { name: '登记整改情况' });
      await rectify.getByLabel('整改情况').fill('电动车已移至指定停放点,通道加装禁停标识');
      await rectify.getByRole('button', { name: OK }).click();
      await rectify.waitFor({ state: 'hidden' });
      await page.getByTestId('hazard-status').filter({ hasText: '待验收' }).waitFor();

      await page.getByTestId('hazard-verify').click();
      const verify = page.getByRole('dialog', { name: '验收整改' });
      await verify.getByLabel('验收意见').fill('现场复查,通道畅通');
      await verify.getByRole('button', { name: OK }).click();
      await verify.waitFor({ state: 'hidden' });
      await page.getByTestId('hazard-status').filter({ hasText: '已验收' }).waitFor();
      await page.getByTestId('hazard-history').getByText('上报人获得 20 积分').waitFor();

      await page.getByTestId('hazard-close').click();
      // the confirmation before 销号 (antd spaces out the two characters)
      await page.locator('.ant-modal-confirm').getByRole('button', { name: /^销\s*号$/ }).click();
      await page.getByTestId('hazard-status').filter({ hasText: '已销号' }).waitFor();
    });
  });

  it('the worker sees it closed with the points', async () => {
    await asWorker(async (page) => {
      await page.goto(`/m/hazards/${hazardId}`);
      await pageTitle(page, '我上报的隐患').waitFor();
      expect(await page.getByTestId('hazard-points').textContent()).toContain('20 积分');
      await page.getByTestId('hazard-rectify-photos').getByTestId('hazard-photo').waitFor();
      await page.goto('/m/hazards');
      await pageTitle(page, '安全隐患随手拍').waitFor();
      await page.getByTestId('hazard-my-points').filter({ hasText: /积分25分/ }).waitFor();
    });
  });
});
