import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/test-app.js';
import { districtByCode, userClient, type OrgRef } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { sessions, users } from './auth.schema.js';
import { userRoles } from '../access/access.schema.js';
import { SessionCache } from './session-cache.js';
import { hashToken, type AuthContext } from './session.service.js';

const TTL_MS = 3000;
const NEW_PASSWORD = 'Fresh-pass-2027#q';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('session cache: a resolved session is reused for a few seconds, never past a change made here', () => {
  let t: TestApp;
  let sys: TestClient;
  let district: OrgRef;
  let serial = 0;
  const fresh = async (roleCodes = ['district_admin']) => {
    const username = `sc_user${++serial}`;
    const client = await userClient(t, sys, username, district.id, roleCodes);
    const [u] = await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return { username, id: u!.id, client };
  };
  const copyOf = (c: TestClient): TestClient => {
    const copy = t.client();
    copy.cookies = new Map(c.cookies);
    copy.csrf = c.csrf;
    return copy;
  };
  const sessionId = (c: TestClient) => hashToken(c.cookies.get('gh_sid')!);

  beforeAll(async () => {
    t = await createTestApp({ config: { sessionCacheMs: TTL_MS } });
    sys = await t.login('sysadmin');
    district = await districtByCode(t, '330102');
  });
  afterAll(() => t.close());

  it('ends a logged-out session at once, in every copy of its cookie', async () => {
    const { client } = await fresh();
    const copy = copyOf(client);
    expect((await copy.get('/members')).status).toBe(200);
    expect((await client.post('/auth/logout')).status).toBe(204);
    expect((await copy.get('/members')).status).toBe(401);
  });

  it('applies a role change to the next request of a session read a moment ago', async () => {
    const { id, client } = await fresh();
    expect((await client.get('/members')).status).toBe(200);
    expect((await sys.patch(`/users/${id}`, { roleCodes: ['member'] })).status).toBe(200);
    expect((await client.get('/members')).status).toBe(403);
  });

  it('applies a change of a role’s definition (its data scope) at once', async () => {
    const sec = await t.login('secadmin');
    const xihu = await districtByCode(t, '330106');
    const role = await sec.post<{ id: string }>('/roles', { code: 'sc_custom', name: '缓存测试范围', scope: 'custom', permissions: ['org:unit:list'], scopeOrgIds: [district.id] });
    expect(role.status).toBe(201);
    const { client } = await fresh(['sc_custom']);
    expect((await client.get(`/orgs/${district.id}`)).status).toBe(200);
    expect((await client.get(`/orgs/${xihu.id}`)).status).toBe(404);
    expect((await sec.patch(`/roles/${role.body.id}`, { scopeOrgIds: [xihu.id] })).status).toBe(200);
    expect((await client.get(`/orgs/${district.id}`)).status).toBe(404);
    expect((await client.get(`/orgs/${xihu.id}`)).status).toBe(200);
  });

  it('ends the other sessions of a user who changes the password at once', async () => {
    const { username, client: first } = await fresh();
    const second = t.client();
    expect((await second.login(username, TEST_PASSWORD)).status).toBe(200);
    expect((await second.get('/members')).status).toBe(200);
    expect((await first.post('/auth/password', { oldPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await second.get('/members')).status).toBe(401);
    expect((await first.get('/members')).status).toBe(200);
  });

  it('ends the sessions of a disabled account at once', async () => {
    const { id, client } = await fresh();
    expect((await client.get('/members')).status).toBe(200);
    expect((await sys.patch(`/users/${id}`, { status: 'disabled' })).status).toBe(200);
    expect((await client.get('/members')).status).toBe(401);
  });

  it('sees a change made outside this process (another server, straight SQL) within sessionCacheMs', async () => {
    const { id, client } = await fresh();
    const other = await fresh();
    expect((await client.get('/members')).status).toBe(200);
    expect((await other.client.get('/members')).status).toBe(200);
    const changedAt = Date.now();
    await t.ctx.db.delete(userRoles).where(eq(userRoles.userId, id));
    await t.ctx.db.delete(sessions).where(eq(sessions.id, sessionId(other.client)));
    // the window: until the entries expire, the cached answers stand (that is the documented staleness)
    if (Date.now() - changedAt < TTL_MS / 2) {
      expect((await client.get('/members')).status).toBe(200);
      expect((await other.client.get('/members')).status).toBe(200);
    }
    await sleep(TTL_MS + 100 - (Date.now() - changedAt));
    expect((await client.get('/members')).status).toBe(403);
    expect((await other.client.get('/members')).status).toBe(401);
  });

  it('never keeps a session past its idle deadline as the database reads it', async () => {
    const { client } = await fresh();
    // 1.5 s of idle time left: the cache may keep the session for 1.5 s, not 3
    await t.ctx.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - make_interval(mins => ${t.config.sessionIdleMinutes}) + interval '1.5 seconds'`, createdAt: sql`now() - make_interval(hours => ${t.config.sessionAbsoluteHours}) + interval '1.5 seconds'` })
      .where(eq(sessions.id, sessionId(client)));
    const readAt = Date.now();
    expect((await client.get('/members')).status).toBe(200);
    await sleep(Math.max(0, 1700 - (Date.now() - readAt)));
    // the absolute deadline has passed: read again from the database, the session is gone
    expect((await client.get('/members')).status).toBe(401);
  });
});

describe('SessionCache', () => {
  const auth = (sessionId: string): AuthContext => ({
    sessionId,
    csrfToken: 'x',
    stage: 'full',
    user: { id: 'u', username: 'u', name: 'u', orgId: 'o', orgName: 'o', memberId: null },
    grants: [],
    permissions: new Set(),
    scope: { all: false, subtreeRoots: ['o'], units: [], selfUserId: null, selfMemberId: null },
  });

  it('drops an entry at its deadline, refuses a read that overlapped a clear, and stays bounded', () => {
    const cache = new SessionCache(2000, 3);
    const now = Date.now();
    cache.set('a', auth('a'), now + 1000, cache.mark());
    expect(cache.get('a', now + 999)?.sessionId).toBe('a');
    expect(cache.get('a', now + 1000)).toBeNull();
    const mark = cache.mark();
    cache.clear();
    cache.set('b', auth('b'), now + 1000, mark);
    expect(cache.get('b', now)).toBeNull();
    for (const id of ['c', 'd', 'e', 'f']) cache.set(id, auth(id), now + 1000, cache.mark());
    expect(cache.size).toBe(3);
    expect(cache.get('c', now)).toBeNull();
    expect(Object.isFrozen(cache.get('f', now)!.scope)).toBe(true);
    const off = new SessionCache(0);
    off.set('a', auth('a'), now + 1000, off.mark());
    expect(off.get('a', now)).toBeNull();
  });
});
