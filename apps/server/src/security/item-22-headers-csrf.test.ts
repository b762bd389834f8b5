import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { districtByCode } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const filled = (r: RegisteredRoute) => r.url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*$/, 'x');
const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!, d.slice(1)]));
const cookieOf = (c: TestClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describe('security.md item 22: CSP without unsafe-inline scripts, X-Frame-Options DENY, HSTS behind HTTPS, CSRF token on every state change', () => {
  let t: TestApp;
  let proxied: TestApp;
  let sys: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    proxied = await createTestApp({ config: { trustProxy: true } });
    sys = await t.login('sysadmin');
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  it('sends the CSP, X-Frame-Options DENY and nosniff on every answer of every route (2xx and errors, API and site)', async () => {
    const bad: string[] = [];
    const routes = t.app.routeRegistry.filter((r) => r.method === 'GET');
    expect(routes.length).toBeGreaterThan(200);
    for (const url of [...routes.map(filled), '/', '/login', '/assets/none.js', '/api/no-such-route']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookieOf(sys) } });
      const csp = directives(String(res.headers['content-security-policy'] ?? ''));
      // attachments carry their own stricter CSP (default-src 'none'); everything else the site's
      const scripts = csp.get('script-src') ?? csp.get('default-src');
      const problems = [
        !scripts && 'no script-src/default-src',
        scripts?.some((s) => /unsafe-inline|unsafe-eval|\*|data:/.test(s)) && `script sources ${scripts.join(' ')}`,
        csp.get('frame-ancestors')?.join(' ') !== "'none'" && 'frame-ancestors',
        res.headers['x-frame-options'] !== 'DENY' && `x-frame-options ${String(res.headers['x-frame-options'])}`,
        res.headers['x-content-type-options'] !== 'nosniff' && 'nosniff',
      ].filter(Boolean);
      if (problems.length) bad.push(`${url} (${res.statusCode}): ${problems.join(', ')}`);
    }
    expect(bad).toEqual([]);
    const site = directives(String((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']));
    expect(site.get('script-src')).toEqual(["'self'"]);
    expect(site.get('object-src')).toEqual(["'none'"]);
    expect(site.get('default-src')).toEqual(["'self'"]);
  });

  it('sends HSTS only behind HTTPS at a trusted proxy, never on plain HTTP or a spoofed header', async () => {
    const https = await proxied.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    const hsts = String(https.headers['strict-transport-security']);
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
    expect(hsts).toContain('includeSubDomains');
    expect((await proxied.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    // without a trusted proxy the header is the client's word: no HSTS on plain HTTP
    expect((await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
  });

  it('answers 403 CSRF to every state-changing route called with the session cookie but without the token, or with a wrong one', async () => {
    const writes = t.app.routeRegistry.filter((r) => r.url.startsWith('/api/') && r.method !== 'GET' && r.permission !== 'public');
    expect(writes.length).toBeGreaterThan(200);
    const bad: string[] = [];
    for (const r of writes) {
      for (const token of [undefined, 'forged-token', `${sys.csrf!.slice(0, -1)}x`]) {
        const headers: Record<string, string> = { cookie: cookieOf(sys), 'content-type': 'application/json' };
        if (token) headers['x-csrf-token'] = token;
        const res = await t.app.inject({ method: r.method as Method, url: filled(r), headers, payload: '{}' });
        const code = (JSON.parse(res.body || '{}') as { code?: string }).code;
        if (res.statusCode !== 403 || code !== 'CSRF') bad.push(`${r.method} ${r.url} token=${String(token)}: ${res.statusCode} ${String(code)}`);
      }
    }
    expect(bad).toEqual([]);
    expect((await sys.get('/auth/me')).status).toBe(200);
  });

  it('lets the same write through with the token (the check is the token, not the route)', async () => {
    const district = await districtByCode(t, '330102');
    const without = await sys.post('/orgs', { parentId: district.id, name: 'CSRF测试街道总工会', kind: 'street' }, { csrf: false });
    expect(without.status).toBe(403);
    const withToken = await sys.post('/orgs', { parentId: district.id, name: 'CSRF测试街道总工会', kind: 'street' });
    expect(withToken.status).toBe(201);
    // the token is bound to the session: another session's token is refused
    const other = await t.login('secadmin');
    const crossed = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: cookieOf(sys), 'x-csrf-token': other.csrf!, 'content-type': 'application/json' }, payload: JSON.stringify({ parentId: district.id, name: '跨会话令牌', kind: 'street' }) });
    expect(crossed.statusCode).toBe(403);
  });
});
