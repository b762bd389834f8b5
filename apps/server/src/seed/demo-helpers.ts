import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { builtinRole, type BuiltinRoleCode } from '@gonghui/contracts';
import type { Actor } from '../platform/audit/audit.service.js';
import type { AuthContext } from '../platform/auth/session.service.js';
import { loadUserAccess } from '../platform/access/user-scope.js';
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

/** A demo user's auth, as a request would have it: services run their real rules for the seed. */
export async function demoAuth(db: Db, username: string): Promise<{ auth: AuthContext; actor: Actor }> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`demo user ${username} missing`);
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, u.orgId));
  const access = await loadUserAccess(db, u.id);
  return {
    auth: { sessionId: 'demo-seed', csrfToken: '', stage: 'full', user: { id: u.id, username: u.username, name: u.name, orgId: u.orgId, orgName: org?.name ?? '', memberId: u.memberId }, grants: [], permissions: access.permissions, scope: access.scope },
    actor: { userId: u.id, username: u.username, orgId: u.orgId, ip: '127.0.0.1' },
  };
}

const uuidOf = (s: string) => {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Staff of an org as the seed acts in their name (a demo account where there is one, else a named officer). */
export function staffAuth(org: { id: string; name: string }, role: BuiltinRoleCode, name: string): { auth: AuthContext; actor: Actor } {
  const id = uuidOf(`${org.id}:${role}:${name}`);
  return {
    auth: {
      sessionId: 'demo-seed',
      csrfToken: '',
      stage: 'full',
      user: { id, username: `demo-${role}`, name, orgId: org.id, orgName: org.name, memberId: null },
      grants: [],
      permissions: new Set(builtinRole(role)!.permissions),
      scope: { all: false, subtreeRoots: role === 'grassroots_admin' ? [] : [org.id], units: role === 'grassroots_admin' ? [org.id] : [], selfUserId: null, selfMemberId: null },
    },
    actor: { userId: id, username: `demo-${role}`, orgId: org.id, ip: null },
  };
}
