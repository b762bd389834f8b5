import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * 宣传: a news article of a union. The review lives in workflow_instances (business type
 * 'news.article'); `status` mirrors it (set in the same transaction by the workflow hook) plus the
 * take-down after publishing, so the public page and the members' feed read one indexed column.
 */
export const newsArticles = pgTable(
  'news_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 来源单位: the union that wrote it (review goes to its parent union) */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    category: text('category').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** plain text; paragraphs separated by blank lines (no markup is stored or rendered) */
    body: text('body').notNull(),
    author: text('author').notNull(),
    /** public: anyone; members: members of the source union's subtree */
    publishScope: text('publish_scope').notNull().default('public'),
    pinned: boolean('pinned').notNull().default(false),
    /** 封面图 (attachment list with at most one image) */
    cover: jsonb('cover').notNull().default(sql`'[]'::jsonb`),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    takenDownAt: timestamp('taken_down_at', { withTimezone: true }),
    takeDownReason: text('take_down_reason'),
    viewCount: integer('view_count').notNull().default(0),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('news_articles_feed_idx').on(t.status, t.publishScope, t.publishedAt),
    index('news_articles_org_idx').on(t.orgId, t.status),
    check('news_articles_status_check', sql`${t.status} IN ('draft','in_review','returned','published','withdrawn')`),
    check('news_articles_scope_check', sql`${t.publishScope} IN ('public','members')`),
    check('news_articles_views_check', sql`${t.viewCount} >= 0`),
  ],
);

/**
 * Who has been counted today for an article (a member's user id, or a hash of an anonymous
 * reader's address): one view per reader per day. Rows older than yesterday are purged by a job,
 * so the table holds at most two days.
 */
export const newsViewMarks = pgTable(
  'news_view_marks',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => newsArticles.id),
    day: date('day', { mode: 'string' }).notNull(),
    viewer: text('viewer').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day, t.viewer] }), index('news_view_marks_day_idx').on(t.day)],
);
