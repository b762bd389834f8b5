import type { Db } from '../db/db-connection.js';
import { fileInfo, openFileStream } from '../files/file-store.js';
import { UPLOAD_ZIP_LIMITS } from '../files/zip-directory.js';
import { AppError } from '../http/app-error.js';
import type { JobContext } from '../jobs/job-runner.js';
import { mapHeader, rowToRecord, type ColumnSpec, type RowError } from './column-spec.js';
import { firstImportErrors, insertImportErrors, RESULT_ERROR_LIMIT } from './import-errors.js';
import {
  ImportFailedError,
  ZERO_COUNTS,
  finishFailed,
  readCheckpoint,
  saveCheckpoint,
  type ImportCheckpoint,
  type ImportCounts,
  type ImportResult,
} from './import-job-state.js';
import { RowKeyIndex } from './row-key-index.js';
import { countTableRows, readTable, type TableRow } from './table-reader.js';

export { ImportFailedError, type ImportCheckpoint, type ImportCounts, type ImportResult } from './import-job-state.js';

/** What an import job's payload holds. */
export interface ImportPayload {
  fileId: string;
  dryRun: boolean;
  updateExisting: boolean;
  /** the unpacked-size limit the upload was accepted under (re-checked when the xlsx is read) */
  maxUnzippedBytes?: number;
}

/** A row's problems, each naming the column by its Chinese label. */
export interface CellError {
  column: string;
  message: string;
}

export type ValidateResult<T> = { ok: true; value: T; key?: string } | { ok: false; errors: CellError[] };

/** What a module supplies to import one kind of record: rows are validated to `T`, prepared for storage as `S`. */
export interface ImportDefinition<T, S = T> {
  columns: ColumnSpec[];
  /** rows per batch (one transaction each); default 1000 */
  batchSize?: number;
  /** label named in duplicate-key errors; default the first required column's label */
  keyColumn?: string;
  /** parse + validate one row; errors name the column by its Chinese label */
  validate(cells: Record<string, string>, row: number): ValidateResult<T>;
  /**
   * The CPU-heavy work on a valid row before it is written (encryption, search keys). Not run on
   * dry runs; run for the next batch while the previous one is being written.
   */
  prepare(value: T): S;
  /** check a batch against the database: per-row errors. Run alone on dry runs, and in the write transaction before `persist` */
  check?(db: Db, rows: { row: number; value: T }[]): Promise<RowError[]>;
  /** write the rows `check` passed, inside the given transaction; returns how many were imported / updated / skipped as already present */
  persist(tx: Db, rows: { row: number; value: S }[], opts: { updateExisting: boolean; jobId: string }): Promise<{ imported: number; updated: number; skipped: number }>;
}

/** A problem of the file itself (unreadable mid-way), as opposed to a database or code failure. */
class FileProblem extends Error {
  constructor(readonly error: RowError) {
    super(error.message);
  }
}

interface Batch<T> {
  rows: number;
  lastRow: number;
  valid: { row: number; value: T }[];
  errors: RowError[];
}

const newBatch = <T>(): Batch<T> => ({ rows: 0, lastRow: 0, valid: [], errors: [] });

/**
 * Rows of CPU work between turns of the event loop: short enough that the batch being written
 * gets each of its query round trips served within a few milliseconds, so writing one batch and
 * preparing the next really overlap.
 */
const YIELD_EVERY = 128;
const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The rows of `rows` not named in `errors`. */
function withoutErrors<V>(rows: { row: number; value: V }[], errors: RowError[]): { row: number; value: V }[] {
  if (errors.length === 0) return rows;
  const bad = new Set(errors.map((e) => e.row));
  return rows.filter((r) => !bad.has(r.row));
}
const countsOf = (c: ImportCounts): ImportCounts => ({ total: c.total, valid: c.valid, failed: c.failed, imported: c.imported, updated: c.updated, skipped: c.skipped });

async function fail(ctx: JobContext, counts: ImportCounts, errors: RowError[]): Promise<never> {
  const message = `导入失败:${errors.slice(0, 3).map((e) => e.message).join(';')}`;
  let result: ImportResult = { ...countsOf(counts), errors: [] };
  await ctx.db.transaction(async (tx) => {
    await insertImportErrors(tx, ctx.job.id, errors);
    result = { ...countsOf(counts), errors: await firstImportErrors(tx, ctx.job.id, RESULT_ERROR_LIMIT) };
    await finishFailed(tx, ctx.job, result, message);
  });
  throw new ImportFailedError(message, result);
}

/**
 * The generic import engine, used as the body of a job handler. Maps the header (a wrong header,
 * an empty or unreadable file finishes the job as failed, changing nothing), validates each row,
 * reports duplicates of `key` within the file on the later row, and commits each batch in ONE
 * transaction with its import_errors rows and the job's checkpoint: a process killed halfway is
 * re-queued by the job runner and resumes after the last committed batch, without duplicates or
 * lost rows. A dry run validates and runs `check` but persists nothing. Writing is pipelined: the
 * next batch is read, validated and prepared while the previous one is being written (one batch in
 * flight at most, committed in file order). Progress is reported per batch against a cheap
 * first-pass row count.
 */
export async function runImport<T, S>(ctx: JobContext, def: ImportDefinition<T, S>, payload: ImportPayload): Promise<ImportResult> {
  const { job, db } = ctx;
  const batchSize = Math.max(1, def.batchSize ?? 1000);
  const info = await fileInfo(db, payload.fileId);
  if (!info) return fail(ctx, ZERO_COUNTS, [{ row: 1, column: '文件', message: '导入文件不存在或已过期,请重新上传' }]);
  const kind = info.kind;
  if (kind !== 'xlsx' && kind !== 'csv') return fail(ctx, ZERO_COUNTS, [{ row: 1, column: '文件', message: '导入文件应为 .xlsx 或 .csv' }]);
  const open = () => openFileStream(db, info.id);
  let counts: ImportCheckpoint = readCheckpoint(job.checkpoint) ?? ZERO_COUNTS;
  const resumeAfter = counts.row;
  const zipLimits = payload.maxUnzippedBytes ? { ...UPLOAD_ZIP_LIMITS, maxTotalUncompressed: payload.maxUnzippedBytes } : UPLOAD_ZIP_LIMITS;

  let estimate = 0;
  try {
    estimate = Math.max(0, (await countTableRows(open, kind, zipLimits)) - 1);
  } catch (e) {
    if (e instanceof AppError) return fail(ctx, counts, [{ row: 1, column: '文件', message: e.detail }]);
    throw e;
  }
  await ctx.progress(counts.total, Math.max(estimate, counts.total));

  const rows = readTable(open, kind, zipLimits);
  let lastRead = 0;
  const next = async (): Promise<TableRow | null> => {
    try {
      const r = await rows.next();
      if (r.done) return null;
      lastRead = r.value.row;
      return r.value;
    } catch (e) {
      if (e instanceof AppError) throw new FileProblem({ row: lastRead + 1, column: '文件', message: e.detail });
      throw e;
    }
  };

  /** Checks and writes one batch with its errors and the checkpoint, in one transaction. */
  const commit = async (b: Batch<T>, prepared: { row: number; value: S }[]): Promise<void> => {
    const errors = b.errors;
    let found: RowError[] = [];
    const reached: ImportCheckpoint = { ...counts, row: b.lastRow, total: counts.total + b.rows };
    await db.transaction(async (tx) => {
      if (def.check && b.valid.length > 0) {
        const inBatch = new Set(b.valid.map((v) => v.row));
        found = (await def.check(tx, b.valid)).filter((e) => inBatch.has(e.row));
      }
      const passed = withoutErrors(prepared, found);
      const passedCount = payload.dryRun ? withoutErrors(b.valid, found).length : passed.length;
      reached.valid += passedCount;
      reached.failed += b.rows - passedCount;
      if (!payload.dryRun && passed.length > 0) {
        const r = await def.persist(tx, passed, { updateExisting: payload.updateExisting, jobId: job.id });
        reached.imported += r.imported;
        reached.updated += r.updated;
        reached.skipped += r.skipped;
      }
      await insertImportErrors(tx, job.id, [...errors, ...found]);
      await saveCheckpoint(tx, job, counts.row, reached);
    });
    counts = reached;
    await ctx.progress(counts.total, Math.max(estimate, counts.total));
  };

  /** the batch being written, if any: at most one at a time */
  const pipeline: { inFlight: Promise<void> | null } = { inFlight: null };
  const settle = async (): Promise<void> => {
    const p = pipeline.inFlight;
    pipeline.inFlight = null;
    if (p) await p;
  };

  try {
    const header = await next();
    if (!header) return await fail(ctx, counts, [{ row: 1, column: '表头', message: '文件为空:没有找到表头,请使用导入模板' }]);
    const mapping = mapHeader(header.values, def.columns, header.row);
    if (!mapping.ok) return await fail(ctx, counts, mapping.errors);

    const keyColumn = def.keyColumn ?? def.columns.find((c) => c.required)?.label ?? '关键字';
    const seen = new RowKeyIndex();
    let batch = newBatch<T>();

    const flush = async (): Promise<void> => {
      if (batch.rows === 0) return;
      const b = batch;
      batch = newBatch<T>();
      // CPU work for this batch runs while the previous batch's queries are in flight
      const prepared: { row: number; value: S }[] = [];
      if (!payload.dryRun) {
        for (const v of b.valid) {
          prepared.push({ row: v.row, value: def.prepare(v.value) });
          if (prepared.length % YIELD_EVERY === 0) await yieldToIo();
        }
      }
      await settle();
      const p = commit(b, prepared);
      p.catch(() => undefined); // observed by settle(); avoids an unhandled rejection meanwhile
      pipeline.inFlight = p;
    };

    for (let r = await next(); r; r = await next()) {
      if (r.row % YIELD_EVERY === 0) await yieldToIo();
      const checked = def.validate(rowToRecord(r.values, mapping.index, def.columns), r.row);
      let rowErrors: RowError[] = checked.ok ? [] : checked.errors.map((e) => ({ row: r!.row, ...e }));
      if (checked.ok && checked.key !== undefined && checked.key !== '') {
        const first = seen.firstRowOf(checked.key, r.row);
        if (first !== null) rowErrors = [{ row: r.row, column: keyColumn, message: `与第 ${first} 行重复` }];
      }
      if (r.row <= resumeAfter) continue; // committed by an earlier attempt: only its keys were needed
      batch.rows++;
      batch.lastRow = r.row;
      if (checked.ok && rowErrors.length === 0) batch.valid.push({ row: r.row, value: checked.value });
      else batch.errors.push(...rowErrors);
      if (batch.rows >= batchSize) await flush();
    }
    await flush();
    await settle();
  } catch (e) {
    await pipeline.inFlight?.catch(() => undefined);
    if (e instanceof FileProblem) return fail(ctx, counts, [e.error]);
    throw e;
  } finally {
    await rows.return(undefined);
  }

  await ctx.progress(counts.total, counts.total);
  return { ...countsOf(counts), errors: await firstImportErrors(db, job.id) };
}
