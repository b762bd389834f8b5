import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, pageTitle } from '../support/ui.js';

const UNION = '杭州湖滨文旅发展有限公司工会';
/** This month in Asia/Shanghai (YYYY-MM): the demo leaves it open for every union. */
const MONTH = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
/** "12,345.67" → 1234567 分 */
const fenOf = (text: string | null): number => Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);

async function reportPaid(page: Page): Promise<number> {
  await page.getByTestId('menu-dues-report').click();
  await pageTitle(page, '会费收缴报表').waitFor();
  await page.getByTestId('dues-report-parent').filter({ hasText: '上城区总工会' }).waitFor();
  await page.getByTestId('dues-report-rows').locator('.ant-table-row').first().waitFor();
  return fenOf(await page.getByTestId('dues-report-paid').textContent());
}

describe('会费: a union records and confirms a month\'s dues batch, the district report changes', () => {
  const suite = e2eSuite();

  it('the district sees the collected dues rise by the confirmed batch', async () => {
    let before = 0;
    await suite.asStaff('district', async (page) => {
      before = await reportPaid(page);
    });
    expect(before).toBeGreaterThan(0);

    let collected = 0;
    await suite.asStaff('grassroots', async (page) => {
      await page.getByTestId('menu-dues-batches').click();
      await pageTitle(page, '会费收缴').waitFor();
      await page.getByTestId('create-dues-batch').click();
      const dialog = page.getByRole('dialog', { name: '新建会费收缴批次' });
      await dialog.getByText(UNION).waitFor();
      await chooseOption(page, dialog, '所属月份', MONTH);
      await dialog.getByRole('button', { name: '生成批次' }).click();
      await pageTitle(page, `会费收缴批次:${UNION} ${MONTH}`).waitFor();
      // one member did not pay this month: 0, the rest by payroll deduction
      const first = page.getByTestId('dues-batch-lines').locator('.ant-table-row').first();
      const input = first.getByRole('spinbutton');
      await input.fill('0');
      await input.press('Tab');
      await page.getByTestId('save-dues-batch').click();
      await page.getByText('已保存').waitFor();
      collected = fenOf(await page.getByTestId('dues-batch-paid').textContent());
      expect(collected).toBeGreaterThan(0);
      await page.getByTestId('confirm-dues-batch').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '确认入账' }).click();
      await page.getByTestId('dues-batch-status').getByText('已确认入账').waitFor();
      expect(await page.getByTestId('confirm-dues-batch').count()).toBe(0);
      expect(await first.getByRole('spinbutton').count()).toBe(0);
    });

    await suite.asStaff('district', async (page) => {
      expect(await reportPaid(page)).toBe(before + collected);
      // drill down to the street: the union's row is there
      await page.getByTestId('dues-report-rows').getByRole('button', { name: '湖滨街道总工会' }).click();
      await page.getByTestId('dues-report-parent').filter({ hasText: '湖滨街道总工会' }).waitFor();
      await page.getByTestId('dues-report-rows').getByText(UNION).waitFor();
    });
  });

  it('the member sees his months on the phone, paid and in arrears', async () => {
    await suite.onPhone('worker', async (page) => {
      await page.getByTestId('tile-dues').click();
      await pageTitle(page, '我的会费').waitFor();
      await page.getByTestId('my-dues-summary').waitFor();
      expect(await page.getByTestId('my-dues-month').count()).toBe(12);
      expect(await page.getByTestId('my-dues-month').filter({ hasText: '已缴' }).count()).toBeGreaterThanOrEqual(8);
      expect(fenOf(await page.getByTestId('my-dues-paid').textContent())).toBeGreaterThan(0);
    });
  });
});
