import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { finishJob, rawRequest, uploadFile, type UploadFile } from '../../test-support/multipart-upload.js';
import { PNG_1X1, csvFile, garbageBytes, readXlsx, xlsxFile } from '../../test-support/spreadsheet-files.js';
import { jobCount, memberSnapshot, storedFileCount, type ImportOutcome, type RowProblem } from '../../test-support/import-fixtures.js';

interface ProblemBody {
  status: number;
  code: string;
  detail: string;
}

const IMPORT = '/api/members/import';
const ZERO = { total: 0, valid: 0, failed: 0, imported: 0, updated: 0, skipped: 0 };
const missing = (label: string): RowProblem => ({ row: 1, column: label, message: `缺少必填列“${label}”,请使用导入模板的表头` });

/** security.md 21: a malformed spreadsheet gets a clear error and changes nothing. */
describe('member import of malformed files: refused or failed with a clear error, changing nothing', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let members: string[];

  /** an upload the server must refuse at once: 422 with the code, and no file, job or member stored */
  async function refused(file: UploadFile, code: string, detail: RegExp): Promise<void> {
    const [files, jobs] = [await storedFileCount(t), await jobCount(t)];
    const r = await uploadFile(t, shang, IMPORT, file);
    expect(r.status, file.filename).toBe(422);
    expect(r.json<ProblemBody>(), file.filename).toMatchObject({ status: 422, code });
    expect(r.json<ProblemBody>().detail, file.filename).toMatch(detail);
    expect([await storedFileCount(t), await jobCount(t)], file.filename).toEqual([files, jobs]);
  }

  /** an upload accepted as a file whose content is wrong: the job fails once, for good, with the errors */
  async function failedJob(file: UploadFile, errors: RowProblem[]): Promise<string> {
    const r = await uploadFile(t, shang, IMPORT, file);
    expect(r.status, file.filename).toBe(202);
    const jobId = r.json<{ jobId: string }>().jobId;
    const job = await finishJob<ImportOutcome>(t, shang, jobId);
    expect(job.status, file.filename).toBe('failed');
    expect(job.result, file.filename).toEqual({ ...ZERO, errors });
    // the job's error line quotes the first three problems; the result and the report hold them all
    expect(job.error, file.filename).toBe(`导入失败:${errors.slice(0, 3).map((e) => e.message).join(';')}`);
    expect(await t.ctx.jobs.drain(), 'a file that cannot succeed is not retried').toBe(0);
    return jobId;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'B');
    shang = await userClient(t, sys, 'bad_shang', tree.shangcheng.id, ['district_admin']);
    await createMember(shang, { name: '原有会员', idCard: makeIdCard('330102', '19750505', 11), phone: makePhone('186', 1), orgId: tree.unionA.id });
    members = await memberSnapshot(t);
  });
  afterAll(() => t.close());

  it('a wrong header (no 身份证号 column) fails the job with the missing column named; the report says so', async () => {
    const rows = [
      ['姓名', '手机号', '工会组织编码'],
      ['张三', makePhone('186', 2), tree.unionA.code],
    ];
    const jobId = await failedJob({ filename: 'no-id.csv', content: csvFile(rows) }, [missing('身份证号')]);
    await failedJob({ filename: 'no-id.xlsx', content: await xlsxFile(rows) }, [missing('身份证号')]);
    const report = await rawRequest(t, shang, 'GET', `${IMPORT}/${jobId}/errors.xlsx`);
    expect(report.status).toBe(200);
    expect(await readXlsx(report.body)).toEqual([
      ['行号', '列', '原因'],
      [1, '身份证号', missing('身份证号').message],
    ]);
    expect(await memberSnapshot(t)).toEqual(members);
  });

  it('an empty file is refused at upload (FILE_EMPTY); a file of blank lines fails with 文件为空', async () => {
    await refused({ filename: 'empty.csv', content: Buffer.alloc(0) }, 'FILE_EMPTY', /文件为空/);
    await refused({ filename: 'empty.xlsx', content: Buffer.alloc(0) }, 'FILE_EMPTY', /文件为空/);
    await failedJob({ filename: 'blank.csv', content: Buffer.from('\ufeff\r\n , ,\r\n\r\n') }, [{ row: 1, column: '表头', message: '文件为空:没有找到表头,请使用导入模板' }]);
    expect(await memberSnapshot(t)).toEqual(members);
  });

  it('binary garbage, a PNG renamed .csv and a truncated xlsx are refused by their bytes, whatever the name', async () => {
    const garbage = garbageBytes(64 * 1024);
    await refused({ filename: 'members.csv', content: garbage, contentType: 'text/csv' }, 'FILE_TYPE', /文件类型不支持/);
    await refused({ filename: 'members.xlsx', content: garbage }, 'FILE_TYPE', /文件类型不支持/);
    await refused({ filename: 'photo.csv', content: PNG_1X1, contentType: 'text/csv' }, 'FILE_TYPE', /^文件类型不支持:请上传 \.xlsx 或 \.csv 文件$/);
    const xlsx = await xlsxFile([['姓名', '身份证号', '手机号', '工会组织编码']]);
    await refused({ filename: 'cut.xlsx', content: xlsx.subarray(0, Math.floor(xlsx.length / 2)) }, 'FILE_TYPE', /文件已损坏/);
    expect(await memberSnapshot(t)).toEqual(members);
  });

  it('text that is not a member list fails with every required column named', async () => {
    const nonsense = Buffer.from(Array.from({ length: 2000 }, (_v, i) => `qwe${i},rty,uio`).join('\n'));
    await failedJob({ filename: 'nonsense.csv', content: nonsense }, ['姓名', '身份证号', '手机号', '工会组织编码'].map(missing));
    expect(await memberSnapshot(t)).toEqual(members);
  });
});
