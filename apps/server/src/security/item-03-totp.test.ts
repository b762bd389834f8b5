import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, TEST_ADMIN_PASSWORD, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { cityOrg, districtByCode } from '../test-support/fixtures.js';
import type { TestClient, TestResponse } from '../test-support/test-client.js';
import { totpCode } from '../test-support/totp-code.js';
import { users } from '../platform/auth/auth.schema.js';
import { roles } from '../platform/access/access.schema.js';

const MFA_ROLES = ['sys_admin', 'security_admin', 'audit_admin', 'city_admin'];

type SessionBody = { csrfToken?: string; mfaSetupRequired?: boolean; code?: string; errors?: { path: string }[] };

/** Logs in without the client's automatic enrolment, keeping the CSRF token of the answer. */
async function rawLogin(c: TestClient, username: string, otp?: string, password = TEST_PASSWORD): Promise<TestResponse<SessionBody>> {
  const r = await c.post<SessionBody>('/auth/login', { username, password, ...(otp ? { otp } : {}) }, { csrf: false });
  if (r.status === 200) c.csrf = r.body.csrfToken ?? null;
  return r;
}

/** A six-digit code that no nearby time step of this secret produces. */
function wrongCode(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((k) => totpCode(secret, Date.now() + k * 30_000)));
  for (let n = 0; ; n++) {
    const c = String(n).padStart(6, '0');
    if (!near.has(c)) return c;
  }
}

describe('security.md item 3: TOTP for sys_admin, security_admin, audit_admin and city_admin; single-use codes; 5 wrong codes end the attempt', () => {
  let t: TestApp;
  let sys: TestClient;
  let cityId: string;
  let sec: TestClient | undefined;
  const create = async (username: string, role: string, orgId = cityId) => {
    const r = await sys.post('/users', { username, name: username, password: TEST_PASSWORD, orgId, roleCodes: [role] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  beforeAll(async () => {
    t = await createTestApp({ mfa: true });
    sys = await t.login('sysadmin');
    cityId = (await cityOrg(t)).id;
  });
  afterAll(() => t.close());

  it('asks the platform admins to enrol at their first login', async () => {
    for (const username of ['secadmin', 'auditor']) {
      const r = await rawLogin(t.client(), username, undefined, TEST_ADMIN_PASSWORD);
      expect(r.status).toBe(200);
      expect(r.body.mfaSetupRequired, username).toBe(true);
    }
  });

  it('walks a city_admin through enrolment: restricted until a right code is confirmed', async () => {
    await create('mfa_city', 'city_admin');
    const c = t.client();
    const l = await rawLogin(c, 'mfa_city');
    expect(l.status).toBe(200);
    expect(l.body.mfaSetupRequired).toBe(true);

    const blocked = await c.get<SessionBody>('/orgs/tree');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('MFA_SETUP_REQUIRED');
    const me = await c.get<SessionBody>('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.mfaSetupRequired).toBe(true);

    const s = await c.post<{ secret: string; otpauthUrl: string }>('/auth/mfa/setup');
    expect(s.status).toBe(200);
    expect(s.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const [row] = await t.ctx.db.select().from(users).where(eq(users.username, 'mfa_city'));
    expect(row!.mfaSecret).not.toContain(s.body.secret);

    const wrong = await c.post<SessionBody>('/auth/mfa/confirm', { otp: wrongCode(s.body.secret) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors?.[0]?.path).toBe('otp');
    expect((await c.get('/orgs/tree')).status).toBe(403);

    const right = await c.post<SessionBody>('/auth/mfa/confirm', { otp: totpCode(s.body.secret) });
    expect(right.status).toBe(200);
    expect(right.body.mfaSetupRequired).toBe(false);
    expect((await c.get('/orgs/tree')).status).toBe(200);
    expect((await c.post('/auth/mfa/setup')).status).toBe(409);

    // next login: the code is required, and each code works once
    const d = t.client();
    const noOtp = await rawLogin(d, 'mfa_city');
    expect(noOtp.status).toBe(401);
    expect(noOtp.body.code).toBe('MFA_REQUIRED');
    const next = totpCode(s.body.secret, Date.now() + 30_000);
    const ok = await rawLogin(d, 'mfa_city', next);
    expect(ok.status).toBe(200);
    expect(ok.body.mfaSetupRequired).toBe(false);
    expect((await d.get('/orgs/tree')).status).toBe(200);
    const replay = await rawLogin(t.client(), 'mfa_city', next);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('MFA_REQUIRED');
  });

  it('locks the account after 5 wrong codes: the 6th attempt is 423 even with the right code', async () => {
    await create('mfa_lock', 'city_admin');
    const enrolled = t.client();
    expect((await enrolled.login('mfa_lock', TEST_PASSWORD)).status).toBe(200);
    const secret = enrolled.mfaSecret!;
    for (let i = 0; i < 5; i++) {
      const r = await rawLogin(t.client(), 'mfa_lock', wrongCode(secret));
      expect(r.status, `attempt ${i + 1}`).toBe(401);
    }
    const locked = await rawLogin(t.client(), 'mfa_lock', totpCode(secret, Date.now() + 30_000));
    expect(locked.status).toBe(423);
    const [row] = await t.ctx.db.select().from(users).where(eq(users.username, 'mfa_lock'));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('kills the login attempt after 5 wrong codes during enrolment', async () => {
    await create('mfa_enrol', 'city_admin');
    const c = t.client();
    expect((await rawLogin(c, 'mfa_enrol')).body.mfaSetupRequired).toBe(true);
    const { body } = await c.post<{ secret: string }>('/auth/mfa/setup');
    for (let i = 0; i < 4; i++) expect((await c.post('/auth/mfa/confirm', { otp: wrongCode(body.secret) })).status).toBe(422);
    const fifth = await c.post<SessionBody>('/auth/mfa/confirm', { otp: wrongCode(body.secret) });
    expect(fifth.status).toBe(401);
    expect(fifth.body.code).toBe('MFA_TOO_MANY_FAILURES');
    expect((await c.get('/auth/me')).status).toBe(401);
    // the right code does not help on the dead session
    expect((await c.post('/auth/mfa/confirm', { otp: totpCode(body.secret) })).status).toBe(401);
    const [row] = await t.ctx.db.select().from(users).where(eq(users.username, 'mfa_enrol'));
    expect(row!.mfaEnabled).toBe(false);
    // a new login starts the enrolment again
    expect((await rawLogin(t.client(), 'mfa_enrol')).body.mfaSetupRequired).toBe(true);
  });

  it('does not ask a grassroots_admin for a second factor', async () => {
    const district = await districtByCode(t, '330102');
    await create('mfa_grass', 'grassroots_admin', district.id);
    const c = t.client();
    const r = await rawLogin(c, 'mfa_grass');
    expect(r.status).toBe(200);
    expect(r.body.mfaSetupRequired).toBe(false);
    expect((await c.get('/orgs/tree')).status).toBe(200);
  });
  it('requires the second factor of exactly the four admin roles (role table)', async () => {
    const rows = await t.ctx.db.select({ code: roles.code, mfa: roles.mfaRequired, builtin: roles.builtin }).from(roles);
    expect(rows.filter((r) => r.mfa).map((r) => r.code).sort()).toEqual([...MFA_ROLES].sort());
  });

  it.each(MFA_ROLES)('%s: a fresh holder is held at enrolment, then cannot log in without a code', async (role) => {
    const username = `mfa_each_${role}`;
    const platform = role !== 'city_admin';
    await create(username, platform ? 'grassroots_admin' : role);
    if (platform) {
      sec ??= await t.login('secadmin');
      const [u] = await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
      const grant = await sec.put(`/users/${u!.id}/platform-role`, { roleCode: role });
      expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    }
    const c = t.client();
    const l = await rawLogin(c, username);
    expect(l.status).toBe(200);
    expect(l.body.mfaSetupRequired).toBe(true);
    expect((await c.get<SessionBody>('/auth/me')).status).toBe(200);
    const s = await c.post<{ secret: string }>('/auth/mfa/setup');
    expect((await c.post('/auth/mfa/confirm', { otp: totpCode(s.body.secret) })).status).toBe(200);
    const again = await rawLogin(t.client(), username);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('MFA_REQUIRED');
    expect((await rawLogin(t.client(), username, totpCode(s.body.secret, Date.now() + 30_000))).status).toBe(200);
  });
});
