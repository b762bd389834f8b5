import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, pageTitle } from '../support/ui.js';

const ENTERPRISE = '杭州延安路商业管理有限公司';
/** 13 months ago (Asia/Shanghai): before the demo's year of declarations, so not yet declared. */
const now = new Date(Date.now() + 8 * 3_600_000);
const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - 13;
const PERIOD = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const YEAR = PERIOD.slice(0, 4);
/** "12,345.67" → 1234567 分 */
const fenOf = (text: string | null): number => Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);

async function received(page: Page): Promise<number> {
  await page.getByTestId('menu-contribution-report').click();
  await pageTitle(page, '经费拨缴报表').waitFor();
  await page.getByLabel('年度').click();
  await page.locator(`.ant-select-item-option[title="${YEAR}年"]`).click();
  await page.getByTestId('contribution-report-trail').getByText('上城区总工会').waitFor();
  await page.getByTestId('contribution-report-months').locator('.ant-table-row', { hasText: PERIOD }).waitFor();
  return fenOf(await page.getByTestId('contribution-report-received').textContent());
}

describe('工会经费: a district declares an enterprise\'s month, confirms receipt, the split lands and the district report changes', () => {
  const suite = e2eSuite();

  it('declares 2% of the payroll, confirms it received, sees the split, reminds an enterprise in arrears', async () => {
    await suite.asStaff('district', async (page) => {
      const before = await received(page);
      await page.getByTestId('menu-contributions').click();
      await pageTitle(page, '经费拨缴').waitFor();
      await page.getByTestId('declare-contribution').click();
      const dialog = page.getByRole('dialog', { name: '登记工会经费申报' });
      await chooseOption(page, dialog, '企业', ENTERPRISE, '延安路');
      await chooseOption(page, dialog, '所属月份', PERIOD, PERIOD);
      await dialog.getByLabel('工资总额').fill('1234567.89');
      await dialog.getByTestId('contribution-preview').getByText('24691.36 元').waitFor();
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
      await page.getByText('已登记申报:应拨缴 24691.36 元').waitFor();

      await page.getByPlaceholder('企业名称或信用代码').fill('延安路');
      await page.getByPlaceholder('企业名称或信用代码').press('Enter');
      const row = page.getByTestId('contribution-list').locator('.ant-table-row', { hasText: PERIOD });
      await row.getByText('逾期未拨缴').waitFor();
      await row.getByRole('button', { name: '确认到账' }).click();
      const pay = page.getByRole('dialog', { name: `确认到账:${ENTERPRISE} ${PERIOD}` });
      await pay.getByLabel('到账凭证号').fill('杭税工经-E2E-001');
      await pay.getByRole('button', { name: '确认到账' }).click();
      await row.getByText('已拨缴').waitFor();

      await row.getByRole('button', { name: ENTERPRISE }).click();
      const split = page.getByTestId('contribution-allocations');
      await split.getByText('湖滨街道总工会').waitFor();
      expect(await split.locator('.ant-table-row').count()).toBe(5);
      await split.getByText('浙江省总工会(上解,不入本市账户)').waitFor();
      await page.keyboard.press('Escape');

      await page.getByRole('tab', { name: '欠缴清单' }).click();
      const arrears = page.getByTestId('contribution-arrears-list').locator('.ant-table-row').first();
      await arrears.getByRole('button', { name: '发送催缴' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^发\s*送$/ }).click();
      await page.getByText(/已向企业工会发送催缴通知/).waitFor();

      await received(page);
      // the cached figure shows first, then the refetched one
      await expect.poll(async () => fenOf(await page.getByTestId('contribution-report-received').textContent())).toBe(before + 2_469_136);
    });
  });

  it('the city sees the split settings refuse shares that do not add up to 100%', async () => {
    await suite.asStaff('city', async (page) => {
      await page.getByTestId('menu-finance-settings').click();
      await pageTitle(page, '经费分成设置').waitFor();
      const form = page.getByTestId('finance-settings-form');
      await form.getByLabel('乡镇(街道)工会').fill('9');
      await page.getByTestId('finance-settings-total').getByText('99.00%').waitFor();
      await form.getByRole('button', { name: /^保\s*存$/ }).click();
      await page.getByText('各级分成比例合计应为100%,当前合计99.00%').waitFor();
    });
  });
});
