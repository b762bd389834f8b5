import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { queryRows, type Db } from '../db/db-connection.js';
import { storeFile } from '../files/file-store.js';
import { JobRunner, type JobRow } from '../jobs/job-runner.js';
import { jobs } from '../jobs/job.schema.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import type { ColumnSpec } from './column-spec.js';
import { importErrorsReport } from './import-errors.js';
import { runImport, type ImportDefinition, type ImportPayload, type ImportResult } from './import-runner.js';

interface Person {
  idNo: string;
  name: string;
  age: number | null;
}

const columns: ColumnSpec[] = [
  { key: 'name', label: '姓名', required: true },
  { key: 'idNo', label: '身份证号', required: true, aliases: ['身份证'] },
  { key: 'age', label: '年龄', required: false },
];

/** A tiny import of people into a real table, with a switch to die on the Nth batch once. */
function peopleImport(opts: { batchSize?: number; dieOnBatch?: number } = {}): ImportDefinition<Person> & { persisted: number } {
  let died = false;
  const def = {
    persisted: 0,
    columns,
    batchSize: opts.batchSize,
    keyColumn: '身份证号',
    prepare: (value: Person) => value,
    validate(c: Record<string, string>) {
      const errors: { column: string; message: string }[] = [];
      if (!c.name) errors.push({ column: '姓名', message: '姓名不能为空' });
      if (!/^\d{17}[\dX]$/.test(c.idNo ?? '')) errors.push({ column: '身份证号', message: '身份证号格式不正确' });
      const age = c.age ? Number(c.age) : null;
      if (age !== null && !(Number.isInteger(age) && age >= 16 && age <= 100)) errors.push({ column: '年龄', message: '年龄应为 16 到 100 的整数' });
      return errors.length > 0 ? { ok: false as const, errors } : { ok: true as const, value: { idNo: c.idNo!, name: c.name!, age }, key: c.idNo! };
    },
    async check(db: Db, rows: { row: number; value: Person }[]) {
      const known = await queryRows<{ id_no: string; name: string }>(
        db,
        sql`SELECT id_no, name FROM import_test_people WHERE id_no IN (${sql.join(rows.map((r) => sql`${r.value.idNo}`), sql`, `)})`,
      );
      const names = new Map(known.map((k) => [k.id_no, k.name]));
      return rows.filter((r) => names.has(r.value.idNo) && names.get(r.value.idNo) !== r.value.name).map((r) => ({ row: r.row, column: '姓名', message: '与已登记的姓名不一致' }));
    },
    async persist(tx: Db, rows: { row: number; value: Person }[], o: { updateExisting: boolean; jobId: string }) {
      def.persisted++;
      if (def.persisted === opts.dieOnBatch && !died) {
        died = true;
        throw new Error('模拟进程中断');
      }
      const values = sql.join(rows.map((r) => sql`(${r.value.idNo}, ${r.value.name}, ${r.value.age}, ${o.jobId})`), sql`, `);
      const onConflict = o.updateExisting ? sql`DO UPDATE SET name = excluded.name, age = excluded.age, job_id = excluded.job_id` : sql`DO NOTHING`;
      const done = await queryRows<{ inserted: boolean }>(tx, sql`INSERT INTO import_test_people (id_no, name, age, job_id) VALUES ${values} ON CONFLICT (id_no) ${onConflict} RETURNING (xmax = 0) AS inserted`);
      const imported = done.filter((d) => d.inserted).length;
      return { imported, updated: done.length - imported, skipped: rows.length - done.length };
    },
  };
  return def;
}

describe('import runner: header, dry run, duplicates, errors, resume after a crash', () => {
  let t: TestDatabase;
  let db: Db;
  let runner: JobRunner;
  let def: ImportDefinition<Person> = peopleImport();
  const people = async () => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM import_test_people`))[0]!.n;
  const jobRow = async (id: string): Promise<JobRow> => (await db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
  const errorCount = async (jobId: string) => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM import_errors WHERE job_id = ${jobId}`))[0]!.n;

  async function start(content: Buffer, payload: Partial<ImportPayload> = {}, name = 'people.csv'): Promise<string> {
    const file = await storeFile(db, content, { name, purpose: 'test.import', kinds: ['xlsx', 'csv'], maxBytes: 50 * 1024 * 1024 });
    return runner.enqueue('test.people', { fileId: file.id, dryRun: false, updateExisting: false, ...payload });
  }
  async function importOnce(content: Buffer, payload: Partial<ImportPayload> = {}, name?: string): Promise<JobRow> {
    const id = await start(content, payload, name);
    expect(await runner.drain()).toBe(1);
    return jobRow(id);
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.database.db;
    await db.execute(sql`CREATE TABLE import_test_people (id_no text PRIMARY KEY, name text NOT NULL, age int, job_id uuid NOT NULL)`);
    runner = new JobRunner(db, pino({ level: 'silent' }));
    runner.register('test.people', (ctx) => runImport(ctx, def, ctx.job.payload as ImportPayload));
  });
  afterAll(() => t.drop());

  const sample = Buffer.from(
    ['姓名,身份证号,年龄,备注', '张三,330102199001011234,30,', ',330102199001011235,20,', '李四,33010219900101123X,abc,', '王五,330102199001011234,40,', '', '赵六,330102199001011236,,'].join('\r\n'),
  );
  let dryRunJob = '';

  it('dry run: validates, reports errors and in-file duplicates on the later row, persists nothing', async () => {
    def = peopleImport();
    const job = await importOnce(sample, { dryRun: true });
    dryRunJob = job.id;
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual({
      total: 5,
      valid: 2,
      failed: 3,
      imported: 0,
      updated: 0,
      skipped: 0,
      errors: [
        { row: 3, column: '姓名', message: '姓名不能为空' },
        { row: 4, column: '年龄', message: '年龄应为 16 到 100 的整数' },
        { row: 5, column: '身份证号', message: '与第 2 行重复' },
      ],
    } satisfies ImportResult);
    expect([job.progressDone, job.progressTotal]).toEqual([5, 5]);
    expect(await people()).toBe(0);
    expect(await errorCount(job.id)).toBe(3);
  });

  it('imports, then skips or updates rows already present, and runs check against the database', async () => {
    def = peopleImport();
    expect((await importOnce(sample)).result).toMatchObject({ total: 5, valid: 2, failed: 3, imported: 2, updated: 0, skipped: 0 });
    expect(await people()).toBe(2);
    expect((await importOnce(sample)).result).toMatchObject({ imported: 0, updated: 0, skipped: 2 });
    expect((await importOnce(sample, { updateExisting: true })).result).toMatchObject({ imported: 0, updated: 2, skipped: 0 });
    const renamed = Buffer.from('姓名,身份证\n张三丰,330102199001011234\n');
    const job = await importOnce(renamed, { dryRun: true });
    expect(job.result).toMatchObject({ total: 1, valid: 0, failed: 1, errors: [{ row: 2, column: '姓名', message: '与已登记的姓名不一致' }] });
  });

  it('writes the error report as xlsx (行号, 列, 原因)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    expect(await importErrorsReport(db, dryRunJob, out)).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('错误报告');
    const rows = [1, 2, 3, 4].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['行号', '列', '原因'],
      [3, '姓名', '姓名不能为空'],
      [4, '年龄', '年龄应为 16 到 100 的整数'],
      [5, '身份证号', '与第 2 行重复'],
    ]);
  });

  it('fails at once, changing nothing, on a wrong header, an empty file, garbage or a missing file', async () => {
    def = peopleImport();
    const before = await people();
    const wrong = await importOnce(Buffer.from('名字,电话\n张三,1\n'));
    expect(wrong).toMatchObject({ status: 'failed', attempts: 1, lockedBy: null });
    expect(wrong.error).toMatch(/^导入失败:缺少必填列“姓名”/);
    expect(wrong.result).toEqual({
      total: 0,
      valid: 0,
      failed: 0,
      imported: 0,
      updated: 0,
      skipped: 0,
      errors: [
        { row: 1, column: '姓名', message: '缺少必填列“姓名”,请使用导入模板的表头' },
        { row: 1, column: '身份证号', message: '缺少必填列“身份证号”,请使用导入模板的表头' },
      ],
    });
    const empty = await importOnce(Buffer.from('\ufeff\r\n , \r\n'));
    expect(empty.status).toBe('failed');
    expect((empty.result as ImportResult).errors).toEqual([{ row: 1, column: '表头', message: '文件为空:没有找到表头,请使用导入模板' }]);
    const garbage = await importOnce(Buffer.from('x'.repeat(100) + '\n' + 'qwe,rty,uio\n'.repeat(20_000)));
    expect(garbage.status).toBe('failed');
    expect((garbage.result as ImportResult).errors.map((e) => e.column)).toEqual(['姓名', '身份证号']);
    const lost = await runner.enqueue('test.people', { fileId: '00000000-0000-4000-8000-000000000000', dryRun: false, updateExisting: false });
    await runner.drain();
    expect(await jobRow(lost)).toMatchObject({ status: 'failed', result: { errors: [{ row: 1, column: '文件', message: '导入文件不存在或已过期,请重新上传' }] } });
    expect(await runner.drain()).toBe(0); // nothing re-queued
    expect(await people()).toBe(before);
  });

  it('resumes from the checkpoint after a crash halfway: right totals, no duplicates, no lost rows', async () => {
    await db.execute(sql`DELETE FROM import_test_people`);
    const lines = ['姓名,身份证号,年龄'];
    const id = (i: number) => `33010219${String(i).padStart(9, '0')}X`;
    for (let i = 0; i < 2500; i++) lines.push(`${i % 100 === 50 ? '' : `成员${i}`},${i === 2300 ? id(5) : id(i)},${20 + (i % 50)}`);
    def = peopleImport({ batchSize: 500, dieOnBatch: 3 });
    const jobId = await start(Buffer.from(lines.join('\n')));
    await runner.drain();
    const crashed = await jobRow(jobId);
    expect(crashed).toMatchObject({ status: 'queued', error: '模拟进程中断' });
    // two batches committed (data rows 2..1001), the third rolled back entirely
    expect(crashed.checkpoint).toEqual({ row: 1001, total: 1000, valid: 990, failed: 10, imported: 990, updated: 0, skipped: 0 });
    expect(await people()).toBe(990);
    expect(await errorCount(jobId)).toBe(10);

    await db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, jobId));
    expect(await runner.drain()).toBe(1);
    const done = await jobRow(jobId);
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBe(2);
    const result = done.result as ImportResult;
    expect(result).toMatchObject({ total: 2500, valid: 2474, failed: 26, imported: 2474, updated: 0, skipped: 0 });
    // the duplicate of a row committed before the crash is still caught after resuming
    expect(result.errors).toContainEqual({ row: 2302, column: '身份证号', message: '与第 7 行重复' });
    expect([done.progressDone, done.progressTotal]).toEqual([2500, 2500]);
    const counts = (await queryRows<{ n: number; ids: number; jobs: number }>(db, sql`SELECT count(*)::int AS n, count(DISTINCT id_no)::int AS ids, count(DISTINCT job_id)::int AS jobs FROM import_test_people`))[0]!;
    expect(counts).toEqual({ n: 2474, ids: 2474, jobs: 1 });
    const errs = (await queryRows<{ n: number; rows: number }>(db, sql`SELECT count(*)::int AS n, count(DISTINCT row)::int AS rows FROM import_errors WHERE job_id = ${jobId}`))[0]!;
    expect(errs).toEqual({ n: 26, rows: 26 });
  });

  it('imports an xlsx the same way, and caps the result at 1,000 errors while keeping all of them', async () => {
    def = peopleImport();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '身份证号', '年龄']);
    ws.addRow(['钱七', '330102199201011234', 33]);
    ws.addRow(['孙八', '330102199201011235', null]);
    const xlsx = await importOnce(Buffer.from(await wb.xlsx.writeBuffer()), {}, 'people.xlsx');
    expect(xlsx.result).toMatchObject({ total: 2, valid: 2, imported: 2, errors: [] });

    const before = await people();
    const nonsense = ['姓名,身份证号,年龄', ...Array.from({ length: 3000 }, (_v, i) => `,nonsense${i},x`)].join('\n');
    const job = await importOnce(Buffer.from(nonsense));
    const result = job.result as ImportResult;
    expect(result).toMatchObject({ total: 3000, valid: 0, failed: 3000, imported: 0 });
    expect(result.errors.length).toBe(1000);
    expect(await errorCount(job.id)).toBe(9000);
    expect(await people()).toBe(before);
  });
});
