import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { userClient, type OrgRef } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { idFacts, makeIdCard, makePhone, maskedIdCard, maskedPhone } from '../test-support/identity-numbers.js';
import { auditRowsFor, createMember, paths, registryTree, type Problem, type RegistryTree } from '../test-support/registry-fixtures.js';
import { finishJob, rawRequest, type RawResponse } from '../test-support/multipart-upload.js';
import { readXlsx, type Cell } from '../test-support/spreadsheet-files.js';
import { jobCount } from '../test-support/import-fixtures.js';

interface Seeded {
  name: string;
  idCard: string;
  phone: string;
  org: OrgRef;
  active: boolean;
}

interface ExportOutcome {
  fileId: string;
  rows: number;
}

const HEADER = ['姓名', '性别', '出生日期', '身份证号', '手机号', '所在工会', '会员卡号', '状态', '入会日期', '农民工', '一线职工', '新就业形态'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** security.md 17, computed here: text starting with = + - @ tab or CR gets a leading quote */
const escaped = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('security.md item 17: member export masked by default, unmasked only with permission and reason, escaped, audited, private file', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let shang2: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  const seeded: Seeded[] = [];
  let maskedFile = '';

  /** what the sheet should hold for these members, with the given identity rendering */
  const expectedRows = (list: Seeded[], show: (m: Seeded) => [string, string]): Cell[][] =>
    list
      .filter((m) => m.active)
      .map((m) => {
        const f = idFacts(m.idCard);
        return [escaped(m.name), f.gender === 'male' ? '男' : '女', f.birthDate, ...show(m), m.org.name, '在册'];
      })
      .sort((a, b) => String(a[3]).localeCompare(String(b[3])));
  /** the comparable columns of the sheet's data rows (card number, dates and flags left out) */
  const sheetRows = (rows: Cell[][]): Cell[][] => rows.slice(1).map((r) => [r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, r[7]!]).sort((a, b) => String(a[3]).localeCompare(String(b[3])));
  const exportAs = async (c: TestClient, body: Record<string, unknown>) => {
    const r = await c.post<{ jobId: string }>('/members/export', body);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const job = await finishJob<ExportOutcome>(t, c, r.body.jobId);
    expect(job.status).toBe('succeeded');
    return { jobId: r.body.jobId, result: job.result! };
  };
  const download = (c: TestClient, fileId: string): Promise<RawResponse> => rawRequest(t, c, 'GET', `/api/files/${fileId}/download`);

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'X');
    shang = await userClient(t, sys, 'exp_shang', tree.shangcheng.id, ['district_admin']);
    shang2 = await userClient(t, sys, 'exp_shang2', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'exp_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'exp_city', tree.city.id, ['city_admin']);
    const names: [string, OrgRef][] = [
      ['钱学森', tree.unionA], ['=HYPERLINK("x")', tree.unionA], ['+1', tree.unionB], ['@cmd', tree.unionB], ['-2+3', tree.unionA], ['李四光', tree.unionB],
      ['华罗庚', tree.unionC], ['竺可桢', tree.unionC],
    ];
    let i = 0;
    for (const [name, org] of names) {
      i++;
      const m = { name, idCard: makeIdCard(org === tree.unionC ? '330106' : '330102', `1980${String(i).padStart(2, '0')}15`, 100 + i), phone: makePhone('177', 3000 + i), org, active: true };
      await createMember(org === tree.unionC ? xihu : shang, { name: m.name, idCard: m.idCard, phone: m.phone, orgId: org.id });
      seeded.push(m);
    }
    const gone = { name: '已退会', idCard: makeIdCard('330102', '19700101', 77), phone: makePhone('177', 3999), org: tree.unionA, active: false };
    const created = await createMember(shang, { name: gone.name, idCard: gone.idCard, phone: gone.phone, orgId: gone.org.id });
    expect((await shang.post(`/members/${created.id}/status`, { status: 'withdrawn', date: '2024-01-02', reason: '本人申请退会', version: created.version })).status).toBe(200);
    seeded.push(gone);
  });
  afterAll(() => t.close());

  it("a district admin's export holds only the district's 在册 members, 身份证 and phone masked, as an attachment", async () => {
    const mine = seeded.filter((m) => m.org !== tree.unionC);
    const { result } = await exportAs(shang, {});
    expect(result).toEqual({ fileId: expect.any(String) as string, rows: mine.filter((m) => m.active).length });
    maskedFile = result.fileId;

    const r = await download(shang, result.fileId);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX_MIME);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="____.xlsx"; filename*=UTF-8''${encodeURIComponent('会员名单.xlsx')}`);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');

    const rows = await readXlsx(r.body);
    expect(rows[0]).toEqual(HEADER);
    expect(sheetRows(rows)).toEqual(expectedRows(mine, (m) => [maskedIdCard(m.idCard), maskedPhone(m.phone)]));
    const text = JSON.stringify(rows);
    for (const m of seeded) {
      expect(text).not.toContain(m.idCard);
      expect(text).not.toContain(m.phone);
    }
  });

  it('formula-like names come out prefixed with a quote', async () => {
    const rows = await readXlsx((await download(shang, maskedFile)).body);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining([`'=HYPERLINK("x")`, "'+1", "'@cmd", "'-2+3", '钱学森']));
    expect(names.filter((n) => typeof n === 'string' && /^[=+\-@]/.test(n))).toEqual([]);
  });

  it('the file goes only to the user whose job made it: anyone else gets 404', async () => {
    for (const [who, c] of [['same district', shang2], ['other district', xihu], ['city admin', city]] as const) {
      expect((await download(c, maskedFile)).status, who).toBe(404);
    }
    expect((await download(shang, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('unmasked: 403 for a district admin (no permission), 422 without a reason for a city admin; nothing queued', async () => {
    const jobs = await jobCount(t);
    const denied = await shang.post<Problem>('/members/export', { unmasked: true, reason: '核对' });
    expect(denied.status).toBe(403);
    const noReason = await city.post<Problem>('/members/export', { unmasked: true });
    expect(noReason.status).toBe(422);
    expect(paths(noReason.body)).toEqual(['reason']);
    const blank = await city.post<Problem>('/members/export', { unmasked: true, reason: '   ' });
    expect(blank.status).toBe(422);
    expect(await jobCount(t)).toBe(jobs);
  });

  it('unmasked with a reason by a city admin: full values, and a data.export audit row with unmasked and the reason', async () => {
    const reason = '换发会员卡,核对身份信息';
    const { jobId, result } = await exportAs(city, { unmasked: true, reason });
    expect(result.rows).toBe(seeded.filter((m) => m.active).length);
    const r = await download(city, result.fileId);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('会员名单(明文).xlsx')}`);
    expect(sheetRows(await readXlsx(r.body))).toEqual(expectedRows(seeded, (m) => [m.idCard, m.phone]));

    const fileAudit = await auditRowsFor(t, 'member', result.fileId);
    expect(fileAudit.map((a) => [a.action, a.username])).toEqual([['data.export', 'exp_city']]);
    expect(JSON.parse(fileAudit[0]!.detail)).toMatchObject({ rows: result.rows, unmasked: true, reason });
    const requestAudit = await auditRowsFor(t, 'member', jobId);
    expect(requestAudit.map((a) => a.action)).toEqual(['data.export']);
    expect(JSON.parse(requestAudit[0]!.detail)).toMatchObject({ requested: true, unmasked: true, reason });
  });

  it('every export is audited, the masked one too (unmasked false)', async () => {
    const audit = await auditRowsFor(t, 'member', maskedFile);
    expect(audit.map((a) => [a.action, a.username])).toEqual([['data.export', 'exp_shang']]);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ unmasked: false, reason: null });
  });
});
