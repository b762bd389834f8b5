import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/** A 劳动竞赛 or 立功竞赛 run by a union (org_id: the organiser), with its periods and weighted indicators. */
export const competitions = pgTable(
  'competitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    theme: text('theme').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** [{ key, label }] in order */
    periods: jsonb('periods').notNull(),
    /** [{ key, title, weight, maxPoints }] */
    indicators: jsonb('indicators').notNull(),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('competitions_org_idx').on(t.orgId),
    check('competitions_kind_check', sql`${t.kind} IN ('labour','merit')`),
    check('competitions_status_check', sql`${t.status} IN ('draft','running','closed')`),
  ],
);

/** A participating unit, team (班组) or individual; org_id is the unit it belongs to (data scope of its scores). */
export const competitionParticipants = pgTable(
  'competition_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: uuid('member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('competition_participants_unique').on(t.competitionId, t.kind, t.name, t.orgId),
    index('competition_participants_org_idx').on(t.orgId),
    check('competition_participants_kind_check', sql`${t.kind} IN ('unit','team','individual')`),
  ],
);

/** One participant's score for one period: the indicator values, the weighted score and the evidence (attachment list). */
export const competitionScores = pgTable(
  'competition_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => competitionParticipants.id),
    periodKey: text('period_key').notNull(),
    values: jsonb('values').notNull(),
    score: doublePrecision('score').notNull(),
    status: text('status').notNull().default('submitted'),
    note: text('note'),
    returnReason: text('return_reason'),
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    submittedBy: uuid('submitted_by'),
    verifiedBy: uuid('verified_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('competition_scores_unique').on(t.participantId, t.periodKey),
    index('competition_scores_competition_idx').on(t.competitionId, t.periodKey),
    check('competition_scores_status_check', sql`${t.status} IN ('submitted','verified','returned')`),
  ],
);

/** An award of the competition to a participant, with its certificate number. */
export const competitionAwards = pgTable(
  'competition_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => competitionParticipants.id),
    kind: text('kind').notNull(),
    certificateNo: text('certificate_no').notNull().unique(),
    awardedBy: uuid('awarded_by'),
    awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('competition_awards_unique').on(t.participantId, t.kind),
    check('competition_awards_kind_check', sql`${t.kind} IN ('advanced_collective','pioneer','advanced_individual','merit_first','merit_second','merit_third')`),
  ],
);
