import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DuesBaseRow, Page } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsByAction, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { importVia, rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx, xlsxFile } from '../../test-support/spreadsheet-files.js';
import type { ImportOutcome } from '../../test-support/import-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { duesMember } from './dues-test-fixtures.js';

const IMPORT = '/api/finance/dues/bases/import';
const HEADER = ['会员卡号', '姓名', '年度', '单位类型', '岗位工资', '技能工资', '工龄工资', '职务工资', '级别工资', '薪级工资'];

describe('会费 wage bases imported from xlsx', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unit: TestClient;
  const cards: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'I');
    unit = await userClient(t, sys, 'i_unit', tree.unionA.id, ['grassroots_admin']);
    const other = await userClient(t, sys, 'i_other', tree.unionC.id, ['grassroots_admin']);
    for (const n of [21, 22, 23]) await duesMember(unit, tree.unionA.id, n);
    await duesMember(other, tree.unionC.id, 24);
    for (const r of await queryRows<{ card_no: string }>(t.ctx.db, sql`SELECT card_no FROM members ORDER BY created_at`)) cards.push(r.card_no);
  });
  afterAll(() => t.close());

  it('a dry run reports the bad rows by column; the real run stores the good ones with dues by the rule, audited', async () => {
    const rows = [
      HEADER,
      [cards[0]!, '甲', 2026, '企业', '4200', '1200.5', '277.50', '', '', ''],
      [cards[1]!, '乙', 2026, '机关', '', '', '', '3800', '1900', ''],
      [cards[2]!, '丙', 2026, '机关', '3000', '', '', '', '', ''],
      [cards[3]!, '丁', 2026, '企业', '5000', '', '', '', '', ''],
      ['330000000000000', '戊', 2026, '事业单位', '', '', '', '', '', '4000'],
      [cards[0]!, '甲', 2026, '企业', '1', '', '', '', '', ''],
    ];
    const dry = await importVia<ImportOutcome>(t, unit, IMPORT, { filename: 'bases.xlsx', content: await xlsxFile(rows) }, { dryRun: 'true' });
    expect(dry.status).toBe('succeeded');
    expect(dry.result!.errors.map((e) => [e.row, e.column])).toEqual([[4, '岗位工资'], [7, '会员卡号'], [5, '会员卡号'], [6, '会员卡号']].sort((a, b) => Number(a[0]) - Number(b[0])));
    expect((await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM dues_wage_bases`))[0]!.n).toBe(0);

    const real = await importVia<ImportOutcome>(t, unit, IMPORT, { filename: 'bases.xlsx', content: await xlsxFile(rows) });
    expect(real.result).toMatchObject({ imported: 2, failed: 4 });
    const list = (await unit.get<Page<DuesBaseRow>>('/finance/dues/bases?year=2026&state=set')).body.items;
    const byCard = new Map(list.map((r) => [r.cardNo, r]));
    // 5,678 yuan → 28.35; 5,700 → 28.50
    expect(byCard.get(cards[0]!)).toMatchObject({ wageFen: 567_800, monthlyDuesFen: 2835, employerType: 'enterprise' });
    expect(byCard.get(cards[1]!)).toMatchObject({ wageFen: 570_000, monthlyDuesFen: 2850, employerType: 'government' });
    expect((await auditRowsByAction(t, 'data.import')).filter((a) => a.objectId === real.id).map((a) => a.detail)).toContain(JSON.stringify({ imported: 2, updated: 0 }));
    const errors = await rawRequest(t, unit, 'GET', `${IMPORT}/${real.id}/errors.xlsx`);
    expect((await readXlsx(errors.body)).length).toBeGreaterThan(1);
    const template = await rawRequest(t, unit, 'GET', '/api/finance/dues/bases/import-template.xlsx');
    expect((await readXlsx(template.body))[0]).toEqual(expect.arrayContaining(['会员卡号', '年度', '单位类型', '岗位工资', '薪级工资']));
  });
});
