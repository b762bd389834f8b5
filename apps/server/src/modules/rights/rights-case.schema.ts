import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { enterprises } from '../enterprises/enterprise.schema.js';
import { members } from '../members/member.schema.js';

/**
 * 维权案件 (欠薪, 劳动合同, 工伤, 社保 ...): filed by a worker on H5 or taken by staff on the 12351
 * hotline, kept by the district union of the employer's location (`org_id`, the city when it is
 * unknown). Acceptance and handling run on the workflow (`rights.case.*`, SLA in 工作日); the
 * record holds the facts, its phase, the outcome and the worker's satisfaction.
 */
export const rightsCases = pgTable(
  'rights_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNo: text('case_no').notNull().unique(),
    /** 'h5' (the worker) or 'hotline' (12351, taken by staff) */
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    urgency: text('urgency').notNull(),
    urgencyReason: text('urgency_reason'),
    description: text('description').notNull(),
    /** the worker filing on H5 (their account and member record) */
    workerUserId: uuid('worker_user_id'),
    memberId: uuid('member_id').references(() => members.id),
    /** the caller / worker: name in clear, phone encrypted, masked and hashed as in the member registry */
    callerName: text('caller_name').notNull(),
    callerPhoneEnc: text('caller_phone_enc'),
    callerPhoneHmac: text('caller_phone_hmac'),
    callerPhoneMasked: text('caller_phone_masked'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    enterpriseName: text('enterprise_name').notNull(),
    enterpriseAddress: text('enterprise_address'),
    /** the employer's location (GB/T 2260) the case was routed by */
    divisionCode: text('division_code'),
    /** the handling union: the district of the employer's location, else the city */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    workersAffected: integer('workers_affected').notNull().default(1),
    amountClaimedFen: bigint('amount_claimed_fen', { mode: 'number' }).notNull().default(0),
    /** new, accepted, mediation, referred, closed, rejected, withdrawn */
    phase: text('phase').notNull().default('new'),
    outcome: text('outcome'),
    amountRecoveredFen: bigint('amount_recovered_fen', { mode: 'number' }).notNull().default(0),
    workersPaid: integer('workers_paid').notNull().default(0),
    closingNote: text('closing_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    satisfaction: text('satisfaction'),
    satisfactionComment: text('satisfaction_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rights_cases_org_idx').on(t.orgId, t.receivedAt),
    index('rights_cases_worker_idx').on(t.workerUserId, t.createdAt),
    index('rights_cases_phase_idx').on(t.category, t.phase),
    check('rights_cases_channel_check', sql`${t.channel} IN ('h5','hotline')`),
    check('rights_cases_category_check', sql`${t.category} IN ('wage_arrears','contract','injury','social_insurance','other')`),
    check('rights_cases_urgency_check', sql`${t.urgency} IN ('normal','urgent')`),
    check('rights_cases_phase_check', sql`${t.phase} IN ('new','accepted','mediation','referred','closed','rejected','withdrawn')`),
    check('rights_cases_outcome_check', sql`${t.outcome} IS NULL OR ${t.outcome} IN ('resolved','partly','not_resolved','referred')`),
    check('rights_cases_satisfaction_check', sql`${t.satisfaction} IS NULL OR ${t.satisfaction} IN ('satisfied','basically','dissatisfied')`),
    check('rights_cases_amounts_check', sql`${t.amountClaimedFen} >= 0 AND ${t.amountRecoveredFen} >= 0 AND ${t.workersAffected} >= 1 AND ${t.workersPaid} >= 0`),
  ],
);

/** The handling steps on a case (咨询解答, 调解, 法律援助转介, 仲裁支持): date, handler, note. Append-only by the service. */
export const rightsCaseSteps = pgTable(
  'rights_case_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rightsCases.id),
    kind: text('kind').notNull(),
    stepDate: date('step_date', { mode: 'string' }).notNull(),
    handler: text('handler').notNull(),
    note: text('note').notNull(),
    userId: uuid('user_id'),
    orgName: text('org_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_case_steps_case_idx').on(t.caseId, t.id), check('rights_case_steps_kind_check', sql`${t.kind} IN ('consultation','mediation','legal_aid','arbitration')`)],
);
