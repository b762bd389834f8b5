import { sql, type SQL } from 'drizzle-orm';
import { newsCategoryLabel, type Attachment, type NewsFeedItem, type NewsFeedQuery, type NewsRead, type Page } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { isoOf } from './news-article.repository.js';
import { countView } from './news-views.js';

/** A reader: the public (no login) or a member (the unions above their own see members-only articles). */
export type NewsReader = { kind: 'public' } | { kind: 'member'; auth: AuthContext };

export interface FeedRow {
  id: string;
  org_id: string;
  title: string;
  category: string;
  summary: string;
  author: string;
  org_name: string;
  pinned: boolean;
  published_at: string;
  view_count: number;
  publish_scope: 'public' | 'members';
  cover: Attachment[];
  body: string;
}

/** The member's own union (their member record's, else their account's). */
const memberOrg = (auth: AuthContext): SQL =>
  sql`COALESCE((SELECT m.org_id FROM members m WHERE m.id = ${auth.user.memberId ?? '00000000-0000-0000-0000-000000000000'}::uuid), ${auth.user.orgId}::uuid)`;

/** Published only; the public sees public articles, a member also those of the unions above (or at) their own union. */
function readable(reader: NewsReader): SQL {
  if (reader.kind === 'public') return sql`a.status = 'published' AND a.publish_scope = 'public'`;
  return sql`a.status = 'published' AND (a.publish_scope = 'public' OR a.org_id IN (SELECT c.ancestor_id FROM org_closure c WHERE c.descendant_id = ${memberOrg(reader.auth)}))`;
}

/** The body's opening as the summary when the writer gave none. */
const excerpt = (body: string): string => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
};

const base = (reader: NewsReader) => (reader.kind === 'public' ? '/api/public/news' : '/api/m/news');

function feedItem(reader: NewsReader, r: FeedRow): NewsFeedItem {
  const cover = r.cover[0];
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    categoryLabel: newsCategoryLabel(r.category),
    summary: r.summary || excerpt(r.body),
    author: r.author,
    orgName: r.org_name,
    pinned: r.pinned,
    publishedAt: r.published_at,
    viewCount: r.view_count,
    coverUrl: cover ? `${base(reader)}/${r.id}/cover/${cover.fileId}` : null,
  };
}

const SELECT = sql`SELECT a.id, a.org_id, a.title, a.category, a.summary, a.author, o.name AS org_name, a.pinned, ${isoOf(sql`a.published_at`)} AS published_at,
    a.view_count, a.publish_scope, a.cover, a.body
  FROM news_articles a JOIN orgs o ON o.id = a.org_id`;

/** Pinned first, then newest; paged; a category filter. */
export async function newsFeed(db: Db, reader: NewsReader, q: NewsFeedQuery): Promise<Page<NewsFeedItem>> {
  const where = q.category ? sql`${readable(reader)} AND a.category = ${q.category}` : readable(reader);
  const rows = await queryRows<FeedRow>(db, sql`${SELECT} WHERE ${where} ORDER BY a.pinned DESC, a.published_at DESC, a.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM news_articles a WHERE ${where}`);
  return { items: rows.map((r) => feedItem(reader, r)), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** A readable article, else 404 (an unpublished or members-only article answers exactly like a missing one). */
export async function readableArticle(db: Db, reader: NewsReader, id: string): Promise<FeedRow> {
  const [row] = await queryRows<FeedRow>(db, sql`${SELECT} WHERE a.id = ${id} AND ${readable(reader)}`);
  if (!row) throw notFound('文章');
  return row;
}

/** Reads an article and counts the view (once per reader and day). */
export async function readNews(db: Db, reader: NewsReader, id: string, viewer: string): Promise<NewsRead> {
  const row = await readableArticle(db, reader, id);
  const views = await countView(db, id, viewer);
  return { ...feedItem(reader, { ...row, view_count: views }), body: row.body, membersOnly: row.publish_scope === 'members' };
}
