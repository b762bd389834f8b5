import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

/** One GET answer met while crawling the API. */
export interface CrawledAnswer {
  route: RegisteredRoute;
  url: string;
  status: number;
  contentType: string;
  cacheControl: string;
  text: string;
}

export interface CrawlResult {
  answers: CrawledAnswer[];
  /** GET routes with params for which no id from the demo data answered 200 */
  unreached: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/** The GET routes of the API, docs UI left out. */
export const apiGetRoutes = (t: TestApp): RegisteredRoute[] => t.app.routeRegistry.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !isDocs(r.url) && !r.url.includes('*'));

/** Every id-like value in a JSON answer (ids of the list items first, then nested ones). */
function idsIn(text: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  const top: string[] = [];
  const nested: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth));
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' && UUID.test(x) && (k === 'id' || k.endsWith('Id'))) (depth <= 2 && k === 'id' ? top : nested).push(x);
      else if (typeof x === 'number' && k === 'year') nested.push(String(x));
      else walk(x, depth + 1);
    }
  };
  walk(body, 0);
  return [...new Set([...top, ...nested])];
}

const FALLBACK: Record<string, string[]> = { year: ['2026', '2025'], kind: ['member', 'application'] };

/**
 * GETs every API route as `c`: routes without params as they are, routes with params filled with ids
 * taken from the answer of the route above them (`/x/:id` from `/x`, `/x/:id/y/:fileId` from `/x/<id>`).
 * New modules are crawled without anyone listing them.
 */
export async function crawlGets(t: TestApp, c: TestClient, opts: { perRoute?: number } = {}): Promise<CrawlResult> {
  const perRoute = opts.perRoute ?? 2;
  const answers: CrawledAnswer[] = [];
  const okTexts = new Map<string, string>();
  const get = async (route: RegisteredRoute, url: string): Promise<CrawledAnswer> => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const a: CrawledAnswer = { route, url, status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), cacheControl: String(res.headers['cache-control'] ?? ''), text: res.body };
    answers.push(a);
    if (a.status === 200) okTexts.set(url, a.text);
    return a;
  };
  const routes = apiGetRoutes(t);
  for (const r of routes.filter((x) => !x.url.includes(':'))) await get(r, r.url);
  const unreached: string[] = [];
  // shallow routes first so their answers feed the deeper ones
  const withParams = routes.filter((x) => x.url.includes(':')).sort((a, b) => a.url.split(':').length - b.url.split(':').length || a.url.length - b.url.length);
  for (const r of withParams) {
    const parts = r.url.split('/');
    let prefixes = [''];
    for (let i = 1; i < parts.length; i++) {
      const seg = parts[i]!;
      if (!seg.startsWith(':')) {
        prefixes = prefixes.map((p) => `${p}/${seg}`);
        continue;
      }
      const next: string[] = [];
      for (const p of prefixes) {
        // ids from the closest answered URL above: the list (/x) or the parent detail (/x/<id>)
        const above = [p, p.replace(/\/[^/]+$/, '')].map((u) => okTexts.get(u)).find((x) => x !== undefined);
        const candidates = above ? idsIn(above) : [];
        for (const v of [...candidates.slice(0, 6), ...(FALLBACK[seg.slice(1)] ?? [])]) next.push(`${p}/${encodeURIComponent(v)}`);
      }
      prefixes = next.slice(0, 12);
    }
    let hits = 0;
    for (const url of prefixes) {
      if (hits >= perRoute) break;
      if ((await get(r, url)).status === 200) hits++;
    }
    if (!hits) unreached.push(r.url);
  }
  return { answers, unreached };
}
