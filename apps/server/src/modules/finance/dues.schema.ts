import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';

/** One wage item of a wage base (岗位工资 …) in 分. */
export interface DuesWageItemValue {
  code: string;
  amountFen: number;
}

/**
 * A member's 会费 wage base for one year (会费核定): the wage items that count for the employer type,
 * their sum and the monthly dues computed by the rule (0.5% of the wage floored to 10 yuan), in 分.
 * `org_id` is the union that collects (the member's union when the base was set).
 */
export const duesWageBases = pgTable(
  'dues_wage_bases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    employerType: text('employer_type').notNull(),
    items: jsonb('items').$type<DuesWageItemValue[]>().notNull(),
    wageFen: bigint('wage_fen', { mode: 'number' }).notNull(),
    monthlyDuesFen: bigint('monthly_dues_fen', { mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dues_wage_bases_member_year_unique').on(t.memberId, t.year),
    index('dues_wage_bases_org_idx').on(t.orgId, t.year),
    check('dues_wage_bases_employer_check', sql`${t.employerType} IN ('enterprise','government','institution')`),
    check('dues_wage_bases_amounts_check', sql`${t.wageFen} >= 0 AND ${t.monthlyDuesFen} >= 0`),
    check('dues_wage_bases_year_check', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);

/** 会费减免: the months from..to (YYYY-MM, inclusive) are not due for the member. */
export const duesExemptions = pgTable(
  'dues_exemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    reason: text('reason').notNull(),
    note: text('note'),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dues_exemptions_member_idx').on(t.memberId, t.fromMonth),
    index('dues_exemptions_org_idx').on(t.orgId),
    check('dues_exemptions_reason_check', sql`${t.reason} IN ('laid_off','hardship','long_sick','other')`),
    check('dues_exemptions_months_check', sql`${t.fromMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND ${t.toMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND ${t.toMonth} >= ${t.fromMonth}`),
  ],
);

/**
 * 会费收缴批次 of one grassroots union for one month: 代扣 (payroll) or 现金 (cash). A draft can be
 * edited; confirming it posts one income entry (business key = the batch id) into the union's
 * 经费账户 and makes the batch read-only.
 */
export const duesBatches = pgTable(
  'dues_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    month: text('month').notNull(),
    method: text('method').notNull(),
    status: text('status').notNull().default('draft'),
    note: text('note'),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dues_batches_org_idx').on(t.orgId, t.month),
    check('dues_batches_method_check', sql`${t.method} IN ('payroll','cash')`),
    check('dues_batches_status_check', sql`${t.status} IN ('draft','confirmed')`),
    check('dues_batches_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('dues_batches_confirmed_check', sql`${t.status} = 'draft' OR ${t.confirmedAt} IS NOT NULL`),
  ],
);

/**
 * One member in a batch: the month's due and what was collected (分). `status` follows the batch;
 * a member-month is paid once: at most one confirmed line with money per member and month (database
 * unique). A confirmed line of 0 records that the member did not pay; the month stays in arrears.
 */
export const duesBatchLines = pgTable(
  'dues_batch_lines',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => duesBatches.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    month: text('month').notNull(),
    dueFen: bigint('due_fen', { mode: 'number' }).notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('draft'),
  },
  (t) => [
    uniqueIndex('dues_batch_lines_pk').on(t.batchId, t.memberId),
    uniqueIndex('dues_batch_lines_paid_once').on(t.memberId, t.month).where(sql`${t.status} = 'confirmed' AND ${t.paidFen} > 0`),
    index('dues_batch_lines_org_month_idx').on(t.orgId, t.month),
    check('dues_batch_lines_status_check', sql`${t.status} IN ('draft','confirmed')`),
    check('dues_batch_lines_amounts_check', sql`${t.dueFen} >= 0 AND ${t.paidFen} >= 0 AND ${t.paidFen} <= ${t.dueFen}`),
  ],
);
