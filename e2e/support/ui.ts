import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './e2e-server.js';

/** The page heading (`page-title`) with this text. */
export function pageTitle(page: Page, text: string): Locator {
  return page.getByTestId('page-title').filter({ hasText: text });
}

/** Fills and submits the login form on the page already open (admin or mobile login). */
export async function submitLogin(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Opens `path` (default the admin login page) and logs in; the caller waits for where it lands. */
export async function loginAs(page: Page, username: string, opts: { path?: string; password?: string } = {}): Promise<void> {
  await page.goto(opts.path ?? '/login');
  await submitLogin(page, username, opts.password);
}

/** Logs in on the phone login page (`/m/login`) and waits for the member home `/m`. */
export async function loginOnPhone(page: Page, username: string, password?: string): Promise<void> {
  await loginAs(page, username, { path: '/m/login', password });
  await page.waitForURL((url) => url.pathname === '/m');
}

/** Logs in on the admin login page and waits for the 工作台. */
export async function loginToDashboard(page: Page, username: string, password?: string): Promise<void> {
  await loginAs(page, username, { password });
  await pageTitle(page, '工作台').waitFor();
}

/** 退出登录 in the admin header; waits for the login page. */
export async function logoutFromHeader(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByTestId('login-username').waitFor();
}

/** The `data-testid`s starting with `prefix` of the elements on screen, sorted. */
export async function visibleTestIds(page: Page, prefix: string): Promise<string[]> {
  const ids = await page
    .locator(`[data-testid^="${prefix}"]`)
    .filter({ visible: true })
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids.sort();
}

/** An antd Select / TreeSelect dropdown that is open and done with its opening animation. */
const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up)';

async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Chooses `option` in the antd Select or TreeSelect of the form field labelled `fieldLabel`
 * inside `scope` (typing `search` first for searchable ones), and waits until the field shows
 * it. A click that lands while the dropdown is still (re)rendering is retried.
 */
export async function chooseOption(page: Page, scope: Locator, fieldLabel: string, option: string, search?: string): Promise<void> {
  const item = scope.locator(`.ant-form-item:has(label[title="${fieldLabel}"])`);
  const field = item.getByLabel(fieldLabel);
  const dropdown = page.locator(OPEN_DROPDOWN).filter({ visible: true });
  for (let attempt = 1; attempt <= 3; attempt++) {
    if ((await dropdown.count()) === 0) await field.click();
    if (search !== undefined) await field.fill(search);
    await dropdown.locator(`.ant-select-item-option[title="${option}"], .ant-select-tree-node-content-wrapper[title="${option}"]`).click();
    if (await eventually(async () => (await item.getByText(option, { exact: true }).count()) > 0, 5_000)) return;
  }
  throw new Error(`could not choose ${option} in ${fieldLabel}`);
}

/** The validation message(s) under the form field labelled `label` inside `scope`. */
export function fieldError(scope: Locator | Page, label: string): Locator {
  return scope.locator(`.ant-form-item:has(label[title="${label}"]) .ant-form-item-explain-error`);
}

/** The org tree's node named `name` (the 组织机构 page's left panel). */
export function treeNode(page: Page, name: string): Locator {
  return page.getByRole('tree').getByTitle(name, { exact: true });
}

/** Names of the org tree nodes currently rendered (virtual list: the visible part). */
export async function treeNodeNames(page: Page): Promise<string[]> {
  return page
    .getByRole('tree')
    .locator('.ant-tree-node-content-wrapper')
    .evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
}

/** A real 1×1 PNG: a document photographed on the phone. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Chooses the material's type, then the file, in the attachment upload control. */
export async function pickEvidence(page: Page, type: string, name: string): Promise<void> {
  const box = page.getByTestId('evidence-upload');
  await box.getByTestId('evidence-type').click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${type}"]`).click();
  // The upload stays disabled until the chosen type is in the component's state; files set on the
  // still-disabled input would be dropped, so wait for the input to be enabled first.
  const input = box.locator('input[type=file]:not([disabled])');
  await input.waitFor({ state: 'attached' });
  await input.setInputFiles({ name, mimeType: 'image/png', buffer: PNG_1PX });
}

/** The value of the description-list item labelled `label` inside `scope` (bordered or not), trimmed. */
export async function descriptionValue(scope: Locator | Page, label: string): Promise<string> {
  const cell = scope.locator(`xpath=.//*[contains(@class,"ant-descriptions-item-label")][normalize-space(.)="${label}"]/following-sibling::*[1]`).first();
  return ((await cell.textContent()) ?? '').trim();
}

/** What a click should bring about: an element that shows, or a state that holds. */
type Outcome = Locator | (() => Promise<boolean>);

const holdsNow = (done: Outcome): Promise<boolean> => (typeof done === 'function' ? done() : done.isVisible());

async function holdsWithin(done: Outcome, ms: number): Promise<boolean> {
  if (typeof done !== 'function') return done.waitFor({ timeout: ms }).then(() => true, () => false);
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Clicks `target` until `done` shows (or holds). A click on a table row that React replaces in the
 * same instant (a tab switch refetching the list), or on a checkbox of a dialog still animating in,
 * can be lost; the target is clicked again while it is still there, and never once `done` holds.
 */
export async function clickUntil(target: Locator, done: Outcome, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await holdsNow(done)) return;
    if (await target.isVisible()) await target.click({ timeout: 5_000 }).catch(() => undefined);
    if (await holdsWithin(done, 3_000)) return;
  }
  if (typeof done !== 'function') await done.waitFor({ timeout: 1_000 });
  else if (!(await done())) throw new Error('clicked until the time ran out, but the click did not take');
}

/** Ticks a checkbox and waits until it shows as ticked (Playwright's `check()` throws on a lost click). */
export async function tick(box: Locator): Promise<void> {
  await clickUntil(box, () => box.isChecked(), 10_000);
}
