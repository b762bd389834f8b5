import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { districtByCode, type OrgRef } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { queryRows } from '../platform/db/db-connection.js';
import { auditLog } from '../platform/audit/audit.schema.js';

type Problem = { type: string; title: string; status: number; detail: string; code?: string; errors?: { path: string; message: string }[] };
const CHINESE = /[\u4e00-\u9fff]/;
const STACK = /(\bat\s+\S+\s+\(|\.ts:\d+|\.js:\d+|node_modules|"stack")/;

describe('security.md item 19: bodies, queries and params parsed by their schema (422 per field, 400, 413), unknown fields dropped; HTTP hygiene', () => {
  let t: TestApp;
  let sys: TestClient;
  let district: OrgRef;
  const errorBodies: string[] = [];
  /** a raw request carrying the client's session and CSRF token */
  const raw = async (c: TestClient | null, method: 'GET' | 'POST', url: string, payload?: string, contentType = 'application/json') => {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (c) {
      headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (c.csrf) headers['x-csrf-token'] = c.csrf;
    }
    const res = await t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    if (res.statusCode >= 400) errorBodies.push(res.body);
    return res;
  };
  const problemOf = (body: string) => JSON.parse(body) as Problem;
  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    district = await districtByCode(t, '330102');
  });
  afterAll(() => t.close());

  it('answers 413 problem+json to a JSON body over 1 MB', async () => {
    const big = JSON.stringify({ parentId: district.id, kind: 'street', name: 'x'.repeat(1024 * 1024 + 10) });
    for (const [c, url] of [[sys, '/api/orgs'], [null, '/api/auth/login']] as const) {
      const res = await raw(c, 'POST', url, big);
      expect(res.statusCode, url).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problemOf(res.body)).toMatchObject({ status: 413, code: 'TOO_LARGE' });
      expect(problemOf(res.body).detail).toMatch(CHINESE);
    }
  });

  it('answers 400 problem+json in Chinese to malformed JSON', async () => {
    for (const [c, url] of [[null, '/api/auth/login'], [sys, '/api/orgs']] as const) {
      const res = await raw(c, 'POST', url, '{"username": "sysadmin", ');
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const p = problemOf(res.body);
      expect(p.status).toBe(400);
      expect(p.title).toMatch(CHINESE);
      expect(p.detail).toMatch(CHINESE);
    }
  });

  it('answers 422 with errors naming each field', async () => {
    const r = await sys.post<Problem>('/orgs', { parentId: 'not-a-uuid', name: '', kind: 'castle' });
    errorBodies.push(JSON.stringify(r.body));
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const paths = r.body.errors!.map((e) => e.path).sort();
    expect(paths).toEqual(['kind', 'name', 'parentId']);
    expect(r.body.errors!.every((e) => CHINESE.test(e.message))).toBe(true);
    const missing = await sys.post<Problem>('/orgs', { parentId: district.id, kind: 'street' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors!.map((e) => e.path)).toEqual(['name']);
    const query = await sys.get<Problem>('/orgs?pageSize=100000');
    expect(query.status).toBe(422);
    expect(query.body.errors!.map((e) => e.path)).toEqual(['pageSize']);
    const param = await sys.get<Problem>('/orgs/12345');
    expect(param.status).toBe(422);
    expect(param.body.errors!.map((e) => e.path)).toEqual(['id']);
    errorBodies.push(JSON.stringify(missing.body), JSON.stringify(query.body), JSON.stringify(param.body));
  });

  it('drops unknown body fields instead of storing them', async () => {
    const r = await sys.post<Record<string, unknown>>('/orgs', { parentId: district.id, name: '多余字段街道总工会', kind: 'street', evil: 1, status: 'dissolved', createdBy: district.id });
    expect(r.status).toBe(201);
    expect(r.body).not.toHaveProperty('evil');
    expect(r.body.status).toBe('active');
    const [row] = await queryRows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM orgs WHERE id = ${String(r.body.id)}`);
    expect(row).not.toHaveProperty('evil');
    expect(row!.status).toBe('active');
    expect(row!.created_by).not.toBe(district.id);
    const [audit] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.objectId, String(r.body.id)));
    expect(audit!.detail).not.toContain('evil');
  });

  it('sends the security headers on the site root and on the API', async () => {
    for (const url of ['/', '/api/health', '/api/orgs']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
      expect(scriptSrc, url).toBeDefined();
      expect(scriptSrc).not.toContain('unsafe-inline');
      expect(scriptSrc).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('forbids caching of API answers that may carry personal data', async () => {
    const me = await sys.get('/auth/me');
    expect(me.status).toBe(200);
    expect(String(me.headers['cache-control'])).toContain('no-store');
    expect(String((await sys.get('/orgs')).headers['cache-control'])).toContain('no-store');
  });

  it('serves an OpenAPI 3 document listing /api/orgs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths['/api/orgs']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths).toHaveProperty('/api/orgs/{id}');
  });

  it('answers an unknown /api route with 401 to the anonymous and 404 to a logged-in caller', async () => {
    const anon = await raw(null, 'GET', '/api/no-such-thing');
    expect(anon.statusCode).toBe(401);
    const known = await raw(sys, 'GET', '/api/no-such-thing');
    expect(known.statusCode).toBe(404);
    expect(known.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problemOf(known.body).detail).toMatch(CHINESE);
    expect((await raw(sys, 'POST', '/api/no-such-thing', '{}')).statusCode).toBe(404);
  });

  it('never puts a stack trace or a source path in an error body', async () => {
    expect(errorBodies.length).toBeGreaterThan(8);
    for (const body of errorBodies) expect(body).not.toMatch(STACK);
  });
});
