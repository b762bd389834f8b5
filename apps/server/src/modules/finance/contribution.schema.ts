import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { enterprises } from '../enterprises/enterprise.schema.js';

/** 拨缴单位: an enterprise under 工会经费 management from a month on (arrears count from then). */
export const contributionPayers = pgTable('contribution_payers', {
  enterpriseId: uuid('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id),
  /** first payroll month owed, as year * 12 + (month - 1) */
  sinceMonth: integer('since_month').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A monthly 工会经费 declaration (申报): the enterprise's payroll (工资总额) for a month and the 2%
 * owed; 已申报 until the money is received (已拨缴, with the date and reference), when it is split
 * between the levels once.
 */
export const contributionDeclarations = pgTable(
  'contribution_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** the grassroots union that keeps its share (the enterprise's union when declared) */
    unionOrgId: uuid('union_org_id')
      .notNull()
      .references(() => orgs.id),
    /** payroll month as year * 12 + (month - 1) */
    periodMonth: integer('period_month').notNull(),
    payrollFen: bigint('payroll_fen', { mode: 'number' }).notNull(),
    rateBp: integer('rate_bp').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('declared'),
    note: text('note'),
    declaredBy: uuid('declared_by'),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
    paidOn: date('paid_on', { mode: 'string' }),
    paymentReference: text('payment_reference'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('contribution_declarations_month_unique').on(t.enterpriseId, t.periodMonth),
    index('contribution_declarations_period_idx').on(t.periodMonth, t.status),
    check('contribution_declarations_status_check', sql`${t.status} IN ('declared','paid')`),
    check('contribution_declarations_amount_check', sql`${t.payrollFen} > 0 AND ${t.amountFen} >= 0`),
    check('contribution_declarations_paid_check', sql`${t.status} = 'declared' OR ${t.paidOn} IS NOT NULL`),
  ],
);

/**
 * The split of a received declaration: one row per level (grassroots, street, district, city,
 * province). org_id is the receiving union (null for 上解省总, which leaves the city's books);
 * entry_id the ledger income entry in that union's 经费账户.
 */
export const contributionAllocations = pgTable(
  'contribution_allocations',
  {
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => contributionDeclarations.id),
    level: text('level').notNull(),
    orgId: uuid('org_id').references(() => orgs.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    entryId: bigint('entry_id', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.declarationId, t.level] }),
    index('contribution_allocations_org_idx').on(t.orgId),
    check('contribution_allocations_level_check', sql`${t.level} IN ('grassroots','street','district','city','province')`),
    check('contribution_allocations_amount_check', sql`${t.amountFen} >= 0`),
  ],
);

/** 催缴: an enterprise-month reminded (by the job once; staff may send again). */
export const contributionReminders = pgTable(
  'contribution_reminders',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    periodMonth: integer('period_month').notNull(),
    count: integer('count').notNull().default(1),
    firstSentAt: timestamp('first_sent_at', { withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
    lastSentBy: uuid('last_sent_by'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.periodMonth] })],
);
