import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import { apiGetRoutes, crawlGets, type CrawledAnswer } from '../test-support/route-crawl.js';
import { fullNumbersIn, storedSecrets, type SecretKind } from '../test-support/stored-secrets.js';

/** The demo accounts whose views are crawled: the city admin sees every org, the worker the member pages (/api/m). */
const CRAWLERS = ['city', 'worker'] as const;

describe('security.md item 14: masking is done by the server, full values only through the reveal endpoint', () => {
  let t: TestApp;
  let secrets: Map<string, { kind: SecretKind; where: string }>;
  let city: TestClient;
  const answers: CrawledAnswer[] = [];
  const unreached: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    secrets = await storedSecrets(t);
    for (const u of CRAWLERS) {
      const c = await demoClient(t, u);
      if (u === 'city') city = c;
      const r = await crawlGets(t, c);
      answers.push(...r.answers);
      unreached.push(...r.unreached.map((x) => `${u} ${x}`));
    }
  }, 300_000);
  afterAll(() => t.close());

  it('finds the encrypted personal numbers of the demo data in every table that holds them', () => {
    const kinds = new Set([...secrets.values()].map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['bank', 'idCard', 'phone']);
    expect(secrets.size).toBeGreaterThan(100);
  });

  it('crawls every GET route of the registry, reaching lists and details of every module', () => {
    const ok = answers.filter((a) => a.status === 200);
    const reached = new Set(ok.map((a) => a.route.url));
    const plain = apiGetRoutes(t).filter((r) => !r.url.includes(':'));
    expect(plain.length).toBeGreaterThan(50);
    // every route without params answers (200 or, for a role without the code, 403), never a server error
    expect(answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.url}`)).toEqual([]);
    expect(reached.size).toBeGreaterThan(plain.length);
    expect(unreached.length).toBeLessThan(answers.length);
  });

  it('never sends a full 身份证, mobile or bank number in any GET answer, for any module', () => {
    const leaks = answers.flatMap((a) => fullNumbersIn(a.text, secrets).map((n) => `${a.url}: ${secrets.get(n)?.where ?? 'pattern'} ${n.slice(0, 4)}…`));
    expect(leaks).toEqual([]);
  });

  it('shows the masked form where the demo data has the number', async () => {
    const members = answers.filter((a) => a.status === 200 && a.url === '/api/members');
    expect(members.length).toBe(1);
    const items = (JSON.parse(members[0]!.text) as { items: { idCard: string; phone: string | null }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const m of items) {
      expect(m.idCard).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      if (m.phone) expect(m.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
  });

  it('has no GET reveal route; the reveal endpoints are POSTs that need a reason and answer the full stored value', async () => {
    expect(apiGetRoutes(t).filter((r) => /reveal/i.test(r.url))).toEqual([]);
    const reveals = t.app.routeRegistry.filter((r) => /\/reveal$/.test(r.url));
    expect(reveals.map((r) => r.method)).toEqual(reveals.map(() => 'POST'));
    expect(reveals.length).toBeGreaterThan(0);
    for (const r of reveals) {
      const list = answers.find((a) => a.status === 200 && a.url === r.url.replace(/\/:id\/reveal$/, ''));
      expect(list, `a list for ${r.url}`).toBeDefined();
      const id = (JSON.parse(list!.text) as { items: { id: string }[] }).items[0]!.id;
      const url = r.url.replace(':id', id);
      const noReason = await city.post<{ value?: string }>(url, { field: 'idCard' });
      expect(noReason.status).toBe(422);
      expect(noReason.body.value).toBeUndefined();
      const shown = await city.post<{ value: string }>(url, { field: 'idCard', reason: '核实身份办理补助' });
      expect(shown.status).toBe(200);
      expect(secrets.get(shown.body.value)?.kind).toBe('idCard');
    }
  });
});
