import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { compileScope, type DataScope, type RoleGrant } from '../access/data-scope.js';
import { sessions } from './auth.schema.js';

export type SessionStage = 'full' | 'mfa_setup' | 'password_change';

export interface AuthUser {
  id: string;
  username: string;
  name: string;
  orgId: string;
  orgName: string;
  memberId: string | null;
}

/** Who is calling, resolved from the session on every request (role changes apply at once). */
export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  stage: SessionStage;
  user: AuthUser;
  grants: RoleGrant[];
  permissions: Set<string>;
  scope: DataScope;
}

export const SESSION_COOKIE = 'gh_sid';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, stage: SessionStage, ip: string, userAgent: string | undefined) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ id: hashToken(token), userId, csrfToken, stage, ip, userAgent: userAgent?.slice(0, 300) ?? null });
  return { token, csrfToken };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

interface SessionRow {
  id: string;
  csrf_token: string;
  stage: SessionStage;
  idle_expired: boolean;
  absolute_expired: boolean;
  touch: boolean;
  valid_ms: number | string;
  user_id: string;
  username: string;
  name: string;
  org_id: string;
  org_name: string;
  member_id: string | null;
  status: string;
  roles: RoleGrant[];
}

/** Loads the role grants of a user, with permissions and custom scope orgs. */
export const grantsSql = (userIdExpr: ReturnType<typeof sql>) => sql`coalesce((
  SELECT json_agg(json_build_object(
    'code', r.code, 'kind', r.kind, 'scope', r.scope, 'permissions', r.permissions,
    'mfaRequired', r.mfa_required, 'passwordExpires', r.password_expires,
    'scopeOrgIds', coalesce((SELECT json_agg(rso.org_id) FROM role_scope_orgs rso WHERE rso.role_id = r.id), '[]'::json)))
  FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ${userIdExpr}), '[]'::json)`;

/** A session read from the database, with how long it stays valid if unused (the sooner of its idle and absolute expiry). */
export interface ResolvedSession {
  auth: AuthContext;
  validForMs: number;
}

/** Reads the session `id` (a token hash) with its user and role grants; deletes it when expired. */
export async function loadSession(ctx: AppContext, id: string): Promise<ResolvedSession | null> {
  const idle = ctx.config.sessionIdleMinutes;
  const absolute = ctx.config.sessionAbsoluteHours;
  const [row] = await queryRows<SessionRow>(
    ctx.db,
    sql`SELECT s.id, s.csrf_token, s.stage,
          s.last_seen_at < now() - make_interval(mins => ${idle}) AS idle_expired,
          s.created_at < now() - make_interval(hours => ${absolute}) AS absolute_expired,
          s.last_seen_at < now() - interval '30 seconds' AS touch,
          floor(extract(epoch FROM least(s.last_seen_at + make_interval(mins => ${idle}), s.created_at + make_interval(hours => ${absolute})) - now()) * 1000)::float8 AS valid_ms,
          u.id AS user_id, u.username, u.name, u.org_id, o.name AS org_name, u.member_id, u.status,
          ${grantsSql(sql`u.id`)} AS roles
        FROM sessions s JOIN users u ON u.id = s.user_id JOIN orgs o ON o.id = u.org_id
        WHERE s.id = ${id}`,
  );
  if (!row) return null;
  if (row.idle_expired || row.absolute_expired || row.status !== 'active') {
    await deleteSession(ctx.db, id);
    return null;
  }
  if (row.touch) await ctx.db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  const user: AuthUser = { id: row.user_id, username: row.username, name: row.name, orgId: row.org_id, orgName: row.org_name, memberId: row.member_id };
  const grants = typeof row.roles === 'string' ? (JSON.parse(row.roles) as RoleGrant[]) : row.roles;
  const auth: AuthContext = {
    sessionId: id,
    csrfToken: row.csrf_token,
    stage: row.stage,
    user,
    grants,
    permissions: new Set(grants.flatMap((g) => g.permissions)),
    scope: compileScope(grants, user),
  };
  // a touch just moved the idle deadline on; the value read is from before it (the sooner, the safer)
  return { auth, validForMs: Math.max(0, Number(row.valid_ms)) };
}

/** The caller of a request from its session token, read from the database (see session-cache.ts for the cached path). */
export async function resolveSession(ctx: AppContext, token: string): Promise<AuthContext | null> {
  return (await loadSession(ctx, hashToken(token)))?.auth ?? null;
}
