import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { PNG_1PX, pageTitle } from '../support/ui.js';

const HUBIN = '杭州湖滨文旅发展有限公司工会';
const GATES = ['gate_org', 'gate_venue', 'gate_rules', 'gate_funds', 'gate_results'];
/** points criteria with their maximum; the union gives itself a little less on some */
const POINTS: Record<string, number> = { org_building: 10, membership: 10, congress: 9, openness: 9, venue: 9, activities: 10, funds_use: 9, funds_audit: 5, care: 9, skills: 7, satisfaction: 6 };
const EVIDENCE = [...GATES, 'org_building', 'membership', 'congress', 'openness', 'venue', 'activities', 'funds_use', 'care', 'skills'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function status(page: Page): Promise<string> {
  return ((await page.getByTestId('assessment-status').textContent()) ?? '').trim();
}

describe('职工之家: the union self-assesses, the district reviews, the city confirms a grade', () => {
  const suite = e2eSuite();
  let id = '';

  const as = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);

  it('the grassroots union opens its re-evaluation, fills every criterion with evidence and submits', async () => {
    await as('grassroots', async (page) => {
      await page.getByTestId('menu-union-homes').click();
      await pageTitle(page, '职工之家').waitFor();
      await page.getByRole('button', { name: /我的职工之家$/ }).click();
      await pageTitle(page, `职工之家 · ${HUBIN}`).waitFor();
      // the four checks and the due re-evaluation (its 2023 grade ran out)
      expect(await page.getByTestId('home-checks').textContent()).toContain('有人干事');
      await page.getByTestId('start-assessment').click();
      await page.waitForURL((url) => url.pathname.includes('/union-homes/assessments/'));
      id = UUID.exec(new URL(page.url()).pathname)?.[0] ?? '';
      await pageTitle(page, '职工之家考评').waitFor();
      expect(await status(page)).toBe('自评中');

      for (const key of GATES) await page.getByTestId(`self-${key}`).getByText('达到', { exact: true }).click();
      for (const [key, points] of Object.entries(POINTS)) await page.getByTestId(`self-${key}`).locator('input.ant-input-number-input').fill(String(points));
      await page.getByTestId('save-self').click();
      await page.getByText('自评已保存').waitFor();

      // submitting without the evidence the criteria ask for is refused, naming them
      await page.getByTestId('submit-assessment').click();
      await page.getByRole('button', { name: /^提\s*交$/ }).click();
      await page.getByText(/须上传佐证材料/).first().waitFor();

      for (const key of EVIDENCE) {
        const box = page.getByTestId(`evidence-${key}`);
        await box.locator('input[type=file]').setInputFiles({ name: `${key}.png`, mimeType: 'image/png', buffer: PNG_1PX });
        await box.getByTestId('evidence-item').waitFor();
      }
      await page.getByTestId('submit-assessment').click();
      await page.getByRole('button', { name: /^提\s*交$/ }).click();
      await page.getByText('已提交,等待区县(市)总工会审核').waitFor();
      expect(await status(page)).toBe('待审核');
      expect(await page.getByTestId('evidence-upload').count()).toBe(0);
    });
  });

  it('the district scores each criterion (a spot-check deduction) and approves', async () => {
    await as('district', async (page) => {
      await page.getByTestId('menu-union-homes').click();
      await pageTitle(page, '职工之家').waitFor();
      const row = page.getByTestId('union-home-list').locator('tr.ant-table-row').filter({ hasText: HUBIN });
      await row.getByRole('link', { name: '办理考评' }).click();
      await pageTitle(page, '职工之家考评').waitFor();
      expect(await status(page)).toBe('待审核');
      // the scores start from the union's own; the district lowers one and deducts 2 after its spot-check
      await page.getByTestId('rate-venue').locator('input.ant-input-number-input').fill('6');
      await page.getByTestId('rate-venue').locator('input.ant-input').fill('书屋藏书不足');
      await page.getByTestId('rate-spot_check').locator('input.ant-input-number-input').fill('2');
      await page.getByTestId('save-rating').click();
      await page.getByText('评分已保存').waitFor();
      await page.getByTestId('criteria-table').getByText('书屋藏书不足').waitFor();
      await page.getByTestId('approve-assessment').click();
      const dialog = page.getByRole('dialog', { name: '审核通过,报市总工会确认' });
      expect(await dialog.getByTestId('proposed-grade').textContent()).toBe('先进职工之家');
      await dialog.getByTestId('dialog-text').fill('经实地查看,同意上报');
      await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
      await page.getByText('已审核通过,报市总工会确认').waitFor();
      expect(await status(page)).toBe('待确认');
    });
  });

  it('the city confirms the grade; the home shows it with its validity', async () => {
    await as('city', async (page) => {
      await page.goto(`/union-homes/assessments/${id}`);
      await pageTitle(page, '职工之家考评').waitFor();
      expect(await status(page)).toBe('待确认');
      await page.getByTestId('confirm-assessment').click();
      const dialog = page.getByRole('dialog', { name: '确认等级' });
      expect(await dialog.getByTestId('proposed-grade').textContent()).toBe('先进职工之家');
      await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
      await page.getByText('已确认等级:先进职工之家').waitFor();
      expect(await status(page)).toBe('已确认');
      expect(await page.getByTestId('final-grade').textContent()).toContain('先进职工之家');
      expect(await page.getByTestId('final-grade').textContent()).toContain('2028-12-31');
      await page.getByRole('link', { name: '职工之家档案' }).click();
      await pageTitle(page, `职工之家 · ${HUBIN}`).waitFor();
      expect(await page.getByTestId('open-assessment').locator('..').textContent()).toContain('先进职工之家');
    });
  });
});
