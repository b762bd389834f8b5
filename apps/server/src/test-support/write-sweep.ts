import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';
import type { CrawlResult } from './route-crawl.js';
import { makeIdCard, makePhone } from './identity-numbers.js';

/** A JSON schema as the OpenAPI document gives it (the subset a body generator reads). */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
}

type OpenApi = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };

export interface SweptWrite {
  route: RegisteredRoute;
  url: string;
  body: unknown;
  status: number;
  answer: unknown;
  /** what `mark` answered just before the call (e.g. the last audit row id) */
  before: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Ids seen in crawled answers, by the field that held them (`memberId`, `orgId` …; list items under `id@/api/x`). */
export function harvestIds(crawl: CrawlResult): Map<string, string[]> {
  const pools = new Map<string, string[]>();
  const add = (k: string, v: string) => {
    const list = pools.get(k) ?? [];
    if (!list.includes(v) && list.length < 20) list.push(v);
    pools.set(k, list);
  };
  for (const a of crawl.answers.filter((x) => x.status === 200 && x.contentType.includes('json'))) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string' && UUID.test(x)) add(k === 'id' ? `id@${a.route.url}` : k, x);
        else walk(x);
      }
    };
    try {
      walk(JSON.parse(a.text));
    } catch {
      /* not JSON */
    }
  }
  return pools;
}

/** A plausible value for one body field, from its schema and name (ids from the demo data when the name says which). */
function generate(s: JsonSchema | undefined, key: string, pools: Map<string, string[]>, orgId: string, n: number): unknown {
  if (!s) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return generate(alt.find((x) => x.type !== 'null') ?? alt[0], key, pools, orgId, n);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => generate(x, key, pools, orgId, n) as object));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const k of s.required ?? []) out[k] = generate(s.properties?.[k], k, pools, orgId, n);
    return out;
  }
  if (type === 'array') return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => generate(s.items, key, pools, orgId, n));
  if (type === 'integer' || type === 'number') {
    if (/year/i.test(key)) return 2026;
    if (/month/i.test(key) && (s.maximum ?? 0) <= 12) return 11;
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    return s.maximum !== undefined && s.maximum < min ? s.maximum : Math.max(min, Math.min(s.maximum ?? 100, 100));
  }
  if (type === 'boolean') return true;
  if (s.format === 'uuid') {
    if (/orgId$|unitId$/i.test(key)) return pools.get(key)?.[0] ?? orgId;
    return pools.get(key)?.[0] ?? pools.get(key.replace(/Ids?$/, 'Id'))?.[0] ?? '00000000-0000-4000-8000-000000000000';
  }
  if (s.format === 'date') return '2026-12-01';
  if (s.format === 'date-time') return '2026-12-01T02:00:00.000Z';
  if (s.format === 'email') return 'sweep@example.com';
  if (/idCard/i.test(key)) return makeIdCard('330102', '19850315', 300 + n);
  if (/phone|mobile/i.test(key)) return makePhone('139', 30_000_000 + n);
  if (/bank/i.test(key)) return `62220210010${String(40_000_000 + n)}`;
  if (s.pattern && /\\d\{4\}-\\d\{2\}\$/.test(s.pattern) && !s.pattern.includes('-\\d{2}-')) return '2026-11';
  if (s.pattern && /\\d\{2\}:\\d\{2\}/.test(s.pattern)) return '09:30';
  const base = `自动测试${key}${n}`;
  const min = s.minLength ?? 1;
  const text = base.length >= min ? base : base + '内容'.repeat(Math.ceil((min - base.length) / 2));
  return s.maxLength !== undefined ? text.slice(0, Math.max(min, s.maxLength)) : text;
}

/** Concrete URLs for a write route: its params filled from the GET answers the crawl reached. */
function urlsFor(route: RegisteredRoute, crawl: CrawlResult, pools: Map<string, string[]>): string[] {
  if (!route.url.includes(':')) return [route.url];
  const segs = route.url.split('/');
  const lastParam = segs.reduce((m, s, i) => (s.startsWith(':') ? i : m), -1);
  // a GET route above this one that covers all its params and answered 200
  for (let k = segs.length; k > lastParam; k--) {
    const prefix = segs.slice(0, k).join('/');
    const hits = crawl.answers.filter((a) => a.status === 200 && a.route.url === prefix).map((a) => a.url);
    if (hits.length) return hits.slice(0, 2).map((u) => [u, ...segs.slice(k)].join('/'));
  }
  // else: ids of the list answering the path before the first param
  const first = segs.findIndex((s) => s.startsWith(':'));
  const list = pools.get(`id@${segs.slice(0, first).join('/')}`) ?? [];
  return list.slice(0, 2).map((id) => segs.map((s, i) => (i === first ? id : s.startsWith(':') ? '00000000-0000-4000-8000-000000000000' : s)).join('/'));
}

/** The JSON body schema of a route in the OpenAPI document, or null when it takes none / takes a file. */
function bodySchemaOf(doc: OpenApi, route: RegisteredRoute): JsonSchema | null | 'multipart' {
  const op = doc.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
  const content = op?.requestBody?.content;
  if (!content) return null;
  if (content['multipart/form-data']) return 'multipart';
  return content['application/json']?.schema ?? null;
}

/** The API's write routes (auth and multipart uploads left out). */
export const apiWriteRoutes = (t: TestApp): RegisteredRoute[] =>
  t.app.routeRegistry.filter((r) => WRITE.has(r.method) && r.url.startsWith('/api/') && !r.url.startsWith('/api/auth/') && !r.url.startsWith('/api/docs'));

/**
 * Calls every write route of the API as `c` with bodies generated from its OpenAPI schema and ids
 * from the crawl; `each` sees every call with what `mark` said before it. New routes join by themselves.
 */
export async function sweepWrites(
  t: TestApp,
  c: TestClient,
  crawl: CrawlResult,
  orgId: string,
  mark: () => Promise<number>,
  each: (w: SweptWrite) => Promise<void>,
  /** calls only the generated requests this accepts (all by default) */
  accept: (route: RegisteredRoute, body: unknown) => boolean = () => true,
): Promise<SweptWrite[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
  const pools = harvestIds(crawl);
  const done: SweptWrite[] = [];
  let n = 0;
  for (const route of apiWriteRoutes(t)) {
    const schema = bodySchemaOf(doc, route);
    if (schema === 'multipart') continue;
    for (const url of urlsFor(route, crawl, pools)) {
      const body = schema ? generate(schema, 'body', pools, orgId, ++n) : route.method === 'DELETE' ? undefined : {};
      if (!accept(route, body)) break;
      const before = await mark();
      const res = await c.req(route.method as 'POST', url, body as Record<string, unknown> | undefined);
      const w: SweptWrite = { route, url, body, status: res.status, answer: res.body, before };
      done.push(w);
      await each(w);
      if (res.status < 300) break;
    }
  }
  return done;
}
