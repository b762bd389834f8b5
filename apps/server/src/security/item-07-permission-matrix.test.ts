import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES, type BuiltinRoleDefinition } from '@gonghui/contracts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { cityOrg } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every route guarded by a permission code: new module routes join the matrix by themselves. */
const codeRoutes = (t: TestApp): RegisteredRoute[] =>
  t.app.routeRegistry.filter((r) => r.url.startsWith('/api') && r.permission !== undefined && r.permission !== 'public' && r.permission !== 'authenticated');

const isDocsUi = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/** Routes any logged-in account may call (their data is the caller's own); logout is called last, on its own. */
const authenticatedRoutes = (t: TestApp): RegisteredRoute[] => t.app.routeRegistry.filter((r) => r.permission === 'authenticated' && r.url !== '/api/auth/logout');

/** Calls a route with made-up params and an empty body; the access guard answers before validation. */
async function call(c: TestClient, r: RegisteredRoute): Promise<{ status: number; code: unknown }> {
  const url = r.url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*$/, 'x');
  const method = r.method as Method;
  const res = await c.req<{ code?: unknown }>(method, url, ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);
  return { status: res.status, code: res.body?.code };
}

/** A fresh account holding exactly one built-in role, granted the way the platform grants it. */
async function clientWithRole(t: TestApp, sys: TestClient, sec: TestClient, role: BuiltinRoleDefinition, cityId: string): Promise<TestClient> {
  const username = `matrix_${role.code}`;
  const created = await sys.post<{ id: string }>('/users', { username, name: role.name, password: TEST_PASSWORD, orgId: cityId, roleCodes: role.kind === 'business' ? [role.code] : [] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (role.kind === 'platform') {
    const g = await sec.put(`/users/${created.body.id}/platform-role`, { roleCode: role.code });
    expect(g.status, JSON.stringify(g.body)).toBe(200);
  }
  const c = t.client();
  const l = await c.login(username, TEST_PASSWORD);
  expect(l.status, JSON.stringify(l.body)).toBe(200);
  return c;
}

describe('security.md item 7: generated permission matrix, built-in role × endpoint → 2xx/403', () => {
  let t: TestApp;
  let sys: TestClient;
  let sec: TestClient;
  let cityId: string;
  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    sec = await t.login('secadmin');
    cityId = (await cityOrg(t)).id;
  });
  afterAll(() => t.close());

  it('has routes guarded by codes to check, and every role is let through somewhere', () => {
    const routes = codeRoutes(t);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const role of BUILTIN_ROLES) expect(routes.some((r) => role.permissions.includes(r.permission as (typeof role.permissions)[number])), role.code).toBe(true);
  });

  it('covers every route of the registry: coded routes in the matrix, the rest public or for any logged-in account', () => {
    const api = t.app.routeRegistry.filter((r) => r.url.startsWith('/api') && !isDocsUi(r.url));
    const inMatrix = new Set(codeRoutes(t));
    const outside = api.filter((r) => !inMatrix.has(r) && r.permission !== 'public' && r.permission !== 'authenticated').map((r) => `${r.method} ${r.url}: ${String(r.permission)}`);
    expect(outside).toEqual([]);
    expect(inMatrix.size + api.filter((r) => r.permission === 'public' || r.permission === 'authenticated').length).toBe(api.length);
  });

  it('gives the member role every mobile (/api/m, /api/my) route and nothing of the staff lists', () => {
    const member = BUILTIN_ROLES.find((r) => r.code === 'member')!;
    const held = new Set<string>(member.permissions);
    const mobile = codeRoutes(t).filter((r) => r.url.startsWith('/api/m/') || r.url.startsWith('/api/my/'));
    expect(mobile.length).toBeGreaterThanOrEqual(10);
    expect(mobile.filter((r) => !held.has(r.permission!)).map((r) => `${r.method} ${r.url}: ${String(r.permission)}`)).toEqual([]);
    // a member's codes are self-service codes (…:self, …:apply, …:read): never a staff list, approval or export
    expect(member.permissions.filter((p) => /:(list|approve|export|manage|review)$/.test(p))).toEqual([]);
  });

  it.each(BUILTIN_ROLES.map((r) => [r.code, r] as const))('%s: 403 without the code, let through with it', async (_code, role) => {
    const c = await clientWithRole(t, sys, sec, role, cityId);
    const me = await c.get<{ user: { roles: string[]; permissions: string[] } }>('/auth/me');
    expect(me.body.user.roles).toEqual([role.code]);
    expect(me.body.user.permissions).toEqual([...role.permissions].sort());

    const mismatches: string[] = [];
    for (const r of codeRoutes(t)) {
      const holds = role.permissions.includes(r.permission as (typeof role.permissions)[number]);
      const { status, code } = await call(c, r);
      const ok = holds ? status !== 401 && status !== 403 && status < 500 : status === 403 && code === 'FORBIDDEN';
      if (!ok) mismatches.push(`${r.method} ${r.url} [${r.permission}] expected ${holds ? 'let through' : '403'}, got ${status} ${String(code)}`);
    }
    // routes for any logged-in account never answer 403 FORBIDDEN (nor 401) to any role
    for (const r of authenticatedRoutes(t)) {
      const { status, code } = await call(c, r);
      if (status === 401 || code === 'FORBIDDEN' || status >= 500) mismatches.push(`${r.method} ${r.url} [authenticated] expected let through, got ${status} ${String(code)}`);
    }
    expect(mismatches).toEqual([]);
    // the session survived the whole run
    expect((await c.get('/auth/me')).status).toBe(200);
  });

  it('fails closed: an account with no role gets 403 on every coded route', async () => {
    const created = await sys.post('/users', { username: 'matrix_none', name: '无角色', password: TEST_PASSWORD, orgId: cityId, roleCodes: [] });
    expect(created.status).toBe(201);
    const c = t.client();
    expect((await c.login('matrix_none', TEST_PASSWORD)).status).toBe(200);
    for (const r of codeRoutes(t)) expect((await call(c, r)).status, `${r.method} ${r.url}`).toBe(403);
    expect((await c.get('/auth/me')).status).toBe(200);
    const out = await c.post('/auth/logout');
    expect(out.status).toBeLessThan(300);
    expect((await c.get('/auth/me')).status).toBe(401);
  });

  it('audits each denial of the matrix as access.denied', async () => {
    const denials = await t.ctx.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, 'access.denied') });
    const expected = BUILTIN_ROLES.reduce((n, role) => n + codeRoutes(t).filter((r) => !role.permissions.includes(r.permission as (typeof role.permissions)[number])).length, 0) + codeRoutes(t).length;
    expect(denials.length).toBeGreaterThanOrEqual(expected);
  });
});
