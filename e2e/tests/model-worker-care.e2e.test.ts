import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { pageTitle } from '../support/ui.js';

const NAME = '金阿根';

/** The 上城 row of the care figures: [在世, 75岁以上, 鳏寡独居, 关爱对象, 本年已慰问, 入住申请中, 已入住]. */
async function shangchengCounts(page: Page): Promise<number[]> {
  const row = page.getByTestId('model-worker-care-counts').locator('tbody tr', { hasText: '上城' }).first();
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  return cells.slice(1).map(Number);
}

describe('劳模: a district registers an elderly 劳模 living alone, he is a care target, and his care-home application is followed to admission', () => {
  const suite = e2eSuite();

  it('registers, applies, recommends, admits; the district figures follow', async () => {
    await suite.asStaff('district', async (page) => {
      await page.getByTestId('menu-model-worker-care').click();
      await pageTitle(page, '老劳模关爱').waitFor();
      const before = await shangchengCounts(page);

      await page.getByTestId('menu-model-workers').click();
      await pageTitle(page, '劳模名册').waitFor();
      await page.getByTestId('create-model-worker').click();
      const dialog = page.getByRole('dialog', { name: '登记劳模' });
      await dialog.getByLabel('姓名').fill(NAME);
      const birth = dialog.getByLabel('出生日期');
      await birth.fill('1948-03-15');
      await birth.press('Enter');
      await dialog.getByLabel('工作单位(原单位)').fill('杭州钢铁厂');
      await dialog.getByLabel('住址').fill('上城区小营街道大学路社区');
      await dialog.getByText('鳏寡独居', { exact: true }).click();
      await dialog.getByLabel('居住情况说明').fill('老伴去世,子女在外地,独居');
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();

      await pageTitle(page, `劳模:${NAME}`).waitFor();
      await page.getByText('75岁以上', { exact: true }).first().waitFor();
      await page.getByText('鳏寡独居', { exact: true }).first().waitFor();

      await page.getByTestId('apply-placement').click();
      const apply = page.getByRole('dialog', { name: `登记入住申请:${NAME}` });
      await apply.getByLabel('公益性养老机构').fill('杭州市社会福利中心');
      await apply.getByRole('button', { name: /^确\s*定$/ }).click();
      await apply.waitFor({ state: 'detached' });
      for (const step of ['已推荐', '已入住']) {
        await page.getByRole('button', { name: step }).click();
        const dialog2 = page.getByRole('dialog', { name: `入住申请:杭州市社会福利中心 → ${step}` });
        await dialog2.getByRole('button', { name: /^确\s*定$/ }).click();
        await dialog2.waitFor({ state: 'detached' });
      }
      await page.locator('.ant-table-row', { hasText: '杭州市社会福利中心' }).getByText('已入住').waitFor();
      expect(await page.getByTestId('apply-placement').isDisabled()).toBe(true);

      await page.getByTestId('menu-model-worker-care').click();
      await pageTitle(page, '老劳模关爱').waitFor();
      await expect.poll(() => shangchengCounts(page)).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1, before[3]! + 1, before[4]!, before[5]!, before[6]! + 1]);
    });
  });
});
