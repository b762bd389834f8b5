import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { districtByCode } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { users } from '../platform/auth/auth.schema.js';
import { auditLog } from '../platform/audit/audit.schema.js';

const IP_LIMIT = 10;
const WRONG = 'Wrong-guess-2026!';

type Problem = { code?: string };

describe('security.md item 2: 5 failures in 15 minutes lock the account for 30 minutes (423), a per-IP limit answers 429, both audited', () => {
  let t: TestApp;
  let sys: TestClient;
  let serial = 0;
  /** a login from one address, as a browser behind it would send it */
  const loginFrom = async (ip: string, username: string, password: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } });
    return { status: res.statusCode, body: JSON.parse(res.body) as Problem };
  };
  const fresh = async () => {
    const username = `lock_user${++serial}`;
    const district = await districtByCode(t, '330102');
    const r = await sys.post('/users', { username, name: username, password: TEST_PASSWORD, orgId: district.id, roleCodes: ['district_admin'] });
    expect(r.status).toBe(201);
    return username;
  };
  const auditOf = (username: string) => t.ctx.db.select().from(auditLog).where(eq(auditLog.username, username)).orderBy(asc(auditLog.id));

  beforeAll(async () => {
    t = await createTestApp({ config: { ipFailedLoginLimit: IP_LIMIT } });
    sys = await t.login('sysadmin');
  });
  beforeEach(async () => {
    // each case starts with a clean per-address count
    await t.ctx.db.execute(sql`DELETE FROM login_failures`);
  });
  afterAll(() => t.close());

  it('answers 423 to the 6th attempt even with the right password, locks for 30 minutes and audits each step', async () => {
    const username = await fresh();
    for (let i = 0; i < 5; i++) expect((await loginFrom('198.51.100.1', username, WRONG)).status, `attempt ${i + 1}`).toBe(401);
    const sixth = await loginFrom('198.51.100.1', username, TEST_PASSWORD);
    expect(sixth.status).toBe(423);
    expect(sixth.body.code).toBe('LOCKED');
    // from another address too: the lock is on the account
    expect((await loginFrom('198.51.100.2', username, TEST_PASSWORD)).status).toBe(423);
    const [u] = await t.ctx.db.select().from(users).where(eq(users.username, username));
    const minutes = (u!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30.5);

    const rows = await auditOf(username);
    const failed = rows.filter((r) => r.action === 'auth.login_failed');
    expect(failed).toHaveLength(5);
    expect(failed.every((r) => r.result === 'failure' && r.objectId === u!.id && r.ip === '198.51.100.1')).toBe(true);
    const locked = rows.filter((r) => r.action === 'auth.locked');
    // the lock itself, then each refused attempt while locked
    expect(locked.map((r) => r.result)).toEqual(['failure', 'denied', 'denied']);
    expect(rows.some((r) => r.action === 'auth.login')).toBe(false);
  });

  it('lets the right password in again once the 30 minutes have passed', async () => {
    const username = await fresh();
    for (let i = 0; i < 5; i++) await loginFrom('198.51.100.3', username, WRONG);
    expect((await loginFrom('198.51.100.3', username, TEST_PASSWORD)).status).toBe(423);
    await t.ctx.db.update(users).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(users.username, username));
    expect((await loginFrom('198.51.100.3', username, TEST_PASSWORD)).status).toBe(200);
    const [u] = await t.ctx.db.select().from(users).where(eq(users.username, username));
    expect(u!.lockedUntil).toBeNull();
    expect(u!.failedCount).toBe(0);
  });

  it('counts failures within 15 minutes only', async () => {
    const username = await fresh();
    for (let i = 0; i < 4; i++) await loginFrom('198.51.100.4', username, WRONG);
    // the first four are now 16 minutes old
    await t.ctx.db.update(users).set({ failedWindowStart: sql`now() - interval '16 minutes'` }).where(eq(users.username, username));
    for (let i = 0; i < 2; i++) expect((await loginFrom('198.51.100.4', username, WRONG)).status).toBe(401);
    expect((await loginFrom('198.51.100.4', username, TEST_PASSWORD)).status).toBe(200);
  });

  it('a successful login resets the count', async () => {
    const username = await fresh();
    for (let i = 0; i < 4; i++) await loginFrom('198.51.100.5', username, WRONG);
    expect((await loginFrom('198.51.100.5', username, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) await loginFrom('198.51.100.5', username, WRONG);
    expect((await loginFrom('198.51.100.5', username, TEST_PASSWORD)).status).toBe(200);
  });

  it('answers 429 to an address with too many failed logins, even with a right password, and audits it; other addresses go on', async () => {
    const ip = '203.0.113.9';
    const username = await fresh();
    // failures spread over unknown names, so no account locks
    for (let i = 0; i < IP_LIMIT; i++) expect((await loginFrom(ip, `ghost_${i}`, WRONG)).status).toBe(401);
    const limited = await loginFrom(ip, username, TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect((await loginFrom('203.0.113.10', username, TEST_PASSWORD)).status).toBe(200);
    const rows = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.rate_limited'), eq(auditLog.ip, ip)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.result).toBe('denied');
    expect(rows[0]!.username).toBe(username);
    // 15 minutes later the address may try again
    await t.ctx.db.execute(sql`UPDATE login_failures SET at = now() - interval '16 minutes' WHERE ip = ${ip}`);
    expect((await loginFrom(ip, username, TEST_PASSWORD)).status).toBe(200);
  });

  it('never counts successful logins against an address (many workers share one NAT address)', async () => {
    const ip = '203.0.113.20';
    const username = await fresh();
    for (let i = 0; i < IP_LIMIT + 5; i++) expect((await loginFrom(ip, username, TEST_PASSWORD)).status).toBe(200);
  });
});
