import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { makeIdCard, makePhone, maskedIdCard, withWrongCheckChar } from '../../apps/server/src/test-support/identity-numbers.js';
import { MEMBER_HEADER } from '../../apps/server/src/test-support/import-fixtures.js';
import { readXlsx, xlsxFile, type Cell } from '../../apps/server/src/test-support/spreadsheet-files.js';
import { newPage } from '../support/browser.js';
import { e2eSuite } from '../support/e2e-suite.js';
import { chooseOption, loginToDashboard, pageTitle } from '../support/ui.js';

const HUBIN = '杭州湖滨文旅发展有限公司工会';
const YANAN = '杭州延安路商业管理有限公司工会';
const XIXI = '杭州西溪数智科技股份有限公司工会';
const XIHU_DISTRICT = '西湖区总工会';
const UNKNOWN_CODE = '999999999999';
/** Imports run as background jobs (polled every second): allow for a busy machine. */
const JOB_MS = 60_000;

interface Person {
  name: string;
  idCard: string;
  phone: string;
}

/**
 * Demo people never have a birth day after the 28th (member.seed.ts), so these 身份证 numbers
 * cannot collide with the demo registry.
 */
const IMPORTED: Person[] = [
  { name: '钱海峰', idCard: makeIdCard('330102', '19880229', 11), phone: makePhone('138', 20_260_301) },
  { name: '俞佳怡', idCard: makeIdCard('330106', '19950430', 22), phone: makePhone('139', 20_260_302) },
  { name: '楼振华', idCard: makeIdCard('330105', '19790531', 33), phone: makePhone('186', 20_260_303) },
];
/** Rows 3, 5 and 7 of the import file: wrong check digit, not a mobile number, a union nobody has. */
const BAD_ROWS: Person[] = [
  { name: '错校验', idCard: withWrongCheckChar(makeIdCard('330102', '19900930', 44)), phone: makePhone('150', 20_260_304) },
  { name: '错手机', idCard: makeIdCard('330102', '19910831', 55), phone: '12812345678' },
  { name: '无此会', idCard: makeIdCard('330102', '19921029', 66), phone: makePhone('150', 20_260_306) },
];
const MOVER: Person = { name: '应浩宇', idCard: makeIdCard('330102', '19870830', 17), phone: makePhone('177', 20_260_830) };

/** antd spaces out two-character button labels (预 检); an icon or a fading loading icon may prefix the name. */
const PRECHECK = /预\s*检$/;
const IMPORT = /导\s*入$/;
const DONE = /完\s*成$/;
const SEARCH = /查\s*询$/;
const DETAIL = /详\s*情$/;
const APPROVE = /同\s*意$/;
const SAVE = /保\s*存$/;

async function openMenu(page: Page, key: string, title: string): Promise<void> {
  await page.getByTestId(`menu-${key}`).click();
  await pageTitle(page, title).waitFor();
}

/** The value of the antd Statistic titled `title` inside `scope`. */
async function statistic(scope: Locator, title: string): Promise<string> {
  const stat = scope.locator('.ant-statistic').filter({ has: scope.page().getByText(title, { exact: true }) });
  return ((await stat.locator('.ant-statistic-content-value').textContent()) ?? '').trim();
}

/** The texts of the body rows of the (only) table inside `scope`, cells joined by `|`. */
async function tableRows(scope: Locator): Promise<string[]> {
  const rows: string[] = [];
  for (const row of await scope.locator('.ant-table-tbody tr.ant-table-row').all()) {
    rows.push((await row.locator('td').allTextContents()).map((t) => t.trim()).join('|'));
  }
  return rows;
}

/** The 姓名 column of the member list as shown. */
async function memberNames(page: Page): Promise<string[]> {
  return page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();
}

async function searchMembers(page: Page, q: string): Promise<void> {
  await page.getByLabel('查找会员').fill(q);
  await page.locator('#member-filter').getByRole('button', { name: SEARCH }).click();
}

/** 组织机构 → the user's own union is shown: its 组织编码 as the import file needs it. */
async function ownOrgCode(page: Page, union: string): Promise<string> {
  await openMenu(page, 'system-orgs', '组织机构');
  const detail = page.getByTestId('org-detail');
  await detail.locator('.ant-card-head-title').filter({ hasText: union }).waitFor();
  const code = ((await detail.locator('th:has-text("组织编码") + td').textContent()) ?? '').trim();
  expect(code).toMatch(/^\d{12}$/);
  return code;
}

/** The drawer whose body holds `testId` (transfer-detail, member-detail). */
function drawerWith(page: Page, testId: string): Locator {
  return page.locator('.ant-drawer').filter({ has: page.getByTestId(testId) });
}

/** Closes a drawer (its mask would otherwise catch clicks on the menu and header). */
async function closeDrawer(drawer: Locator): Promise<void> {
  await drawer.locator('.ant-drawer-close').click();
  await expect.poll(() => drawer.page().locator('.ant-drawer-mask').filter({ visible: true }).count()).toBe(0);
}

/** 会员接转 → 待我办理: the inbox row matching all `texts`, opened with 详情; returns the drawer. */
async function openFromInbox(page: Page, texts: string[]): Promise<Locator> {
  await openMenu(page, 'member-transfers', '会员接转');
  expect(await page.getByRole('tab', { name: '待我办理' }).getAttribute('aria-selected')).toBe('true');
  let row = page.locator('.ant-table-tbody tr.ant-table-row');
  for (const t of texts) row = row.filter({ hasText: t });
  await row.waitFor();
  await row.getByRole('button', { name: DETAIL }).click();
  const drawer = drawerWith(page, 'transfer-detail');
  await drawer.getByTestId('transfer-timeline').waitFor();
  return drawer;
}

/** 同意 in the drawer, checks the confirmation's explanation, confirms, waits for the dialog to close. */
async function approveInDrawer(page: Page, drawer: Locator, memberName: string, explanation: string): Promise<void> {
  await drawer.locator('.ant-drawer-extra').getByRole('button', { name: APPROVE }).click();
  const dialog = page.getByRole('dialog', { name: `同意接转:${memberName}` });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(explanation);
  await dialog.getByLabel('意见').fill('同意,材料齐全');
  await dialog.getByRole('button', { name: APPROVE }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** A field (状态, 跨区县, …) of the drawer's description table. */
async function drawerField(drawer: Locator, label: string): Promise<string> {
  return ((await drawer.locator(`xpath=.//th[normalize-space(.)="${label}"]/following-sibling::td[1]`).textContent()) ?? '').trim();
}

async function timeline(drawer: Locator): Promise<string[]> {
  return (await drawer.getByTestId('transfer-timeline').locator('.ant-timeline-item-content').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('member registry: import with error report, 首字母 search, transfer approvals', () => {
  const suite = e2eSuite();
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'gh-e2e-members-'));
  });

  /** One person at their own desk: a fresh browser context logged in as `username`. */
  async function asUser(username: string, work: (page: Page) => Promise<void>): Promise<void> {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await loginToDashboard(page, username);
      await work(page);
    } finally {
      await context.close();
    }
  }

  afterAll(async () => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('grassroots imports an xlsx with good and bad rows: 预检, 正式导入, then downloads the error report', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await loginToDashboard(page, 'grassroots');
      const code = await ownOrgCode(page, HUBIN);

      // Rows 2, 4, 6 are good; 3 has a wrong check digit, 5 a bad mobile, 7 an unknown union.
      // Mobile numbers are typed as numbers, as Excel keeps them.
      const line = (p: Person, orgCode = code): Cell[] => [p.name, p.idCard, Number(p.phone), orgCode, '2025-03-01'];
      const rows: Cell[][] = [
        MEMBER_HEADER,
        line(IMPORTED[0]!),
        line(BAD_ROWS[0]!),
        line(IMPORTED[1]!),
        line(BAD_ROWS[1]!),
        line(IMPORTED[2]!),
        line(BAD_ROWS[2]!, UNKNOWN_CODE),
      ];
      const expectedErrors: Cell[][] = [
        [3, '身份证号', '身份证号校验位错误'],
        [5, '手机号', '手机号应为11位中国大陆手机号'],
        [7, '工会组织编码', `找不到编码为 ${UNKNOWN_CODE} 的工会,或不在您的管理范围内`],
      ];
      const upload = join(tmp, '湖滨文旅会员.xlsx');
      writeFileSync(upload, await xlsxFile(rows));

      await openMenu(page, 'members', '会员管理');
      await page.getByRole('button', { name: IMPORT }).click();
      const dialog = page.getByRole('dialog', { name: '导入会员' });
      const wizard = dialog.getByTestId('import-dialog');
      await wizard.waitFor();
      await wizard.locator('input[type="file"]').setInputFiles(upload);
      await wizard.getByText('湖滨文旅会员.xlsx').waitFor();

      // 预检: counts and the first errors.
      await wizard.getByRole('button', { name: PRECHECK }).click();
      const check = wizard.getByTestId('import-check-result');
      await check.waitFor({ timeout: JOB_MS });
      expect(await wizard.getByTestId('job-progress').textContent()).toContain('已完成');
      expect(await statistic(check, '数据行')).toBe('6');
      expect(await statistic(check, '通过校验')).toBe('3');
      expect(await statistic(check, '有误')).toBe('3');
      expect(await check.textContent()).toContain('3 行有误,正式导入时将跳过这些行');
      expect(await tableRows(check)).toEqual(expectedErrors.map((e) => e.join('|')));

      // 正式导入 asks for confirmation because some rows will be skipped.
      await wizard.getByRole('button', { name: '正式导入' }).click();
      const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '确认正式导入?' });
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('预检发现 3 行有误,这些行将被跳过,仅导入通过校验的 3 行。');
      await confirm.getByRole('button', { name: IMPORT }).click();
      const result = wizard.getByTestId('import-result');
      await result.waitFor({ timeout: JOB_MS });
      expect(await wizard.getByTestId('job-progress').textContent()).toContain('已完成 6/6');
      expect(await statistic(result, '新增')).toBe('3');
      expect(await statistic(result, '更新')).toBe('0');
      expect(await statistic(result, '未变动/跳过')).toBe('0');
      expect(await statistic(result, '有误未导入')).toBe('3');
      expect(await tableRows(result)).toEqual(expectedErrors.map((e) => e.join('|')));

      // 下载错误报告: an xlsx with 行号, 列, 原因 for every bad row.
      const download = page.waitForEvent('download');
      await result.getByRole('button', { name: /下载错误报告$/ }).click();
      const file = await download;
      expect(await file.failure()).toBeNull();
      expect(file.suggestedFilename()).toBe('会员导入错误报告.xlsx');
      const saved = join(tmp, file.suggestedFilename());
      await file.saveAs(saved);
      expect(existsSync(saved)).toBe(true);
      expect(await readXlsx(readFileSync(saved))).toEqual([['行号', '列', '原因'], ...expectedErrors]);

      await wizard.getByRole('button', { name: DONE }).click();
      await dialog.waitFor({ state: 'hidden' });

      // The imported people are in the list now, with masked numbers; the bad rows are not.
      for (const p of IMPORTED) {
        await searchMembers(page, p.name);
        await expect.poll(() => memberNames(page)).toEqual([p.name]);
        const row = (await tableRows(page.locator('.ant-table')))[0] ?? '';
        expect(row).toContain(HUBIN);
        expect(row).toContain(maskedIdCard(p.idCard));
      }
      for (const p of BAD_ROWS) {
        await searchMembers(page, p.name);
        await page.getByText('没有符合条件的会员').waitFor();
      }
    } finally {
      await context.close();
    }
  });

  it('district finds 张建国 by 拼音首字母 zjg; unrelated members drop out of the list', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await loginToDashboard(page, 'district');
      await openMenu(page, 'members', '会员管理');
      await expect.poll(async () => (await memberNames(page)).length).toBe(20);
      const before = await memberNames(page);
      const unrelated = before.filter((n) => !n.endsWith('建国'));
      expect(unrelated.length).toBeGreaterThan(10);

      await searchMembers(page, 'zjg');
      // 首字母 z-j-g: 张/赵/周/朱/郑/曾 + 建国 (the demo's given names give no other j-g).
      await expect.poll(async () => (await memberNames(page)).every((n) => /^[张赵周朱郑曾]建国$/.test(n))).toBe(true);
      const found = await memberNames(page);
      expect(found).toContain('张建国');
      expect(found.filter((n) => unrelated.includes(n))).toEqual([]);
      expect(await page.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${found.length} 名会员`);
      const zhang = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '张建国' });
      expect(await zhang.textContent()).toContain(HUBIN);

      // The full 拼音 narrows it to the one person.
      await searchMembers(page, 'zhangjianguo');
      await expect.poll(() => memberNames(page)).toEqual(['张建国']);
      await zhang.getByRole('button', { name: '张建国' }).click();
      const detail = page.getByTestId('member-detail');
      await detail.getByText(HUBIN).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('grassroots approves the demo transfer from 延安路 waiting in its inbox: done at once (same district)', async () => {
    const { context, page } = await newPage(suite.browser, suite.srv.base);
    try {
      await loginToDashboard(page, 'grassroots');
      const drawer = await openFromInbox(page, [YANAN, '待对方工会确认']);
      const memberName = await drawerField(drawer, '会员');
      expect(memberName).not.toBe('');
      expect(await drawerField(drawer, '跨区县')).toBe('否');
      expect(await timeline(drawer)).toEqual([`发起申请 · ${YANAN} 延安路工会意见:工作调动至湖滨文旅`]);

      await approveInDrawer(page, drawer, memberName, `同意后接转办结,${memberName} 的会员关系转入「${HUBIN}」。`);
      await expect.poll(() => drawerField(drawer, '状态')).toBe('已完成');
      expect(await timeline(drawer)).toEqual([`发起申请 · ${YANAN} 延安路工会意见:工作调动至湖滨文旅`, `同意 · ${HUBIN} 赵敏意见:同意,材料齐全`]);
      expect(await drawer.locator('.ant-drawer-extra').getByRole('button').count()).toBe(0);

      await closeDrawer(drawer);
      await expect.poll(async () => (await tableRows(page.locator('.ant-table'))).some((r) => r.includes(memberName) && r.includes(YANAN))).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('cross-district: 西湖区 asks to transfer a 湖滨文旅 member in, 湖滨文旅 agrees, 西湖区总工会 approves', async () => {
    // grassroots registers the member in its own union.
    await asUser('grassroots', async (page) => {
      await openMenu(page, 'members', '会员管理');
      await page.getByRole('button', { name: /登记会员$/ }).click();
      const form = page.getByRole('dialog', { name: '登记会员' });
      await form.getByLabel('姓名').fill(MOVER.name);
      await form.getByLabel('身份证号').fill(MOVER.idCard);
      await form.getByLabel('手机号').fill(MOVER.phone);
      await form.getByText(HUBIN).waitFor(); // own union preselected
      await form.getByRole('button', { name: SAVE }).click();
      await form.waitFor({ state: 'hidden' });
      await drawerWith(page, 'member-detail').getByText(`会员详情:${MOVER.name}`).waitFor();
    });

    // 西湖区 (the receiving side) applies by 身份证号 for 西溪数智; 湖滨文旅 must confirm first.
    await asUser('xihu', async (page) => {
      await openMenu(page, 'member-transfers', '会员接转');
      await page.getByRole('button', { name: /申请转入$/ }).click();
      const apply = page.getByRole('dialog', { name: '申请转入会员' });
      await apply.getByLabel('身份证号').fill(MOVER.idCard);
      await chooseOption(page, apply, '转入工会', XIXI, '西溪数智');
      await apply.getByLabel('接转原因').fill('跨区工作调动至西溪数智');
      await apply.getByRole('button', { name: '提交申请' }).click();
      await apply.waitFor({ state: 'hidden' });
      const drawer = drawerWith(page, 'transfer-detail');
      await drawer.getByTestId('transfer-timeline').waitFor();
      expect(await drawerField(drawer, '状态')).toBe('待对方工会确认');
      expect(await drawerField(drawer, '跨区县')).toBe('是(须转入地区县总工会审批)');
      expect(await drawerField(drawer, '发起方')).toBe('转入方');
      expect(await drawer.locator('.ant-drawer-extra').getByRole('button', { name: APPROVE }).count()).toBe(0);
      expect(await timeline(drawer)).toEqual([`发起申请 · ${XIHU_DISTRICT} 孙丽意见:跨区工作调动至西溪数智`]);
    });

    // 湖滨文旅 (the counterparty) agrees: the request goes on to the receiving district.
    await asUser('grassroots', async (page) => {
      const drawer = await openFromInbox(page, [MOVER.name, '跨区县', '待对方工会确认']);
      await approveInDrawer(page, drawer, MOVER.name, '同意后转交转入地区县(市)总工会审批。');
      await expect.poll(() => drawerField(drawer, '状态')).toBe('待区县总工会审批');
      expect((await timeline(drawer))[1]).toBe(`同意 · ${HUBIN} 赵敏意见:同意,材料齐全`);
      expect(await drawer.locator('.ant-drawer-extra').getByRole('button', { name: APPROVE }).count()).toBe(0);
    });

    // 西湖区总工会 approves the district step: done, the member now belongs to 西溪数智.
    await asUser('xihu', async (page) => {
      const drawer = await openFromInbox(page, [MOVER.name, '待区县总工会审批']);
      await approveInDrawer(page, drawer, MOVER.name, `同意后接转办结,${MOVER.name} 的会员关系转入「${XIXI}」。`);
      await expect.poll(() => drawerField(drawer, '状态')).toBe('已完成');
      expect(await timeline(drawer)).toEqual([
        `发起申请 · ${XIHU_DISTRICT} 孙丽意见:跨区工作调动至西溪数智`,
        `同意 · ${HUBIN} 赵敏意见:同意,材料齐全`,
        `同意 · ${XIHU_DISTRICT} 孙丽意见:同意,材料齐全`,
      ]);
      await closeDrawer(drawer);

      await openMenu(page, 'members', '会员管理');
      await searchMembers(page, MOVER.name);
      await expect.poll(() => memberNames(page)).toEqual([MOVER.name]);
      expect((await tableRows(page.locator('.ant-table')))[0]).toContain(XIXI);
    });
  });
});
