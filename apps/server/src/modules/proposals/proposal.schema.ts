import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';

/** 办实事项目征集: a yearly collection owned by a union (normally the city), with its categories and phases. */
export const proposalCollections = pgTable(
  'proposal_collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    voteOpensOn: date('vote_opens_on', { mode: 'string' }),
    voteClosesOn: date('vote_closes_on', { mode: 'string' }),
    /** the categories members choose from, e.g. ["就业创业","权益保障"] */
    categories: jsonb('categories').notNull().default(sql`'[]'::jsonb`),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposal_collections_org_idx').on(t.orgId, t.year),
    check('proposal_collections_status_check', sql`${t.status} IN ('draft','collecting','assessing','voting','closed')`),
    check('proposal_collections_dates_check', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

/**
 * A proposal of a member (H5) or of a union (filed by its staff). `grams` holds the character
 * trigrams of title + content computed in TypeScript (proposal-grams.ts): pg_trgm drops CJK
 * characters on databases whose LC_CTYPE is C, so similarity is computed over this array instead,
 * identically on PGlite and PostgreSQL.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => proposalCollections.id),
    category: text('category').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    source: text('source').notNull(),
    memberId: uuid('member_id').references(() => members.id),
    /** the proposer's union (a member's union, or the filing unit) */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    filedBy: uuid('filed_by'),
    filedByName: text('filed_by_name'),
    status: text('status').notNull().default('pending'),
    moderationReason: text('moderation_reason'),
    moderatedByName: text('moderated_by_name'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    assessment: text('assessment'),
    assessmentReason: text('assessment_reason'),
    assessedByName: text('assessed_by_name'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }),
    shortlisted: boolean('shortlisted').notNull().default(false),
    mergedIntoId: uuid('merged_into_id'),
    grams: text('grams').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposals_collection_idx').on(t.collectionId, t.status),
    index('proposals_org_idx').on(t.orgId),
    index('proposals_member_idx').on(t.memberId),
    index('proposals_grams_gin').using('gin', t.grams),
    check('proposals_source_check', sql`${t.source} IN ('member','unit')`),
    check('proposals_status_check', sql`${t.status} IN ('pending','public','blocked','merged')`),
    check('proposals_assessment_check', sql`${t.assessment} IS NULL OR ${t.assessment} IN ('feasible','infeasible')`),
    check('proposals_member_check', sql`${t.source} <> 'member' OR ${t.memberId} IS NOT NULL`),
  ],
);

/** One support per member per proposal (security.md 25): the unique index decides a concurrent double submit. */
export const proposalSupports = pgTable(
  'proposal_supports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('proposal_supports_unique').on(t.proposalId, t.memberId)],
);

/** The public vote among the shortlisted: one vote per member per collection (unique index). */
export const proposalVotes = pgTable(
  'proposal_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => proposalCollections.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('proposal_votes_unique').on(t.collectionId, t.memberId), index('proposal_votes_proposal_idx').on(t.proposalId)],
);

/** 办实事项目: an adopted proposal with its owner union, budget and target date. */
export const proposalProjects = pgTable(
  'proposal_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => proposalCollections.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => orgs.id),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    progress: integer('progress').notNull().default(0),
    status: text('status').notNull().default('implementing'),
    adoptedByName: text('adopted_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('proposal_projects_proposal_unique').on(t.proposalId),
    index('proposal_projects_collection_idx').on(t.collectionId),
    check('proposal_projects_status_check', sql`${t.status} IN ('implementing','completed')`),
    check('proposal_projects_progress_check', sql`${t.progress} BETWEEN 0 AND 100`),
    check('proposal_projects_budget_check', sql`${t.budgetFen} >= 0`),
  ],
);

/** A milestone of a project (planned, done, progress). */
export const proposalMilestones = pgTable(
  'proposal_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => proposalProjects.id),
    title: text('title').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    progress: integer('progress').notNull().default(0),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_milestones_project_idx').on(t.projectId, t.plannedOn), check('proposal_milestones_progress_check', sql`${t.progress} BETWEEN 0 AND 100`)],
);

/** A progress report on a project (who, when, overall progress, what happened). */
export const proposalProgressUpdates = pgTable(
  'proposal_progress_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => proposalProjects.id),
    progress: integer('progress').notNull(),
    note: text('note').notNull(),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_progress_updates_project_idx').on(t.projectId, t.createdAt), check('proposal_progress_updates_progress_check', sql`${t.progress} BETWEEN 0 AND 100`)],
);
