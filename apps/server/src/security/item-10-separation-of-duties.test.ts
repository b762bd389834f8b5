import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { cityOrg, districtByCode, type OrgRef } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import { users } from '../platform/auth/auth.schema.js';
import { roles, userRoles } from '../platform/access/access.schema.js';

type Problem = { code?: string; errors?: { path: string; message: string }[] };

/** The SQLSTATE of a database error, whichever driver and wrapper raised it. */
function sqlState(e: unknown): string | undefined {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

describe('security.md item 10: 三权分立 — sys_admin, security_admin and audit_admin kept apart, also by the database', () => {
  let t: TestApp;
  let sys: TestClient;
  let sec: TestClient;
  let aud: TestClient;
  let city: OrgRef;
  let shangcheng: OrgRef;
  const idOf = async (username: string) => (await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  /** Calls each route with made-up ids and an empty body: the access guard must answer 403 before anything else. */
  const expectAllForbidden = async (c: TestClient, routes: RegisteredRoute[]) => {
    for (const r of routes) {
      const url = r.url.replace(/:[A-Za-z]+/g, shangcheng.id).replace(/\*$/, 'x');
      const res = await c.req(r.method as 'GET', url, ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined);
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
    }
  };
  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    sec = await t.login('secadmin');
    aud = await t.login('auditor');
    city = await cityOrg(t);
    shangcheng = await districtByCode(t, '330102');
  });
  afterAll(() => t.close());

  it('sys_admin cannot read the audit log', async () => {
    const r = await sys.get<Problem>('/audit');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('FORBIDDEN');
    expect((await sys.post('/audit/verify')).status).toBe(403);
  });

  it('sys_admin cannot grant platform roles, neither at creation, nor by editing, nor through the grant route', async () => {
    const r = await sys.post<Problem>('/users', { username: 'sod_new', name: '新账号', password: TEST_PASSWORD, orgId: city.id, roleCodes: ['audit_admin'] });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('SEPARATION_OF_DUTIES');
    expect(await t.ctx.db.select().from(users).where(eq(users.username, 'sod_new'))).toEqual([]);

    const ok = await sys.post<{ id: string }>('/users', { username: 'sod_plain', name: '普通账号', password: TEST_PASSWORD, orgId: city.id, roleCodes: [] });
    expect(ok.status).toBe(201);
    expect((await sys.patch<Problem>(`/users/${ok.body.id}`, { roleCodes: ['sys_admin'] })).body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await sys.put<Problem>(`/users/${ok.body.id}/platform-role`, { roleCode: 'audit_admin' })).status).toBe(403);
    const held = await t.ctx.db.select().from(userRoles).where(eq(userRoles.userId, ok.body.id));
    expect(held).toEqual([]);
  });

  it('security_admin cannot create users nor touch business data', async () => {
    expect((await sec.post('/users', { username: 'sod_sec', name: 'x', password: TEST_PASSWORD, orgId: city.id, roleCodes: [] })).status).toBe(403);
    expect((await sec.get('/orgs/tree')).status).toBe(403);
    expect((await sec.get('/orgs')).status).toBe(403);
    // the bare structure for defining custom scopes: names and kinds, no contacts
    const options = await sec.get<{ name: string; children: unknown[] }[]>('/roles/org-options');
    expect(options.status).toBe(200);
    expect(JSON.stringify(options.body)).not.toMatch(/contact/i);
    expect((await sec.get(`/orgs/${shangcheng.id}`)).status).toBe(403);
    expect((await sec.post('/orgs', { parentId: shangcheng.id, name: '安全员建的工会', kind: 'street' })).status).toBe(403);
    expect((await sec.patch(`/orgs/${shangcheng.id}`, { name: '改名' })).status).toBe(403);
    expect((await sec.get('/audit')).status).toBe(403);
  });

  it('security_admin grants exactly one platform role, replacing any previous one, and never its own', async () => {
    const id = await idOf('sod_plain');
    expect((await sec.put(`/users/${id}/platform-role`, { roleCode: 'sys_admin' })).status).toBe(200);
    const r = await sec.put<{ roles: { code: string }[] }>(`/users/${id}/platform-role`, { roleCode: 'audit_admin' });
    expect(r.status).toBe(200);
    expect(r.body.roles.map((x) => x.code)).toEqual(['audit_admin']);
    const c = t.client();
    expect((await c.login('sod_plain', TEST_PASSWORD)).status).toBe(200);
    expect((await c.get('/audit')).status).toBe(200);
    expect((await c.get('/users')).status).toBe(403);
    expect((await sec.put(`/users/${id}/platform-role`, { roleCode: null })).status).toBe(200);
    expect(await t.ctx.db.select().from(userRoles).where(eq(userRoles.userId, id))).toEqual([]);
    const self = await sec.put<Problem>(`/users/${await idOf('secadmin')}/platform-role`, { roleCode: 'sys_admin' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_CHANGE');
  });

  it('audit_admin can read and verify the audit log and nothing else', async () => {
    expect((await aud.get('/audit')).status).toBe(200);
    expect((await aud.post('/audit/verify')).status).toBe(200);
    const others = t.app.routeRegistry.filter((r) => r.url.startsWith('/api') && r.permission && !['public', 'authenticated'].includes(r.permission) && !r.permission.startsWith('audit:'));
    expect(others.length).toBeGreaterThan(10);
    await expectAllForbidden(aud, others);
  });

  it('security_admin is refused every route outside roles and platform grants (all business data, user creation), generated from the registry', async () => {
    const own = new Set(['system:role:list', 'system:role:manage', 'system:user:list', 'system:user:grant-platform']);
    const others = t.app.routeRegistry.filter((r) => r.url.startsWith('/api') && r.permission && !['public', 'authenticated'].includes(r.permission) && !own.has(r.permission));
    expect(others.some((r) => r.permission === 'system:user:create')).toBe(true);
    expect(others.length).toBeGreaterThan(100);
    await expectAllForbidden(sec, others);
  });

  it('sys_admin is refused every audit route and the platform-role grant, generated from the registry', async () => {
    const guarded = t.app.routeRegistry.filter((r) => r.permission?.startsWith('audit:') || r.permission === 'system:user:grant-platform' || r.permission === 'system:role:manage');
    expect(guarded.length).toBeGreaterThanOrEqual(3);
    await expectAllForbidden(sys, guarded);
  });

  it('the database refuses a second platform role for one account', async () => {
    const secId = await idOf('secadmin');
    const [auditRole] = await t.ctx.db.select().from(roles).where(eq(roles.code, 'audit_admin'));
    let err: unknown = null;
    try {
      await t.ctx.db.insert(userRoles).values({ userId: secId, roleId: auditRole!.id, roleKind: 'platform' });
    } catch (e) {
      err = e;
    }
    expect(sqlState(err)).toBe('23505');
    // nor can the kind be misstated to slip past the index: it is tied to the role by a foreign key
    err = null;
    try {
      await t.ctx.db.insert(userRoles).values({ userId: secId, roleId: auditRole!.id, roleKind: 'business' });
    } catch (e) {
      err = e;
    }
    expect(sqlState(err)).toBe('23503');
    expect((await t.ctx.db.select().from(userRoles).where(eq(userRoles.userId, secId))).length).toBe(1);
  });

  it('security_admin defines a custom-scope role that a sys_admin can grant and that limits what its holder sees', async () => {
    const r = await sec.post<{ id: string; kind: string; scope: string; scopeOrgIds: string[]; builtin: boolean }>('/roles', {
      code: 'shangcheng_viewer', name: '上城区查看员', scope: 'custom', permissions: ['org:unit:list'], scopeOrgIds: [shangcheng.id],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'business', scope: 'custom', scopeOrgIds: [shangcheng.id], builtin: false });
    const created = await sys.post('/users', { username: 'sod_viewer', name: '查看员', password: TEST_PASSWORD, orgId: city.id, roleCodes: ['shangcheng_viewer'] });
    expect(created.status).toBe(201);
    const v = t.client();
    await v.login('sod_viewer', TEST_PASSWORD);
    const tree = await v.get<{ id: string }[]>('/orgs/tree');
    expect(tree.body.map((n) => n.id)).toEqual([shangcheng.id]);
    expect((await v.get(`/orgs/${city.id}`)).status).toBe(404);
  });

  it('refuses platform codes (system:*, audit:*) in a custom role, and a custom scope without orgs', async () => {
    for (const code of ['system:user:list', 'system:role:manage', 'audit:log:list', 'system:user:grant-platform']) {
      const r = await sec.post<Problem>('/roles', { code: 'bad_role', name: '越权角色', scope: 'all', permissions: ['org:unit:list', code] });
      expect(r.status, code).toBe(422);
      expect(r.body.errors?.[0]?.path).toBe('permissions');
    }
    const id = (await t.ctx.db.select().from(roles).where(eq(roles.code, 'shangcheng_viewer')))[0]!.id;
    const p = await sec.patch<Problem>(`/roles/${id}`, { permissions: ['audit:log:verify'] });
    expect(p.status).toBe(422);
    const noOrgs = await sec.post<Problem>('/roles', { code: 'no_orgs', name: '无组织', scope: 'custom', permissions: ['org:unit:list'], scopeOrgIds: [] });
    expect(noOrgs.status).toBe(422);
    expect(noOrgs.body.errors?.[0]?.path).toBe('scopeOrgIds');
    expect(await t.ctx.db.select().from(roles).where(eq(roles.code, 'bad_role'))).toEqual([]);
  });

  it('refuses to edit or delete a built-in role (409)', async () => {
    for (const code of ['sys_admin', 'district_admin', 'member']) {
      const [role] = await t.ctx.db.select().from(roles).where(eq(roles.code, code));
      const p = await sec.patch<Problem>(`/roles/${role!.id}`, { name: '改个名字' });
      expect(p.status, code).toBe(409);
      expect(p.body.code).toBe('BUILTIN');
      expect((await sec.del(`/roles/${role!.id}`)).status, code).toBe(409);
      const [after] = await t.ctx.db.select().from(roles).where(eq(roles.code, code));
      expect(after!.name).toBe(role!.name);
    }
  });
});
