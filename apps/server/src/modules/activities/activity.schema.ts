import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * An activity with limited places (平安返乡 / 小候鸟 / 集体婚礼 / 圆梦计划 / general). Its places,
 * window, mode and rules live in its enrolment offering (kind 'activity', subject = this id).
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    venue: text('venue'),
    description: text('description'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_org_idx').on(t.orgId),
    index('activities_created_idx').on(t.createdAt.desc()),
    check('activities_type_check', sql`${t.type} IN ('homeward','summer_class','group_wedding','education','general')`),
  ],
);
