import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { CockpitView } from '@gonghui/contracts';
import { queryRows } from '../../platform/db/db-connection.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import { rawRequest, type RawResponse } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import type { TestClient } from '../../test-support/test-client.js';
import { reportValue } from './annual-report.service.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';

const orgIdOf = async (t: TestApp, name: string) => (await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM orgs WHERE name = ${name}`))[0]!.id;
/** How the PDF carries a text: UTF-16 code units in hex (UniGB-UCS2-H). */
const pdfHex = (s: string) => [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe('年度工作统计: the annual report as xlsx and PDF (demo data)', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  let grassroots: TestClient;
  const year = shanghaiYear();

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
    grassroots = await demoClient(t, 'grassroots');
  }, 300_000);
  afterAll(() => t.close());

  const download = (client: TestClient, format: 'xlsx' | 'pdf', query: string): Promise<RawResponse> => rawRequest(t, client, 'GET', `/api/cockpit/report.${format}?${query}`);

  async function checkXlsx(client: TestClient, orgName: string): Promise<void> {
    const orgId = await orgIdOf(t, orgName);
    const view = (await client.get<CockpitView>(`/cockpit?orgId=${orgId}&year=${year}`)).body;
    const r = await download(client, 'xlsx', `orgId=${orgId}&year=${year}`);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '年度指标', '下级组织']);

    const about = await readXlsx(r.body, '说明');
    expect(about[1]).toEqual(['报表', `${orgName} ${year}年度工作统计`]);
    expect(about.find((row) => row[0] === '生成时间')?.[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}\(北京时间\)$/);

    const figures = await readXlsx(r.body, '年度指标');
    expect(figures[0]).toEqual(['分组', '指标', '单位', '本年', '上年', '增减', '增减幅度(%)', '年度目标', '完成率(%)', '口径说明']);
    expect(figures.slice(1).map((row) => row[1])).toEqual(view.figures.map((f) => f.label));
    view.figures.forEach((f, i) => {
      const row = figures[i + 1]!;
      expect(row[3], f.key).toBe(reportValue(f.unit, f.value));
      expect(row[4], f.key).toBe(f.previous === null ? null : reportValue(f.unit, f.previous));
      expect(row[7], f.key).toBe(f.target === null ? null : reportValue(f.unit, f.target));
      expect(row[9], f.key).toBe(f.note);
    });

    const children = await readXlsx(r.body, '下级组织');
    expect(children[0]!.slice(0, 2)).toEqual(['下级组织', '类型']);
    expect(children.slice(1).map((row) => row[0])).toEqual(view.children.map((c) => c.name));
    view.children.forEach((c, i) => {
      const row = children[i + 1]!;
      view.figures.forEach((f, k) => expect(row[k + 2], `${c.name} ${f.key}`).toBe(reportValue(f.unit, c.values[f.key]!)));
    });
  }

  async function checkPdf(client: TestClient, orgName: string): Promise<void> {
    const r = await download(client, 'pdf', `orgId=${await orgIdOf(t, orgName)}&year=${year}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = r.body.toString('latin1');
    const pages = pageCount(r.body);
    expect(pages).toBeGreaterThan(0);
    expect(text).toContain(`/Count ${pages}`);
    expect(text).toContain('/MediaBox [0 0 595 842]');
    expect(text).toContain(pdfHex(`${orgName} ${year}年度工作统计`));
    expect(text).toContain(pdfHex(`第 ${pages} 页 / 共 ${pages} 页`));
    expect(text).toContain(pdfHex('指标口径说明'));
  }

  it('gives the city its report: xlsx figures equal the cockpit view, PDF printable with page numbers', async () => {
    await checkXlsx(city, '杭州市总工会');
    await checkPdf(city, '杭州市总工会');
  });

  it('gives a district its own report, and the city the same district report', async () => {
    await checkXlsx(district, '上城区总工会');
    await checkPdf(district, '上城区总工会');
    await checkXlsx(city, '上城区总工会');
    const own = await download(district, 'xlsx', `year=${year}`);
    expect(own.status).toBe(200);
    expect((await readXlsx(own.body, '说明'))[1]).toEqual(['报表', `上城区总工会 ${year}年度工作统计`]);
  });

  it('audits every export (data.export, the org, year and format)', async () => {
    const orgId = await orgIdOf(t, '上城区总工会');
    const rows = await queryRows<{ detail: string }>(t.ctx.db, sql`SELECT detail FROM audit_log WHERE action = 'data.export' AND object_type = 'cockpit_report' AND object_id = ${orgId}`);
    const details = rows.map((r) => JSON.parse(r.detail) as { year: number; format: string });
    expect(details.map((d) => d.format).sort()).toEqual(['pdf', 'xlsx', 'xlsx', 'xlsx']);
    expect(details.every((d) => d.year === year)).toBe(true);
  });

  it('answers 404 for an org outside the caller, 403 without the permission, 422 for a bad year', async () => {
    const xihu = await orgIdOf(t, '西湖区总工会');
    for (const format of ['xlsx', 'pdf'] as const) {
      expect((await download(district, format, `orgId=${xihu}`)).status).toBe(404);
      expect((await download(district, format, `orgId=${await orgIdOf(t, '杭州市总工会')}`)).status).toBe(404);
      expect((await download(grassroots, format, '')).status).toBe(403);
      const bad = await download(city, format, 'year=1999');
      expect(bad.status).toBe(422);
      expect(bad.body.toString('utf8')).toMatch(/年度/);
    }
  });

  it('keeps a child org name that looks like a formula as text', async () => {
    const street = await orgIdOf(t, '湖滨街道总工会');
    await t.ctx.db.execute(sql`UPDATE orgs SET name = '=HYPERLINK("http://x.example","湖滨")' WHERE id = ${street}`);
    const r = await download(district, 'xlsx', `year=${year}`);
    const children = await readXlsx(r.body, '下级组织');
    expect(children.map((row) => row[0])).toContain(`'=HYPERLINK("http://x.example","湖滨")`);
  });
});
