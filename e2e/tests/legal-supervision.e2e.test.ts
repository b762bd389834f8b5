import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, pageTitle } from '../support/ui.js';

const ENTERPRISE = '杭州清波丝绸文化有限公司';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe('劳动法律监督: a 意见书 drafted from the template, issued, delivered, answered and closed', () => {
  const suite = e2eSuite();

  const status = (page: Page) => page.getByTestId('notice-status').textContent();

  it('the district union issues a 意见书 and records the enterprise\'s reply', async () => {
    await suite.asStaff('district', async (page) => {
      await page.getByTestId('menu-legal-supervision').click();
      await pageTitle(page, '劳动法律监督').waitFor();
      await page.getByTestId('create-notice').click();
      const form = page.getByTestId('notice-form');
      await form.getByText('意见书', { exact: true }).click();
      await chooseOption(page, form, '企业', ENTERPRISE, '清波丝绸');
      await chooseOption(page, form, '问题类别', '拖欠工资');
      await expect.poll(() => form.getByLabel('法律依据').inputValue()).toContain('《工资支付暂行规定》第七条');
      await form.getByLabel('发现的问题').fill('该公司拖欠丝绸车间职工2026年10月工资,涉及职工28人,金额约19.6万元。');
      await page.getByRole('button', { name: /^起\s*草$/ }).click();
      await pageTitle(page, '意见书 (草稿)').waitFor();
      await page.getByTestId('notice-body').getByText(/丝绸车间职工/).waitFor();

      await page.getByTestId('issue-notice').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^签\s*发$/ }).click();
      await expect.poll(() => status(page)).toBe('已签发(待送达)');
      const title = await page.getByTestId('page-title').textContent();
      expect(title).toMatch(/意见书 上城工法监〔\d{4}〕\d+号/);
      const pdf = await page.request.get(await page.getByRole('link', { name: /文书 PDF/ }).getAttribute('href') ?? '');
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      await page.getByTestId('deliver-notice').click();
      const delivery = page.getByTestId('delivery-form');
      await delivery.getByLabel('签收人').fill('人事行政部 沈雅琴');
      await page.getByRole('button', { name: /^登\s*记$/ }).click();
      await expect.poll(() => status(page)).toBe('已送达(待回复)');
      const proof = page.getByTestId('files-delivery-proof');
      await proof.getByTestId('evidence-type').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="送达回证"]').click();
      // enabled once the chosen type is in the control's state (files on a disabled input are dropped)
      await proof.locator('input[type=file]:not([disabled])').setInputFiles({ name: '送达回证.pdf', mimeType: 'application/pdf', buffer: PDF });
      await proof.getByTestId('evidence-item').waitFor();

      await page.getByTestId('reply-notice').click();
      const reply = page.getByTestId('reply-form');
      await reply.getByLabel('回复内容').fill('公司已于11月20日足额支付拖欠的10月工资19.6万元。');
      await reply.getByLabel('整改措施').fill('建立工资支付台账,每月10日前发放上月工资,由工会监督。');
      await page.getByRole('button', { name: /^登\s*记$/ }).click();
      await expect.poll(() => status(page)).toBe('已结案');
      await page.getByTestId('notice-reply').getByText('整改到位,结案').waitFor();

      await page.getByRole('link', { name: ENTERPRISE }).click();
      await pageTitle(page, `${ENTERPRISE} · 法律监督记录`).waitFor();
      await page.getByTestId('history-list').getByText('已结案').waitFor();
    });
  });
});
