import { describe, expect, it } from 'vitest';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { loginAs, pageTitle, visibleTestIds } from '../support/ui.js';

/** The server's session cookie (apps/server/src/platform/auth/session.service.ts). */
const SESSION_COOKIE = 'gh_sid';
const HOME_TILES = ['tile-activities', 'tile-applications', 'tile-dues', 'tile-innovations', 'tile-learning', 'tile-mutual-aid', 'tile-news', 'tile-proposals', 'tile-ratings', 'tile-rights', 'tile-snapshots'];

describe('members’ mobile shell on a phone viewport', () => {
  const suite = e2eSuite();

  it('worker logs in at /m/login, sees the home tiles and 我的 (name, union), and logs out', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      // Not logged in: the shell sends the visitor to the members' login.
      await page.goto('/m');
      await page.waitForURL((url) => url.pathname === '/m/login');
      await pageTitle(page, '会员登录').waitFor();

      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
      await pageTitle(page, '您好,张建国').waitFor();
      expect(await visibleTestIds(page, 'tile-')).toEqual(HOME_TILES);
      expect(page.viewportSize()?.width).toBeLessThan(500);
      // Tiles fit the phone screen: two per row, none wider than the viewport.
      const box = await page.getByTestId('tile-activities').boundingBox();
      expect(box?.width ?? 0).toBeLessThan(390 / 2);
      expect(await visibleTestIds(page, 'menu-')).toEqual([]);

      await page.getByTestId('mobile-tab-me').click();
      await page.waitForURL((url) => url.pathname === '/m/me');
      await pageTitle(page, '我的').waitFor();
      expect(await page.getByTestId('me-name').textContent()).toBe('张建国');
      expect(await page.getByTestId('me-org').textContent()).toBe('杭州湖滨文旅发展有限公司工会');

      await page.getByTestId('mobile-tab-home').click();
      await pageTitle(page, '您好,张建国').waitFor();
      await page.goto('/m/no-such-page');
      await pageTitle(page, '页面不存在').waitFor();
      await page.getByRole('button', { name: '返回首页' }).click();
      await page.waitForURL((url) => url.pathname === '/m');

      await page.getByTestId('mobile-tab-me').click();
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL((url) => url.pathname === '/m/login');
      await pageTitle(page, '会员登录').waitFor();

      // The session is gone server-side too: the shell asks to log in again.
      await page.goto('/m/me');
      await page.waitForURL((url) => url.pathname === '/m/login');
      expect((await context.cookies()).filter((c) => c.name === SESSION_COOKIE)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a staff account logging in on the members’ login goes to the admin area', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      await loginAs(page, 'grassroots', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/');
      await pageTitle(page, '工作台').waitFor();
    } finally {
      await context.close();
    }
  });
});
