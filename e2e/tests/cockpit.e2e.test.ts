import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSuite } from '../support/e2e-suite.js';
import { pageTitle } from '../support/ui.js';

const CITY = '杭州市总工会';
const DISTRICT = '上城区总工会';

/** Opens the cockpit from the menu and waits for the figures of `org`. */
async function openCockpit(page: Page, org: string): Promise<void> {
  await page.getByTestId('menu-cockpit').click();
  await pageTitle(page, '工作驾驶舱').waitFor();
  await page.getByTestId('cockpit-org-name').filter({ hasText: org }).waitFor();
  await page.getByTestId('cockpit-group-organisation').waitFor();
}

interface ServedFigure {
  key: string;
  unit: 'count' | 'people' | 'fen' | 'rate';
  value: number;
}

/** What a tile shows, read back as the raw value: 元 and 万元 to 分, % to a rate; with the unit the tile names. */
function readBack(unit: ServedFigure['unit'], text: string, suffix: string): { value: number; tolerance: number; suffix: string } {
  const n = Number(text.replace(/,/g, ''));
  if (unit === 'fen') return suffix === '万元' ? { value: n * 1_000_000, tolerance: 5_000, suffix } : { value: n * 100, tolerance: 0.5, suffix };
  if (unit === 'rate') return { value: n / 100, tolerance: 0.0005, suffix };
  return { value: n, tolerance: 0, suffix };
}

const EXPECTED_SUFFIX: Record<ServedFigure['unit'], (v: number) => string> = {
  count: () => '',
  people: () => '人',
  fen: (v) => (Math.abs(v) >= 1_000_000 ? '万元' : '元'),
  rate: () => '%',
};

interface Served {
  figures: ServedFigure[];
  children: { name: string; values: Record<string, number> }[];
}

/** The cockpit view the page shows, as the server answers it. */
async function served(page: Page): Promise<Served> {
  return page.evaluate(async (search) => {
    const answer = await fetch(`/api/cockpit${search}`);
    return (await answer.json()) as Served;
  }, new URL(page.url()).search);
}

/** Every figure the server returns for the shown org has its tile, showing its value in its unit. */
async function expectEveryFigureShown(page: Page): Promise<void> {
  const { figures } = await served(page);
  expect(figures.length).toBeGreaterThan(5);
  expect(await page.locator('[data-testid^="cockpit-figure-"]').count()).toBe(figures.length);
  for (const f of figures) {
    const tile = page.getByTestId(`cockpit-figure-${f.key}`);
    const text = (await tile.getByTestId('figure-value').textContent()) ?? '';
    const suffix = (await tile.getByTestId('figure-unit').count()) > 0 ? ((await tile.getByTestId('figure-unit').textContent()) ?? '') : '';
    const shown = readBack(f.unit, text, suffix);
    expect(shown.suffix, f.key).toBe(EXPECTED_SUFFIX[f.unit](f.value));
    expect(Math.abs(shown.value - f.value), `${f.key}: ${text} ${suffix} for ${f.value}`).toBeLessThanOrEqual(shown.tolerance);
  }
}

/** The names of the orgs in the children table. */
async function childNames(page: Page): Promise<string[]> {
  const table = page.getByTestId('cockpit-children-table');
  await table.locator('.ant-table-row').first().waitFor();
  return (await table.locator('[data-testid^="cockpit-drill-"]').allTextContents()).map((t) => t.trim());
}

describe('工作驾驶舱: city and district staff read the year, drill down the tree and into the list behind a figure', () => {
  const suite = e2eSuite();
  let cityId = '';

  it('city staff see the groups of figures and the districts, and drill down to a district', async () => {
    await suite.asStaff('city', async (page) => {
      await openCockpit(page, CITY);
      await expectEveryFigureShown(page);
      expect(await page.locator('[data-testid^="cockpit-group-"]').count()).toBeGreaterThan(3);
      await page.getByTestId('cockpit-children-chart').waitFor();
      for (const format of ['xlsx', 'pdf'] as const) {
        const download = page.waitForEvent('download');
        await page.getByTestId(`cockpit-export-${format}`).click();
        const file = await download;
        expect(await file.failure()).toBeNull();
        expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
        expect(file.suggestedFilename()).toContain(CITY);
      }
      expect(await page.getByTestId('cockpit-drill-up').count()).toBe(0);

      const districts = await childNames(page);
      expect(districts).toEqual(expect.arrayContaining([DISTRICT, '西湖区总工会']));

      await page.getByTestId('cockpit-children-table').getByRole('button', { name: DISTRICT }).click();
      await page.getByTestId('cockpit-org-name').filter({ hasText: DISTRICT }).waitFor();
      await page.getByTestId('cockpit-group-organisation').waitFor();
      await expectEveryFigureShown(page);
      expect(await childNames(page)).toContain('湖滨街道总工会');
      const up = page.getByTestId('cockpit-breadcrumb').getByRole('link', { name: CITY });
      const href = (await up.getAttribute('href')) ?? '';
      cityId = new URL(href, suite.srv.base).searchParams.get('orgId') ?? '';
      expect(cityId).not.toBe('');

      // back up to the city by the breadcrumb, then last year's figures
      await up.click();
      await page.getByTestId('cockpit-org-name').filter({ hasText: CITY }).waitFor();
      const year = new Date().getFullYear();
      await page.getByTestId('cockpit-year').click();
      await page.locator('.ant-select-item-option', { hasText: `${year - 1}年` }).click();
      await page.getByTestId('cockpit-heading').filter({ hasText: `${year - 1}年` }).waitFor();
      expect(new URL(page.url()).searchParams.get('year')).toBe(String(year - 1));
    });
  });

  it('district staff see only their district: no way up to the city, and the city itself is out of reach', async () => {
    await suite.asStaff('district', async (page) => {
      await openCockpit(page, DISTRICT);
      const crumbs = page.getByTestId('cockpit-breadcrumb');
      expect(await crumbs.getByRole('link').count()).toBe(0);
      expect(await crumbs.textContent()).not.toContain(CITY);
      expect(await page.getByTestId('cockpit-drill-up').count()).toBe(0);
      expect(await childNames(page)).toContain('湖滨街道总工会');

      // a click on the tallest bar of the chart (在册会员, the first figure) drills down to that street
      const { children } = await served(page);
      const values = children.map((c) => c.values['org.members'] ?? 0);
      const tallest = values.indexOf(Math.max(...values));
      const street = children[tallest]?.name ?? '';
      const chart = page.getByTestId('cockpit-children-chart');
      await chart.scrollIntoViewIfNeeded();
      await page.waitForTimeout(1_500); // the bars grow in
      const box = await chart.boundingBox();
      if (!box) throw new Error('the chart is not on screen');
      // grid: 64 px left, 16 px right, 40 px below (up to 6 bars) in a 340 px box
      await page.mouse.click(box.x + 64 + ((box.width - 80) * (tallest + 0.5)) / children.length, box.y + 280);
      await page.getByTestId('cockpit-org-name').filter({ hasText: street }).waitFor();
      expect(await crumbs.getByRole('link').allTextContents()).toEqual([DISTRICT]);
      await page.getByTestId('cockpit-drill-up').waitFor();

      await page.goto(`/cockpit?orgId=${cityId}`);
      await page.getByText('驾驶舱数据加载失败').waitFor();
      expect(await page.getByTestId('cockpit-org-name').count()).toBe(0);
    });
  });

  it('a figure opens the list behind it: 在册会员 → the member list of the district', async () => {
    await suite.asStaff('district', async (page) => {
      await openCockpit(page, DISTRICT);
      const tile = page.getByTestId('cockpit-figure-org.members');
      const shown = Number(((await tile.getByTestId('figure-value').textContent()) ?? '').replace(/,/g, ''));
      expect(shown).toBeGreaterThan(0);
      await page.getByRole('link', { name: '查看在册会员明细' }).click();
      await pageTitle(page, '会员管理').waitFor();
      expect(new URL(page.url()).pathname).toBe('/members');
      expect(new URL(page.url()).searchParams.get('orgId')).not.toBeNull();
      await page.locator('.ant-table-row').first().waitFor();
    });
  });
});
