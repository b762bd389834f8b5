import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { pageTitle, pickEvidence } from '../support/ui.js';

const TITLE = '关于报送2026年度基层工会工作总结的通知';
const UNION = '杭州湖滨文旅发展有限公司工会';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

async function fillDate(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input').or(page.locator(`input[data-testid="${testId}"]`)).first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('通知公告: a district sends a notice with 报送 to its grassroots unions, one signs and replies, the district sees it', () => {
  const suite = e2eSuite();
  let id = '';

  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);

  it('the district drafts the notice to all its grassroots unions (count previewed) and sends it', async () => {
    await asStaff('district', async (page) => {
      await page.goto('/notices');
      await pageTitle(page, '发文管理').waitFor();
      await page.getByTestId('create-notice').click();
      await pageTitle(page, '起草通知').waitFor();
      const form = page.locator('#notice-editor-form');
      await form.getByLabel('标题').fill(TITLE);
      await form.getByLabel('文号(可不填)').fill('上工〔2026〕40号');
      await page.getByTestId('target-kinds').getByText('基层工会', { exact: true }).click();
      await expect.poll(async () => (await page.getByTestId('target-preview').textContent()) ?? '', { timeout: 10_000 }).toMatch(/将下发给 \d+ 个组织/);
      await fillDate(page, 'sign-deadline', inDays(7));
      await page.getByTestId('reply-required').click();
      await fillDate(page, 'reply-deadline', inDays(14));
      await form.getByLabel('报送要求').fill('工作总结一份(PDF)');
      await form.getByLabel('正文').fill('请各基层工会认真总结本年度工会工作,按时报送区总工会组织部。');
      await page.getByTestId('notice-save').click();
      await page.waitForURL((url) => UUID.test(url.pathname) && !url.pathname.endsWith('/edit'));
      id = UUID.exec(new URL(page.url()).pathname)?.[0] ?? '';
      await page.getByTestId('notice-send').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^下\s*发$/ }).click();
      await page.getByTestId('notice-matrix').waitFor();
      await page.getByTestId('receipt-table').getByText(UNION).waitFor();
    });
    expect(id).toMatch(UUID);
  });

  it('the grassroots union opens it from its inbox, signs, and submits a reply with an attachment', async () => {
    await asStaff('grassroots', async (page) => {
      await page.goto('/notice-inbox');
      await pageTitle(page, '收文').waitFor();
      await page.getByRole('link', { name: TITLE }).click();
      await pageTitle(page, TITLE).waitFor();
      await page.getByTestId('notice-sign').click();
      await page.getByTestId('signed-info').waitFor();
      await page.getByTestId('reply-text').fill('本单位2026年度工作总结见附件。');
      await pickEvidence(page, '报送材料', '工作总结.png');
      await page.getByTestId('evidence-item').filter({ hasText: '工作总结.png' }).waitFor();
      await page.getByTestId('reply-submit').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^报\s*送$/ }).click();
      await page.getByTestId('reply-card').getByText('已报送', { exact: true }).waitFor();
      // signing again changes nothing: the button is gone
      expect(await page.getByTestId('notice-sign').count()).toBe(0);
    });
  });

  it('the district sees that union signed and replied in the matrix', async () => {
    await asStaff('district', async (page) => {
      await page.goto(`/notices/${id}`);
      await page.getByTestId('notice-matrix').waitFor();
      const row = page.getByTestId('receipt-table').locator('tr', { hasText: UNION });
      await row.getByText('赵敏').first().waitFor();
      await row.getByText('已报送', { exact: true }).waitFor();
      await page.getByTestId('matrix-filter').getByText('已报送', { exact: true }).click();
      await expect.poll(() => page.getByTestId('receipt-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    });
  });
});
