import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/** An org's yearly summary and plan (年度工作总结与计划). */
export const workPlans = pgTable(
  'work_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('work_plans_org_year_unique').on(t.orgId, t.year)],
);

/** A guiding principle of the plan, ordered (以……为指针/主线/中心/动力/重点/关键). */
export const workPlanPrinciples = pgTable(
  'work_plan_principles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [index('work_plan_principles_plan_idx').on(t.planId, t.position)],
);

/** A key task under a principle; each owner org gets its own tracked item (kind work-plan-task, business_id = task id). */
export const workPlanTasks = pgTable(
  'work_plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    principleId: uuid('principle_id')
      .notNull()
      .references(() => workPlanPrinciples.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [index('work_plan_tasks_plan_idx').on(t.planId, t.principleId, t.position)],
);

/** A meeting preparation checklist (全委会, 职代会 ...) of an org. */
export const meetingChecklists = pgTable(
  'meeting_checklists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_checklists_org_idx').on(t.orgId, t.meetingDate)],
);

export const meetingChecklistItems = pgTable(
  'meeting_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checklistId: uuid('checklist_id')
      .notNull()
      .references(() => meetingChecklists.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    responsible: text('responsible').notNull().default(''),
    responsibleOrgId: uuid('responsible_org_id').references(() => orgs.id),
    dueDate: date('due_date', { mode: 'string' }),
    done: boolean('done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('meeting_checklist_items_idx').on(t.checklistId, t.position)],
);
