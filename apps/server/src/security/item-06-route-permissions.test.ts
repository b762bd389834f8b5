import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSION_CODES } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** The routes anyone may call without logging in (security.md 6: they declare `public`). */
const EXPECTED_PUBLIC = [
  'GET /api/health',
  'GET /api/system/info',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  // the 公示 page: masked names and amounts, and objections (rate-limited per address)
  'GET /api/public/publicity',
  'POST /api/public/publicity/:id/objections',
  // 工会新闻: published public articles only (unpublished ones answer 404), their covers
  'GET /api/public/news',
  'GET /api/public/news/:id',
  'GET /api/public/news/:id/cover/:fileId',
  'GET /api/public/proposal-results',
  // 满意不满意测评 by one-time code (the code in the body; wrong codes rate-limited per address and code prefix)
  'POST /api/public/ratings/code',
  'POST /api/public/ratings/submit',
  // 联席会议 yearly report: meetings, topics, commitments and their state (no personal data), and its PDF
  'GET /api/public/joint-meetings/:year',
  'GET /api/public/joint-meetings/:year/report.pdf',
];
const isDocsUi = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

describe('security.md item 6: every route declares a permission code (public routes declare `public`)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has no /api route without a permission code', () => {
    const missing = t.app.routeRegistry.filter((r) => r.url.startsWith('/api') && !r.permission).map((r) => `${r.method} ${r.url}`);
    if (missing.length) console.error(`routes without a permission:\n  ${missing.join('\n  ')}`);
    expect(missing).toEqual([]);
  });

  it('registers a substantial API, each route once', () => {
    const api = t.app.routeRegistry.filter((r) => r.url.startsWith('/api') && !isDocsUi(r.url));
    expect(api.length).toBeGreaterThanOrEqual(20);
    const keys = t.app.routeRegistry.map((r) => `${r.method} ${r.url}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('declares only known codes, public or authenticated', () => {
    const allowed = new Set<string>([...ALL_PERMISSION_CODES, 'public', 'authenticated']);
    const unknown = t.app.routeRegistry.filter((r) => r.permission && !allowed.has(r.permission)).map((r) => `${r.method} ${r.url}: ${r.permission}`);
    expect(unknown).toEqual([]);
  });

  it('has exactly the expected small set of public routes outside the docs UI', () => {
    const others = t.app.routeRegistry.filter((r) => r.permission === 'public' && !isDocsUi(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(others.sort()).toEqual([...EXPECTED_PUBLIC].sort());
  });

  it('registers the docs UI routes under /api/docs as public GET routes', () => {
    const docs = t.app.routeRegistry.filter((r) => isDocsUi(r.url));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.filter((r) => r.method !== 'GET' || r.permission !== 'public').map((r) => `${r.method} ${r.url}: ${String(r.permission)}`)).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every non-public route', async () => {
    const guarded = t.app.routeRegistry.filter((r) => r.url.startsWith('/api') && r.permission !== undefined && r.permission !== 'public');
    expect(guarded.length).toBeGreaterThan(0);
    for (const r of guarded) {
      const url = r.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ method: r.method as 'GET', url, ...(r.method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('lets anonymous callers reach the public routes', async () => {
    for (const key of ['GET /api/health', 'GET /api/system/info', 'GET /api/openapi.json', 'GET /api/public/publicity']) {
      const url = key.split(' ')[1]!;
      expect((await t.app.inject({ method: 'GET', url })).statusCode, key).toBe(200);
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(docs.statusCode);
  });
});
