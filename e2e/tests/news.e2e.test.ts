import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { loginAs, pageTitle } from '../support/ui.js';

const TITLE = '上城区总工会为环卫工人送去冬日暖心包';
const BODY = '11月下旬,上城区总工会走进辖区环卫所,为一线环卫工人送去棉手套、保温杯等冬日暖心包。\n\n区总工会负责人表示,将持续做好户外劳动者服务站点建设,让环卫工人冷有所避、渴有所饮。';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The dialog of a news action: writes the opinion when given and presses its OK button. */
async function confirmAction(page: Page, dialogTitle: string, ok: RegExp, opinion?: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `${dialogTitle}:${TITLE}` });
  if (opinion) await dialog.getByLabel(/意见|原因/).fill(opinion);
  await dialog.getByRole('button', { name: ok }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('宣传: a district writes an article, the city reviews and publishes it, the public and a member read it', () => {
  const suite = e2eSuite();
  let id = '';

  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);

  it('the district writes a draft (validated), then submits it to the city', async () => {
    await asStaff('district', async (page) => {
      await page.getByTestId('menu-news-articles').click();
      await pageTitle(page, '宣传稿件').waitFor();
      await page.getByTestId('create-news').click();
      await pageTitle(page, '撰写稿件').waitFor();
      const form = page.locator('#news-editor-form');
      await form.getByLabel('标题').fill(TITLE);
      await form.getByLabel('作者').fill('上城区总工会 王海燕');
      await form.getByLabel('正文').fill('太短');
      await page.getByTestId('news-save').click();
      await page.getByText('正文至少20个字').waitFor();
      await form.getByLabel('正文').fill(BODY);
      await page.getByTestId('news-save').click();
      await page.waitForURL((url) => /\/news\/[0-9a-f-]{36}\/edit$/.test(url.pathname));
      id = UUID.exec(new URL(page.url()).pathname)?.[0] ?? '';
      await page.getByTestId('news-cover').waitFor();
      await page.getByRole('button', { name: /返\s*回/ }).click();
      await pageTitle(page, '稿件预览').waitFor();
      await page.getByTestId('news-actions').getByRole('button', { name: '提交审核' }).click();
      await confirmAction(page, '提交审核', /^提\s*交$/);
      await expect.poll(() => page.getByTestId('news-status').textContent()).toBe('待审核');
      expect(await page.getByText('待 杭州市总工会 审核').count()).toBeGreaterThan(0);
    });
    expect(id).toMatch(UUID);
  });

  it('before publishing, the public page answers 404 for it', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await page.goto(`/public/news/${id}`);
      await page.getByText('文章不存在或已撤下').waitFor();
    } finally {
      await context.close();
    }
  });

  it('the city finds it in its review queue and publishes it', async () => {
    await asStaff('city', async (page) => {
      await page.getByTestId('menu-news-review').click();
      await pageTitle(page, '稿件审核').waitFor();
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByTestId('news-title').filter({ hasText: TITLE }).waitFor();
      await page.getByTestId('news-actions').getByRole('button', { name: '审核发布' }).click();
      await confirmAction(page, '审核发布', /^发\s*布$/, '同意发布');
      await expect.poll(() => page.getByTestId('news-status').textContent()).toBe('已发布');
    });
  });

  it('it shows on the public news page (no login) and opens there', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await page.goto('/public/news');
      await page.getByTestId('public-news-item').filter({ hasText: TITLE }).click();
      await page.getByTestId('news-title').filter({ hasText: TITLE }).waitFor();
      expect(await page.getByTestId('news-body').textContent()).toContain('冷有所避');
    } finally {
      await context.close();
    }
  });

  it("it shows in a member's H5 feed and opens on the phone", async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
      await page.getByTestId('tile-news').click();
      await pageTitle(page, '工会新闻').waitFor();
      await page.getByTestId('mobile-news-item').filter({ hasText: TITLE }).click();
      await pageTitle(page, TITLE).waitFor();
      expect(await page.getByTestId('mobile-news-article').textContent()).toContain('阅读 2');
    } finally {
      await context.close();
    }
  });
});
