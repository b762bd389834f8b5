import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function newPage(browser: Browser, base: string, opts: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } }),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/**
 * One person at their own device: a fresh context (a phone with `mobile`), logged in by `login`
 * (e.g. loginToDashboard for staff), the work done, the context closed whatever happens.
 */
export async function asUser(browser: Browser, base: string, login: (page: Page) => Promise<void>, work: (page: Page) => Promise<void>, opts: { mobile?: boolean } = {}): Promise<void> {
  const { context, page } = await newPage(browser, base, opts);
  try {
    await login(page);
    await work(page);
  } finally {
    await context.close();
  }
}
