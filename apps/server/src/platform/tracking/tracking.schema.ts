import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../org/org.schema.js';

/**
 * A tracked item (督办事项): something an owner org must get done by a deadline for a supervising org
 * (the one that issued it). Modules configure kinds (联席会议 commitments, work-plan key tasks) and
 * point at their own record with business_id. The reminder/escalation sweep stamps reminded_at and
 * escalated_at once each. Deadline state (正常/临期/逾期) is computed, never stored.
 */
export const trackedItems = pgTable(
  'tracked_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    businessId: uuid('business_id').notNull(),
    title: text('title').notNull(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => orgs.id),
    supervisorOrgId: uuid('supervisor_org_id')
      .notNull()
      .references(() => orgs.id),
    /** the last day (Asia/Shanghai) */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** open → done (owner reports 100% / closes) → closed (supervisor closes with a note) */
    status: text('status').notNull().default('open'),
    percent: integer('percent').notNull().default(0),
    closingNote: text('closing_note'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tracked_items_business_owner_unique').on(t.kind, t.businessId, t.ownerOrgId),
    index('tracked_items_owner_idx').on(t.ownerOrgId),
    index('tracked_items_supervisor_idx').on(t.supervisorOrgId),
    index('tracked_items_due_idx').on(t.deadline).where(sql`${t.status} = 'open'`),
    check('tracked_items_status_check', sql`${t.status} IN ('open','done','closed')`),
    check('tracked_items_percent_check', sql`${t.percent} BETWEEN 0 AND 100`),
  ],
);

/** A progress report by the owner org: date, text, percent, attachments (platform/files list). */
export const trackedProgressReports = pgTable(
  'tracked_progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    percent: integer('percent').notNull(),
    attachments: jsonb('attachments').notNull().default([]),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    userName: text('user_name'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tracked_progress_item_idx').on(t.itemId, t.reportDate), check('tracked_progress_percent_check', sql`${t.percent} BETWEEN 0 AND 100`)],
);
