import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, fieldError, pageTitle, pickEvidence } from '../support/ui.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const OK = /^确\s*定$/;
const yearsAgo = (y: number) => `${new Date().getFullYear() - y}-03-01`;

interface MemberItem {
  id: string;
  name: string;
  idCard: string;
  orgName: string;
}

/** A frontline 在册 member of 上城区 not yet nominated, with a name no other listed member has (for the picker). */
async function freeFrontliner(page: Page): Promise<MemberItem> {
  const members = (await (await page.request.get('/api/members?frontline=true&status=active&pageSize=200')).json()) as { items: MemberItem[] };
  const nominated = (await (await page.request.get('/api/honours/craftsman/nominations?pageSize=200')).json()) as { items: { memberId: string }[] };
  const taken = new Set(nominated.items.map((n) => n.memberId));
  const count = (name: string) => members.items.filter((m) => m.name === name).length;
  const m = members.items.find((x) => !taken.has(x.id) && count(x.name) === 1);
  if (!m) throw new Error('no free frontline member');
  return m;
}

describe('杭州工匠: nominated by the district → scored by experts → decided → 公示 → approved by the city', () => {
  const suite = e2eSuite();
  let id = '';
  let name = '';

  const as = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);
  const stage = (page: Page) => page.getByTestId('craftsman-stage');

  it('上城区 nominates: the 10-year rule is refused by the server, a national 2nd place waives it; evidence, then submit', async () => {
    await as('district', async (page) => {
      const m = await freeFrontliner(page);
      name = m.name;
      await page.getByTestId('menu-craftsman-nominations').click();
      await pageTitle(page, '杭州工匠推荐').waitFor();
      await page.getByTestId('create-craftsman-nomination').click();
      const dialog = page.getByRole('dialog', { name: '推荐杭州工匠候选人' });
      await chooseOption(page, dialog, '被推荐会员', `${m.name}(${m.idCard},${m.orgName})`, m.name);
      // the registry's 技能比武 results (city level and above) can pre-fill the contest list
      await dialog.getByTestId('craftsman-import-contests').click();
      await page.locator('.ant-message-notice').filter({ hasText: '技能比武' }).first().waitFor();
      await dialog.getByLabel('职业(工种)').fill('数控车工');
      await dialog.getByLabel('工作单位').fill('杭州汽轮动力集团股份有限公司');
      for (const [label, value] of [['从事本职业起始日期', yearsAgo(5)], ['在杭全职工作起始日期', yearsAgo(5)]] as const) {
        await dialog.getByLabel(label).fill(value);
        await dialog.getByLabel(label).press('Enter');
      }
      await dialog.getByLabel('主要事迹').fill('扎根数控车削岗位,攻克汽轮机叶片精密加工难题,带徒8名。');
      await dialog.getByRole('button', { name: /保\s*存$/ }).click();
      await fieldError(dialog, '从事本职业起始日期').filter({ hasText: '须满10年(现为5年)' }).waitFor();
      await dialog.getByRole('button', { name: '添加竞赛成绩' }).click();
      await dialog.getByPlaceholder('竞赛名称').last().fill('全国职工职业技能大赛数控车工决赛');
      await dialog.getByLabel('竞赛级别').last().click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="国家级"]').click();
      await dialog.getByPlaceholder('名次').last().fill('2');
      await dialog.getByRole('button', { name: /保\s*存$/ }).click();
      await page.waitForURL((url) => UUID.test(url.pathname));
      id = UUID.exec(new URL(page.url()).pathname)![0];
      await page.getByTestId('craftsman-eligibility').filter({ hasText: '免从业10年要求' }).waitFor();
      await pickEvidence(page, '竞赛获奖证书', '全国大赛获奖证书.png');
      await page.getByTestId('craftsman-evidence').getByText('全国大赛获奖证书.png').waitFor();
      await page.getByTestId('craftsman-submit').click();
      await stage(page).filter({ hasText: '已推荐待评审' }).waitFor();
    });
  });

  it('three experts score it; the result is their mean; the city closes the review and the leading group decides', async () => {
    const totals: number[] = [];
    for (const [i, expert] of ['expert1', 'expert2', 'expert3'].entries()) {
      await as(expert, async (page) => {
        await page.goto(`/honours/craftsman/nominations/${id}`);
        await pageTitle(page, name).waitFor();
        const form = page.locator('#craftsman-score');
        const points = [36 - i, 26, 17, 8];
        totals.push(points.reduce((s, p) => s + p, 0));
        for (const [k, label] of ['技能水平', '技术创新与攻关', '业绩贡献', '传技带徒'].entries()) await form.getByLabel(label).fill(String(points[k]));
        await page.getByTestId('craftsman-score-save').click();
        await page.getByText('评分已保存').waitFor();
      });
    }
    await as('city', async (page) => {
      await page.goto(`/honours/craftsman/nominations/${id}`);
      await page.getByTestId('craftsman-scores').getByText(`综合得分 ${totals.reduce((s, t) => s + t, 0) / 3}(3位专家)`).waitFor();
      await page.getByTestId('craftsman-review-pass').click();
      const pass = page.getByRole('dialog', { name: '综合评审通过,提交领导小组审定' });
      await pass.getByRole('button', { name: OK }).click();
      await stage(page).filter({ hasText: '待领导小组审定' }).waitFor();
      await page.getByTestId('craftsman-decide').click();
      const decide = page.getByRole('dialog', { name: '领导小组审定' });
      await decide.getByText('杭州工匠', { exact: true }).click();
      await decide.getByLabel('意见').fill('经领导小组审定,拟认定为杭州工匠');
      await decide.getByRole('button', { name: OK }).click();
      await stage(page).filter({ hasText: '公示中' }).waitFor();
    });
  });

  it('the public 公示 page lists it with a masked name; an objection reopens it at the leading group, which decides again', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await page.goto('/gongshi');
      await pageTitle(page, '公示').waitFor();
      const item = page.getByTestId('publicity-item').filter({ hasText: '拟认定' }).filter({ hasText: '数控车工' }).filter({ hasText: '杭州汽轮动力集团股份有限公司' }).last();
      await item.waitFor();
      expect(await page.locator('body').textContent()).not.toContain(name);
      await item.getByRole('button', { name: '提出异议' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('异议内容').fill('据同事反映,该职工近半年已转岗至车间管理岗位');
      await dialog.getByRole('button', { name: '提交异议' }).click();
      await page.getByText('异议已提交').waitFor();
    } finally {
      await context.close();
    }
    await as('city', async (page) => {
      await page.goto(`/honours/craftsman/nominations/${id}`);
      await stage(page).filter({ hasText: '待领导小组审定' }).waitFor();
      await page.getByTestId('review-timeline').getByText('据同事反映,该职工近半年已转岗至车间管理岗位').waitFor();
      await page.getByTestId('craftsman-decide').click();
      const decide = page.getByRole('dialog', { name: '领导小组审定' });
      await decide.getByText('杭州工匠', { exact: true }).click();
      await decide.getByLabel('意见').fill('经核查,该职工仍在数控车削一线岗位,异议不成立');
      await decide.getByRole('button', { name: OK }).click();
      await stage(page).filter({ hasText: '公示中' }).waitFor();
    });
  });

  it('after 公示 the city records the government\'s approval (certificate number) and pays the award once', async () => {
    await as('city', async (page) => {
      await page.getByTestId('menu-craftsman-nominations').click();
      await pageTitle(page, '杭州工匠推荐').waitFor();
      const row = page.getByTestId('craftsman-nomination-list').locator('tr.ant-table-row').filter({ hasText: '待市政府批准' }).first();
      await row.getByRole('link').click();
      await stage(page).filter({ hasText: '待市政府批准' }).waitFor();
      await page.getByTestId('craftsman-city-approve').click();
      await page.getByRole('button', { name: /^批\s*准$/ }).click();
      await stage(page).filter({ hasText: '已批准' }).waitFor();
      await page.getByText(/杭匠〔\d{4}〕\d{3}号/).waitFor();
      await page.getByTestId('craftsman-pay').click();
      const pay = page.getByRole('dialog', { name: /发放杭州工匠奖励/ });
      await chooseOption(page, pay, '支付资金', '杭州工匠奖励资金');
      await pay.getByRole('button', { name: /发\s*放$/ }).click();
      await page.getByText('奖励已发放').waitFor();
      await page.getByText('50,000.00 元 已发放').waitFor();
      expect(await page.getByTestId('craftsman-pay').count()).toBe(0);
    });
  });
});
