import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import { crawlGets, type CrawledAnswer } from '../test-support/route-crawl.js';
import { allColumns } from '../test-support/stored-secrets.js';
import { sampleOf, type SchemaNode } from '../test-support/json-schema-sample.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import { queryRows } from '../platform/db/db-connection.js';

const MARKER = 'gh-unknown-field-marker-19';
const UNKNOWN_KEY = 'ghUnknownField19';
type Operation = { parameters?: { name: string; in: string; schema?: SchemaNode }[]; requestBody?: { content?: Record<string, { schema?: SchemaNode }> } };
type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };
const opOf = (doc: OpenApiDoc, r: RegisteredRoute): Operation | undefined => doc.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()];
const isApi = (r: RegisteredRoute) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json';

interface Sent {
  route: string;
  url: string;
  status: number;
}

describe('security.md item 19: every body, query and param parsed by its contract schema; unknown fields never stored', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let city: TestClient;
  const sent: Sent[] = [];

  /** the URL of a route with its params taken from a crawled GET answer above it, if any */
  const urlFor = (r: RegisteredRoute, answers: CrawledAnswer[]): string | undefined => {
    if (!r.url.includes(':')) return r.url;
    const segs = r.url.split('/');
    for (let n = segs.length; n > 1; n--) {
      const prefix = segs.slice(0, n).join('/');
      const rest = segs.slice(n);
      if (rest.some((s) => s.startsWith(':'))) continue;
      const hit = answers.find((a) => a.status === 200 && a.route.url === prefix);
      if (hit) return [hit.url, ...rest].join('/');
    }
    return undefined;
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as OpenApiDoc;
    city = await demoClient(t, 'city');
    const worker = await demoClient(t, 'worker');
    const actors: [TestClient, CrawledAnswer[]][] = [
      [city, (await crawlGets(t, city, { perRoute: 1 })).answers],
      [worker, (await crawlGets(t, worker, { perRoute: 1 })).answers],
    ];
    const uuid = (await city.get<{ user: { orgId: string } }>('/auth/me')).body.user.orgId;
    const writes = t.app.routeRegistry.filter((r) => isApi(r) && ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.url.startsWith('/api/auth/') && !r.url.startsWith('/api/public/'));
    for (const r of writes) {
      const [c, answers] = actors[r.url.startsWith('/api/m/') ? 1 : 0]!;
      const url = urlFor(r, answers);
      if (!url) continue;
      const schema = opOf(doc, r)?.requestBody?.content?.['application/json']?.schema;
      const body = { ...((sampleOf(schema, { uuid }) as Record<string, unknown> | null) ?? {}), [UNKNOWN_KEY]: MARKER };
      const res = await c.req(r.method as 'POST', url, body);
      sent.push({ route: `${r.method} ${r.url}`, url, status: res.status });
    }
  }, 300_000);
  afterAll(() => t.close());

  it('declares every path param of every route in its schema (OpenAPI), and a body schema on writes that read one', () => {
    const missing: string[] = [];
    for (const r of t.app.routeRegistry.filter(isApi)) {
      const op = opOf(doc, r);
      if (!op) {
        missing.push(`${r.method} ${r.url}: not in the OpenAPI document`);
        continue;
      }
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      for (const p of r.url.match(/:[A-Za-z]+/g) ?? []) if (!declared.includes(p.slice(1))) missing.push(`${r.method} ${r.url}: ${p}`);
    }
    expect(missing).toEqual([]);
  });

  it('sent a write with an unknown field to every write route reachable with the demo data, and none failed with 5xx', () => {
    expect(sent.length).toBeGreaterThan(150);
    expect(sent.filter((s) => s.status >= 500).map((s) => `${s.status} ${s.url}`)).toEqual([]);
    // a good share was stored: the unknown field rode along with valid data
    expect(sent.filter((s) => s.status >= 200 && s.status < 300).length).toBeGreaterThan(20);
  });

  it('stored the unknown field nowhere: no column of any table (audit log included) holds it', async () => {
    const found: string[] = [];
    for (const c of (await allColumns(t)).filter((x) => /text|character|json/.test(x.type))) {
      const rows = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(c.table)} WHERE ${sql.identifier(c.column)}::text LIKE ${`%${MARKER}%`} OR ${sql.identifier(c.column)}::text LIKE ${`%${UNKNOWN_KEY}%`}`);
      if (rows[0]!.n > 0) found.push(`${c.table}.${c.column}: ${rows[0]!.n}`);
    }
    expect(found).toEqual([]);
  });

  it('answers 422 naming the field to a malformed query (page=abc) and a malformed uuid param, on every route that has them', async () => {
    const bad: string[] = [];
    let checked = 0;
    for (const r of t.app.routeRegistry.filter((x) => isApi(x) && x.method === 'GET')) {
      const op = opOf(doc, r);
      const params = op?.parameters ?? [];
      const uuidParam = params.find((p) => p.in === 'path' && p.schema?.format === 'uuid');
      const hasPage = params.some((p) => p.in === 'query' && p.name === 'page');
      if (!uuidParam && !hasPage) continue;
      const url = uuidParam ? r.url.replace(`:${uuidParam.name}`, 'not-a-uuid').replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000') : `${r.url}?page=abc`;
      const res = await city.req<{ errors?: { path: string }[] }>('GET', url);
      if (res.status === 403) continue;
      checked++;
      const path = uuidParam ? uuidParam.name : 'page';
      if (res.status !== 422 || !(res.body.errors ?? []).some((e) => e.path === path)) bad.push(`${r.url}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });

  it('rejects a body that is not an object where an object is expected (422 or 400), never 5xx', async () => {
    for (const url of ['/members', '/orgs', '/members/search']) {
      for (const payload of [[], 'text', 42]) {
        const res = await t.app.inject({ method: 'POST', url: `/api${url}`, headers: { 'content-type': 'application/json', cookie: [...city.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': city.csrf! }, payload: JSON.stringify(payload) });
        expect([400, 422], `${url} ${JSON.stringify(payload)}`).toContain(res.statusCode);
      }
    }
  });
});
