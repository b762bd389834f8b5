import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@gonghui/contracts';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, descriptionValue, pageTitle, tick } from '../support/ui.js';

const NAME = '楼建新';
const FIRST17 = '33010219820315051';
const ID_CARD = FIRST17 + idCardCheckChar(FIRST17);
const TRAINING = '湖滨文旅工会委员履职培训';

describe('工会干部: a union registers a cadre, records a training session with attendance and sees the hours', () => {
  const suite = e2eSuite();

  it('registers the cadre (masked 身份证), enters attendance in bulk, the cadre shows the credited 学时 against the target', async () => {
    await suite.asStaff('grassroots', async (page) => {
      await page.getByTestId('menu-cadre-register').click();
      await pageTitle(page, '工会干部名册').waitFor();
      await page.getByTestId('create-cadre').click();
      const dialog = page.getByRole('dialog', { name: '登记工会干部' });
      await dialog.getByLabel('姓名').fill(NAME);
      await dialog.getByLabel('身份证号').fill(ID_CARD);
      await dialog.getByLabel('手机号').fill('13957112345');
      await chooseOption(page, dialog, '职务', '委员');
      const start = dialog.getByLabel('任职日期');
      await start.fill('2024-06-01');
      await start.press('Enter');
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
      await pageTitle(page, `工会干部:${NAME}`).waitFor();
      expect(await descriptionValue(page, '身份证号')).toBe(`${ID_CARD.slice(0, 4)}**********${ID_CARD.slice(-4)}`);
      expect(await descriptionValue(page, '职务')).toBe('委员(兼职)');

      await page.getByTestId('menu-cadre-trainings').click();
      await pageTitle(page, '干部培训').waitFor();
      await page.getByTestId('create-training').click();
      const form = page.getByRole('dialog', { name: '登记培训班' });
      await form.getByLabel('培训班名称').fill(TRAINING);
      const starts = form.getByLabel('开班日期');
      await starts.fill('2026-11-10');
      await starts.press('Enter');
      await form.getByLabel('培训地点').fill('湖滨银泰职工书屋');
      await form.getByLabel('学时', { exact: true }).fill('4.5');
      await form.getByRole('button', { name: /^保\s*存$/ }).click();
      await pageTitle(page, TRAINING).waitFor();

      await page.getByTestId('record-attendance').click();
      const att = page.getByRole('dialog', { name: `录入签到:${TRAINING}` });
      await att.getByPlaceholder('按姓名查找').fill(NAME);
      await att.getByPlaceholder('按姓名查找').press('Enter');
      await tick(att.getByLabel(`签到 ${NAME}`));
      await att.locator('.ant-btn-primary', { hasText: '1 人签到' }).click();
      await att.waitFor({ state: 'detached' });
      const row = page.getByTestId('attendance-list').locator('.ant-table-row', { hasText: NAME });
      await row.getByText('已签到').waitFor();
      expect(await row.locator('td').last().textContent()).toBe('4.5');

      await row.getByRole('link', { name: NAME }).click();
      await pageTitle(page, `工会干部:${NAME}`).waitFor();
      const year = page.getByTestId('cadre-hours').locator('.ant-table-row', { hasText: '2026' });
      await year.getByText('未达标').waitFor();
      expect((await year.locator('td').allTextContents()).slice(0, 4)).toEqual(['2026', '1', '4.5', '12']);
      await page.getByRole('link', { name: TRAINING }).waitFor();
    });
  });
});
