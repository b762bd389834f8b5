import { describe, expect, it } from 'vitest';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { loginAs, loginToDashboard, pageTitle } from '../support/ui.js';

/** 疗休养: the worker signs up on the phone for an open batch, bringing their spouse at own cost; the organiser sees both on the roster. */
describe('疗休养 sign-up with a companion, seen by the organiser', () => {
  const suite = e2eSuite();

  it('worker signs up with a companion; city sees the enrolment and the companion', async () => {
    const phone = await newPage(suite.browser, suite.srv.base, { mobile: true });
    const desk = await newPage(suite.browser, suite.srv.base);
    try {
      const { page } = phone;
      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
      await page.getByTestId('mobile-tab-me').click();
      await page.getByTestId('me-recuperation').click();
      await pageTitle(page, '职工疗休养').waitFor();
      await page.getByTestId('recuperation-item').filter({ hasText: '环湖骑行' }).getByTestId('recuperation-signup').click();
      await page.getByTestId('recuperation-title').filter({ hasText: '环湖骑行' }).waitFor();
      await page.getByTestId('companion-add').click();
      await page.getByLabel('家属1姓名').fill('沈知秋');
      await page.getByLabel('家属1关系').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="配偶"]').click();
      await page.getByTestId('signup-button').click();
      await page.getByTestId('signup-result').or(page.getByTestId('signup-error')).waitFor();
      expect(await page.getByTestId('signup-result').or(page.getByTestId('signup-error')).textContent()).toContain('报名成功');

      const staff = desk.page;
      await loginToDashboard(staff, 'city');
      await staff.goto('/recuperation');
      await pageTitle(staff, '疗休养批次').waitFor();
      await staff.getByRole('link', { name: /环湖骑行/ }).first().click();
      const roster = staff.getByTestId('recuperation-enrolments');
      await roster.getByText('张建国').waitFor();
      expect(await roster.getByTestId('enrolment-companions').filter({ hasText: '沈知秋' }).count()).toBe(1);
    } finally {
      await phone.context.close();
      await desk.context.close();
    }
  });
});
