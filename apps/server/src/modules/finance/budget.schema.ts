import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { funds } from '../../platform/ledger/ledger.schema.js';

const CATEGORY_CHECK = sql.raw(`('activity','rights','aid','home','training','other')`);

/**
 * A union's yearly budget (工会经费年度预算): lines by category, editable while 草稿 (draft),
 * fixed once 已批准 (approved, with the 审批依据 — the committee meeting or the higher union's reply).
 */
export const unionBudgets = pgTable(
  'union_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    note: text('note').notNull().default(''),
    approvalRef: text('approval_ref'),
    approvedBy: uuid('approved_by'),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('union_budgets_org_year_unique').on(t.orgId, t.year),
    index('union_budgets_year_idx').on(t.year),
    check('union_budgets_status_check', sql`${t.status} IN ('draft','approved')`),
  ],
);

/** One category of a budget, in 分. */
export const unionBudgetLines = pgTable(
  'union_budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => unionBudgets.id),
    category: text('category').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('union_budget_lines_unique').on(t.budgetId, t.category),
    check('union_budget_lines_amount_check', sql`${t.amountFen} >= 0`),
    check('union_budget_lines_category_check', sql`${t.category} IN ${CATEGORY_CHECK}`),
  ],
);

/**
 * A spending (经费支出) against a budget line, posted as a payout entry of the union's 经费账户 in
 * the same transaction (business key = the spending's id). Never edited: a mistake is reversed
 * (a reversal entry of the same key) and entered again.
 */
export const unionSpendings = pgTable(
  'union_spendings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => unionBudgets.id),
    lineId: uuid('line_id')
      .notNull()
      .references(() => unionBudgetLines.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    payee: text('payee').notNull(),
    purpose: text('purpose').notNull(),
    vouchers: jsonb('vouchers').notNull().default(sql`'[]'::jsonb`),
    overBudgetReason: text('over_budget_reason'),
    status: text('status').notNull().default('posted'),
    entryId: bigint('entry_id', { mode: 'number' }).notNull(),
    reversalEntryId: bigint('reversal_entry_id', { mode: 'number' }),
    reversalReason: text('reversal_reason'),
    reversedBy: uuid('reversed_by'),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('union_spendings_line_idx').on(t.lineId, t.status),
    index('union_spendings_budget_idx').on(t.budgetId, t.spentOn),
    index('union_spendings_org_idx').on(t.orgId, t.spentOn),
    check('union_spendings_amount_check', sql`${t.amountFen} > 0`),
    check('union_spendings_status_check', sql`${t.status} IN ('posted','reversed')`),
  ],
);
