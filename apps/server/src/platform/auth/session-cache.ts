import type { AppContext } from '../app-context.js';
import { hashToken, loadSession, type AuthContext } from './session.service.js';

interface Entry {
  auth: AuthContext;
  /** Date.now() after which the entry is not used */
  until: number;
}

/**
 * Resolved sessions (session, user, role grants, compiled data scope) kept in this process for
 * at most `ttlMs` (config `sessionCacheMs`, GONGHUI_SESSION_CACHE_MS, default 2 s, at most 5 s),
 * so a burst of requests on one session reads them once.
 *
 * Why this keeps the security semantics:
 * - Only what the database said is cached, and only positive answers: an unknown, expired or
 *   disabled session is read from the database on every request.
 * - An entry never outlives the session's own idle or absolute deadline as read from the database
 *   (`until` = the sooner of now + ttl and that deadline), so caching never extends a session.
 * - `clear()` drops every entry; the access guard calls it when any state-changing request
 *   (POST/PUT/PATCH/DELETE: logout, login, password change, role or user change, MFA …) has been
 *   handled in this process, before its answer is sent. So in this process a logout, a revoked
 *   role or a disabled account applies to the very next request, as without the cache.
 * - A database read that was in flight while `clear()` ran is not stored (generation check), so a
 *   read from before a change can never be cached after it.
 * - The staleness that remains: a change made by ANOTHER process (a second server instance on the
 *   same PostgreSQL database, the restore CLI, a direct SQL update) is seen by this process at the
 *   latest `ttlMs` later. Idle-timeout bookkeeping (last_seen_at, touched at most every 30 s) moves
 *   on with the next database read, at most `ttlMs` after the last one.
 * - The AuthContext objects are frozen: they are shared by the requests that reuse them.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(sessionId: string, now = Date.now()): AuthContext | null {
    const e = this.entries.get(sessionId);
    if (!e) return null;
    if (e.until <= now) {
      this.entries.delete(sessionId);
      return null;
    }
    return e.auth;
  }

  /** Taken before a database read; `set` with it is ignored if `clear` ran in between. */
  mark(): number {
    return this.generation;
  }

  set(sessionId: string, auth: AuthContext, until: number, mark: number): void {
    if (this.ttlMs <= 0 || mark !== this.generation || until <= Date.now()) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(sessionId, { auth: freezeAuth(auth), until });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function freezeAuth(auth: AuthContext): AuthContext {
  Object.freeze(auth.user);
  Object.freeze(auth.scope.subtreeRoots);
  Object.freeze(auth.scope.units);
  Object.freeze(auth.scope);
  for (const g of auth.grants) Object.freeze(g);
  Object.freeze(auth.grants);
  return Object.freeze(auth);
}

/** The caller of a request from its session token: from the cache when fresh, else from the database (then cached). */
export async function resolveSessionCached(ctx: AppContext, cache: SessionCache, token: string): Promise<AuthContext | null> {
  const id = hashToken(token);
  const now = Date.now();
  const hit = cache.get(id, now);
  if (hit) return hit;
  const mark = cache.mark();
  const resolved = await loadSession(ctx, id);
  if (!resolved) return null;
  cache.set(id, resolved.auth, now + Math.min(cache.ttlMs, resolved.validForMs), mark);
  return resolved.auth;
}
