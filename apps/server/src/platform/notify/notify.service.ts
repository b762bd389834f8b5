import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/db-connection.js';
import { notifications } from './notification.schema.js';

export interface NewNotification {
  orgId?: string | null;
  userId?: string | null;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

export async function notify(db: Db, n: NewNotification): Promise<void> {
  await db.insert(notifications).values({ orgId: n.orgId ?? null, userId: n.userId ?? null, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null });
}

const mine = (user: { id: string; orgId: string }) => or(eq(notifications.userId, user.id), and(isNull(notifications.userId), eq(notifications.orgId, user.orgId)));

/** A user's messages: addressed to them, or to their org's staff. */
export async function listNotifications(db: Db, user: { id: string; orgId: string }, opts: { unreadOnly: boolean; limit: number }) {
  const rows = await db
    .select()
    .from(notifications)
    .where(opts.unreadOnly ? and(mine(user), isNull(notifications.readAt)) : mine(user))
    .orderBy(desc(notifications.createdAt))
    .limit(opts.limit);
  const [unread] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(mine(user), isNull(notifications.readAt)));
  return { items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt.toISOString(), read: r.readAt !== null })), unread: unread?.n ?? 0 };
}

/** Marks one of the user's messages read; false when it is not theirs. */
export async function markNotificationRead(db: Db, user: { id: string; orgId: string }, id: string): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), mine(user)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}
