import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import { crawlGets, type CrawledAnswer } from '../test-support/route-crawl.js';
import { loggerOptions } from '../platform/http/logger.js';

const WEB_API = join(dirname(fileURLToPath(import.meta.url)), '../../../web/src/api');

/** Names a URL param or query field would have if it carried a 身份证, phone or bank number. */
const PERSONAL_NAME = /id.?card|id.?no\b|identity|phone|mobile|bank|account.?(no|number)|sfz|shenfen/i;

interface OpenApiParam {
  name: string;
  in: string;
}
type OpenApiDoc = { paths: Record<string, Record<string, { parameters?: OpenApiParam[] }>> };

describe('security.md item 18: answers with personal data send Cache-Control: no-store; no personal data in URLs', () => {
  let t: TestApp;
  const answers: CrawledAnswer[] = [];
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    for (const u of ['city', 'worker']) answers.push(...(await crawlGets(t, await demoClient(t, u), { perRoute: 1 })).answers);
  }, 300_000);
  afterAll(() => t.close());

  it('sends Cache-Control: no-store on every API answer of every GET route, JSON or file, 2xx or error', () => {
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(200);
    const cached = answers.filter((a) => !/\bno-store\b/.test(a.cacheControl)).map((a) => `${a.status} ${a.url}: ${a.cacheControl || '(none)'}`);
    expect(cached).toEqual([]);
    const files = answers.filter((a) => a.status === 200 && !a.contentType.startsWith('application/json'));
    expect(files.length).toBeGreaterThan(0);
  });

  it('sends no-store on the answers of writes and on the anonymous 401 too', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/members' });
    expect(anon.statusCode).toBe(401);
    expect(String(anon.headers['cache-control'])).toContain('no-store');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'city', password: 'wrong-password' } });
    expect(String(login.headers['cache-control'])).toContain('no-store');
  });

  it('has no route param named after a 身份证, phone or bank number', () => {
    const params = t.app.routeRegistry.flatMap((r) => (r.url.match(/:[A-Za-z]+/g) ?? []).map((p) => `${r.method} ${r.url} ${p}`));
    expect(params.length).toBeGreaterThan(50);
    expect(params.filter((p) => PERSONAL_NAME.test(p.split(' ')[2]!))).toEqual([]);
  });

  it('has no query or path parameter in the OpenAPI document named after a 身份证, phone or bank number', async () => {
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as OpenApiDoc;
    const all = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).flatMap(([method, op]) => (op.parameters ?? []).map((p) => ({ at: `${method.toUpperCase()} ${path}`, ...p }))));
    expect(all.filter((p) => p.in === 'query').length).toBeGreaterThan(50);
    expect(all.filter((p) => (p.in === 'query' || p.in === 'path') && PERSONAL_NAME.test(p.name)).map((p) => `${p.at} ${p.in} ${p.name}`)).toEqual([]);
  });

  it('searches members by 身份证 or phone in a POST body; the contract\'s GET still answers, and no log keeps its query string', async () => {
    const city = await demoClient(t, 'city');
    const first = (await city.get<{ items: { id: string; orgId: string }[] }>('/members?pageSize=1')).body.items[0]!;
    const idCard = (await city.post<{ value: string }>(`/members/${first.id}/reveal`, { field: 'idCard', reason: '核对检索方式' })).body.value;
    const inBody = await city.post<{ items: { id: string }[] }>('/members/search', { q: idCard });
    expect(inBody.status).toBe(200);
    expect(inBody.body.items.map((m) => m.id)).toEqual([first.id]);
    // api-contract.md keeps `GET /members?q=<身份证>` for outside callers: it answers the same
    const inUrl = await city.get<{ items: { id: string }[] }>(`/members?q=${idCard}`);
    expect(inUrl.body.items.map((m) => m.id)).toEqual([first.id]);
    // … but the request log records the path only
    const serializers = (loggerOptions('info') as { serializers: { req: (r: { method: string; url: string }) => { url: string } } }).serializers;
    expect(serializers.req({ method: 'GET', url: `/api/members?q=${idCard}` }).url).toBe('/api/members');
    // and the platform's own screens search by POST
    const webApi = readFileSync(join(WEB_API, 'member.api.ts'), 'utf8');
    expect(webApi).toMatch(/list: .*api\.post<.+>\('\/members\/search'/);
    expect(webApi).not.toMatch(/api\.get<.+>\('\/members'[,)]/);
  });

  it('never puts a full 身份证 or phone number into a URL it hands out (links in answers)', () => {
    const links = answers.flatMap((a) => a.text.match(/"(\/api\/[^"]+|https?:\/\/[^"]+)"/g) ?? []);
    expect(links.filter((l) => /(?<![0-9])(\d{17}[\dX]|1[3-9]\d{9})(?![0-9])/.test(l))).toEqual([]);
  });
});
