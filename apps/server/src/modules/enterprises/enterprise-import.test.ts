import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient, type OrgRef } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeCreditCode } from '../../test-support/identity-numbers.js';
import { auditRowsFor, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { finishJob, importVia, rawRequest } from '../../test-support/multipart-upload.js';
import { csvFile, readXlsx, xlsxFile, type Cell } from '../../test-support/spreadsheet-files.js';
import type { ImportOutcome, RowProblem } from '../../test-support/import-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';

interface Ent {
  name: string;
  creditCode: string;
  divisionCode: string;
  employees: number;
  union: OrgRef | null;
}

interface Figures {
  minEmployees: number;
  enterprises: number;
  enterprisesAtSize: number;
  unionisedEnterprises: number;
  unionisedAtSize: number;
  employees: number;
  unionisedEmployees: number;
  members: number;
}

const IMPORT = '/api/enterprises/import';
const HEADER = ['企业名称', '统一社会信用代码', '行政区划代码', '职工人数', '工会组织编码'];
const CC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const NOT_IN_SCOPE = (code: string) => `找不到编码为 ${code} 的工会,或不在您的管理范围内`;

describe('enterprise import: credit codes, unions, scope, coverage, and the 未建会企业 export', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let n = 0;
  const code = (region = '330102') => makeCreditCode(region, 7000 + ++n);
  const ent = (name: string, employees: number, union: OrgRef | null, divisionCode = '330102'): Ent => ({ name, creditCode: code(divisionCode), divisionCode, employees, union });
  const line = (e: Ent, over: Partial<Record<'creditCode' | 'divisionCode' | 'union', string>> = {}): Cell[] => [e.name, over.creditCode ?? e.creditCode, over.divisionCode ?? e.divisionCode, e.employees, over.union ?? e.union?.code ?? ''];
  const coverage = async (org: OrgRef) => (await shang.get<Figures>(`/orgs/${org.id}/coverage`)).body;
  const xihuCoverage = async () => (await xihu.get<Figures>(`/orgs/${tree.xihu.id}/coverage`)).body;

  const existing: Ent[] = [];
  let imported: Ent[];
  let rows: Cell[][];
  let expectedErrors: RowProblem[];
  const outcome = (over: Partial<ImportOutcome>): ImportOutcome => ({ total: 13, valid: 6, failed: 7, imported: 0, updated: 0, skipped: 0, errors: expectedErrors, ...over });

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'Q');
    shang = await userClient(t, sys, 'eimp_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'eimp_xihu', tree.xihu.id, ['district_admin']);
    existing.push(ent('原有未建会大厂', 80, null), ent('原有小微企业', 10, null), ent('原有已建会企业', 200, tree.unionA), ent('西湖未建会企业', 300, null, '330106'));
    for (const e of existing) {
      const c = e.divisionCode === '330106' ? xihu : shang;
      const r = await c.post('/enterprises', { name: e.name, creditCode: e.creditCode, divisionCode: e.divisionCode, employeeCount: e.employees, ...(e.union ? { unionOrgId: e.union.id } : {}) });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }

    const first = ent('甲制造有限公司', 120, tree.unionA);
    imported = [first, ent('乙商贸有限公司', 30, null), ent('丙小店', 24, null), ent('丁物流有限公司', 25, tree.unionB), ent('戊科技有限公司', 60, null), ent('己平台公司', 500, null)];
    const good = code();
    const wrongCheck = good.slice(0, 17) + CC_ALPHABET[(CC_ALPHABET.indexOf(good[17]!) + 1) % 31]!;
    const filler = (name: string) => ent(name, 40, null);
    rows = [
      HEADER,
      ...imported.slice(0, 5).map((e) => line(e)),
      line(filler('格式错误公司'), { creditCode: '91330102ABC' }),
      line(filler('校验位错误公司'), { creditCode: wrongCheck }),
      line(filler('未知工会公司'), { union: '999999999999' }),
      line(filler('西湖区划公司'), { divisionCode: '330106' }),
      line(filler('西湖工会公司'), { union: tree.unionC.code }),
      line(filler('街道工会公司'), { union: tree.shangStreet.code }),
      line(filler('重复代码公司'), { creditCode: first.creditCode }),
      line(imported[5]!, { creditCode: ` ${imported[5]!.creditCode.toLowerCase()} ` }),
    ];
    expectedErrors = [
      { row: 7, column: '统一社会信用代码', message: '统一社会信用代码应为18位,只含数字和除 I、O、Z、S、V 外的大写字母' },
      { row: 8, column: '统一社会信用代码', message: '统一社会信用代码校验位错误(早期试点地区赋码请在页面上逐个登记并填写理由)' },
      { row: 9, column: '工会组织编码', message: NOT_IN_SCOPE('999999999999') },
      { row: 10, column: '行政区划代码', message: '该行政区划不属于您管理的区县(市)' },
      { row: 11, column: '工会组织编码', message: NOT_IN_SCOPE(tree.unionC.code) },
      { row: 12, column: '工会组织编码', message: '覆盖企业的工会须是基层工会' },
      { row: 13, column: '统一社会信用代码', message: '与第 2 行重复' },
    ];
  });
  afterAll(() => t.close());

  it('dry run: exact counts and errors (format, checksum with the hint, unknown union, division outside scope), nothing stored', async () => {
    const before = await coverage(tree.shangcheng);
    const job = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: 'enterprises.csv', content: csvFile(rows) }, { dryRun: 'true' });
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual(outcome({}));
    expect(await coverage(tree.shangcheng)).toEqual(before);
  });

  it('real run (xlsx): covered rows belong to their union, uncovered to the district; coverage moves by exactly those rows', async () => {
    const [district, unionA, unionB, other] = [await coverage(tree.shangcheng), await coverage(tree.unionA), await coverage(tree.unionB), await xihuCoverage()];
    const job = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: '企业.xlsx', content: await xlsxFile(rows) });
    expect(job.result).toEqual(outcome({ imported: 6 }));

    const stored = await queryRows<{ credit_code: string; name: string; org_id: string; union_org_id: string | null; employee_count: number }>(
      t.ctx.db,
      sql`SELECT credit_code, name, org_id, union_org_id, employee_count FROM enterprises WHERE credit_code IN (${sql.join(imported.map((e) => sql`${e.creditCode}`), sql`, `)})`,
    );
    const view = (xs: { credit_code: string; name: string; org_id: string; union_org_id: string | null; employee_count: number }[]) => [...xs].sort((a, b) => a.credit_code.localeCompare(b.credit_code));
    expect(view(stored)).toEqual(
      view(imported.map((e) => ({ credit_code: e.creditCode, name: e.name, org_id: e.union?.id ?? tree.shangcheng.id, union_org_id: e.union?.id ?? null, employee_count: e.employees }))),
    );

    const min = district.minEmployees;
    const delta = (es: Ent[]) => {
      const u = es.filter((e) => e.union);
      const sum = (xs: Ent[]) => xs.reduce((a, e) => a + e.employees, 0);
      return { enterprises: es.length, enterprisesAtSize: es.filter((e) => e.employees >= min).length, unionisedEnterprises: u.length, unionisedAtSize: u.filter((e) => e.employees >= min).length, employees: sum(es), unionisedEmployees: sum(u) };
    };
    const moved = (was: Figures, now: Figures) => Object.fromEntries(Object.keys(delta([])).map((k) => [k, now[k as keyof Figures] - was[k as keyof Figures]]));
    expect(moved(district, await coverage(tree.shangcheng))).toEqual(delta(imported));
    expect(moved(unionA, await coverage(tree.unionA))).toEqual(delta(imported.filter((e) => e.union === tree.unionA)));
    expect(moved(unionB, await coverage(tree.unionB))).toEqual(delta(imported.filter((e) => e.union === tree.unionB)));
    expect(await xihuCoverage()).toEqual(other);

    const audit = await auditRowsFor(t, 'enterprise', job.id);
    expect(audit.map((a) => [a.action, a.username])).toEqual([
      ['data.import', 'eimp_shang'],
      ['data.import', 'eimp_shang'],
    ]);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ imported: 6, updated: 0 });
  });

  it('re-importing the same file adds nothing and leaves coverage alone', async () => {
    const before = await coverage(tree.shangcheng);
    const job = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: '企业.xlsx', content: await xlsxFile(rows) });
    expect(job.result).toEqual(outcome({ skipped: 6 }));
    expect(await coverage(tree.shangcheng)).toEqual(before);
  });

  it('the error report lists the same errors', async () => {
    const job = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: 'again.csv', content: csvFile(rows) }, { dryRun: 'true' });
    const r = await rawRequest(t, shang, 'GET', `${IMPORT}/${job.id}/errors.xlsx`);
    expect(r.status).toBe(200);
    expect(await readXlsx(r.body)).toEqual([['行号', '列', '原因'], ...expectedErrors.map((e) => [e.row, e.column, e.message])]);
    expect((await rawRequest(t, xihu, 'GET', `${IMPORT}/${job.id}/errors.xlsx`)).status).toBe(404);
  });

  it('POST /enterprises/export { unionised: false, minEmployees: 25 } (JSON booleans, as the web sends): exactly the uncovered ones in scope at or above 25, largest first', async () => {
    const r = await shang.post<{ jobId: string }>('/enterprises/export', { unionised: false, minEmployees: 25 });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const job = await finishJob<{ fileId: string; rows: number }>(t, shang, r.body.jobId);
    expect(job.status).toBe('succeeded');
    const targets = [...existing, ...imported]
      .filter((e) => e.union === null && e.employees >= 25 && e.divisionCode === '330102')
      .sort((a, b) => b.employees - a.employees);
    expect(targets.map((e) => e.employees)).toEqual([500, 80, 60, 30]);
    expect(job.result!.rows).toBe(targets.length);
    const file = await rawRequest(t, shang, 'GET', `/api/files/${job.result!.fileId}/download`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('未建会企业清单.xlsx')}`);
    const sheet = await readXlsx(file.body);
    expect(sheet[0]!.slice(0, 5)).toEqual(['企业名称', '统一社会信用代码', '行政区划代码', '职工人数', '建会情况']);
    expect(sheet.slice(1).map((row) => row.slice(0, 5))).toEqual(targets.map((e) => [e.name, e.creditCode, e.divisionCode, e.employees, '未建会']));
    const audit = await auditRowsFor(t, 'enterprise', job.result!.fileId);
    expect(audit.map((a) => [a.action, a.username])).toEqual([['data.export', 'eimp_shang']]);
  });
});
