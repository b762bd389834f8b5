import { existsSync, readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import { crawlGets, type CrawledAnswer } from '../test-support/route-crawl.js';
import { exeFile, htmlFile, pdfFile, pngFile } from '../test-support/evidence-files.js';
import { rawRequest, uploadFile, type RawResponse, type UploadFile } from '../test-support/multipart-upload.js';
import * as contracts from '@gonghui/contracts';
import { queryRows } from '../platform/db/db-connection.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';

const LIMIT = 256 * 1024;
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
/** files that must never be stored, whatever their name says */
const EVIL: UploadFile[] = [
  { filename: 'photo.png', content: exeFile(), contentType: 'image/png' },
  { filename: 'scan.pdf', content: htmlFile(), contentType: 'application/pdf' },
  { filename: 'eicar.png', content: Buffer.from(EICAR), contentType: 'image/png' },
  { filename: 'run.jpg', content: Buffer.from('#!/bin/sh\nrm -rf /\n'), contentType: 'image/jpeg' },
  { filename: 'x.svg.png', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), contentType: 'image/png' },
];

interface UploadRoute {
  route: RegisteredRoute;
  url: string;
  client: TestClient;
  /** the attachment type the host takes (its contract's *_TYPES list), when it asks for one */
  type?: string;
}

/** every attachment type any host declares, from the contracts' *_TYPES lists */
const CANDIDATE_TYPES = [...new Set(Object.entries(contracts).flatMap(([k, v]) => (/_TYPES$/.test(k) && Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : [])))];
const fields = (at: UploadRoute): Record<string, string> => (at.type ? { type: at.type } : {});
const problemPaths = (r: RawResponse): string[] => {
  try {
    return (r.json<{ errors?: { path: string }[] }>().errors ?? []).map((e) => e.path);
  } catch {
    return [];
  }
};

const fileCount = async (t: TestApp) => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM stored_files`))[0]!.n;

describe('security.md item 20: uploads size-limited, typed by magic bytes, stored under random ids outside the web root, served as attachment/nosniff', () => {
  let t: TestApp;
  const routes: UploadRoute[] = [];
  const accepted: { at: UploadRoute; res: RawResponse; name: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ demo: true, config: { uploadLimitBytes: LIMIT } });
    const staff = await demoClient(t, 'city');
    const worker = await demoClient(t, 'worker');
    const crawls: [TestClient, CrawledAnswer[]][] = [[staff, (await crawlGets(t, staff, { perRoute: 1 })).answers], [worker, (await crawlGets(t, worker, { perRoute: 1 })).answers]];
    // an upload route is a POST whose sibling GET <url>/:fileId serves the stored file
    const gets = new Set(t.app.routeRegistry.filter((r) => r.method === 'GET').map((r) => r.url));
    for (const r of t.app.routeRegistry.filter((x) => x.method === 'POST' && gets.has(`${x.url}/:fileId`))) {
      const [client, answers] = crawls[r.url.startsWith('/api/m/') ? 1 : 0]!;
      const parent = r.url.replace(/\/[^/:]+$/, '');
      const hit = answers.find((a) => a.status === 200 && a.route.url === parent);
      if (!hit) continue;
      const at: UploadRoute = { route: r, url: `${hit.url}/${r.url.split('/').pop()}`, client };
      // the type field goes first, so a wrong type is refused before any file is read
      for (const type of [undefined, ...CANDIDATE_TYPES]) {
        const probe = await uploadFile(t, client, at.url, { filename: 'probe.png', content: pngFile() }, type ? { type } : {});
        if (!problemPaths(probe).includes('type')) {
          at.type = type;
          break;
        }
      }
      routes.push(at);
    }
  }, 300_000);
  afterAll(() => t.close());

  it('finds the upload routes of every module in the registry', () => {
    const all = t.app.routeRegistry.filter((x) => x.method === 'POST' && t.app.routeRegistry.some((g) => g.method === 'GET' && g.url === `${x.url}/:fileId`));
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  it('refuses a program, a web page, EICAR, a shell script and an SVG script named as images or PDF, on every upload route, storing nothing', async () => {
    const before = await fileCount(t);
    const stored: string[] = [];
    for (const at of routes) {
      for (const f of EVIL) {
        const res = await uploadFile(t, at.client, at.url, f, fields(at));
        // refused for what the bytes are (415, or 422 on the file), or before reading them (403/409 for the record's state)
        const byKind = res.status === 415 || (res.status === 422 && (problemPaths(res).includes('file') || /file_type/.test(res.body.toString('utf8'))));
        if (!byKind && res.status !== 403 && res.status !== 409) stored.push(`${at.route.url} ${f.filename}: ${res.status} ${res.body.toString('utf8').slice(0, 120)}`);
      }
    }
    expect(stored).toEqual([]);
    expect(await fileCount(t)).toBe(before);
  });

  it('answers 413 above the size limit on every upload route, storing nothing', async () => {
    const before = await fileCount(t);
    const big = Buffer.concat([pngFile(), Buffer.alloc(LIMIT + 1024)]);
    const wrong: string[] = [];
    for (const at of routes) {
      const res = await uploadFile(t, at.client, at.url, { filename: 'big.png', content: big, contentType: 'image/png' }, fields(at));
      if (res.status !== 413 && res.status !== 403 && res.status !== 409) wrong.push(`${at.route.url}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await fileCount(t)).toBe(before);
  });

  it('takes a real PNG named .pdf and a PDF named .png by their bytes, stores them under random ids, and serves them nosniff', async () => {
    for (const at of routes) {
      for (const [name, content] of [['证明.pdf', pngFile()], ['照片.png', pdfFile()]] as const) {
        const res = await uploadFile(t, at.client, at.url, { filename: name, content, contentType: 'application/octet-stream' }, fields(at));
        if (res.status < 300) accepted.push({ at, res, name });
      }
    }
    // most hosts take images or PDF in some state of their record
    expect(new Set(accepted.map((a) => a.at.route.url)).size).toBeGreaterThanOrEqual(3);
    const files = await queryRows<{ id: string; name: string; mime: string }>(t.ctx.db, sql`SELECT id::text AS id, name, mime FROM stored_files ORDER BY created_at DESC LIMIT ${accepted.length}`);
    for (const f of files) {
      expect(f.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(f.mime).toBe(f.name.endsWith('.pdf') ? 'image/png' : 'application/pdf');
    }
    // nothing is written into the web root: the files live in the database
    const dist = t.config.webDist;
    if (existsSync(dist)) for (const f of files) expect(readdirSync(dist, { recursive: true }).map(String).some((p) => p.includes(f.id))).toBe(false);
    for (const f of files.slice(0, 40)) {
      const owner = accepted.find((a) => JSON.stringify(a.res.json()).includes(f.id));
      if (!owner) continue;
      const served = await rawRequest(t, owner.at.client, 'GET', `${owner.at.url}/${f.id}`);
      expect(served.status).toBe(200);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(String(served.headers['content-type'])).toBe(f.mime);
      const disposition = String(served.headers['content-disposition']);
      const csp = String(served.headers['content-security-policy']);
      // Word/Excel and anything else: attachment. Verified images and PDF open in the browser, with a CSP that runs nothing.
      if (disposition.startsWith('inline')) {
        expect(['image/png', 'image/jpeg', 'application/pdf']).toContain(f.mime);
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toMatch(/script-src/);
      } else expect(disposition).toMatch(/^attachment;/);
    }
  });
});
