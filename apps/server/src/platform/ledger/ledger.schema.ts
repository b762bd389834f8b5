import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../org/org.schema.js';

/** A fund (资金): money from one source, held by one org. */
export const funds = pgTable(
  'funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull().default('active'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('funds_code_unique').on(t.code),
    index('funds_org_idx').on(t.orgId),
    check('funds_source_check', sql`${t.source} IN ('city','district','donation','government','union_funds')`),
    check('funds_status_check', sql`${t.status} IN ('active','closed')`),
  ],
);

/** A budget: what a fund may pay out in a year (optionally for one campaign). */
export const fundBudgets = pgTable(
  'fund_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    year: integer('year').notNull(),
    /** '' = the whole year; otherwise a campaign id */
    scopeKey: text('scope_key').notNull().default(''),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fund_budgets_unique').on(t.fundId, t.year, t.scopeKey), check('fund_budgets_amount_check', sql`${t.amountFen} >= 0`)],
);

/**
 * The ledger: append-only entries in 分 (income positive, payouts negative). A business key makes
 * each entry happen once (a donation receipt, a payout of one application).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    businessType: text('business_type').notNull(),
    businessKey: text('business_key').notNull(),
    campaignId: uuid('campaign_id'),
    memberId: uuid('member_id'),
    householdId: uuid('household_id'),
    memo: text('memo'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_entries_business_unique').on(t.kind, t.businessType, t.businessKey),
    index('ledger_entries_fund_idx').on(t.fundId, t.id),
    check('ledger_entries_kind_check', sql`${t.kind} IN ('income','payout','reversal')`),
    check('ledger_entries_sign_check', sql`(${t.kind} = 'income' AND ${t.amountFen} > 0) OR (${t.kind} = 'payout' AND ${t.amountFen} < 0) OR ${t.kind} = 'reversal'`),
  ],
);

/** A payout to a person: pending until put in a bank batch, then paid. One per business key. */
export const payouts = pgTable(
  'payouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    businessType: text('business_type').notNull(),
    businessKey: text('business_key').notNull(),
    /** the client's Idempotency-Key header, with a hash of what it asked */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    programme: text('programme').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    memberId: uuid('member_id'),
    householdId: uuid('household_id'),
    orgId: uuid('org_id').references(() => orgs.id),
    payeeName: text('payee_name').notNull(),
    payeeAccountEnc: text('payee_account_enc'),
    payeeAccountMasked: text('payee_account_masked'),
    status: text('status').notNull().default('pending'),
    batchId: uuid('batch_id'),
    entryId: bigint('entry_id', { mode: 'number' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('payouts_business_unique').on(t.businessType, t.businessKey),
    uniqueIndex('payouts_idempotency_unique').on(t.idempotencyKey),
    index('payouts_fund_status_idx').on(t.fundId, t.status),
    index('payouts_batch_idx').on(t.batchId),
    check('payouts_amount_check', sql`${t.amountFen} > 0`),
    check('payouts_status_check', sql`${t.status} IN ('pending','batched','paid')`),
  ],
);

/** A bank batch (代发批次): payouts exported together for the bank and confirmed paid together. */
export const payoutBatches = pgTable(
  'payout_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    status: text('status').notNull().default('exported'),
    count: integer('count').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidBy: uuid('paid_by'),
    bankReference: text('bank_reference'),
  },
  (t) => [index('payout_batches_fund_idx').on(t.fundId, t.createdAt), check('payout_batches_status_check', sql`${t.status} IN ('exported','paid')`)],
);

/** Every benefit a member or household received, from every programme: one history to catch double aid. */
export const benefitRecords = pgTable(
  'benefit_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: uuid('member_id'),
    householdId: uuid('household_id'),
    programme: text('programme').notNull(),
    businessType: text('business_type').notNull(),
    businessKey: text('business_key').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    orgId: uuid('org_id').references(() => orgs.id),
    on: date('on', { mode: 'string' }).notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('benefit_records_business_unique').on(t.businessType, t.businessKey),
    index('benefit_records_member_idx').on(t.memberId, t.on),
    index('benefit_records_household_idx').on(t.householdId, t.on),
  ],
);
