import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, pageTitle } from '../support/ui.js';

const SAVE = /^保\s*存$/;
const MEETING = '2026年上城区联席会议测试';
const CONTENT = '推动重点工程项目部全面建立工会组织并同步建立欠薪预警机制';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const modal = (page: Page, title: string) => page.locator('.ant-modal').filter({ hasText: title }).filter({ visible: true });

describe('联席会议: meeting → agenda item → commitment → progress by the owner → closed by the city → public report', () => {
  const suite = e2eSuite();
  let commitmentPath = '';

  it('the city registers a meeting with a topic and a commitment for 上城区总工会', async () => {
    await suite.asStaff('city', async (page) => {
      await page.getByTestId('menu-joint-meetings').click();
      await pageTitle(page, '政府与工会联席会议').waitFor();
      await page.getByTestId('create-meeting').click();
      const m = modal(page, '登记联席会议');
      await m.getByTestId('meeting-title').fill(MEETING);
      await m.getByTestId('meeting-date').fill('2026-11-20');
      await m.getByTestId('meeting-place').fill('杭州市民中心');
      await m.getByTestId('add-gov').click();
      await m.getByPlaceholder('姓名').first().fill('陈建华');
      await m.getByPlaceholder('职务').first().fill('副市长');
      await m.getByPlaceholder('单位').first().fill('杭州市人民政府');
      await m.getByRole('button', { name: SAVE }).click();
      await pageTitle(page, MEETING).waitFor();
      await page.getByTestId('add-agenda').click();
      const a = modal(page, '增加议题');
      await a.getByTestId('agenda-topic').fill('推进重点工程项目部工会建设');
      await a.getByRole('button', { name: SAVE }).click();
      await page.getByTestId('agenda-item').filter({ hasText: '推进重点工程项目部工会建设' }).waitFor();
      await page.getByTestId('add-commitment').click();
      const c = modal(page, '增加议定事项');
      await c.getByTestId('commitment-content').fill(CONTENT);
      await c.getByTestId('commitment-department').fill('市建委');
      await chooseOption(page, c, '工会责任单位', '上城区总工会', '上城区');
      await c.getByTestId('commitment-deadline').fill('2027-03-31');
      await c.getByRole('button', { name: SAVE }).click();
      const link = page.getByRole('link', { name: CONTENT });
      await link.waitFor();
      commitmentPath = (await link.getAttribute('href')) ?? '';
      expect(commitmentPath).toMatch(UUID);
    });
  });

  it('the owner district reports progress; the city cannot report but closes it', async () => {
    await suite.asStaff('district', async (page) => {
      await page.goto(`${suite.srv.base}${commitmentPath}`);
      await pageTitle(page, '议定事项').waitFor();
      await page.getByTestId('report-progress').click();
      const r = modal(page, '报告进展');
      await r.getByTestId('progress-text').fill('已在辖区9个重点工程项目部建会,欠薪预警机制试行');
      await r.getByTestId('progress-percent').fill('60');
      await r.getByRole('button', { name: /^提\s*交$/ }).click();
      await page.getByTestId('progress-timeline').getByText('已在辖区9个重点工程项目部建会').waitFor();
      expect(await page.getByTestId('close-item').count()).toBe(0);
    });
    await suite.asStaff('city', async (page) => {
      await page.goto(`${suite.srv.base}${commitmentPath}`);
      await page.getByTestId('progress-timeline').getByText('已在辖区9个重点工程项目部建会').waitFor();
      expect(await page.getByTestId('report-progress').count()).toBe(0);
      await page.getByTestId('close-item').click();
      const c = modal(page, '关闭事项');
      await c.getByTestId('closing-note').fill('项目部工会全部建立,转入日常工作');
      await c.getByRole('button', { name: '确认关闭' }).click();
      await expect.poll(() => page.getByTestId('commitment-state').textContent()).toBe('已关闭');
    });
  });

  it('shows on the public yearly report without login', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await page.goto(`${suite.srv.base}/public/joint-meetings/2026`);
      const meeting = page.getByTestId('public-meeting').filter({ hasText: MEETING });
      await meeting.waitFor();
      const item = meeting.getByTestId('public-commitment').filter({ hasText: CONTENT });
      await item.getByText('已关闭').waitFor();
      await item.getByText(/项目部工会全部建立/).waitFor();
    } finally {
      await context.close();
    }
  });
});
