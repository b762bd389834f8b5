import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../org/org.schema.js';

/** A kind of assessment (职工之家, 和谐劳动关系企业 ...): what it scores and how often. */
export const assessmentTemplates = pgTable('assessment_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** union | enterprise | team */
  subjectKind: text('subject_kind').notNull(),
  /** an assessment holds for this many years; re-evaluation is due at the end of the last one */
  cycleYears: integer('cycle_years').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One version of a template's criteria, grade thresholds and aggregation rule. Immutable once an
 * assessment uses it (a revision is a new version; old assessments keep theirs).
 */
export const assessmentTemplateVersions = pgTable(
  'assessment_template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => assessmentTemplates.id),
    version: integer('version').notNull(),
    /** Criterion[] (contracts) */
    criteria: jsonb('criteria').notNull(),
    /** GradeRule[] lowest first */
    grades: jsonb('grades').notNull(),
    gateCap: text('gate_cap').notNull(),
    aggregation: text('aggregation').notNull().default('trimmed_mean'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_template_versions_unique').on(t.templateId, t.version), check('assessment_template_versions_aggregation_check', sql`${t.aggregation} IN ('mean','trimmed_mean')`)],
);

/** One subject scored against one template version in one cycle. The review chain is a workflow case. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => assessmentTemplates.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => assessmentTemplateVersions.id),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    subjectName: text('subject_name').notNull(),
    /** the owning unit for data scope (the union itself, the enterprise's union, the team's organiser) */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    cycleYear: integer('cycle_year').notNull(),
    /** re-evaluation due by this date once confirmed */
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull().default('draft'),
    /** the subject's figures a grade may require (e.g. membershipRate), read at submit */
    facts: jsonb('facts').notNull().default(sql`'{}'::jsonb`),
    selfScore: doublePrecision('self_score'),
    reviewScore: doublePrecision('review_score'),
    finalScore: doublePrecision('final_score'),
    gatesPassed: boolean('gates_passed'),
    gradeCode: text('grade_code'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokedReason: text('revoked_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessments_one_per_cycle').on(t.templateId, t.subjectId, t.cycleYear).where(sql`${t.status} NOT IN ('revoked','withdrawn')`),
    index('assessments_org_idx').on(t.orgId, t.templateId),
    index('assessments_subject_idx').on(t.templateId, t.subjectId, t.cycleYear),
    check('assessments_status_check', sql`${t.status} IN ('draft','submitted','returned','reviewed','confirmed','revoked','withdrawn')`),
  ],
);

/** The subject's self-assessment of one criterion, with its evidence files (attachment list). */
export const assessmentItems = pgTable(
  'assessment_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    criterionKey: text('criterion_key').notNull(),
    selfPassed: boolean('self_passed'),
    selfPoints: doublePrecision('self_points'),
    note: text('note'),
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_items_unique').on(t.assessmentId, t.criterionKey)],
);

/** One rater's score of one criterion (several raters aggregate by the version's rule). */
export const assessmentRatings = pgTable(
  'assessment_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    criterionKey: text('criterion_key').notNull(),
    raterId: uuid('rater_id').notNull(),
    raterName: text('rater_name').notNull(),
    raterOrgId: uuid('rater_org_id').notNull(),
    raterOrgName: text('rater_org_name').notNull(),
    passed: boolean('passed'),
    points: doublePrecision('points'),
    comment: text('comment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_ratings_unique').on(t.assessmentId, t.criterionKey, t.raterId)],
);
