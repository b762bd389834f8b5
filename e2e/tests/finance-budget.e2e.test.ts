import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { PNG_1PX, pageTitle } from '../support/ui.js';

const UNION = '杭州湖滨文旅发展有限公司工会';
const YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
/** "12,345.67" → 1234567 分 */
const fenOf = (text: string | null): number => Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);

async function reportSpent(page: Page): Promise<number> {
  await page.getByTestId('menu-budget-report').click();
  await pageTitle(page, '预算执行报表').waitFor();
  await page.getByTestId('budget-report-org').filter({ hasText: '上城区总工会' }).waitFor();
  await page.getByTestId('budget-report-rows').locator('.ant-table-row').first().waitFor();
  return fenOf(await page.getByTestId('budget-report-spent').textContent());
}

/** 登记支出 from a line's row: amount, payee and purpose (and the 超支理由 when the form asks). */
async function spend(page: Page, category: string, yuan: string, purpose: string, reason?: string): Promise<void> {
  await page.getByTestId('budget-lines').locator('.ant-table-row', { hasText: category }).getByRole('button', { name: '登记支出' }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^登记支出:${UNION}`) });
  await dialog.getByLabel('金额').fill(yuan);
  await dialog.getByLabel('收款单位/人').fill('杭州黄龙体育中心');
  await dialog.getByLabel('支出用途').fill(purpose);
  if (reason) {
    await dialog.getByText('本笔将超出预算,须填写超支理由').waitFor();
    await dialog.getByLabel('超支理由').fill(reason);
  }
  await dialog.getByRole('button', { name: '登记并入账' }).click();
  await page.getByText('并记入经费账户').first().waitFor();
}

describe('预算与支出: a union enters spending with a voucher, over budget with a reason, reverses one; the district report changes', () => {
  const suite = e2eSuite();

  it('the district sees the spending rise by what stays posted', async () => {
    let before = 0;
    await suite.asStaff('district', async (page) => {
      before = await reportSpent(page);
    });
    expect(before).toBeGreaterThan(0);

    await suite.asStaff('grassroots', async (page) => {
      await page.getByTestId('menu-budgets').click();
      await pageTitle(page, '预算与支出').waitFor();
      await page.getByTestId('budget-list').getByRole('link', { name: UNION }).first().click();
      await pageTitle(page, `${UNION} ${YEAR}年度预算`).waitFor();
      expect(await page.getByText(/超支提醒/).count()).toBe(1);

      // a 维权 spending, then its voucher in the dialog that opens
      await spend(page, '维权', '500', '劳动法律讲座资料印制');
      const vouchers = page.getByRole('dialog', { name: /^支出凭证:劳动法律讲座资料印制/ });
      await vouchers.locator('input[type=file]').setInputFiles({ name: '发票.png', mimeType: 'image/png', buffer: PNG_1PX });
      await vouchers.getByTestId('evidence-item').waitFor();
      await vouchers.locator('.ant-modal-close').click();
      const row = page.getByTestId('spending-list').locator('.ant-table-row', { hasText: '劳动法律讲座资料印制' });
      await row.getByText('凭证(1)').waitFor();

      // 教育培训 is already over its budget: the form asks for a reason
      await spend(page, '教育培训', '300', '班组长培训教材', '上级工会下达培训任务,委员会同意追加');
      await page.getByRole('dialog', { name: /^支出凭证:班组长培训教材/ }).locator('.ant-modal-close').click();

      // the 维权 one was entered by mistake: reversed after a confirmation with its reason
      await row.getByTestId('spending-reverse').click();
      const confirm = page.getByRole('dialog', { name: '冲销支出' });
      await confirm.getByLabel('冲销原因').fill('重复登记');
      await confirm.getByRole('button', { name: '确认冲销' }).click();
      await row.getByText('已冲销').waitFor();

      // 职工之家「有钱办事」reads the approved budget
      await page.getByTestId('menu-union-homes').click();
      await pageTitle(page, '职工之家').waitFor();
      await page.getByRole('button', { name: /我的职工之家$/ }).click();
      await pageTitle(page, `职工之家 · ${UNION}`).waitFor();
      expect(await page.getByTestId('home-funds-source').textContent()).toContain(`${YEAR}年度已批准预算`);
    });

    await suite.asStaff('district', async (page) => {
      expect(await reportSpent(page)).toBe(before + 30_000);
    });
  });
});
