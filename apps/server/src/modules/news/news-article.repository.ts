import { sql, type SQL } from 'drizzle-orm';
import type { Attachment } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { NEWS_WORKFLOW_TYPE } from './news-workflow.js';

/** An article with its union, review position and the last return reason, as read for staff. */
export interface NewsArticleRow {
  id: string;
  org_id: string;
  org_name: string;
  category: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  publish_scope: 'public' | 'members';
  pinned: boolean;
  cover: Attachment[];
  status: string;
  published_at: string | null;
  take_down_reason: string | null;
  view_count: number;
  created_by: string | null;
  created_by_name: string | null;
  updated_at: string;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  return_reason: string | null;
}

/** Staff see the articles of the unions in their scope (and their own). */
export const newsScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`a.org_id`, owner: sql`a.created_by` });

export const isoOf = (col: SQL): SQL => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const FROM = sql`FROM news_articles a
  JOIN orgs o ON o.id = a.org_id
  JOIN workflow_instances w ON w.business_type = ${NEWS_WORKFLOW_TYPE} AND w.business_id = a.id`;

const SELECT = sql`SELECT a.id, a.org_id, o.name AS org_name, a.category, a.title, a.summary, a.body, a.author, a.publish_scope, a.pinned, a.cover,
    a.status, ${isoOf(sql`a.published_at`)} AS published_at, a.take_down_reason, a.view_count, a.created_by, a.created_by_name, ${isoOf(sql`a.updated_at`)} AS updated_at,
    w.assignee_org_id, ao.name AS assignee_org_name,
    CASE WHEN a.status = 'returned' THEN (SELECT e.opinion FROM workflow_events e WHERE e.instance_id = w.id AND e.action = 'return' ORDER BY e.id DESC LIMIT 1) END AS return_reason
  ${FROM}
  LEFT JOIN orgs ao ON ao.id = w.assignee_org_id`;

export async function findNewsRow(db: Db, scope: DataScope, id: string): Promise<NewsArticleRow | null> {
  const [row] = await queryRows<NewsArticleRow>(db, sql`${SELECT} WHERE a.id = ${id} AND ${newsScope(scope)}`);
  return row ?? null;
}

export async function newsRows(db: Db, where: SQL, limit: number, offset: number): Promise<NewsArticleRow[]> {
  return queryRows<NewsArticleRow>(db, sql`${SELECT} WHERE ${where} ORDER BY a.updated_at DESC, a.id LIMIT ${limit} OFFSET ${offset}`);
}

export async function countNews(db: Db, where: SQL): Promise<number> {
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${FROM} WHERE ${where}`);
  return count?.n ?? 0;
}
