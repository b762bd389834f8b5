import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../org/org.schema.js';

/** In-app messages to an org's staff or to one user: SLA reminders, escalations, results. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => orgs.id),
    userId: uuid('user_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** a path in the web app */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_org_idx').on(t.orgId, t.createdAt), index('notifications_user_idx').on(t.userId, t.createdAt)],
);
