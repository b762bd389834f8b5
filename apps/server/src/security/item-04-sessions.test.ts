import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_ADMIN_PASSWORD, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { districtByCode } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { sessions, users } from '../platform/auth/auth.schema.js';
import { hashToken, SESSION_COOKIE } from '../platform/auth/session.service.js';

type Me = { idleTimeoutSeconds?: number; csrfToken?: string };

const cookieParts = (setCookie: string | string[] | number | undefined): string[] => {
  const all = Array.isArray(setCookie) ? setCookie : [String(setCookie ?? '')];
  const line = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
  return line.split(';').map((p) => p.trim().toLowerCase());
};

describe('security.md item 4: server-side sessions, cookie flags, idle 30 min / absolute 12 h, new id at login, logout, role revocation', () => {
  let t: TestApp;
  let sys: TestClient;
  let serial = 0;
  const sid = (c: TestClient) => hashToken(c.cookies.get(SESSION_COOKIE)!);
  const rowOf = async (c: TestClient) => (await t.ctx.db.select().from(sessions).where(eq(sessions.id, sid(c))))[0];
  const login = async (username = 'sysadmin', password = TEST_ADMIN_PASSWORD) => {
    const c = t.client();
    expect((await c.login(username, password)).status).toBe(200);
    return c;
  };
  const setTimes = (c: TestClient, lastSeen: string, created: string) =>
    t.ctx.db.update(sessions).set({ lastSeenAt: sql`now() - ${lastSeen}::interval`, createdAt: sql`now() - ${created}::interval` }).where(eq(sessions.id, sid(c)));

  beforeAll(async () => {
    // behind a reverse proxy that terminates TLS (GONGHUI_TRUST_PROXY=1)
    t = await createTestApp({ config: { trustProxy: true } });
    sys = await t.login('sysadmin');
  });
  afterAll(() => t.close());

  it('keeps the session in the sessions table, under a hash of the cookie token', async () => {
    const c = await login();
    const token = c.cookies.get(SESSION_COOKIE)!;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = await rowOf(c);
    expect(row).toBeDefined();
    const [admin] = await t.ctx.db.select().from(users).where(eq(users.username, 'sysadmin'));
    expect(row!.userId).toBe(admin!.id);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.id, token))).toEqual([]);
    // removing the row ends the session: the server holds the state, not the cookie
    await t.ctx.db.delete(sessions).where(eq(sessions.id, sid(c)));
    expect((await c.get('/auth/me')).status).toBe(401);
  });

  it('sets the cookie HttpOnly and SameSite=Lax, Secure when the request came over HTTPS through the proxy', async () => {
    const body = { username: 'sysadmin', password: TEST_ADMIN_PASSWORD };
    const plain = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body });
    expect(plain.statusCode).toBe(200);
    const p = cookieParts(plain.headers['set-cookie']);
    expect(p).toContain('httponly');
    expect(p).toContain('samesite=lax');
    expect(p).toContain('path=/');
    expect(p).not.toContain('secure');
    const https = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' } });
    expect(https.statusCode).toBe(200);
    const s = cookieParts(https.headers['set-cookie']);
    expect(s).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure']));
    // the session records the client address the proxy forwarded
    const token = https.cookies.find((x) => x.name === SESSION_COOKIE)!.value;
    const [row] = await t.ctx.db.select().from(sessions).where(eq(sessions.id, hashToken(token)));
    expect(row!.ip).toBe('198.51.100.7');
  });

  it('ends a session idle for more than 30 minutes, and tells the client the timeout', async () => {
    const c = await login();
    expect((await c.get<Me>('/auth/me')).body.idleTimeoutSeconds).toBe(30 * 60);
    const fresh = await login();
    await setTimes(fresh, '29 minutes', '29 minutes');
    expect((await fresh.get('/auth/me')).status).toBe(200);
    // the request moved last_seen_at on
    expect((await rowOf(fresh))!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const idle = await login();
    await setTimes(idle, '31 minutes', '31 minutes');
    expect((await idle.get('/auth/me')).status).toBe(401);
    expect(await rowOf(idle)).toBeUndefined();
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const young = await login();
    await setTimes(young, '1 minute', '11 hours 58 minutes');
    expect((await young.get('/auth/me')).status).toBe(200);
    const old = await login();
    await setTimes(old, '1 minute', '12 hours 1 minute');
    expect((await old.get('/auth/me')).status).toBe(401);
    expect(await rowOf(old)).toBeUndefined();
  });

  it('issues a new session id at each login and drops the one the browser came with', async () => {
    const c = await login();
    const before = c.cookies.get(SESSION_COOKIE)!;
    const stale = t.client();
    stale.cookies = new Map(c.cookies);
    expect((await c.login('sysadmin', TEST_ADMIN_PASSWORD)).status).toBe(200);
    expect(c.cookies.get(SESSION_COOKIE)).not.toBe(before);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.id, hashToken(before)))).toEqual([]);
    expect((await stale.get('/auth/me')).status).toBe(401);
    // a value planted before login (session fixation) is never adopted
    const planted = t.client();
    planted.cookies.set(SESSION_COOKIE, 'planted-by-an-attacker-0123456789abcdef');
    expect((await planted.login('sysadmin', TEST_ADMIN_PASSWORD)).status).toBe(200);
    expect(planted.cookies.get(SESSION_COOKIE)).not.toBe('planted-by-an-attacker-0123456789abcdef');
  });

  it('kills the session at logout, for every copy of the cookie', async () => {
    const c = await login();
    const copy = t.client();
    copy.cookies = new Map(c.cookies);
    copy.csrf = c.csrf;
    const id = sid(c);
    const out = await c.post('/auth/logout');
    expect(out.status).toBe(204);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
    expect((await copy.get('/auth/me')).status).toBe(401);
    expect((await copy.post('/auth/logout')).status).toBe(401);
  });

  it('applies a revoked role on the very next request of a live session', async () => {
    const district = await districtByCode(t, '330102');
    const username = `sess_revoke${++serial}`;
    const created = await sys.post<{ id: string }>('/users', { username, name: username, password: TEST_PASSWORD, orgId: district.id, roleCodes: ['district_admin'] });
    expect(created.status).toBe(201);
    const c = await login(username, TEST_PASSWORD);
    expect((await c.get('/members')).status).toBe(200);
    expect((await c.get('/members')).status).toBe(200);
    expect((await sys.patch(`/users/${created.body.id}`, { roleCodes: ['member'] })).status).toBe(200);
    expect((await c.get('/members')).status).toBe(403);
    // and a disabled account is out at once
    expect((await sys.patch(`/users/${created.body.id}`, { status: 'disabled' })).status).toBe(200);
    expect((await c.get('/auth/me')).status).toBe(401);
  });
});
