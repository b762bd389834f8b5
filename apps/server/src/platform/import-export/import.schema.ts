import { bigserial, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { jobs } from '../jobs/job.schema.js';

/** Per-row problems of an import job, written in the same transaction as the batch they belong to. */
export const importErrors = pgTable(
  'import_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    column: text('column').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('import_errors_job_idx').on(t.jobId, t.row)],
);
