import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asUser } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { clickUntil, loginAs, pageTitle, pickEvidence } from '../support/ui.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const INVOICE = '330126998877';
/** antd spaces out two-character button labels (同 意, 支 付). */
/** antd spaces out two-character button labels (同 意); an icon may prefix the name. */
const APPROVE = /^(\S+ )?同\s*意$/;
const PAY = /^支\s*付$/;

describe('医疗互助: a claim from the worker’s phone through 初审, 复核 and payout', () => {
  const suite = e2eSuite();
  let claimNo = '';
  let claimId = '';

  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);
  const asWorker = (work: (page: Page) => Promise<void>) =>
    asUser(suite.browser, suite.srv.base, async (page) => {
      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
    }, work, { mobile: true });

  async function fillClaim(page: Page, invoiceNo: string, image?: string): Promise<void> {
    const form = page.locator('#mobile-mutual-aid-form');
    await form.getByText('住院自付医疗费用', { exact: true }).click();
    await page.getByTestId('claim-hospital').fill('杭州市第一人民医院');
    await page.getByTestId('claim-admission').fill('2026-11-02');
    await page.getByTestId('claim-discharge').fill('2026-11-09');
    await page.getByTestId('claim-diagnosis').fill('急性胆囊炎,腹腔镜胆囊切除术');
    await page.getByTestId('invoice-no-0').fill(invoiceNo);
    await page.getByTestId('invoice-date-0').fill('2026-11-09');
    await page.getByTestId('invoice-total-0').fill('5600');
    await page.getByTestId('invoice-self-0').fill('2000');
    if (image) {
      await pickEvidence(page, '发票', image);
      await page.getByTestId('ma-picked').filter({ hasText: image }).waitFor();
    }
    await page.getByTestId('ma-consent').click();
    await page.getByTestId('ma-submit').click();
  }

  it('the worker sees the coverage, files a claim on H5 and reads the computation; the same invoice again is refused', async () => {
    await asWorker(async (page) => {
      await page.getByTestId('tile-mutual-aid').click();
      await pageTitle(page, '医疗互助').waitFor();
      expect(await page.getByTestId('ma-coverage-state').textContent()).toBe('保障中');
      const before = (await page.getByTestId('ma-remaining').textContent()) ?? '';
      expect(before).toMatch(/^\d{2},\d{3}\.\d{2} 元$/);
      await page.getByTestId('ma-my-claim').first().waitFor();
      expect(await page.getByTestId('ma-my-claim').first().textContent()).toContain('已支付');

      await page.getByTestId('ma-apply').click();
      await pageTitle(page, '申请医疗互助').waitFor();
      await fillClaim(page, INVOICE, '胆囊手术发票.png');
      await page.waitForURL((url) => UUID.test(url.pathname));
      await pageTitle(page, '申请进度').waitFor();
      claimId = UUID.exec(new URL(page.url()).pathname)?.[0] ?? '';
      // the deductible was used up by the earlier claim this year: 2,000 × 60% = 1,200
      const explanation = (await page.getByTestId('ma-explanation').textContent()) ?? '';
      expect(explanation).toContain('此前申请已扣除 1000.00 元');
      expect(explanation).toContain(`发票 ${INVOICE}:个人自付 2000.00 元,(2000.00 × 60%) = 1200.00 元`);
      expect(await page.getByTestId('ma-explanation-total').textContent()).toBe('核算金额合计:1,200.00 元');
      expect(await page.getByTestId('ma-claim-status').textContent()).toContain('审核中');
      await page.getByTestId('evidence-item').filter({ hasText: '胆囊手术发票.png' }).waitFor();
      claimNo = (await page.locator('.ant-descriptions-item-content').first().textContent())?.trim() ?? '';
      expect(claimNo).toMatch(/^HZ-MA-2026-\d{6}$/);

      await page.goto('/m/mutual-aid/apply');
      await pageTitle(page, '申请医疗互助').waitFor();
      await fillClaim(page, '3301-2699-8877');
      await page.getByText(`发票 3301-2699-8877 已在申请 ${claimNo} 中使用`).first().waitFor();
      expect(page.url()).toContain('/m/mutual-aid/apply');
    });
  });

  async function approveInInbox(page: Page, step: string): Promise<void> {
    await page.getByTestId('menu-mutual-aid-claims').click();
    await pageTitle(page, '医疗互助申请').waitFor();
    await page.getByRole('tab', { name: /待我审核/ }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: claimNo });
    await row.waitFor();
    expect(await row.textContent()).toContain(step);
    await clickUntil(row.getByRole('link', { name: claimNo }), pageTitle(page, `医疗互助申请 ${claimNo}`));
    expect(await page.getByTestId('ma-explanation-total').textContent()).toBe('1,200.00 元');
    const image = page.getByTestId('evidence-item').filter({ hasText: '胆囊手术发票.png' });
    const file = await page.request.get((await image.getByRole('link').getAttribute('href')) ?? '');
    expect(file.headers()['content-type']).toBe('image/png');
    await page.getByTestId('ma-actions').getByRole('button', { name: APPROVE }).click();
    const dialog = page.getByRole('dialog', { name: `同意:${claimNo}` });
    await dialog.getByLabel('意见').fill('发票原件已核对,同意');
    await dialog.getByRole('button', { name: APPROVE }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('grassroots 初审 and district 复核 approve it from their inboxes', async () => {
    await asStaff('grassroots', (page) => approveInInbox(page, '基层工会初审'));
    await asStaff('district', async (page) => {
      await approveInInbox(page, '区县(市)总工会复核');
      await page.getByTestId('review-timeline').getByText('发票原件已核对,同意').first().waitFor();
      expect(await page.getByTestId('ma-actions').getByRole('button', { name: PAY }).count()).toBe(0);
    });
  });

  it('the city pays it once from the 医疗互助 fund', async () => {
    await asStaff('city', async (page) => {
      await page.goto(`/mutual-aid/claims/${claimId}`);
      await pageTitle(page, `医疗互助申请 ${claimNo}`).waitFor();
      await page.getByTestId('ma-actions').getByRole('button', { name: PAY }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: '支付 1,200.00 元?' });
      await confirm.getByRole('button', { name: PAY }).click();
      await page.getByText('已支付 1,200.00 元').first().waitFor();
      await expect.poll(() => page.getByTestId('ma-actions').getByRole('button', { name: PAY }).count()).toBe(0);
      expect(await page.locator('.ant-descriptions').first().textContent()).toContain('杭州市职工医疗互助基金');
    });
  });

  it('the worker sees the claim paid', async () => {
    await asWorker(async (page) => {
      await page.goto('/m/mutual-aid');
      const mine = page.getByTestId('ma-my-claim').filter({ hasText: claimNo });
      await mine.waitFor();
      expect(await mine.textContent()).toContain('已支付');
      await mine.click();
      await pageTitle(page, '申请进度').waitFor();
      expect(await page.getByTestId('ma-claim-status').textContent()).toContain('已支付');
    });
  });
});
