import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/audit/audit.service.js';
import type { Db } from '../platform/db/db-connection.js';
import { orgs } from '../platform/org/org.schema.js';
import { users } from '../platform/auth/auth.schema.js';

const DAY = 86_400_000;

/** `days` from now at `hour` o'clock Asia/Shanghai, as an ISO instant: demo dates stay relative to the day the demo starts. */
export function daysFromNow(days: number, hour = 9): string {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d.toISOString();
}

/** A demo account as the actor of what the seed does in its name. */
export async function demoActor(db: Db, username: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id, orgId: users.orgId }).from(users).where(eq(users.username, username)).limit(1);
  return { userId: u?.id ?? null, username, orgId: u?.orgId ?? null, ip: null };
}

/** An org of the demo tree by its name. */
export async function orgIdByName(db: Db, name: string): Promise<string | null> {
  const [o] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, name)).limit(1);
  return o?.id ?? null;
}
