import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, pageTitle } from '../support/ui.js';

const TITLE = '杭州湖滨文旅发展有限公司女职工权益保护专项集体合同';

describe('工资集体协商: a union registers a contract, a vote fails on quorum, the next passes, it is filed and counted', () => {
  const suite = e2eSuite();

  const as = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);
  const vote = async (page: Page, representatives: string, present: string, votesFor: string, preview: string) => {
    await page.getByTestId('wage-vote').click();
    const form = page.getByTestId('wage-action-form');
    await form.getByLabel('应到人数').fill(representatives);
    await form.getByLabel('实到人数').fill(present);
    await form.getByLabel('赞成').fill(votesFor);
    await form.getByLabel('反对').fill('0');
    await page.getByTestId('vote-preview').getByText(preview).waitFor();
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await form.waitFor({ state: 'detached' });
  };

  it('the grassroots union records the negotiation, the vote and the filing', async () => {
    await as('grassroots', async (page) => {
      await page.getByTestId('menu-wage-contracts').click();
      await pageTitle(page, '工资集体协商').waitFor();
      await page.getByTestId('create-wage-contract').click();
      const form = page.getByTestId('wage-contract-form');
      await chooseOption(page, form, '合同种类', '女职工权益保护专项集体合同');
      await form.getByLabel('合同名称').fill(TITLE);
      await chooseOption(page, form, '覆盖企业', '杭州湖滨文旅发展有限公司', '湖滨文旅');
      await form.getByLabel('企业方(行业协会)首席代表').fill('杨总经理');
      await form.getByLabel('职工方首席代表').fill('赵敏');
      await form.getByLabel('平均工资增长幅度').fill('5');
      await form.getByLabel('企业最低工资标准(月)').fill('3000');
      await form.getByLabel('覆盖职工人数').fill('96');
      await page.getByRole('button', { name: /^保\s*存$/ }).click();
      await pageTitle(page, TITLE).waitFor();
      expect(await page.getByTestId('wage-phase').textContent()).toBe('协商中');

      await page.getByTestId('wage-add-round').click();
      const round = page.getByTestId('wage-action-form');
      await round.getByLabel('协商地点').fill('公司工会会议室');
      await round.getByLabel('协商议题').fill('女职工经期、孕期、哺乳期特殊保护,生育津贴');
      await round.getByLabel('协商结果').fill('双方同意增设哺乳室并落实产检假');
      await page.getByRole('button', { name: /^保\s*存$/ }).click();
      await page.getByTestId('wage-rounds').getByText('公司工会会议室').waitFor();

      await vote(page, '30', '19', '19', '按此结果,草案不能通过');
      await page.getByTestId('wage-votes').getByText(/出席人数不足/).waitFor();
      expect(await page.getByTestId('wage-phase').textContent()).toBe('协商中');
      await vote(page, '30', '27', '25', '按此结果,草案通过');
      await expect.poll(() => page.getByTestId('wage-phase').textContent()).toBe('待备案');

      await page.getByTestId('wage-file').click();
      await page.getByTestId('wage-action-form').getByLabel('备案的人力资源和社会保障部门').fill('上城区人力资源和社会保障局');
      await page.getByRole('button', { name: /^保\s*存$/ }).click();
      await expect.poll(() => page.getByTestId('wage-phase').textContent()).toBe('生效中');
    });
  });

  it('the district sees its coverage against the targets and drills down to a street', async () => {
    await as('district', async (page) => {
      await page.getByTestId('menu-wage-contracts').click();
      await page.getByTestId('wage-coverage-link').click();
      await pageTitle(page, '工资集体协商覆盖率').waitFor();
      await page.getByTestId('wage-coverage-total').getByText('上城区总工会 建会企业').waitFor();
      await page.getByTestId('wage-coverage-rows').getByText('湖滨街道总工会').click();
      await page.getByTestId('wage-coverage-total').getByText('湖滨街道总工会 建会企业').waitFor();
      expect(await page.getByTestId('wage-coverage-rows').locator('tbody tr').count()).toBeGreaterThan(0);
    });
  });
});
