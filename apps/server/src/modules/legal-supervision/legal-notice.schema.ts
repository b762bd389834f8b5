import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { enterprises } from '../enterprises/enterprise.schema.js';

/**
 * 一函两书: a 提示函 or 意见书 to an enterprise, or a 建议书 to the labour authority about it, issued by
 * a union (org_id) in scope of the enterprise. The 文号 is given when it is issued; the reply is due
 * some 工作日 after delivery; an escalation links the next instrument to this one (previous_id).
 */
export const legalNotices = pgTable(
  'legal_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('draft'),
    /** the problem category (未签订劳动合同, 拖欠工资 ...) */
    category: text('category').notNull(),
    addressee: text('addressee').notNull(),
    problem: text('problem').notNull(),
    legalBasis: text('legal_basis').notNull(),
    demand: text('demand').notNull(),
    /** the reply period in 工作日, fixed when the instrument is drafted from the jurisdiction's settings */
    replyDays: integer('reply_days').notNull(),
    serialPrefix: text('serial_prefix'),
    serialYear: integer('serial_year'),
    serialSeq: integer('serial_seq'),
    serialNo: text('serial_no'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    deliveryMethod: text('delivery_method'),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    receiver: text('receiver'),
    deliveryProof: jsonb('delivery_proof').notNull().default([]),
    replyDueOn: date('reply_due_on', { mode: 'string' }),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    repliedOn: date('replied_on', { mode: 'string' }),
    replyContent: text('reply_content'),
    rectification: text('rectification'),
    verdict: text('verdict'),
    verdictNote: text('verdict_note'),
    replyFiles: jsonb('reply_files').notNull().default([]),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    previousId: uuid('previous_id').references((): AnyPgColumn => legalNotices.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('legal_notices_org_idx').on(t.orgId),
    index('legal_notices_enterprise_idx').on(t.enterpriseId),
    index('legal_notices_due_idx').on(t.replyDueOn).where(sql`${t.status} = 'delivered'`),
    uniqueIndex('legal_notices_serial_unique').on(t.orgId, t.serialYear, t.serialSeq),
    uniqueIndex('legal_notices_previous_unique').on(t.previousId),
    check('legal_notices_kind_check', sql`${t.kind} IN ('reminder','opinion','recommendation')`),
    check('legal_notices_status_check', sql`${t.status} IN ('draft','issued','delivered','overdue','unsatisfied','closed','escalated')`),
    check('legal_notices_delivery_check', sql`${t.deliveryMethod} IS NULL OR ${t.deliveryMethod} IN ('direct','post','electronic')`),
    check('legal_notices_verdict_check', sql`${t.verdict} IS NULL OR ${t.verdict} IN ('accepted','unsatisfied')`),
    check('legal_notices_reply_days_check', sql`${t.replyDays} BETWEEN 1 AND 60`),
  ],
);

/** Reply periods (工作日) and the 文号 prefix of a jurisdiction: the city or a district union; unset = the domain defaults. */
export const legalSupervisionSettings = pgTable(
  'legal_supervision_settings',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => orgs.id),
    reminderDays: integer('reminder_days').notNull(),
    opinionDays: integer('opinion_days').notNull(),
    recommendationDays: integer('recommendation_days').notNull(),
    serialPrefix: text('serial_prefix'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('legal_supervision_settings_days_check', sql`${t.reminderDays} BETWEEN 1 AND 60 AND ${t.opinionDays} BETWEEN 1 AND 60 AND ${t.recommendationDays} BETWEEN 1 AND 60`)],
);
