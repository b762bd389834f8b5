import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { queryRows, type Db } from '../db/db-connection.js';
import { fileInfo, openFileStream } from '../files/file-store.js';
import { JobRunner } from '../jobs/job-runner.js';
import { jobs } from '../jobs/job.schema.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { runExport, type ExportResult } from './export-runner.js';
import { readTable } from './table-reader.js';

const ROWS = 12_000;

/** Reads a table page by page (keyset), as a module's export would. */
async function* items(db: Db): AsyncGenerator<Record<string, string | number | null>> {
  let after = 0;
  for (;;) {
    const page = await queryRows<{ id: number; name: string; amount: number | null }>(db, sql`SELECT id, name, amount FROM export_test_items WHERE id > ${after} ORDER BY id LIMIT 1000`);
    for (const r of page) yield { id: r.id, name: r.name, amount: r.amount };
    if (page.length < 1000) return;
    after = page[page.length - 1]!.id;
  }
}

describe('export runner', () => {
  let t: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.database.db;
    await db.execute(sql`CREATE TABLE export_test_items (id int PRIMARY KEY, name text NOT NULL, amount int)`);
    await db.execute(sql`INSERT INTO export_test_items SELECT g, '物品' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE g * 100 END FROM generate_series(1, ${ROWS}) g`);
    await db.execute(sql`UPDATE export_test_items SET name = '=cmd|''/c calc''!A1' WHERE id = 7`);
  });
  afterAll(() => t.drop());

  it('streams rows read from the database into a stored xlsx, with progress, and it reads back', async () => {
    const runner = new JobRunner(db, pino({ level: 'silent' }));
    runner.register('test.export', (ctx) =>
      runExport(ctx, {
        name: '物品清单',
        purpose: 'test.export',
        columns: [
          { header: '编号', key: 'id' },
          { header: '名称', key: 'name', width: 24 },
          { header: '金额(分)', key: 'amount' },
        ],
        rows: items,
        count: async (d) => (await queryRows<{ n: number }>(d, sql`SELECT count(*)::int AS n FROM export_test_items`))[0]!.n,
      }),
    );
    const creator = '00000000-0000-4000-8000-00000000beef';
    const id = await runner.enqueue('test.export', {}, { createdBy: creator });
    expect(await runner.drain()).toBe(1);
    const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(job).toMatchObject({ status: 'succeeded', progressDone: ROWS, progressTotal: ROWS });
    const result = job!.result as ExportResult;
    expect(result.rows).toBe(ROWS);

    const info = (await fileInfo(db, result.fileId))!;
    expect(info).toMatchObject({ name: '物品清单.xlsx', kind: 'xlsx', purpose: 'test.export', createdBy: creator });
    expect(info.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);

    let n = 0;
    let row7: string[] = [];
    for await (const r of readTable(() => openFileStream(db, info.id), 'xlsx')) {
      n++;
      if (r.row === 8) row7 = r.values;
    }
    expect(n).toBe(ROWS + 1);
    expect(row7).toEqual(['7', "'=cmd|'/c calc'!A1", '700']);

    const parts: Buffer[] = [];
    for await (const c of openFileStream(db, info.id)) parts.push(c as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('物品清单');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['编号', '名称', '金额(分)']);
    expect((ws.getRow(11).values as unknown[]).slice(1)).toEqual([10, '物品10']);
    expect(ws.getCell('B8').value).toBe("'=cmd|'/c calc'!A1");
    expect(ws.rowCount).toBe(ROWS + 1);
  });
  it('fails the job, not the process, when the rows fail before the file store reads them', async () => {
    const runner = new JobRunner(db, pino({ level: 'silent' }));
    runner.register('test.export-fail', (ctx) =>
      runExport(ctx, {
        name: '失败的导出',
        purpose: 'test.export',
        columns: [{ header: '编号', key: 'id' }],
        rows: () => ({
          [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('组织不存在或不在您的数据范围内')) }),
        }),
      }),
    );
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const id = await runner.enqueue('test.export-fail', {});
      await runner.drain();
      await new Promise((r) => setTimeout(r, 100));
      const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
      expect(job?.status).not.toBe('succeeded');
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
