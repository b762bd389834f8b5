import type { Writable } from 'node:stream';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db-connection.js';
import { importErrors } from './import.schema.js';
import type { RowError } from './column-spec.js';
import { writeXlsx } from './xlsx-writer.js';

/** How many errors a job's result carries; all of them are in import_errors. */
export const RESULT_ERROR_LIMIT = 1000;
const INSERT_CHUNK = 5000;
const REPORT_PAGE = 5000;

/** Stores a batch's row errors (inside the batch's transaction). */
export async function insertImportErrors(tx: Db, jobId: string, errors: RowError[]): Promise<void> {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length; i += INSERT_CHUNK) {
    await tx.insert(importErrors).values(sorted.slice(i, i + INSERT_CHUNK).map((e) => ({ jobId, row: e.row, column: e.column, message: e.message })));
  }
}

/** The first errors of a job, by row. */
export async function firstImportErrors(db: Db, jobId: string, limit = RESULT_ERROR_LIMIT): Promise<RowError[]> {
  return db
    .select({ row: importErrors.row, column: importErrors.column, message: importErrors.message })
    .from(importErrors)
    .where(eq(importErrors.jobId, jobId))
    .orderBy(asc(importErrors.row), asc(importErrors.id))
    .limit(limit);
}

async function* pages(db: Db, jobId: string): AsyncGenerator<Record<string, string | number>> {
  let after = { row: 0, id: 0 };
  for (;;) {
    const rows = await db
      .select()
      .from(importErrors)
      .where(and(eq(importErrors.jobId, jobId), sql`(${importErrors.row}, ${importErrors.id}) > (${after.row}, ${after.id})`))
      .orderBy(asc(importErrors.row), asc(importErrors.id))
      .limit(REPORT_PAGE);
    for (const r of rows) yield { row: r.row, column: r.column, message: r.message };
    const last = rows[rows.length - 1];
    if (!last || rows.length < REPORT_PAGE) return;
    after = { row: last.row, id: last.id };
  }
}

/**
 * Writes a job's error report as xlsx (行号, 列, 原因), streaming every error of the job page by
 * page. Ends `out`; returns how many errors were written.
 */
export async function importErrorsReport(db: Db, jobId: string, out: Writable): Promise<number> {
  return writeXlsx(out, {
    name: '错误报告',
    columns: [
      { header: '行号', key: 'row', width: 10 },
      { header: '列', key: 'column', width: 20 },
      { header: '原因', key: 'message', width: 60 },
    ],
    rows: pages(db, jobId),
  });
}
