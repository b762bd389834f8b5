import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';

/**
 * 杭州工匠 selection: a yearly call (年度评选) with its places and the quotas of the nominating
 * unions (district/county and industry unions). The review chain of each nomination is a
 * workflow case; the experts' scores, the leading group's decision, the city's approval, the
 * award payout and the D类人才 certificate live here.
 */
export const craftsmanCalls = pgTable(
  'craftsman_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    nominationStartsOn: date('nomination_starts_on', { mode: 'string' }).notNull(),
    nominationEndsOn: date('nomination_ends_on', { mode: 'string' }).notNull(),
    /** 杭州工匠 places of the year */
    totalPlaces: integer('total_places').notNull(),
    /** 提名奖 places */
    nomineePlaces: integer('nominee_places').notNull().default(0),
    awardFen: bigint('award_fen', { mode: 'number' }).notNull().default(5_000_000),
    status: text('status').notNull().default('draft'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('craftsman_calls_year_unique').on(t.year),
    check('craftsman_calls_status_check', sql`${t.status} IN ('draft','open','reviewing','closed')`),
    check('craftsman_calls_places_check', sql`${t.totalPlaces} > 0 AND ${t.nomineePlaces} >= 0`),
  ],
);

/** How many candidates each nominating union may put forward in a call. */
export const craftsmanQuotas = pgTable(
  'craftsman_quotas',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => craftsmanCalls.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    places: integer('places').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.orgId] }), check('craftsman_quotas_places_check', sql`${t.places} >= 0`)],
);

/** One nominee in one call, put forward by a nominating union (its workflow case has the union's org). */
export const craftsmanNominations = pgTable(
  'craftsman_nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => craftsmanCalls.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** the nominating union (district/county or industry union) */
    nominatingOrgId: uuid('nominating_org_id')
      .notNull()
      .references(() => orgs.id),
    trade: text('trade').notNull(),
    employerName: text('employer_name').notNull(),
    employedInHangzhou: boolean('employed_in_hangzhou').notNull().default(true),
    tradeStartedOn: date('trade_started_on', { mode: 'string' }).notNull(),
    hangzhouFullTimeSince: date('hangzhou_full_time_since', { mode: 'string' }).notNull(),
    /** [{ name, level: world|national|provincial|city, rank, year }] */
    contestResults: jsonb('contest_results').notNull().default(sql`'[]'::jsonb`),
    deeds: text('deeds').notNull(),
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    /** the leading group's decision: craftsman (杭州工匠) or nominee (提名奖); null before it or when not selected */
    decision: text('decision'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    cityApprovedAt: timestamp('city_approved_at', { withTimezone: true }),
    cityApprovedBy: uuid('city_approved_by'),
    certificateNo: text('certificate_no'),
    payoutId: uuid('payout_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('craftsman_nominations_member_unique').on(t.callId, t.memberId),
    uniqueIndex('craftsman_nominations_certificate_unique').on(t.certificateNo),
    index('craftsman_nominations_org_idx').on(t.nominatingOrgId, t.callId),
    check('craftsman_nominations_decision_check', sql`${t.decision} IS NULL OR ${t.decision} IN ('craftsman','nominee')`),
  ],
);

/** One expert's score of one nomination (per criterion and the total); the result is their trimmed mean. */
export const craftsmanScores = pgTable(
  'craftsman_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => craftsmanNominations.id),
    expertId: uuid('expert_id').notNull(),
    expertName: text('expert_name').notNull(),
    points: jsonb('points').notNull(),
    total: numeric('total', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('craftsman_scores_expert_unique').on(t.nominationId, t.expertId), check('craftsman_scores_total_check', sql`${t.total} >= 0 AND ${t.total} <= 100`)],
);
