import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { districtByCode, type OrgRef } from '../test-support/fixtures.js';
import type { TestClient, TestResponse } from '../test-support/test-client.js';
import { users } from '../platform/auth/auth.schema.js';

type Body = { id?: string; csrfToken?: string; passwordChangeRequired?: boolean; code?: string; errors?: { path: string; message: string }[] };
const NEW_PASSWORD = 'Fresh-pass-2027#q';
const CHINESE = /[\u4e00-\u9fff]/;

async function rawLogin(c: TestClient, username: string, password = TEST_PASSWORD): Promise<TestResponse<Body>> {
  const r = await c.post<Body>('/auth/login', { username, password }, { csrf: false });
  if (r.status === 200) c.csrf = r.body.csrfToken ?? null;
  return r;
}

describe('security.md item 1: password policy, scrypt storage, admin password expiry', () => {
  let t: TestApp;
  let sys: TestClient;
  let district: OrgRef;
  const create = async (username: string, roleCodes: string[], extra: Record<string, unknown> = {}): Promise<string> => {
    const r = await sys.post<Body>('/users', { username, name: username, password: TEST_PASSWORD, orgId: district.id, roleCodes, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id!;
  };
  const age = (username: string, days: number) =>
    t.ctx.db.update(users).set({ passwordChangedAt: sql`now() - make_interval(days => ${days})` }).where(eq(users.username, username));
  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    district = await districtByCode(t, '330102');
  });
  afterAll(() => t.close());

  it.each([
    ['too short', 'Ab1!short'],
    ['two classes only', 'abcdefgh12345'],
    ['contains the username', 'Weakling-2026!'],
    ['on the common list', 'P@ssw0rd123'],
  ])('refuses a weak password when creating a user: %s', async (_l, password) => {
    const r = await sys.post<Body>('/users', { username: 'weakling', name: '弱密码', password, orgId: district.id, roleCodes: ['grassroots_admin'] });
    expect(r.status).toBe(422);
    expect(r.body.errors!.length).toBeGreaterThan(0);
    for (const e of r.body.errors!) {
      expect(e.path).toBe('password');
      expect(e.message).toMatch(CHINESE);
    }
    expect(await t.ctx.db.select().from(users).where(eq(users.username, 'weakling'))).toEqual([]);
  });

  it('stores a salted scrypt hash (read back from the database and recomputed), never the password', async () => {
    await create('pp_hash', ['grassroots_admin']);
    await create('pp_hash2', ['grassroots_admin']);
    const stored = await t.ctx.db.select({ hash: users.passwordHash }).from(users).where(sql`${users.username} IN ('pp_hash', 'pp_hash2')`);
    expect(stored).toHaveLength(2);
    for (const { hash } of stored) {
      expect(hash).not.toContain(TEST_PASSWORD);
      const [alg, n, r, p, salt, key] = hash.split('$');
      expect(alg).toBe('scrypt');
      expect(Number(n)).toBeGreaterThanOrEqual(16384);
      expect(Number(r)).toBeGreaterThanOrEqual(8);
      expect(Buffer.from(salt!, 'base64').length).toBeGreaterThanOrEqual(16);
      const expected = Buffer.from(key!, 'base64');
      const derived = scryptSync(TEST_PASSWORD.normalize('NFKC'), Buffer.from(salt!, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
      expect(derived.equals(expected)).toBe(true);
    }
    // the same password under two accounts: different salts, different hashes
    expect(stored[0]!.hash).not.toBe(stored[1]!.hash);
  });

  it('makes an admin whose password is older than 90 days change it before anything else', async () => {
    await create('pp_old', ['district_admin']);
    await age('pp_old', 89);
    expect((await rawLogin(t.client(), 'pp_old')).body.passwordChangeRequired).toBe(false);
    await age('pp_old', 91);
    const c = t.client();
    const l = await rawLogin(c, 'pp_old');
    expect(l.status).toBe(200);
    expect(l.body.passwordChangeRequired).toBe(true);
    const blocked = await c.get<Body>('/orgs/tree');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.get('/auth/me')).status).toBe(200);

    const wrongOld = await c.post<Body>('/auth/password', { oldPassword: 'Not-my-pass-1', newPassword: NEW_PASSWORD });
    expect(wrongOld.status).toBe(422);
    expect(wrongOld.body.errors![0]!.path).toBe('oldPassword');
    const weak = await c.post<Body>('/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'abcdefghijk' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors!.every((e) => e.path === 'newPassword' && CHINESE.test(e.message))).toBe(true);
    const same = await c.post<Body>('/auth/password', { oldPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.status).toBe(422);
    expect((await c.get('/orgs/tree')).status).toBe(403);

    const ok = await c.post<Body>('/auth/password', { oldPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.passwordChangeRequired).toBe(false);
    expect((await c.get('/orgs/tree')).status).toBe(200);
    expect((await rawLogin(t.client(), 'pp_old', NEW_PASSWORD)).body.passwordChangeRequired).toBe(false);
    expect((await rawLogin(t.client(), 'pp_old', TEST_PASSWORD)).status).toBe(401);
  });

  it('expires the platform admins’ passwords too', async () => {
    await age('auditor', 91);
    const c = t.client();
    const l = await c.login('auditor', t.config.adminPassword!);
    expect(l.body).toMatchObject({ passwordChangeRequired: true });
    expect((await c.get<Body>('/audit')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('makes a user created with mustChangePassword change it at first login', async () => {
    await create('pp_must', ['grassroots_admin'], { mustChangePassword: true });
    const c = t.client();
    expect((await rawLogin(c, 'pp_must')).body.passwordChangeRequired).toBe(true);
    expect((await c.get<Body>('/orgs/tree')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/auth/password', { oldPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await c.get('/orgs/tree')).status).toBe(200);
    expect((await rawLogin(t.client(), 'pp_must', NEW_PASSWORD)).body.passwordChangeRequired).toBe(false);
  });

  it('does not expire a member’s password', async () => {
    await create('pp_member', ['member']);
    await age('pp_member', 400);
    const c = t.client();
    const l = await rawLogin(c, 'pp_member');
    expect(l.status).toBe(200);
    expect(l.body.passwordChangeRequired).toBe(false);
  });

  it('kills the other sessions of a user who changes the password', async () => {
    await create('pp_multi', ['grassroots_admin']);
    const a = t.client();
    const b = t.client();
    await rawLogin(a, 'pp_multi');
    await rawLogin(b, 'pp_multi');
    expect((await a.post('/auth/password', { oldPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await a.get('/auth/me')).status).toBe(200);
    expect((await b.get('/auth/me')).status).toBe(401);
  });

  it('a reset by sys_admin kills the user’s sessions and forces a change at next login', async () => {
    const id = await create('pp_reset', ['grassroots_admin']);
    const c = t.client();
    await rawLogin(c, 'pp_reset');
    expect((await c.get('/orgs/tree')).status).toBe(200);
    const weak = await sys.post<Body>(`/users/${id}/reset-password`, { password: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors![0]!.path).toBe('password');
    expect((await c.get('/auth/me')).status).toBe(200);

    const reset = 'Reset-by-admin-7%';
    expect((await sys.post(`/users/${id}/reset-password`, { password: reset })).status).toBe(200);
    expect((await c.get('/auth/me')).status).toBe(401);
    const d = t.client();
    expect((await rawLogin(d, 'pp_reset', TEST_PASSWORD)).status).toBe(401);
    expect((await rawLogin(d, 'pp_reset', reset)).body.passwordChangeRequired).toBe(true);
    expect((await d.get<Body>('/orgs/tree')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await d.post('/auth/password', { oldPassword: reset, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await d.get('/orgs/tree')).status).toBe(200);
  });
});

describe('security.md item 1: the admin password maximum age is configurable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { passwordMaxAgeDays: 30 } });
    const sys = await t.login('sysadmin');
    const district = await districtByCode(t, '330102');
    const r = await sys.post('/users', { username: 'pp_cfg', name: 'pp_cfg', password: TEST_PASSWORD, orgId: district.id, roleCodes: ['district_admin'] });
    expect(r.status).toBe(201);
  });
  afterAll(() => t.close());
  const ageTo = (days: number) => t.ctx.db.update(users).set({ passwordChangedAt: sql`now() - make_interval(days => ${days})` }).where(eq(users.username, 'pp_cfg'));

  it('uses GONGHUI_PASSWORD_MAX_AGE_DAYS (30 here) in place of 90', async () => {
    await ageTo(29);
    expect((await rawLogin(t.client(), 'pp_cfg')).body.passwordChangeRequired).toBe(false);
    await ageTo(31);
    const c = t.client();
    expect((await rawLogin(c, 'pp_cfg')).body.passwordChangeRequired).toBe(true);
    expect((await c.get<Body>('/orgs/tree')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
