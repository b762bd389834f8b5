import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    status: text('status').notNull().default('queued'),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    result: jsonb('result'),
    /** resumable work (imports): what the last committed batch reached, written in that batch's transaction */
    checkpoint: jsonb('checkpoint'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    orgId: uuid('org_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_claim_idx').on(t.status, t.runAt),
    index('jobs_created_by_idx').on(t.createdBy, t.createdAt),
    uniqueIndex('jobs_recurring_one').on(t.type).where(sql`${t.status} IN ('queued','running') AND ${t.payload} ? 'recurring'`),
    check('jobs_status_check', sql`${t.status} IN ('queued','running','succeeded','failed')`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
