import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema.js';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * 学习园地: a course of an org (draft → published ⇄ withdrawn) with ordered materials and an optional
 * quiz (jsonb: questions with their answers, never sent to a learner before they submit).
 * `open_to_members`: published to every member of the owner's subtree, besides those assigned.
 */
export const learningCourses = pgTable(
  'learning_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    category: text('category').notNull(),
    status: text('status').notNull().default('draft'),
    openToMembers: boolean('open_to_members').notNull().default(false),
    quiz: jsonb('quiz'),
    createdBy: uuid('created_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('learning_courses_org_idx').on(t.orgId, t.status),
    check('learning_courses_status_check', sql`${t.status} IN ('draft','published','withdrawn')`),
  ],
);

/** One material of a course, in order: a document (attachments), a link (http/https) or a text lesson. */
export const learningMaterials = pgTable(
  'learning_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => learningCourses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    body: text('body'),
    minutes: integer('minutes').notNull(),
    files: jsonb('files').notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('learning_materials_course_idx').on(t.courseId, t.position),
    check('learning_materials_kind_check', sql`${t.kind} IN ('document','link','text')`),
    check('learning_materials_minutes_check', sql`${t.minutes} BETWEEN 1 AND 600`),
  ],
);

/** A course assigned to the members or the staff of orgs (an org target) or to named people, with a deadline. */
export const learningAssignments = pgTable(
  'learning_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => learningCourses.id),
    /** the assigning org (the assigner's): its subtree's staff see the assignment */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    audience: text('audience').notNull(),
    target: jsonb('target'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    remindDays: integer('remind_days').notNull().default(3),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    assigneeCount: integer('assignee_count').notNull().default(0),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('learning_assignments_course_idx').on(t.courseId),
    index('learning_assignments_remind_idx').on(t.deadline).where(sql`${t.remindedAt} IS NULL`),
    check('learning_assignments_audience_check', sql`${t.audience} IN ('members','staff','people')`),
    check('learning_assignments_remind_check', sql`${t.remindDays} BETWEEN 0 AND 30`),
  ],
);

/** The assignees as resolved when assigned (a snapshot: later joiners are not added). */
export const learningAssignees = pgTable(
  'learning_assignees',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => learningAssignments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => learningCourses.id),
    /** the person's org at assignment time (statistics count them there) */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.userId] }),
    index('learning_assignees_user_idx').on(t.userId, t.courseId),
    index('learning_assignees_course_org_idx').on(t.courseId, t.orgId),
  ],
);

/** One person's study of one course. */
export const learningRecords = pgTable(
  'learning_records',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => learningCourses.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }).notNull().defaultNow(),
    lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }).notNull().defaultNow(),
    secondsSpent: integer('seconds_spent').notNull().default(0),
    lastHeartbeatAt: timestamp('last_heartbeat_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    bestScore: integer('best_score'),
    passed: boolean('passed').notNull().default(false),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] }), index('learning_records_user_idx').on(t.userId)],
);

/** Per material: opened and finished by a person. */
export const learningMaterialProgress = pgTable(
  'learning_material_progress',
  {
    materialId: uuid('material_id')
      .notNull()
      .references(() => learningMaterials.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => learningCourses.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.materialId, t.userId] }), index('learning_material_progress_user_idx').on(t.userId, t.courseId)],
);

/** Every quiz attempt with its score (the best counts). */
export const learningQuizAttempts = pgTable(
  'learning_quiz_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => learningCourses.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    attemptNo: integer('attempt_no').notNull(),
    score: integer('score').notNull(),
    maxScore: integer('max_score').notNull(),
    passed: boolean('passed').notNull(),
    answers: jsonb('answers').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('learning_quiz_attempts_unique').on(t.courseId, t.userId, t.attemptNo)],
);
