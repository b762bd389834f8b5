import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';

export const NEWS_VIEW_PURGE_JOB = 'news.view-marks.purge';
const PURGE_EVERY_MS = 6 * 60 * 60_000;

/**
 * Anonymous readers counted per address, article and day (many workers share one NAT address; a
 * script changing its browser string stops here; concurrent requests may pass it by a few).
 */
export const ANON_VIEWS_PER_ADDRESS = 20;

const digest = (s: string): string => createHash('sha256').update(s).digest('base64url').slice(0, 16);

/** Who reads: a logged-in user by id; an anonymous reader by hashes of address and browser (`a:<address>:<browser>`, nothing personal stored). */
export function viewerKey(reader: { userId: string | null; ip: string; userAgent: string | undefined }): string {
  if (reader.userId) return `u:${reader.userId}`;
  return `a:${digest(reader.ip)}:${digest(reader.userAgent ?? '')}`;
}

/** The anonymous reader's address part (`a:<address>:`), else null. */
const addressOf = (viewer: string): string | null => (viewer.startsWith('a:') ? viewer.slice(0, viewer.indexOf(':', 2) + 1) : null);

/**
 * Counts one view per reader per article per Shanghai day: the day's mark is inserted once
 * (ON CONFLICT DO NOTHING) and only a new mark adds 1 to the article's total; anonymous readers
 * count at most ANON_VIEWS_PER_ADDRESS times per address. Returns the total.
 */
export async function countView(db: Db, articleId: string, viewer: string, now = new Date()): Promise<number> {
  const day = shanghaiDate(now);
  const address = addressOf(viewer);
  const room = address
    ? sql`WHERE (SELECT count(*) FROM news_view_marks WHERE article_id = ${articleId} AND day = ${day}::date AND starts_with(viewer, ${address})) < ${ANON_VIEWS_PER_ADDRESS}`
    : sql``;
  const [row] = await queryRows<{ view_count: number }>(
    db,
    sql`WITH m AS (INSERT INTO news_view_marks (article_id, day, viewer) SELECT ${articleId}::uuid, ${day}::date, ${viewer} ${room} ON CONFLICT DO NOTHING RETURNING article_id)
        UPDATE news_articles SET view_count = view_count + 1 WHERE id IN (SELECT article_id FROM m) RETURNING view_count`,
  );
  if (row) return row.view_count;
  const [cur] = await queryRows<{ view_count: number }>(db, sql`SELECT view_count FROM news_articles WHERE id = ${articleId}`);
  return cur?.view_count ?? 0;
}

/** Marks of days before yesterday are no longer needed (the totals stay on the articles). */
export async function purgeViewMarks(db: Db, now = new Date()): Promise<{ purged: number }> {
  const [row] = await queryRows<{ n: number }>(db, sql`WITH d AS (DELETE FROM news_view_marks WHERE day < ${shanghaiDate(now)}::date - 1 RETURNING 1) SELECT count(*)::int AS n FROM d`);
  return { purged: row?.n ?? 0 };
}

export function registerNewsJobs(jobs: JobRunner): void {
  jobs.registerRecurring(NEWS_VIEW_PURGE_JOB, PURGE_EVERY_MS, (ctx) => purgeViewMarks(ctx.db));
}
