import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { funds } from '../../platform/ledger/ledger.schema.js';
import { members } from '../members/member.schema.js';

/**
 * 医疗互助 periods (年度): the plan of one year, its dates, the enrolment deadline and late rule,
 * and the fund contributions go into and claims are paid from. Frozen once a member is enrolled.
 */
export const mutualAidPeriods = pgTable(
  'mutual_aid_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    enrolDeadline: date('enrol_deadline', { mode: 'string' }).notNull(),
    /** waiting: late enrolments are covered after `late_waiting_days`; refuse: none after the deadline */
    latePolicy: text('late_policy').notNull().default('waiting'),
    lateWaitingDays: integer('late_waiting_days').notNull().default(90),
    overallCapFen: bigint('overall_cap_fen', { mode: 'number' }).notNull().default(6_520_000),
    /** the parts: [{ part, enabled, ratioBp, deductibleFen, capFen, contributionFen, allowancePerDayFen, allowanceMaxDays }] */
    plan: jsonb('plan').notNull(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_periods_year_unique').on(t.year),
    check('mutual_aid_periods_dates_check', sql`${t.endsOn} >= ${t.startsOn} AND ${t.enrolDeadline} <= ${t.endsOn}`),
    check('mutual_aid_periods_late_check', sql`${t.latePolicy} IN ('waiting','refuse') AND ${t.lateWaitingDays} >= 0`),
    check('mutual_aid_periods_cap_check', sql`${t.overallCapFen} > 0`),
  ],
);

/** A union's payment of its members' contributions (收据号 unique), booked into the period's fund. */
export const mutualAidPayments = pgTable(
  'mutual_aid_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => mutualAidPeriods.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    receiptNo: text('receipt_no').notNull(),
    /** upper case, without blanks: what uniqueness is decided on */
    receiptNoNorm: text('receipt_no_norm').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    memberCount: integer('member_count').notNull(),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_payments_receipt_unique').on(t.receiptNoNorm),
    index('mutual_aid_payments_org_idx').on(t.periodId, t.orgId),
    check('mutual_aid_payments_amount_check', sql`${t.amountFen} > 0 AND ${t.memberCount} > 0`),
  ],
);

/** One member in one period (unique): enrolled by their union, paid, or withdrawn on leaving it. */
export const mutualAidEnrolments = pgTable(
  'mutual_aid_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => mutualAidPeriods.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contributionFen: bigint('contribution_fen', { mode: 'number' }).notNull(),
    /** enrolled after the deadline (covered after the waiting period) */
    late: boolean('late').notNull().default(false),
    status: text('status').notNull().default('unpaid'),
    paymentId: uuid('payment_id').references(() => mutualAidPayments.id),
    coveredFrom: date('covered_from', { mode: 'string' }),
    enrolledBy: uuid('enrolled_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_enrolments_member_unique').on(t.periodId, t.memberId),
    index('mutual_aid_enrolments_org_idx').on(t.orgId, t.periodId),
    index('mutual_aid_enrolments_payment_idx').on(t.paymentId),
    check('mutual_aid_enrolments_status_check', sql`${t.status} IN ('unpaid','paid','withdrawn')`),
    check('mutual_aid_enrolments_paid_check', sql`${t.status} <> 'paid' OR (${t.paymentId} IS NOT NULL AND ${t.coveredFrom} IS NOT NULL)`),
  ],
);

/**
 * A claim (申请). The review state lives in workflow_instances (business type 'mutual_aid.claim'),
 * the money in the ledger. The computed payout and its explanation are written at every save and
 * at submit (under a lock of the enrolment, so two claims cannot both use the same remaining cap).
 */
export const mutualAidClaims = pgTable(
  'mutual_aid_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    claimNo: text('claim_no').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => mutualAidPeriods.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => mutualAidEnrolments.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    part: text('part').notNull(),
    hospital: text('hospital').notNull(),
    admissionDate: date('admission_date', { mode: 'string' }).notNull(),
    dischargeDate: date('discharge_date', { mode: 'string' }),
    diagnosis: text('diagnosis').notNull(),
    /** self (H5), family (H5 through the member's account), staff (为他人申请) */
    filerType: text('filer_type').notNull(),
    filerName: text('filer_name').notNull(),
    filerRelation: text('filer_relation'),
    filedBy: uuid('filed_by'),
    /** the claimant's separate consent to the use of their health data: the text's version and when (security.md 16) */
    sensitiveConsentVersion: text('sensitive_consent_version'),
    sensitiveConsentAt: timestamp('sensitive_consent_at', { withTimezone: true }),
    selfPayFen: bigint('self_pay_fen', { mode: 'number' }).notNull().default(0),
    computedFen: bigint('computed_fen', { mode: 'number' }).notNull().default(0),
    deductibleFen: bigint('deductible_fen', { mode: 'number' }).notNull().default(0),
    allowanceFen: bigint('allowance_fen', { mode: 'number' }).notNull().default(0),
    allowanceDays: integer('allowance_days').notNull().default(0),
    /** [{ text, amountFen }]: the amounts add up to computed_fen */
    explanation: jsonb('explanation').notNull().default(sql`'[]'::jsonb`),
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
    payoutId: uuid('payout_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_claims_no_unique').on(t.claimNo),
    index('mutual_aid_claims_enrolment_idx').on(t.enrolmentId),
    index('mutual_aid_claims_org_idx').on(t.orgId, t.createdAt),
    index('mutual_aid_claims_member_idx').on(t.memberId),
    index('mutual_aid_claims_period_idx').on(t.periodId),
    check('mutual_aid_claims_part_check', sql`${t.part} IN ('inpatient','outpatient','serious_illness','women_special')`),
    check('mutual_aid_claims_filer_check', sql`${t.filerType} IN ('self','family','staff')`),
    check('mutual_aid_claims_amount_check', sql`${t.computedFen} >= 0 AND ${t.selfPayFen} >= 0`),
  ],
);

/** The invoices of a claim: a normalised invoice number is unique across all claims and members (the same invoice is never paid twice). */
export const mutualAidClaimInvoices = pgTable(
  'mutual_aid_claim_invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => mutualAidClaims.id),
    sort: integer('sort').notNull().default(0),
    invoiceNo: text('invoice_no').notNull(),
    invoiceNoNorm: text('invoice_no_norm').notNull(),
    invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    selfPayFen: bigint('self_pay_fen', { mode: 'number' }).notNull(),
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    uniqueIndex('mutual_aid_claim_invoices_no_unique').on(t.invoiceNoNorm),
    index('mutual_aid_claim_invoices_claim_idx').on(t.claimId, t.sort),
    check('mutual_aid_claim_invoices_amount_check', sql`${t.totalFen} > 0 AND ${t.selfPayFen} >= 0 AND ${t.selfPayFen} <= ${t.totalFen}`),
  ],
);
