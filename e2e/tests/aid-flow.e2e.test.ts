import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { PNG_1PX as PNG, clickUntil, loginAs, pageTitle, pickEvidence, tick } from '../support/ui.js';

const HUBIN = '杭州湖滨文旅发展有限公司工会';
const SHANGCHENG = '上城区总工会';
const CITY = '杭州市总工会';
/** Above the default 市总审批金额 (5,000 元): the case goes on to the city. */
const BIG = { category: '助医', yuan: '8000', shown: '8,000.00', reason: '妻子突发脑出血住院两个月,自付医疗费8万余元,家中还有一名在读子女' };
/** Below it: 初审 and 复审 only, then 公示 (for the public page and an objection). */
const SMALL = { category: '助困', yuan: '1200', shown: '1,200.00', reason: '本人工伤停工三个月,家庭收入骤减' };
const APPROVED_YUAN = '7500';

/** antd spaces out two-character button labels (同 意); an icon may prefix the name. */
const APPROVE = /^(\S+ )?同\s*意$/;
const SAVE = /保\s*存$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const EVIDENCE = { type: '收入证明', name: '工资流水.png' };

/** A field of a description list (申请信息, 办理状态 …) inside `scope` (bordered or not). */
async function field(scope: Locator | Page, label: string): Promise<string> {
  const cell = scope.locator(`xpath=.//*[contains(@class,"ant-descriptions-item-label")][normalize-space(.)="${label}"]/following-sibling::*[1]`).first();
  return ((await cell.textContent()) ?? '').trim();
}

/** The timeline's entries as `action|text` (text with its whitespace squeezed), once it is shown. */
async function timeline(page: Page): Promise<{ action: string; text: string }[]> {
  const list = page.getByTestId('review-timeline');
  await list.getByTestId('timeline-entry').first().waitFor();
  return list
    .getByTestId('timeline-entry')
    .evaluateAll((els) => els.map((el) => ({ action: el.getAttribute('data-action') ?? '', text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() })));
}

/** H5: 申请帮扶 with the consent box; returns the new application's id (from the progress page's address). */
async function applyOnPhone(page: Page, c: typeof BIG, opts: { tryWithoutConsent?: boolean; evidence?: typeof EVIDENCE } = {}): Promise<string> {
  await page.getByTestId('mobile-tab-aid').click();
  await pageTitle(page, '我的申请').waitFor();
  await page.getByRole('button', { name: /申请帮扶$/ }).click();
  await pageTitle(page, '申请帮扶').waitFor();
  const form = page.locator('#mobile-aid-apply-form');
  await form.getByText(c.category, { exact: true }).click();
  await form.getByLabel('申请金额').fill(c.yuan);
  await form.getByLabel('申请理由').fill(c.reason);
  if (opts.evidence) {
    await pickEvidence(page, opts.evidence.type, opts.evidence.name);
    await form.getByTestId('picked-evidence').filter({ hasText: opts.evidence.name }).waitFor();
  }
  if (opts.tryWithoutConsent) {
    await form.getByRole('button', { name: /提交申请$/ }).click();
    await page.getByText('请阅读并同意《个人敏感信息使用授权》').waitFor();
    expect(page.url()).toContain('/m/aid/apply');
  }
  await page.getByTestId('aid-consent').click();
  await form.getByRole('button', { name: /提交申请$/ }).click();
  await page.waitForURL((url) => UUID.test(url.pathname) && !url.pathname.endsWith('/apply'));
  await pageTitle(page, '申请进度').waitFor();
  const id = UUID.exec(new URL(page.url()).pathname)?.[0];
  if (!id) throw new Error('no application id in the address');
  return id;
}

/** Admin: 帮扶申请 → 待我审核, the row of 张建国 with this amount, opened with 办理. */
async function openFromInbox(page: Page, amount: string): Promise<void> {
  await page.getByTestId('menu-aid-applications').click();
  await pageTitle(page, '帮扶申请').waitFor();
  await page.getByRole('tab', { name: /待我审核/ }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '张建国' }).filter({ hasText: amount });
  await row.waitFor();
  expect(await row.textContent()).toContain('审核中');
  await clickUntil(row.getByRole('button', { name: /办\s*理$/ }), pageTitle(page, '帮扶申请:张建国'));
}

/** Clicks an action button of the detail page and returns its confirmation dialog. */
async function openAction(page: Page, button: RegExp | string, title: string): Promise<Locator> {
  await page.getByTestId('aid-actions').getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

/** 同意 with an opinion (and a 核定金额); returns the dialog's explanation. */
async function approve(page: Page, opinion: string, approvedYuan?: string, attach?: string): Promise<string> {
  const dialog = await openAction(page, APPROVE, '审核同意:张建国');
  const explanation = (await dialog.locator('.ant-typography').first().textContent()) ?? '';
  if (approvedYuan) await dialog.getByLabel('核定金额').fill(approvedYuan);
  if (attach) await tick(dialog.getByRole('checkbox', { name: attach }));
  await dialog.getByLabel('意见').fill(opinion);
  await dialog.getByRole('button', { name: APPROVE }).click();
  await dialog.waitFor({ state: 'hidden' });
  return explanation;
}

async function recordHomeVisit(page: Page, visitors: string): Promise<void> {
  const dialog = await openAction(page, /入户调查$/, '入户调查:张建国');
  await dialog.getByLabel('走访人').fill(visitors);
  await dialog.getByLabel('调查情况').fill('入户核实:妻子住院病历、费用票据齐全,家庭月收入约3200元,与申报一致');
  // the signed 收入核查授权书 is required
  await dialog.getByRole('button', { name: SAVE }).click();
  await dialog.getByText('须由申请人签署收入核查授权书').waitFor();
  await dialog.getByText('申请人已签署《收入核查授权书》').click();
  await dialog.getByRole('button', { name: SAVE }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('aid-home-visit').getByText('已签署').waitFor();
}

async function statusOf(page: Page): Promise<string> {
  return (await page.getByTestId('aid-workflow').getByTestId('workflow-status').textContent()) ?? '';
}

describe('春风行动: one application from the worker’s phone through every level, 公示 and payout', () => {
  const suite = e2eSuite();
  /** the application above the city threshold, and the small one used for 公示 and an objection */
  let bigId = '';
  let smallId = '';

  /** One person at their own desk: a fresh browser context logged in as `username`. */
  const asStaff = (username: string, work: (page: Page) => Promise<void>) => suite.asStaff(username, work);

  it('worker applies on the H5 form (consent required) and sees the progress', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
      bigId = await applyOnPhone(page, BIG, { tryWithoutConsent: true, evidence: EVIDENCE });
      await page.getByTestId('evidence-item').filter({ hasText: EVIDENCE.name }).waitFor();
      // submitted: no more uploads or deletions by the worker while it is in review
      expect(await page.getByTestId('evidence-upload').count()).toBe(0);
      const progress = await timeline(page);
      expect(progress.map((e) => e.action)).toContain('submit');
      expect(await page.getByTestId('timeline-pending').textContent()).toContain(`待${HUBIN}「基层工会初审」`);
      await page.getByRole('button', { name: /撤回申请$/ }).waitFor();

      smallId = await applyOnPhone(page, SMALL);
      await page.getByTestId('mobile-tab-aid').click();
      await pageTitle(page, '我的申请').waitFor();
      const items = page.getByTestId('my-aid-item');
      await items.filter({ hasText: `助困 · ${SMALL.shown} 元` }).waitFor();
      expect(await items.filter({ hasText: `助医 · ${BIG.shown} 元` }).textContent()).toContain('审核中');
    } finally {
      await context.close();
    }
  });

  it('grassroots 初审: an opinion is required to refuse; both applications approved', async () => {
    await asStaff('grassroots', async (page) => {
      await openFromInbox(page, BIG.shown);
      expect(await field(page.getByTestId('aid-info'), '申请金额')).toBe(`${BIG.shown} 元`);
      expect(await field(page.getByTestId('aid-info'), '身份证号')).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
      expect(await field(page.getByTestId('aid-workflow'), '当前环节')).toBe('基层工会初审');

      // the worker's 证明材料 opens in the browser as the image it is
      const item = page.getByTestId('evidence-item').filter({ hasText: EVIDENCE.name });
      expect(await item.textContent()).toContain(EVIDENCE.type);
      const href = (await item.getByRole('link').getAttribute('href')) ?? '';
      expect(href).toMatch(new RegExp(`^/api/aid/applications/${bigId}/evidence/${UUID.source}$`));
      const file = await page.request.get(href);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toBe('image/png');
      expect(file.headers()['x-content-type-options']).toBe('nosniff');
      expect(Buffer.from(await file.body()).equals(PNG)).toBe(true);

      // 不同意 without an opinion is refused in the dialog
      const refuse = await openAction(page, '不同意', '审核不同意:张建国');
      await refuse.getByRole('button', { name: '不同意' }).click();
      await refuse.getByText('不同意须填写意见').waitFor();
      await refuse.getByRole('button', { name: /取\s*消$/ }).click();
      await refuse.waitFor({ state: 'hidden' });

      expect(await approve(page, '情况属实,同意上报', undefined, `${EVIDENCE.type}:${EVIDENCE.name}`)).toContain('转区县(市)总工会复审');
      await expect.poll(async () => (await timeline(page)).filter((e) => e.action === 'approve').at(-1)?.text ?? '').toContain(`附件:${EVIDENCE.type}:${EVIDENCE.name}`);
      await expect.poll(() => field(page.getByTestId('aid-workflow'), '当前环节')).toBe('区县(市)总工会复审');
      expect(await field(page.getByTestId('aid-workflow'), '办理单位')).toBe(SHANGCHENG);

      await page.goto(`/aid/applications/${smallId}`);
      await pageTitle(page, '帮扶申请:张建国').waitFor();
      await approve(page, '同意上报');
      await expect.poll(() => field(page.getByTestId('aid-workflow'), '当前环节')).toBe('区县(市)总工会复审');
    });
  });

  it('district 复审 needs the home visit first; the big case goes on to the city, the small one into 公示', async () => {
    await asStaff('district', async (page) => {
      await openFromInbox(page, BIG.shown);
      await page.getByText('复审前须先登记入户调查').waitFor();
      await recordHomeVisit(page, '王海燕、赵敏');
      expect(await approve(page, '经入户调查属实,复审通过')).toContain('报市总工会审批');
      await expect.poll(() => field(page.getByTestId('aid-workflow'), '当前环节')).toBe('市总工会审批');
      expect(await field(page.getByTestId('aid-workflow'), '办理单位')).toBe(CITY);

      await page.goto(`/aid/applications/${smallId}`);
      await pageTitle(page, '帮扶申请:张建国').waitFor();
      await recordHomeVisit(page, '王海燕、刘志强');
      expect(await approve(page, '复审通过')).toContain('同意后进入公示(5 天');
      await expect.poll(() => statusOf(page)).toBe('公示中');
    });
  });

  it('the public page /gongshi (no login) shows the masked name; an objection reopens the case', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await page.goto('/gongshi');
      await pageTitle(page, '公示').waitFor();
      const item = page.getByTestId('publicity-item').filter({ hasText: `助困 ${SMALL.shown} 元` });
      await item.waitFor();
      expect(await item.getByTestId('publicity-name').textContent()).toBe('张*国');
      expect(await item.textContent()).toContain(HUBIN);
      expect(await page.locator('body').textContent()).not.toContain('张建国');

      await item.getByRole('button', { name: '提出异议' }).click();
      const dialog = page.getByRole('dialog', { name: '对「张*国」的公示提出异议' });
      await dialog.getByLabel('异议内容').fill('收入');
      await dialog.getByRole('button', { name: '提交异议' }).click();
      await dialog.getByText('异议内容至少5个字').waitFor();
      await dialog.getByLabel('异议内容').fill('据了解其配偶有稳定收入,家庭并不困难');
      await dialog.getByLabel('联系方式').fill('同事 138****0000');
      await dialog.getByRole('button', { name: '提交异议' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('异议已提交').waitFor();
      await item.waitFor({ state: 'detached' });
      // still no session: the page never asked to log in
      expect(new URL(page.url()).pathname).toBe('/gongshi');
    } finally {
      await context.close();
    }

    // the objection sent the small case back to the district's 复审
    await asStaff('district', async (page) => {
      await page.goto(`/aid/applications/${smallId}`);
      await pageTitle(page, '帮扶申请:张建国').waitFor();
      expect(await statusOf(page)).toBe('审核中');
      expect(await field(page.getByTestId('aid-workflow'), '当前环节')).toBe('区县(市)总工会复审');
      const objection = (await timeline(page)).find((e) => e.action === 'objection');
      expect(objection?.text).toContain('据了解其配偶有稳定收入');
    });
  });

  it('city sets 公示天数 to 0, approves with a 核定金额, runs 公示期满处理: 已批准', async () => {
    await asStaff('city', async (page) => {
      await page.getByTestId('menu-aid-publicity').click();
      await pageTitle(page, '公示管理').waitFor();
      const settings = page.getByTestId('aid-settings');
      await settings.getByLabel('公示天数').fill('0');
      await settings.getByRole('button', { name: /保存设置$/ }).click();
      const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '保存帮扶设置?' });
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('公示天数 0 天');
      await confirm.getByRole('button', { name: SAVE }).click();
      await page.getByText('帮扶设置已保存').waitFor();

      await openFromInbox(page, BIG.shown);
      expect(await approve(page, '同意,按7500元核定', APPROVED_YUAN)).toContain('公示天数设为 0');
      await expect.poll(() => statusOf(page)).toBe('公示中');
      expect(await field(page.getByTestId('aid-info'), '核定金额')).toBe('7,500.00 元');

      await page.getByTestId('menu-aid-publicity').click();
      await pageTitle(page, '公示管理').waitFor();
      const row = page.getByTestId('publicity-table').locator('tr.ant-table-row').filter({ hasText: '张建国' }).filter({ hasText: '7,500.00' });
      await row.waitFor();
      await page.getByRole('button', { name: '公示期满处理' }).click();
      const close = page.locator('.ant-modal-confirm').filter({ hasText: '公示期满处理' });
      await close.getByRole('button', { name: '确认处理' }).click();
      // the background job may have been quicker: either message is right
      await page.getByText(/已处理 \d+ 件|没有公示期已满的申请/).first().waitFor();
      await row.waitFor({ state: 'detached' });

      await page.goto(`/aid/applications/${bigId}`);
      await pageTitle(page, '帮扶申请:张建国').waitFor();
      expect(await statusOf(page)).toBe('已批准');
    });
  });

  it('city pays it out from a fund; the timeline shows every step; the worker sees it on the phone', async () => {
    await asStaff('city', async (page) => {
      await page.goto(`/aid/applications/${bigId}`);
      await pageTitle(page, '帮扶申请:张建国').waitFor();
      const dialog = await openAction(page, /发\s*放$/, '发放帮扶资金:张建国');
      expect(await dialog.getByTestId('disburse-amount').textContent()).toBe('7,500.00 元');
      await dialog.locator('.ant-form-item:has(label[title="支出资金"])').getByLabel('支出资金').click();
      const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
      const fundLabel = (await option.getAttribute('title')) ?? '';
      expect(fundLabel).toMatch(/余额/);
      await option.click();
      await dialog.getByRole('button', { name: /确认发放 7,500\.00 元$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const payout = page.getByTestId('aid-payout');
      await payout.waitFor();
      expect(await field(payout, '发放金额')).toBe('7,500.00 元');
      expect(fundLabel).toContain(await field(payout, '支出资金'));
      expect(await page.getByTestId('aid-actions').getByRole('button', { name: /发\s*放$/ }).count()).toBe(0);

      const steps = (await timeline(page)).filter((e) => e.action !== 'create');
      expect(steps.map((e) => e.action)).toEqual(['submit', 'approve', 'approve', 'approve', 'publicity_end']);
      expect(steps[0]?.text).toContain('张建国');
      expect(steps[1]?.text).toContain('基层工会初审');
      expect(steps[1]?.text).toContain(HUBIN);
      expect(steps[1]?.text).toContain('情况属实,同意上报');
      expect(steps[2]?.text).toContain('区县(市)总工会复审');
      expect(steps[2]?.text).toContain(SHANGCHENG);
      expect(steps[3]?.text).toContain('市总工会审批');
      expect(steps[3]?.text).toContain(CITY);
      expect(steps[3]?.text).toContain('同意,按7500元核定');
      expect(steps[4]?.text).toContain('公示期满');
    });

    const { context, page } = await newPage(suite.browser, suite.srv.base, { mobile: true });
    try {
      await loginAs(page, 'worker', { path: '/m/login' });
      await page.waitForURL((url) => url.pathname === '/m');
      await page.goto(`/m/aid/${bigId}`);
      await pageTitle(page, '申请进度').waitFor();
      expect(await page.getByTestId('workflow-status').first().textContent()).toBe('已批准');
      expect(await field(page, '发放')).toContain('7,500.00 元');
      const actions = (await timeline(page)).map((e) => e.action).filter((a) => a !== 'create');
      expect(actions).toEqual(['submit', 'approve', 'approve', 'approve', 'publicity_end']);
      expect(await page.getByRole('button', { name: /撤回申请$/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('grassroots files on a worker’s behalf (代职工申请): the filer is recorded, submitted to 初审', async () => {
    await asStaff('grassroots', async (page) => {
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-list').waitFor();
      await page.keyboard.press('Escape');

      await page.getByTestId('menu-aid-applications').click();
      await pageTitle(page, '帮扶申请').waitFor();
      await page.getByRole('button', { name: /代职工申请$/ }).click();
      await pageTitle(page, '代职工申请').waitFor();
      const form = page.locator('#aid-create-form');
      await form.getByLabel('申请职工').fill('张建国');
      const member = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '张建国' });
      await member.first().click();
      await form.getByLabel('帮扶类别').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="助学"]').click();
      await form.getByLabel('申请金额').fill('2345.6');
      await form.getByLabel('申请理由').fill('儿子考入浙江大学,学费住宿费无力承担');
      // the worker's signed consent is required
      await form.getByRole('button', { name: /保存并提交$/ }).click();
      await page.getByText('代为申请须取得申请人签字的《个人敏感信息使用授权》').waitFor();
      await form.getByText('已取得申请人签字的《个人敏感信息使用授权》').click();
      await form.getByRole('button', { name: /保存并提交$/ }).click();

      await pageTitle(page, '帮扶申请:张建国').waitFor();
      await expect.poll(() => statusOf(page)).toBe('审核中');
      const info = page.getByTestId('aid-info');
      expect(await field(info, '申请金额')).toBe('2,345.60 元');
      expect(await field(info, '帮扶类别')).toBe('助学');
      expect(await field(info, '填报人')).toContain('赵敏');
      expect(await field(info, '填报人')).toContain('工会代为申请');
      expect(await field(info, '敏感信息授权')).toBe('已授权');
      expect(await field(page.getByTestId('aid-workflow'), '当前环节')).toBe('基层工会初审');
    });
  });
});
