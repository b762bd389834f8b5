import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { asUser, launchBrowser } from './browser.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';
import { loginOnPhone, loginToDashboard } from './ui.js';

/** What a browser test file works with: its server (on a copy of the demo seed) and one Chromium. */
export interface E2eSuite {
  readonly srv: E2eServer;
  readonly browser: Browser;
  /** a staff member at the desk, logged in to the 工作台 */
  asStaff(username: string, work: (page: Page) => Promise<void>): Promise<void>;
  /** a member on a phone, logged in at /m (with the demo password unless another is given) */
  onPhone(username: string, work: (page: Page) => Promise<void>, password?: string): Promise<void>;
}

/**
 * Starts the file's server and browser before its tests and stops them after: call once at the top
 * of a describe block. `env` goes to the server (e.g. { GONGHUI_MFA: 'on' }).
 */
export function e2eSuite(env: Record<string, string> = {}): E2eSuite {
  let srv: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    srv = await startE2eServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.stop();
  });
  const started = (): { srv: E2eServer; browser: Browser } => {
    if (!srv || !browser) throw new Error('the e2e suite is used outside its tests (before beforeAll ran)');
    return { srv, browser };
  };
  return {
    get srv() {
      return started().srv;
    },
    get browser() {
      return started().browser;
    },
    asStaff: (username, work) => asUser(started().browser, started().srv.base, (page) => loginToDashboard(page, username), work),
    onPhone: (username, work, password) => asUser(started().browser, started().srv.base, (page) => loginOnPhone(page, username, password), work, { mobile: true }),
  };
}
