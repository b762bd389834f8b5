import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { PNG_1PX, chooseOption, pageTitle } from '../support/ui.js';

const CAMPAIGN = '2026年上城区“五好”立功竞赛“百千万”行动';
const TEAM = '湖滨文旅游客服务中心一班';

/** The ranking table's row of a participant: its rank tag and its score. */
async function rankingRow(page: Page, name: string): Promise<{ rank: string; score: string }> {
  const row = page.getByTestId('ranking-table').locator('tr', { hasText: name });
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  return { rank: (cells[0] ?? '').trim(), score: (cells[4] ?? '').trim() };
}

describe('劳动竞赛: a unit submits its score with evidence, it is ranked, the organiser verifies it', () => {
  const suite = e2eSuite();

  const as = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);
  const openCampaign = async (page: Page) => {
    await page.getByTestId('menu-competitions').click();
    await pageTitle(page, '劳动竞赛').waitFor();
    await page.getByTestId('competition-list').getByRole('link', { name: CAMPAIGN }).click();
    await pageTitle(page, CAMPAIGN).waitFor();
  };

  it('the grassroots union reports its team\'s third quarter; the weighted score moves it from third to first', async () => {
    await as('grassroots', async (page) => {
      await openCampaign(page);
      expect(await rankingRow(page, TEAM)).toEqual({ rank: '第3', score: '171.9' });
      await page.getByRole('tab', { name: '得分填报与核定' }).click();
      const form = page.getByTestId('score-form');
      await chooseOption(page, form, '参赛对象', `${TEAM}(班组)`);
      await chooseOption(page, form, '评比阶段', '第三季度');
      await form.getByLabel('安全生产(×0.3)').fill('90');
      await form.getByLabel('质量效益(×0.3)').fill('95');
      await form.getByLabel('技术创新(×0.4)').fill('90');
      await page.getByTestId('submit-score').click();
      // 90×0.3 + 95×0.3 + 90×0.4 = 91.5
      await page.getByText(`已填报:${TEAM} 第三季度 得分 91.5`).waitFor();
      const row = page.getByTestId('score-table').locator('tr', { hasText: '第三季度' }).filter({ hasText: TEAM });
      await row.getByText('待核定').waitFor();
      await row.locator('input[type=file]').setInputFiles({ name: '三季度安全台账.png', mimeType: 'image/png', buffer: PNG_1PX });
      await row.getByText('三季度安全台账.png').waitFor();
      await page.getByRole('tab', { name: '排名' }).click();
      await expect.poll(() => rankingRow(page, TEAM)).toEqual({ rank: '第1', score: '263.4' });
    });
  });

  it('the district (organiser) verifies the score; the union can no longer change it', async () => {
    await as('district', async (page) => {
      await openCampaign(page);
      await page.getByRole('tab', { name: '得分填报与核定' }).click();
      const row = page.getByTestId('score-table').locator('tr', { hasText: '第三季度' }).filter({ hasText: TEAM });
      await row.getByRole('button', { name: '核定' }).click();
      await page.getByRole('button', { name: /^核\s*定$/ }).last().click();
      await row.getByText('已核定').waitFor();
      expect(await row.locator('input[type=file]').count()).toBe(0);
    });
  });
});
