import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db-connection.js';
import type { JobRow } from '../jobs/job-runner.js';
import { jobs } from '../jobs/job.schema.js';
import type { RowError } from './column-spec.js';

/** Row counts of an import so far. */
export interface ImportCounts {
  /** data rows read (the header and fully empty rows excluded) */
  total: number;
  /** rows that passed validation and checks */
  valid: number;
  /** rows with at least one error */
  failed: number;
  imported: number;
  updated: number;
  /** valid rows left alone because they were already present */
  skipped: number;
}

/** What the last committed batch reached; stored in `jobs.checkpoint` in that batch's transaction. */
export interface ImportCheckpoint extends ImportCounts {
  /** the last row (as the user numbers it) the committed batches covered */
  row: number;
}

/** An import job's result. */
export interface ImportResult extends ImportCounts {
  /** the first 1,000 errors by row; all of them are in import_errors */
  errors: RowError[];
}

export const ZERO_COUNTS: ImportCheckpoint = { row: 0, total: 0, valid: 0, failed: 0, imported: 0, updated: 0, skipped: 0 };

/** The checkpoint a previous attempt committed, or null. */
export function readCheckpoint(value: unknown): ImportCheckpoint | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(ZERO_COUNTS) as (keyof ImportCheckpoint)[];
  if (!keys.every((k) => typeof v[k] === 'number' && Number.isInteger(v[k]))) return null;
  return Object.fromEntries(keys.map((k) => [k, v[k] as number])) as unknown as ImportCheckpoint;
}

const stillMine = (job: JobRow) => and(eq(jobs.id, job.id), sql`${jobs.lockedBy} IS NOT DISTINCT FROM ${job.lockedBy}`);

/**
 * Moves the checkpoint from `previousRow` to `next` inside a batch's transaction. Fails (rolling
 * the batch back) if another process has taken the job over or moved the checkpoint meanwhile, so
 * no batch is ever committed twice.
 */
export async function saveCheckpoint(tx: Db, job: JobRow, previousRow: number, next: ImportCheckpoint): Promise<void> {
  const rows = await tx
    .update(jobs)
    .set({ checkpoint: next })
    .where(and(stillMine(job), sql`COALESCE((${jobs.checkpoint} ->> 'row')::int, 0) = ${previousRow}`))
    .returning({ id: jobs.id });
  if (rows.length === 0) throw new Error('导入任务已被其他进程接管,本批次已回滚');
}

/** Thrown after an import was finished as failed (bad header, unreadable file): not worth retrying. */
export class ImportFailedError extends Error {
  constructor(
    message: string,
    readonly result: ImportResult,
  ) {
    super(message);
  }
}

/**
 * Marks the job failed with its result, in the caller's transaction. The job runner only retries
 * or finishes a job still locked by its worker: releasing the lock here makes the failure final
 * (no retries of a file that cannot succeed) while keeping the result for the user.
 */
export async function finishFailed(tx: Db, job: JobRow, result: ImportResult, message: string): Promise<void> {
  await tx
    .update(jobs)
    .set({ status: 'failed', result, error: message, finishedAt: sql`now()`, lockedBy: null, lockedAt: null })
    .where(stillMine(job));
}
