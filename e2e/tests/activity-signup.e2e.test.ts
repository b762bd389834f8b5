import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { loginAs, loginToDashboard, pageTitle, pickEvidence } from '../support/ui.js';

/**
 * issue 5: on a phone, the worker signs up for the open 平安返乡 bus and opens the check-in QR code;
 * at the bus, staff scan it (a picture of the phone's screen, decoded in the suite.browser) and the second
 * scan is refused.
 */
/** The worker on the phone, on the activity whose title has `title`. */
async function openActivity(page: Page, title: string): Promise<void> {
  await loginAs(page, 'worker', { path: '/m/login' });
  await page.waitForURL((url) => url.pathname === '/m');
  await page.getByTestId('tile-activities').click();
  await pageTitle(page, '活动报名').waitFor();
  await page.getByTestId('activity-item').filter({ hasText: title }).click();
}

describe('activity sign-up on the phone, QR check-in by staff', () => {
  const suite = e2eSuite();

  it('worker signs up and shows the QR code; staff scan it once, the second scan is refused', async () => {
    const phone = await newPage(suite.browser, suite.srv.base, { mobile: true });
    const desk = await newPage(suite.browser, suite.srv.base);
    try {
      const { page } = phone;
      await openActivity(page, '阜阳');
      await page.getByTestId('activity-title').filter({ hasText: '阜阳' }).waitFor();
      await page.getByTestId('signup-button').click();
      await page.getByTestId('signup-result').or(page.getByTestId('signup-error')).waitFor();
      expect(await page.getByTestId('signup-result').or(page.getByTestId('signup-error')).textContent()).toContain('报名成功');
      await page.getByTestId('check-in-code-button').click();
      await pageTitle(page, '签到二维码').waitFor();
      const qr = page.getByTestId('check-in-qr');
      await qr.locator('svg').waitFor();
      expect(await page.getByTestId('check-in-member').textContent()).toContain('张建国');
      const picture = await qr.screenshot();

      // staff at the bus: 扫码签到 with the picture of the phone
      const staff = desk.page;
      await loginToDashboard(staff, 'city');
      await staff.goto('/activities/check-in');
      await pageTitle(staff, '扫码签到').waitFor();
      await staff.getByTestId('check-in-image').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: picture });
      const result = staff.getByTestId('check-in-result');
      await result.filter({ hasText: '张建国' }).waitFor();
      expect(await result.textContent()).toContain('阜阳');

      // the same code again, typed this time: refused, saying when it was used
      const code = (await page.getByTestId('check-in-code-text').textContent())?.trim() ?? '';
      expect(code).toMatch(/^GHQD:/);
      await staff.getByTestId('check-in-code').fill(code);
      await staff.getByTestId('check-in-submit').click();
      await staff.getByTestId('check-in-error').filter({ hasText: '不能重复签到' }).waitFor();

      // the phone shows the place as checked in
      await page.goBack();
      await page.getByTestId('my-enrolment-text').waitFor();
      await page.reload();
      expect(await page.getByTestId('cancel-signup-button').count()).toBe(0);
    } finally {
      await phone.context.close();
      await desk.context.close();
    }
  });

  it('worker uploads the 圆梦计划 documents on the phone and sees what is still missing', async () => {
    const phone = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      const { page } = phone;
      await openActivity(page, '圆梦');
      const docs = page.getByTestId('signup-documents');
      await docs.waitFor();
      const missing = page.getByTestId('missing-documents');
      expect(await missing.textContent()).toContain('学历证书');
      await pickEvidence(page, '学历证书', '大专毕业证.png');
      await docs.getByTestId('evidence-item').filter({ hasText: '大专毕业证.png' }).waitFor();
      await missing.filter({ hasNotText: '学历证书' }).waitFor();
      expect(await missing.textContent()).toContain('社保缴纳证明');
    } finally {
      await phone.context.close();
    }
  });
});
