import { PassThrough } from 'node:stream';
import type { Db } from '../db/db-connection.js';
import { storeFile } from '../files/file-store.js';
import type { ZipLimits } from '../files/zip-directory.js';
import type { JobContext } from '../jobs/job-runner.js';
import { writeXlsx, type CellValue, type SheetColumn } from './xlsx-writer.js';

/** What a module supplies to export one list. */
export interface ExportDefinition {
  /** file and sheet name, e.g. 会员名单 (".xlsx" is added) */
  name: string;
  columns: SheetColumn[];
  /** the rows, already masked and scoped by the module; read page by page, never all at once */
  rows: (db: Db) => AsyncIterable<Record<string, CellValue | undefined>>;
  /** stored_files.purpose, e.g. `members.export` */
  purpose: string;
  /** optional row count for the progress bar (otherwise the total is known only at the end) */
  count?: (db: Db) => Promise<number>;
  /** how long the file is kept; default 7 days */
  keepHours?: number;
  /** largest file accepted; default 1 GiB */
  maxBytes?: number;
}

export interface ExportResult {
  fileId: string;
  rows: number;
}

const PROGRESS_EVERY = 5000;
/** a file the server generates may be far larger than an upload, but not unbounded */
const EXPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 20, maxTotalUncompressed: 4 * 1024 ** 3, maxRatio: 1000, ratioFloor: 64 * 1024 };

/**
 * The body of an export job: streams the rows through the xlsx writer into the file store (via a
 * PassThrough, spooled to an encrypted temp file so no transaction waits on the row queries),
 * reporting progress, and returns the stored file's id and the number of rows. Auditing the
 * export (who, what, how many) is the calling module's job, as it knows the actor and the scope.
 */
export async function runExport(ctx: JobContext, def: ExportDefinition): Promise<ExportResult> {
  const total = def.count ? await def.count(ctx.db) : undefined;
  await ctx.progress(0, total);
  let done = 0;
  async function* counted(): AsyncGenerator<Record<string, CellValue | undefined>> {
    for await (const row of def.rows(ctx.db)) {
      yield row;
      done++;
      if (done % PROGRESS_EVERY === 0) await ctx.progress(done, total !== undefined ? Math.max(total, done) : undefined);
    }
  }
  const pipe = new PassThrough();
  // a rows error destroys the pipe, possibly before storeFile reads it: without a listener that 'error'
  // event would be an uncaught exception (the process dies); the error itself rejects `writing` below
  pipe.on('error', () => undefined);
  const writing = writeXlsx(pipe, { name: def.name, columns: def.columns, rows: counted() }).catch((e: unknown) => {
    pipe.destroy(e instanceof Error ? e : new Error(String(e)));
    throw e;
  });
  const storing = storeFile(ctx.db, pipe, {
    name: `${def.name}.xlsx`,
    purpose: def.purpose,
    createdBy: ctx.job.createdBy,
    orgId: ctx.job.orgId,
    kinds: ['xlsx'],
    maxBytes: def.maxBytes ?? 1024 ** 3,
    expiresAt: new Date(Date.now() + (def.keepHours ?? 24 * 7) * 3600_000),
    zipLimits: EXPORT_ZIP_LIMITS,
  }).catch((e: unknown) => {
    pipe.destroy();
    throw e;
  });
  const [rows, info] = await Promise.all([writing, storing]);
  await ctx.progress(rows, rows);
  return { fileId: info.id, rows };
}
