import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';

/**
 * 五小 (小发明、小创造、小革新、小设计、小建议) and 合理化建议 of a worker or a team. The review
 * state lives in workflow_instances (business type 'innovation.submission'); the reward in the
 * ledger (payout); the attachments in the jsonb list (platform/files attachment-list).
 */
export const innovations = pgTable(
  'innovations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    proposal: text('proposal').notNull(),
    expectedBenefit: text('expected_benefit').notNull(),
    /** the worker (an individual submission) or the team's lead */
    memberId: uuid('member_id').references(() => members.id),
    teamName: text('team_name'),
    /** [{ name, memberId | null }] */
    teamMembers: jsonb('team_members').notNull().default(sql`'[]'::jsonb`),
    /** the worker's grassroots union when filed: the review chain starts there */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    filedBy: uuid('filed_by'),
    filedByName: text('filed_by_name'),
    onBehalf: boolean('on_behalf').notNull().default(false),
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
    adoptedBy: text('adopted_by'),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    /** 核定年创效 (annual saving or benefit), verified */
    valueFen: bigint('value_fen', { mode: 'number' }),
    valueNote: text('value_note'),
    payoutId: uuid('payout_id'),
    /** 杭工创〔year〕n号, given when the city recognises it */
    certificateNo: text('certificate_no'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('innovations_org_idx').on(t.orgId, t.year),
    index('innovations_member_idx').on(t.memberId),
    uniqueIndex('innovations_certificate_unique').on(t.certificateNo),
    check('innovations_kind_check', sql`${t.kind} IN ('invention','creation','renovation','design','suggestion','rationalisation')`),
    check('innovations_who_check', sql`${t.memberId} IS NOT NULL OR ${t.teamName} IS NOT NULL`),
    check('innovations_value_check', sql`${t.valueFen} IS NULL OR ${t.valueFen} >= 0`),
  ],
);

/** 技能比武: a contest in a trade at a level, organised by a union. */
export const skillContests = pgTable(
  'skill_contests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    trade: text('trade').notNull(),
    level: text('level').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    organiserOrgId: uuid('organiser_org_id')
      .notNull()
      .references(() => orgs.id),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('skill_contests_organiser_idx').on(t.organiserOrgId, t.heldOn),
    check('skill_contests_level_check', sql`${t.level} IN ('enterprise','district','city','province','national','world')`),
  ],
);

/** A member's result in a contest; a result may raise the member's recorded skill level (before/after kept). */
export const skillContestResults = pgTable(
  'skill_contest_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => skillContests.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    rank: integer('rank').notNull(),
    /** score × 100 */
    scoreCenti: integer('score_centi'),
    award: text('award'),
    skillLevelBefore: text('skill_level_before'),
    skillLevelAfter: text('skill_level_after'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('skill_contest_results_unique').on(t.contestId, t.memberId),
    index('skill_contest_results_member_idx').on(t.memberId),
    check('skill_contest_results_rank_check', sql`${t.rank} >= 1`),
  ],
);
