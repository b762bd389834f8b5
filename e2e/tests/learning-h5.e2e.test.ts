import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, pageTitle } from '../support/ui.js';

const COURSE = '学习贯彻党的十八届六中全会精神';
const UNION = '杭州湖滨文旅发展有限公司工会';

describe('学习园地: a member finishes an assigned course on the phone and staff see it in the statistics', () => {
  const suite = e2eSuite();

  const asWorker = (work: (page: Page) => Promise<void>) => suite.onPhone('worker', work);

  /** As `district`: the course's statistics, drilled down to 湖滨街道; the 已完成 figure of the demo worker's union. */
  const finishedInUnion = async (): Promise<number> => {
    let finished = -1;
    await suite.asStaff('district', async (page) => {
      await page.getByTestId('menu-learning').click();
      await pageTitle(page, '学习园地').waitFor();
      await page.getByRole('link', { name: COURSE }).click();
      await pageTitle(page, COURSE).waitFor();
      await page.getByTestId('course-stats').click();
      await pageTitle(page, '学习完成统计').waitFor();
      await page.getByTestId('learning-stats').getByText('湖滨街道总工会', { exact: true }).click();
      const row = page.getByTestId('learning-stats').locator('tr.ant-table-row').filter({ hasText: UNION });
      await row.waitFor();
      finished = Number(await row.locator('td').nth(3).textContent());
    });
    return finished;
  };

  it('the worker studies the remaining materials, passes the quiz, and the course counts as finished', async () => {
    const before = await finishedInUnion();
    expect(before).toBeGreaterThanOrEqual(0);
    await asWorker(async (page) => {
      await page.getByTestId('tile-learning').click();
      await pageTitle(page, '我的学习').waitFor();
      await page.getByTestId('learning-course').filter({ hasText: COURSE }).click();
      await pageTitle(page, COURSE).waitFor();
      await page.getByTestId('learning-state').filter({ hasText: '学习中' }).waitFor();
      // the seed left two of four materials done: study the rest (open a text lesson / a link, then mark finished)
      const unfinished = page.getByTestId('learning-material').filter({ has: page.getByTestId('learning-material-finish') });
      for (let left = await unfinished.count(); left > 0; left = await unfinished.count()) {
        const card = unfinished.first();
        await card.getByTestId('learning-material-open').click();
        await card.getByTestId('learning-material-finish').click();
        await expect.poll(() => unfinished.count()).toBe(left - 1);
      }
      await page.getByTestId('learning-quiz-start').click();
      await pageTitle(page, '课程测验').waitFor();
      const q = page.getByTestId('quiz-question');
      await q.nth(0).getByText('A. 笃学深悟').click();
      for (const o of ['A. 学六中全会精神', 'B. 学系列讲话', 'C. 学工运理论']) await q.nth(1).getByText(o).click();
      await q.nth(2).getByText('正确', { exact: true }).click();
      await q.nth(3).getByText('错误', { exact: true }).click();
      await page.getByTestId('quiz-submit').click();
      await page.getByTestId('quiz-result').filter({ hasText: '测验通过:10 / 10 分' }).waitFor();
      await page.getByTestId('quiz-back').click();
      await page.getByTestId('learning-finished').waitFor();
      expect(await page.getByTestId('learning-state').textContent()).toContain('已完成');
    });
    expect(await finishedInUnion()).toBe(before + 1);
  });

  it('a district writes a course with a text lesson, publishes it and assigns it to its members with the count shown first', async () => {
    await suite.asStaff('district', async (page) => {
      await page.getByTestId('menu-learning').click();
      await page.getByTestId('course-new').click();
      await pageTitle(page, '新建课程').waitFor();
      await page.getByLabel('课程名称').fill('职工安全生产知识(上城区)');
      const material = page.getByTestId('material-card').first();
      await material.getByLabel('标题').fill('消防通道不得堆物');
      await material.getByLabel('正文(纯文本,空行分段)').fill('安全出口和疏散通道必须保持畅通。');
      await page.getByTestId('course-save').click();
      await pageTitle(page, '职工安全生产知识(上城区)').waitFor();
      await page.getByTestId('course-publish').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^发\s*布$/ }).click();
      await page.getByTestId('course-assign').click();
      const dialog = page.getByRole('dialog', { name: '指派课程' });
      await chooseOption(page, dialog, '上级组织', '上城区总工会');
      await dialog.getByTestId('assign-count').filter({ hasText: /将指派 \d+ 人/ }).waitFor();
      await dialog.locator('.ant-picker input').fill('2099-12-31');
      await dialog.locator('.ant-picker input').press('Enter');
      await dialog.getByRole('button', { name: /^指\s*派$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('assignment-table').locator('tr.ant-table-row').filter({ hasText: '2099-12-31' }).waitFor();
    });
  });
});
