import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { DEMO_PASSWORD } from '../support/e2e-server.js';
import { chooseOption, pageTitle, tick } from '../support/ui.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const OK = /^确\s*定$/;
const TITLE = '小候鸟暑托班开到八月底(浏览器测试)';
const MEMBER2 = 'e2e_proposal_m2';
const MEMBER2_PASSWORD = 'E2e-Member-2026!x';

/** A JSON API call with a session of its own (login answers the CSRF token; the cookie rides along). */
async function apiSession(base: string, username: string, password = DEMO_PASSWORD) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${base}/api${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    expect(r.status, `${method} ${path}`).toBeLessThan(300);
    return (await r.json()) as T;
  };
}

describe('办实事项目征集: a proposal from the phone → supported → assessed, shortlisted, adopted → milestone on the public page', () => {
  const suite = e2eSuite();
  let proposalId = '';

  beforeAll(async () => {
    // a second member of the demo union gets an account to support the proposal
    const staff = await apiSession(suite.srv.base, 'grassroots');
    const members = await staff<{ items: { id: string; name: string; orgId: string }[] }>('GET', '/members?pageSize=20');
    const worker = await (await apiSession(suite.srv.base, 'worker'))<{ user: { memberId: string | null } }>('GET', '/auth/me');
    const other = members.items.find((m) => m.id !== worker.user.memberId && m.name !== '张建国')!;
    const sys = await apiSession(suite.srv.base, 'sysadmin');
    await sys('POST', '/users', { username: MEMBER2, name: other.name, password: MEMBER2_PASSWORD, orgId: other.orgId, roleCodes: ['member'], memberId: other.id });
  }, 240_000);

  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);
  const asPhone = (username: string, work: (page: Page) => Promise<void>, password?: string) => suite.onPhone(username, work, password);
  const openCollection = async (page: Page) => {
    await page.getByTestId('menu-proposal-collections').click();
    await pageTitle(page, '办实事项目征集').waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '征集中' }).getByRole('link').click();
    await page.getByRole('tab', { name: '建议' }).waitFor();
  };
  const row = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: TITLE });

  it('the worker proposes on the phone and sees the similar public proposal while typing', async () => {
    await asPhone('worker', async (page) => {
      await page.getByTestId('tile-proposals').click();
      await pageTitle(page, '办实事建议').waitFor();
      await page.getByTestId('propose').click();
      await pageTitle(page, '提建议').waitFor();
      const form = page.getByTestId('proposal-form');
      await chooseOption(page, form, '类别', '帮扶救助');
      await form.getByLabel('建议标题').fill(TITLE);
      await form.getByLabel('建议内容').fill('希望小候鸟暑托班增加办班点,开到八月底,更多农民工子女暑期有人照看');
      await page.getByTestId('similar-proposals').filter({ hasText: '小候鸟暑托班增加名额' }).waitFor();
      await page.getByTestId('submit-proposal').click();
      await page.waitForURL((url) => UUID.test(url.pathname));
      proposalId = UUID.exec(new URL(page.url()).pathname)?.[0] ?? '';
      await page.getByText('等待工会审核').waitFor();
    });
    expect(proposalId).toMatch(UUID);
  });

  it('the city publishes it; another member supports it', async () => {
    await asStaff('city', async (page) => {
      await openCollection(page);
      await row(page).getByTestId('proposal-moderate').click();
      const dialog = page.getByRole('dialog', { name: '审核建议' });
      await dialog.getByRole('button', { name: OK }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row(page).filter({ hasText: '已公开' }).waitFor();
    });
    await asPhone(MEMBER2, async (page) => {
      await page.goto(`/m/proposals/${proposalId}`);
      await page.getByTestId('proposal-title').filter({ hasText: TITLE }).waitFor();
      await page.getByTestId('support').click();
      await page.getByTestId('support-count').filter({ hasText: /^1$/ }).waitFor();
      await page.getByTestId('support').filter({ hasText: '已附议' }).waitFor();
    }, MEMBER2_PASSWORD);
  });

  it('the city assesses, shortlists and adopts it, then adds a milestone', async () => {
    await asStaff('city', async (page) => {
      await openCollection(page);
      await page.getByTestId('phase-assessing').click();
      await page.locator('.ant-popover').getByRole('button', { name: OK }).click();
      await row(page).getByTestId('proposal-assess').click();
      const assess = page.getByRole('dialog', { name: '评估可行性' });
      await tick(assess.getByLabel('可行', { exact: true }));
      await assess.getByLabel('评估意见(提出人可见)').fill('与小候鸟暑托班项目合并实施,资金可安排');
      await assess.getByRole('button', { name: OK }).click();
      await assess.waitFor({ state: 'hidden' });
      await row(page).getByTestId('proposal-shortlist').click();
      await row(page).filter({ hasText: '入围' }).waitFor();
      await row(page).getByTestId('proposal-adopt').click();
      const adopt = page.getByRole('dialog', { name: '采纳为办实事项目' });
      await adopt.getByLabel('项目名称').fill('小候鸟暑托班延长服务');
      await chooseOption(page, adopt, '责任单位', '杭州市总工会');
      await adopt.getByLabel('预算(元)').fill('300000');
      await adopt.getByLabel('计划完成日期').fill('2027-08-31');
      await adopt.getByLabel('计划完成日期').press('Enter');
      await adopt.getByRole('button', { name: OK }).click();
      await adopt.waitFor({ state: 'hidden' });
      await row(page).getByRole('link', { name: '小候鸟暑托班延长服务' }).click();
      await pageTitle(page, '小候鸟暑托班延长服务').waitFor();
      await page.getByTestId('add-milestone').click();
      const ms = page.getByRole('dialog', { name: '新增实施节点' });
      await ms.getByLabel('节点名称').fill('新增办班点开班');
      await ms.getByLabel('计划日期').fill('2027-07-05');
      await ms.getByLabel('计划日期').press('Enter');
      await ms.getByLabel('进度(%)').fill('30');
      await ms.getByRole('button', { name: OK }).click();
      await ms.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: '新增办班点开班' }).waitFor();
    });
  });

  it('the public results page shows the project with its milestone, without login and without names', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await page.goto('/public/proposals');
      await pageTitle(page, '为职工办实事项目').waitFor();
      const card = page.getByTestId('public-project').filter({ hasText: '小候鸟暑托班延长服务' });
      await card.getByTestId('public-milestone').filter({ hasText: '新增办班点开班' }).waitFor();
      expect(await card.textContent()).toContain(TITLE);
      expect(await page.locator('body').textContent()).not.toContain('张建国');
    } finally {
      await context.close();
    }
  });
});
