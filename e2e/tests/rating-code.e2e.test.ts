import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { loginToDashboard, pageTitle } from '../support/ui.js';

/** issue 10: a rater opens the public rating page on the phone, enters an SMS code, rates every unit; staff see the vote in the results. */
const DIMENSIONS = ['attitude', 'integrity', 'effect'] as const;

async function openResults(page: Page): Promise<void> {
  await page.goto('/ratings');
  await pageTitle(page, '满意不满意单位评选').waitFor();
  await page.getByTestId('rating-list').getByRole('link', { name: /^\d{4}年度满意不满意单位评选$/ }).first().click();
  await page.getByRole('tab', { name: '测评结果' }).click();
  await page.getByTestId('rating-results').locator('tr', { hasText: '市城管局' }).waitFor();
}

const ballotsOf = async (page: Page, unit: string): Promise<number> => Number(await page.getByTestId('rating-results').locator('tr', { hasText: unit }).locator('td').nth(3).textContent());

describe('满意不满意测评 by invitation code on the phone', () => {
  const suite = e2eSuite();

  it('a code from the SMS opens the sheet once; the submitted rating shows in the staff results', async () => {
    const desk = await newPage(suite.browser, suite.srv.base);
    const phone = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      const staff = desk.page;
      await loginToDashboard(staff, 'city');
      await openResults(staff);
      const before = await ballotsOf(staff, '市城管局');

      const { page } = phone;
      await page.goto('/rate');
      await page.getByTestId('rating-code-input').fill('ZZZZ-ZZZ-ZZZ');
      await page.getByTestId('rating-code-enter').click();
      expect(await page.getByTestId('rating-code-error').textContent()).toContain('测评码无效、已使用或已过期');
      await page.getByTestId('rating-code-input').fill('hzmy-a23-kp2');
      await page.getByTestId('rating-code-enter').click();
      await page.getByTestId('rating-unit-0').waitFor();
      const units = await page.locator('[data-testid^="rating-unit-"]').count();
      expect(units).toBe(20);
      for (let i = 0; i < units; i++) {
        const unhappy = (await page.getByTestId(`rating-unit-${i}`).textContent())?.includes('市城管局');
        for (const d of DIMENSIONS) await page.getByTestId(`rating-${i}-${d}`).getByText(unhappy ? '不太满意' : '满意', { exact: true }).click();
        if (unhappy) await page.getByTestId(`rating-unit-${i}`).getByPlaceholder('意见建议(选填)').fill('占道经营整治后反弹,希望常态化管理');
      }
      await page.getByTestId('rating-submit').click();
      await page.getByTestId('rating-done').waitFor();

      // the same code again is refused with the generic answer
      await page.goto('/rate');
      await page.getByTestId('rating-code-input').fill('HZMYA23KP2');
      await page.getByTestId('rating-code-enter').click();
      expect(await page.getByTestId('rating-code-error').textContent()).toContain('测评码无效、已使用或已过期');

      await staff.reload();
      await staff.getByRole('tab', { name: '测评结果' }).click();
      await staff.getByTestId('rating-results').locator('tr', { hasText: '市城管局' }).waitFor();
      expect(await ballotsOf(staff, '市城管局')).toBe(before + 1);
    } finally {
      await phone.context.close();
      await desk.context.close();
    }
  });
});
