import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { totpCode } from '../../apps/server/src/test-support/totp-code.js';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { fieldError, loginAs, loginToDashboard, logoutFromHeader, pageTitle, chooseOption, tick } from '../support/ui.js';

const ROLE_CODE = 'e2e_shangcheng_viewer';
const ROLE_NAME = '上城区组织查看员';

/** antd spaces out two-character button labels (保 存); a fading loading icon may prefix the name. */
const SAVE = /保\s*存$/;
const SEARCH = /查\s*询$/;
const RESET = /重\s*置$/;

/**
 * First login of an account whose role requires MFA: the enrolment page shows the QR code and
 * the secret; the current code completes it and opens the 工作台. Returns the secret.
 */
async function enrolMfa(page: Page, username: string): Promise<string> {
  await loginAs(page, username);
  await page.waitForURL((url) => url.pathname === '/mfa-setup');
  await pageTitle(page, '绑定双因素认证').waitFor();
  await page.getByTestId('mfa-qrcode').locator('canvas').waitFor();
  const shown = (await page.getByTestId('mfa-secret').textContent()) ?? '';
  const secret = shown.replace(/[^A-Z2-7]/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByTestId('mfa-otp').fill(totpCode(secret));
  await page.getByRole('button', { name: '完成绑定' }).click();
  await pageTitle(page, '工作台').waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  return secret;
}

/** A 6-digit code that none of the accepted windows (now ±30 s) produces. */
function invalidCode(secret: string): string {
  const valid = new Set([-30_000, 0, 30_000, 60_000].map((d) => totpCode(secret, Date.now() + d)));
  return ['000000', '111111', '222222', '333333', '444444'].find((c) => !valid.has(c)) ?? '555555';
}

describe('security flows with MFA on', () => {
  const suite = e2eSuite({ GONGHUI_MFA: 'on' });

  it('city enrols TOTP at first login, then logs in with a fresh 动态验证码', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      const secret = await enrolMfa(page, 'city');
      await logoutFromHeader(page);

      await loginAs(page, 'city');
      await page.getByTestId('login-otp').waitFor();
      expect(await page.getByTestId('login-submit').textContent()).toContain('验证并登录');
      await page.getByTestId('login-otp').fill(invalidCode(secret));
      await page.getByTestId('login-submit').click();
      await expect.poll(() => fieldError(page, '动态验证码').textContent()).toContain('动态验证码错误');
      // The next 30 s window's code: valid (±1 step) and newer than the one used to enrol.
      await page.getByTestId('login-otp').fill(totpCode(secret, Date.now() + 30_000));
      await page.getByTestId('login-submit').click();
      await pageTitle(page, '工作台').waitFor();
      expect(await page.getByTestId('header-user').textContent()).toBe('陈立群');
    } finally {
      await context.close();
    }
  });

  it('secadmin defines a custom role scoped to an org picked in the tree select', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await enrolMfa(page, 'secadmin');
      await page.getByTestId('menu-system-roles').click();
      await pageTitle(page, '角色权限').waitFor();
      await page.getByRole('button', { name: '新建角色' }).click();
      const dialog = page.getByRole('dialog', { name: '新建角色' });
      await dialog.getByLabel('角色编码').fill(ROLE_CODE);
      await dialog.getByLabel('角色名称').fill(ROLE_NAME);

      // The org picker of a security admin is served by GET /api/roles/org-options.
      const options = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/roles/org-options');
      await chooseOption(page, dialog, '数据范围', '指定组织及下级');
      expect((await options).status()).toBe(200);
      await chooseOption(page, dialog, '指定组织', '上城区总工会', '上城区总');
      await dialog.getByText('新建角色', { exact: true }).click(); // closes the tree dropdown
      await tick(dialog.getByRole('checkbox', { name: '查看组织树' }));
      await dialog.getByRole('button', { name: SAVE }).click();
      await dialog.waitFor({ state: 'hidden' });

      const row = page.getByRole('row').filter({ hasText: ROLE_CODE });
      await row.waitFor();
      expect(await row.textContent()).toContain('指定组织及下级');
      await row.getByRole('button', { name: /编\s*辑$/ }).click();
      const edit = page.getByRole('dialog', { name: `编辑角色:${ROLE_NAME}` });
      await edit.waitFor();
      await edit.getByText('上城区总工会').waitFor();
      expect(await edit.getByRole('checkbox', { name: '查看组织树' }).isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('auditor finds a failed login in the audit log and verifies the log chain', async () => {
    const intruder = await newPage(suite.browser, suite.srv.base);
    try {
      await loginAs(intruder.page, 'district', { password: 'Wrong#Guess2026' });
      await intruder.page.getByTestId('login-error').filter({ hasText: '用户名或密码错误' }).waitFor();
    } finally {
      await intruder.context.close();
    }

    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await enrolMfa(page, 'auditor');
      await page.getByTestId('menu-system-audit').click();
      await pageTitle(page, '审计日志').waitFor();
      const filter = page.locator('#audit-filter');
      await chooseOption(page, filter, '操作', '登录失败');
      await filter.getByRole('button', { name: SEARCH }).click();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect
        .poll(async () => {
          const texts = await rows.allTextContents();
          return texts.length > 0 && texts.every((t) => t.includes('登录失败')) && texts.some((t) => t.includes('district'));
        })
        .toBe(true);

      // The chain check walks every row: as many as the unfiltered list counts.
      await filter.getByRole('button', { name: RESET }).click();
      const totalText = page.locator('.ant-pagination-total-text');
      await expect.poll(async () => (await rows.allTextContents()).some((t) => !t.includes('登录失败'))).toBe(true);
      const total = Number(/^共 (\d+) 条$/.exec((await totalText.textContent()) ?? '')?.[1]);
      expect(total).toBeGreaterThan(5);
      await page.getByRole('button', { name: '校验日志链' }).click();
      const verdict = page.getByRole('dialog', { name: '日志链完整' });
      await verdict.getByTestId('audit-verify-result').waitFor();
      expect(await verdict.getByTestId('audit-verify-result').textContent()).toContain(`审计日志链完整,共校验 ${total} 条记录`);
      await verdict.getByRole('button', { name: '知道了' }).click();
      await verdict.waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });

  it('a session ended elsewhere sends the next navigation to /login with the 登录已过期 notice', async () => {
    const first = await newPage(suite.browser, suite.srv.base);
    const second = await newPage(suite.browser, suite.srv.base);
    try {
      await loginToDashboard(first.page, 'district');
      // A second browser with the same session cookie logs out: the server deletes the session.
      await second.context.addCookies(await first.context.cookies());
      await second.page.goto('/');
      await pageTitle(second.page, '工作台').waitFor();
      await logoutFromHeader(second.page);

      await first.page.getByTestId('menu-system-orgs').click();
      await first.page.waitForURL((url) => url.pathname === '/login');
      expect(new URL(first.page.url()).searchParams.get('expired')).toBe('1');
      await first.page.getByTestId('login-expired').filter({ hasText: '登录已过期' }).waitFor();

      await loginToDashboard(first.page, 'district');
      expect(await first.page.getByTestId('login-expired').count()).toBe(0);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });
});
