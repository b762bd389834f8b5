import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { idFacts, makeIdCard, makePhone, maskedIdCard, maskedPhone, withWrongCheckChar } from '../../test-support/identity-numbers.js';
import { auditRowsFor, createMember, registryTree, type MemberView, type Page, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { importVia, rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { csvFile, csvText, gbkEncode, readXlsx, xlsxFile, type Cell } from '../../test-support/spreadsheet-files.js';
import {
  MEMBER_HEADER,
  importedMembers,
  jobCount,
  memberCount,
  memberCounterMismatches,
  memberSnapshot,
  type ImportOutcome,
  type RowProblem,
} from '../../test-support/import-fixtures.js';

interface Person {
  name: string;
  idCard: string;
  phone: string;
  orgId: string;
}

const IMPORT = '/api/members/import';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOT_IN_SCOPE = (code: string) => `找不到编码为 ${code} 的工会,或不在您的管理范围内`;

describe('member import: validation, dry run, error report, idempotent re-import, update, GBK, scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let grassA: TestClient;
  let seq = 0;
  const nextId = () => makeIdCard('330102', '19850615', 100 + ++seq);
  const nextPhone = () => makePhone('139', 20_000 + ++seq);

  // the file: 6 valid rows (rows 2-5, 13, 14) and 7 rows with exactly one error each (rows 6-12)
  let valid: Person[];
  let inUnionB: Person;
  let alreadyA: Person;
  let rows: Cell[][];
  let expectedErrors: RowProblem[];
  let realJobId = '';

  const person = (name: string, orgId: string, idCard = nextId()): Person => ({ name, idCard, phone: nextPhone(), orgId });
  const codeOf = (orgId: string) => [tree.unionA, tree.unionB].find((o) => o.id === orgId)!.code;
  const line = (p: Person, over: Partial<Record<'idCard' | 'phone' | 'code', string>> = {}): Cell[] => [p.name, over.idCard ?? p.idCard, over.phone ?? p.phone, over.code ?? codeOf(p.orgId), '2024-05-01'];
  /** the same rows as Excel would hold them: mobile numbers typed as numbers */
  const asXlsx = (data: Cell[][]) => xlsxFile(data.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 2 && typeof c === 'string' && /^\d+$/.test(c) ? Number(c) : c)))));
  const outcome = (over: Partial<ImportOutcome>): ImportOutcome => ({ total: 13, valid: 6, failed: 7, imported: 0, updated: 0, skipped: 0, errors: expectedErrors, ...over });
  const byId = <T extends { idCard: string }>(xs: T[]) => [...xs].sort((a, b) => a.idCard.localeCompare(b.idCard));

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'I');
    shang = await userClient(t, sys, 'imp_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'imp_xihu', tree.xihu.id, ['district_admin']);
    grassA = await userClient(t, sys, 'imp_grass_a', tree.unionA.id, ['grassroots_admin']);

    inUnionB = person('已在乙会', tree.unionB.id);
    alreadyA = person('已在甲会', tree.unionA.id);
    for (const p of [inUnionB, alreadyA]) await createMember(shang, { name: p.name, idCard: p.idCard, phone: p.phone, orgId: p.orgId });

    let xSeq = 500;
    while (!makeIdCard('330102', '19900909', xSeq).endsWith('X')) xSeq++;
    const zhang = person('张伟', tree.unionA.id);
    valid = [person('单田芳', tree.unionA.id), zhang, person('李娜', tree.unionB.id), person('王芳', tree.unionB.id, makeIdCard('330102', '19900909', xSeq)), person('欧阳修', tree.unionA.id), alreadyA];
    const a = tree.unionA.id;
    rows = [
      MEMBER_HEADER,
      line(valid[0]!),
      line(valid[1]!),
      line(valid[2]!),
      line(valid[3]!, { idCard: valid[3]!.idCard.toLowerCase() }), // lowercase x is accepted
      line(person('错校验位', a), { idCard: withWrongCheckChar(nextId()) }),
      line(person('错手机', a), { phone: '12812345678' }),
      line(person('无此工会', a), { code: '999999999999' }),
      line(person('西湖的人', a), { code: tree.unionC.code }),
      line(person('街道的人', a), { code: tree.shangStreet.code }),
      line(person('重复的人', a, zhang.idCard)),
      line({ ...inUnionB, orgId: a }),
      line(valid[4]!),
      line(alreadyA),
    ];
    expectedErrors = [
      { row: 6, column: '身份证号', message: '身份证号校验位错误' },
      { row: 7, column: '手机号', message: '手机号应为11位中国大陆手机号' },
      { row: 8, column: '工会组织编码', message: NOT_IN_SCOPE('999999999999') },
      { row: 9, column: '工会组织编码', message: NOT_IN_SCOPE(tree.unionC.code) },
      { row: 10, column: '工会组织编码', message: '会员只能登记在基层工会' },
      { row: 11, column: '身份证号', message: '与第 3 行重复' },
      { row: 12, column: '身份证号', message: '该身份证号已是其他工会的在册会员,请办理会员关系接转' },
    ];
  });
  afterAll(() => t.close());

  it('dry run (csv and xlsx alike): exact counts and errors, imported 0, nothing stored', async () => {
    const before = await memberSnapshot(t);
    const csv = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: 'members.csv', content: csvFile(rows), contentType: 'text/csv' }, { dryRun: 'true' });
    expect(csv.status).toBe('succeeded');
    expect(csv.result).toEqual(outcome({}));
    expect(csv.progress).toEqual({ done: 13, total: 13 });
    const xlsx = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: '会员.xlsx', content: await asXlsx(rows), contentType: XLSX_MIME }, { dryRun: 'true' });
    expect(xlsx.result).toEqual(outcome({}));
    expect(await memberSnapshot(t)).toEqual(before);
  });

  it('real run (xlsx): stores the valid rows encrypted and masked, searchable by 首字母, counters right, audited', async () => {
    const before = await memberCount(t);
    const job = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: '会员.xlsx', content: await asXlsx(rows) });
    realJobId = job.id;
    expect(job.status).toBe('succeeded');
    // 在册 in the same union already (the last row) is valid but left alone
    expect(job.result).toEqual(outcome({ imported: 5, skipped: 1 }));
    expect(await memberCount(t)).toBe(before + 5);

    const stored = await importedMembers(t, job.id);
    const fresh = valid.slice(0, 5);
    expect(byId(stored.map((s) => ({ name: s.name, orgId: s.org_id, idCard: s.idCard, phone: s.phone, masked: s.id_card_masked, phoneMasked: s.phone_masked, gender: s.gender, birthDate: s.birth_date })))).toEqual(
      byId(fresh.map((p) => ({ name: p.name, orgId: p.orgId, idCard: p.idCard, phone: p.phone, masked: maskedIdCard(p.idCard), phoneMasked: maskedPhone(p.phone), ...idFacts(p.idCard) }))),
    );
    for (const s of stored) {
      expect(s.id_card_enc).not.toContain(s.idCard.slice(6, 14));
      expect(s.json).not.toContain(s.idCard);
      expect(s.json).not.toContain(s.phone);
    }

    for (const [q, name] of [['stf', '单田芳'], ['shan', '单田芳'], ['oyx', '欧阳修']] as const) {
      const r = await shang.get<Page<MemberView>>(`/members?q=${q}`);
      expect(r.body.items.map((m) => m.name), q).toEqual([name]);
      const p = valid.find((v) => v.name === name)!;
      expect(r.body.items[0]).toMatchObject({ idCard: maskedIdCard(p.idCard), phone: maskedPhone(p.phone), orgId: p.orgId });
    }
    expect(await memberCounterMismatches(t)).toEqual([]);

    const audit = await auditRowsFor(t, 'member', job.id);
    expect(audit.map((a) => [a.action, a.username, a.result])).toEqual([
      ['data.import', 'imp_shang', 'success'],
      ['data.import', 'imp_shang', 'success'],
    ]);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ dryRun: false, updateExisting: false, requested: true });
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ imported: 5, updated: 0 });
  });

  it('the error report downloads as xlsx whose rows equal the errors (行号, 列, 原因)', async () => {
    const r = await rawRequest(t, shang, 'GET', `${IMPORT}/${realJobId}/errors.xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX_MIME);
    expect(String(r.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('会员导入错误报告.xlsx')}`);
    expect(await readXlsx(r.body)).toEqual([['行号', '列', '原因'], ...expectedErrors.map((e) => [e.row, e.column, e.message])]);
  });

  it('another district cannot see the job or its error report (404)', async () => {
    expect((await xihu.get(`/jobs/${realJobId}`)).status).toBe(404);
    expect((await rawRequest(t, xihu, 'GET', `${IMPORT}/${realJobId}/errors.xlsx`)).status).toBe(404);
    expect((await shang.get(`/jobs/${realJobId}`)).status).toBe(200);
  });

  it('re-importing the same file changes nothing: imported 0, skipped = valid', async () => {
    const before = await memberSnapshot(t);
    const job = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: '会员.xlsx', content: await asXlsx(rows) });
    expect(job.result).toEqual(outcome({ imported: 0, skipped: 6 }));
    expect(await memberSnapshot(t)).toEqual(before);
    expect(await memberCounterMismatches(t)).toEqual([]);
  });

  it('with updateExisting, the same people with new phones are updated (counted), nobody added', async () => {
    const before = await memberCount(t);
    const newPhones = new Map(valid.map((p) => [p.idCard, nextPhone()]));
    const changed = rows.map((r, i) => (i === 0 ? r : [r[0]!, r[1]!, newPhones.get(String(r[1]).toUpperCase()) ?? r[2]!, r[3]!, r[4]!]));
    const job = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: 'update.csv', content: csvFile(changed) }, { updateExisting: 'true' });
    expect(job.result).toEqual(outcome({ updated: 6 }));
    expect(await memberCount(t)).toBe(before);
    const stored = [...(await importedMembers(t, realJobId))];
    expect(stored).toHaveLength(5);
    for (const s of stored) {
      expect(s.phone).toBe(newPhones.get(s.idCard));
      expect(s.phone_masked).toBe(maskedPhone(newPhones.get(s.idCard)!));
      expect(s.version).toBe(2);
    }
    const r = await shang.post<Page<MemberView>>('/members/search', { q: alreadyA.idCard });
    expect(r.body.items.map((m) => m.phone)).toEqual([maskedPhone(newPhones.get(alreadyA.idCard)!)]);
  });

  it('reads a GBK-encoded csv (as Chinese Excel saves it) with Chinese names', async () => {
    const people = [person('赵敏', tree.unionA.id), person('周芷若', tree.unionB.id)];
    const bytes = gbkEncode(csvText([MEMBER_HEADER, ...people.map((p) => line(p))]));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const job = await importVia<ImportOutcome>(t, shang, IMPORT, { filename: 'gbk.csv', content: bytes });
    expect(job.result).toEqual({ total: 2, valid: 2, failed: 0, imported: 2, updated: 0, skipped: 0, errors: [] });
    const stored = await importedMembers(t, job.id);
    expect(byId(stored.map((s) => ({ name: s.name, idCard: s.idCard, orgId: s.org_id })))).toEqual(byId(people.map((p) => ({ name: p.name, idCard: p.idCard, orgId: p.orgId }))));
  });

  it("runs with the importing user's scope: a grassroots admin imports only into its own union", async () => {
    const mine = person('郭靖', tree.unionA.id);
    const other = person('黄蓉', tree.unionB.id);
    const job = await importVia<ImportOutcome>(t, grassA, IMPORT, { filename: 'grass.csv', content: csvFile([MEMBER_HEADER, line(mine), line(other)]) });
    expect(job.result).toEqual({ total: 2, valid: 1, failed: 1, imported: 1, updated: 0, skipped: 0, errors: [{ row: 3, column: '工会组织编码', message: NOT_IN_SCOPE(tree.unionB.code) }] });
    expect((await importedMembers(t, job.id)).map((s) => [s.name, s.org_id])).toEqual([['郭靖', tree.unionA.id]]);
    // and the district admin above still sees the grassroots job (its org is in scope)
    expect((await shang.get(`/jobs/${job.id}`)).status).toBe(200);
    expect(await memberCounterMismatches(t)).toEqual([]);
  });

  it('refuses an upload without a file (422 on file), queuing nothing', async () => {
    const jobs = await jobCount(t);
    const noFile = await uploadFile(t, shang, IMPORT, null, { dryRun: 'true' });
    expect(noFile.status).toBe(422);
    expect(noFile.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['file']);
    expect(await jobCount(t)).toBe(jobs);
  });
});
