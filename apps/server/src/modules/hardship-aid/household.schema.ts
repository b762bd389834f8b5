import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';

/**
 * 困难职工档案: one household per head member (a member of the real-name registry) while it is
 * open. The tier is computed by the server from the facts below against the 低保 line of the
 * household's district and year, and stored with the line it used. Money in 分.
 */
export const hardshipHouseholds = pgTable(
  'hardship_households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    headMemberId: uuid('head_member_id')
      .notNull()
      .references(() => members.id),
    /** the head member's grassroots union: the owning unit for data scope */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** the district (division code) whose 低保 line applies */
    districtCode: text('district_code'),
    status: text('status').notNull().default('active'),
    tier: text('tier'),
    householdSize: integer('household_size').notNull(),
    totalIncomeFen: bigint('total_income_fen', { mode: 'number' }).notNull(),
    perCapitaMonthlyFen: bigint('per_capita_monthly_fen', { mode: 'number' }).notNull(),
    lineMonthlyFen: integer('line_monthly_fen').notNull(),
    lineYear: integer('line_year').notNull(),
    tierReason: text('tier_reason').notNull(),
    /** [{ month: 'YYYY-MM', amountFen }] × 12 */
    monthlyIncome: jsonb('monthly_income').notNull(),
    /** [{ key, name, relation, idCardMasked, idCardHmac, monthlyIncomeFen, employment, health, note }] (never the full 身份证) */
    familyMembers: jsonb('family_members').notNull().default(sql`'[]'::jsonb`),
    carValueFen: bigint('car_value_fen', { mode: 'number' }).notNull().default(0),
    commercialHomes: integer('commercial_homes').notNull().default(0),
    causes: text('causes').array().notNull(),
    causeNote: text('cause_note'),
    evidenceTypes: text('evidence_types').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }).notNull(),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    exitedOn: date('exited_on', { mode: 'string' }),
    exitReason: text('exit_reason'),
    exitNote: text('exit_note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hardship_households_one_open').on(t.headMemberId).where(sql`${t.status} <> 'exited'`),
    index('hardship_households_org_idx').on(t.orgId, t.status),
    index('hardship_households_review_idx').on(t.status, t.nextReviewOn),
    index('hardship_households_district_idx').on(t.districtCode, t.status),
    index('hardship_households_family_idx').using('gin', sql`${t.familyMembers} jsonb_path_ops`),
    check('hardship_households_status_check', sql`${t.status} IN ('active','review_due','exited')`),
    check('hardship_households_tier_check', sql`${t.tier} IS NULL OR ${t.tier} IN ('deep','relative','accident')`),
    check('hardship_households_open_tier_check', sql`${t.status} = 'exited' OR ${t.tier} IS NOT NULL`),
    check('hardship_households_exit_check', sql`(${t.status} = 'exited') = (${t.exitedOn} IS NOT NULL AND ${t.exitReason} IS NOT NULL)`),
    check('hardship_households_size_check', sql`${t.householdSize} >= 1`),
    check('hardship_households_money_check', sql`${t.totalIncomeFen} >= 0 AND ${t.carValueFen} >= 0 AND ${t.commercialHomes} >= 0 AND ${t.lineMonthlyFen} > 0`),
  ],
);

/** The history of a household: 建档, 修改, every annual 复核 and 退出, each with the assessment it made. */
export const hardshipHouseholdReviews = pgTable(
  'hardship_household_reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => hardshipHouseholds.id),
    kind: text('kind').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    orgName: text('org_name'),
    eligible: boolean('eligible'),
    tier: text('tier'),
    householdSize: integer('household_size'),
    totalIncomeFen: bigint('total_income_fen', { mode: 'number' }),
    perCapitaMonthlyFen: bigint('per_capita_monthly_fen', { mode: 'number' }),
    lineMonthlyFen: integer('line_monthly_fen'),
    reason: text('reason'),
    opinion: text('opinion'),
    /** the facts assessed (masked), so a past decision can be explained later */
    facts: jsonb('facts'),
  },
  (t) => [
    index('hardship_household_reviews_household_idx').on(t.householdId, t.id),
    check('hardship_household_reviews_kind_check', sql`${t.kind} IN ('establish','update','review','exit')`),
  ],
);

/** 低保标准 (minimum living standard), per person per month, by district (or the whole city) and year. */
export const subsistenceLines = pgTable(
  'subsistence_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    divisionCode: text('division_code').notNull(),
    year: integer('year').notNull(),
    monthlyFen: integer('monthly_fen').notNull(),
    note: text('note'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subsistence_lines_division_year_unique').on(t.divisionCode, t.year),
    check('subsistence_lines_amount_check', sql`${t.monthlyFen} > 0`),
    check('subsistence_lines_year_check', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);
