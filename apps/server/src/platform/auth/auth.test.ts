import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_ADMIN_PASSWORD, TEST_PASSWORD, type TestApp } from '../../test-support/test-app.js';
import { cityOrg, districtByCode, userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { sessions, users } from './auth.schema.js';
import { hashToken } from './session.service.js';

describe('staff login, lockout and sessions', () => {
  let t: TestApp;
  let sys: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ config: { ipFailedLoginLimit: 12 } });
    sys = await t.login('sysadmin');
  });
  afterAll(() => t.close());

  it('logs in with the right password and answers the contract shape with a session cookie', async () => {
    const c = t.client();
    const r = await c.post('/auth/login', { username: 'sysadmin', password: TEST_ADMIN_PASSWORD }, { csrf: false });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ user: { username: 'sysadmin', roles: ['sys_admin'] }, mfaSetupRequired: false });
    expect(typeof r.body.csrfToken).toBe('string');
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('answers 401 to a wrong password and to an unknown user, and audits both', async () => {
    const c = t.client();
    expect((await c.post('/auth/login', { username: 'sysadmin', password: 'Wrong-pass-1x' }, { csrf: false })).status).toBe(401);
    expect((await c.post('/auth/login', { username: 'nobody', password: 'Wrong-pass-1x' }, { csrf: false })).status).toBe(401);
    const rows = await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('locks an account after 5 failures: the 6th attempt is 423 even with the right password', async () => {
    const city = await cityOrg(t);
    await userClient(t, sys, 'locky', city.id, ['grassroots_admin']);
    const c = t.client();
    for (let i = 0; i < 5; i++) expect((await c.post('/auth/login', { username: 'locky', password: `Bad-pass-${i}x` }, { csrf: false })).status).toBe(401);
    const r = await c.post('/auth/login', { username: 'locky', password: TEST_PASSWORD }, { csrf: false });
    expect(r.status).toBe(423);
    const [u] = await t.ctx.db.select().from(users).where(eq(users.username, 'locky'));
    expect(u!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    // unlocking through the API lets the right password in again
    expect((await sys.post(`/users/${u!.id}/unlock`)).status).toBe(200);
    expect((await c.post('/auth/login', { username: 'locky', password: TEST_PASSWORD }, { csrf: false })).status).toBe(200);
  });

  it('answers 429 once an address has too many failed logins, and audits it', async () => {
    const c = t.client();
    let last = 0;
    for (let i = 0; i < 15 && last !== 429; i++) {
      last = (await c.post('/auth/login', { username: `ghost${i}`, password: 'Wrong-pass-1x' }, { csrf: false })).status;
    }
    expect(last).toBe(429);
    const rows = await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.rate_limited'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(1);
    await t.ctx.db.execute(sql`DELETE FROM login_failures`);
  });

  it('issues a new session id at each login and kills the session at logout', async () => {
    const c = t.client();
    await c.login('sysadmin', TEST_ADMIN_PASSWORD);
    const first = c.cookies.get('gh_sid');
    const old = new Map(c.cookies);
    await c.login('sysadmin', TEST_ADMIN_PASSWORD);
    expect(c.cookies.get('gh_sid')).not.toBe(first);
    const stale = t.client();
    stale.cookies = old;
    expect((await stale.get('/auth/me')).status).toBe(401);
    const copy = t.client();
    copy.cookies = new Map(c.cookies);
    expect((await c.post('/auth/logout')).status).toBe(204);
    expect((await copy.get('/auth/me')).status).toBe(401);
  });

  it('expires a session after 30 idle minutes and after 12 hours in all', async () => {
    const c = await t.login('sysadmin');
    await t.ctx.db.update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` }).where(eq(sessions.id, hashToken(c.cookies.get('gh_sid')!)));
    expect((await c.get('/auth/me')).status).toBe(401);
    const d = await t.login('sysadmin');
    await t.ctx.db.update(sessions).set({ createdAt: sql`now() - interval '13 hours'` }).where(eq(sessions.id, hashToken(d.cookies.get('gh_sid')!)));
    expect((await d.get('/auth/me')).status).toBe(401);
  });

  it('refuses a state change without the CSRF token', async () => {
    const c = await t.login('sysadmin');
    const district = await districtByCode(t, '330102');
    const r = await c.post('/orgs', { parentId: district.id, name: '无令牌工会', kind: 'grassroots' }, { csrf: false });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('CSRF');
  });

  it('applies a revoked role on the next request', async () => {
    const district = await districtByCode(t, '330106');
    const d = await userClient(t, sys, 'revokee', district.id, ['district_admin']);
    expect((await d.get('/orgs/tree')).status).toBe(200);
    const list = await sys.get<{ items: { id: string; username: string }[] }>('/users?q=revokee');
    const id = list.body.items[0]!.id;
    expect((await sys.patch(`/users/${id}`, { roleCodes: ['member'] })).status).toBe(200);
    expect((await d.get('/orgs/tree')).status).toBe(403);
  });
});
