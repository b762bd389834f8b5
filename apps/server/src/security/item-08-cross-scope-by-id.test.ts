import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/db-connection.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import { allCodesClient, fileIdsIn, idRoutes, insideOf, listRows, orgIndex, samplePick, seededRandom, toRecord, type ListedRecord, type OrgIndex } from './scope-probe-fixtures.js';

const SEED = Number(process.env.SCOPE_SEED ?? 20261125);

/** Where the ids of a route's first param come from, when it is not the list at the route's own prefix. */
interface IdSource {
  list: string;
  /** rows of `${list}/${parent id}${sub}` for the first parents of the list */
  sub?: string;
  idKey?: string;
  /** the row is an org: its id is its org */
  selfOrg?: boolean;
  /** the route serves the caller's own union only (an inbox): the city cannot open it either */
  ownUnionOnly?: boolean;
}
const SOURCES: Record<string, IdSource> = {
  '/api/orgs': { list: '/api/orgs', selfOrg: true },
  '/api/aid/donations': { list: '/api/aid/campaigns', sub: '/donations' },
  '/api/enrolments': { list: '/api/activities', sub: '/enrolments' },
  '/api/m/signups': { list: '/api/activities', sub: '/enrolments' },
  '/api/csr/evaluations/assessments': { list: '/api/csr/assessments' },
  '/api/csr/harmony-district/assessments': { list: '/api/csr/assessments' },
  '/api/csr/harmony-city/assessments': { list: '/api/csr/assessments' },
  '/api/competitions/scores': { list: '/api/competitions', sub: '/scores' },
  '/api/joint-commitments/tracking': { list: '/api/supervision/board' },
  '/api/work-plan-tasks/tracking': { list: '/api/supervision/board' },
  '/api/work-plan-tasks': { list: '/api/supervision/board', idKey: 'businessId' },
  '/api/notice-receipts': { list: '/api/notices', sub: '/receipts' },
  '/api/notice-inbox': { list: '/api/notices', sub: '/receipts', ownUnionOnly: true },
  '/api/union-homes/orgs': { list: '/api/orgs', selfOrg: true },
  '/api/union-homes/assessments': { list: '/api/union-homes', idKey: 'assessmentId' },
  '/api/honours/craftsman/members': { list: '/api/members' },
  '/api/m/mutual-aid/claims': { list: '/api/mutual-aid/claims' },
  '/api/my/ratings': { list: '/api/rating-campaigns' },
};

/** `:id` routes not probed with real foreign ids here, each with its reason (a random id still answers 404). */
const EXCEPTIONS: Record<string, string> = {
  'GET /api/users/:id': 'platform account admin (sys/security admins, scope all): no org-bound caller holds system:user:list',
  'GET /api/jobs/:id': 'jobs belong to the user who started them: covered by platform/jobs tests (another user’s job answers 404)',
  'GET /api/files/:id/download': 'one-time export downloads owned by their requester: covered by the export tests',
  'GET /api/recuperation/plans/:year': 'the param is a year, not a record id: the city’s yearly plan, readable by every level',
  'GET /api/members/import/:jobId/errors.xlsx': 'the import job’s error report, owned by the job’s user (jobs tests)',
  'GET /api/enterprises/import/:jobId/errors.xlsx': 'the import job’s error report, owned by the job’s user (jobs tests)',
  'GET /api/finance/dues/bases/import/:jobId/errors.xlsx': 'the import job’s error report, owned by the job’s user (jobs tests)',
  'GET /api/union-homes/assessment-items/:id/evidence/:fileId': 'item ids live inside an assessment’s detail; the evidence route checks the assessment’s scope (union-homes tests), a guessed id answers 404 here',
  'GET /api/csr/evaluations/assessment-items/:id/evidence/:fileId': 'as above, the platform/assessment evidence route shared by the CSR templates',
  'GET /api/csr/harmony-district/assessment-items/:id/evidence/:fileId': 'as above, the platform/assessment evidence route shared by the CSR templates',
  'GET /api/csr/harmony-city/assessment-items/:id/evidence/:fileId': 'as above, the platform/assessment evidence route shared by the CSR templates',
  'GET /api/competitions/awards/:id/certificate.pdf': 'award ids appear only inside a competition’s ranking; no demo award outside 上城区’s reach (a guessed id answers 404)',
  'GET /api/joint-commitments/tracking/reports/:id/attachments/:fileId': 'progress-report ids live inside a tracked item’s detail (platform/tracking tests); a guessed id answers 404',
  'GET /api/work-plan-tasks/tracking/reports/:id/attachments/:fileId': 'progress-report ids live inside a tracked item’s detail (platform/tracking tests); a guessed id answers 404',
  'GET /api/learning/materials/:id/files/:fileId': 'material ids live inside a course’s detail (learning tests); a guessed id answers 404',
  'GET /api/m/learning/courses/:id/materials/:materialId/files/:fileId': 'three ids deep (course, material, file); the course is checked first (learning tests); guessed ids answer 404',
};

/** Records open to every member by design: not cross-scope when a member of another district reads them. */
const OPEN_TO_MEMBERS: Record<string, (row: Record<string, unknown>) => boolean> = {
  // 已公开的建议 of a citywide 办实事 collection are shown to every member (masked proposer) to support or vote for
  '/api/m/proposals': (row) => row.status === 'public' || row.status === 'merged',
  // published 工会新闻 are public (GET /api/public/news/:id); drafts of other unions must stay hidden
  '/api/m/news': (row) => row.status === 'published',
};

/** Orgs a record answers to that its list row does not show (the row's own org fields come first). */
const EXTRA_ORGS: Record<string, (id: string) => SQL> = {
  // a 办实事 project is followed by its owner AND by the union whose proposal it grew from (and the collection's owner)
  '/api/proposal-projects': (id) =>
    sql`SELECT p.org_id AS id FROM proposal_projects pr JOIN proposals p ON p.id = pr.proposal_id WHERE pr.id = ${id}::uuid UNION SELECT c.org_id FROM proposal_projects pr JOIN proposal_collections c ON c.id = pr.collection_id WHERE pr.id = ${id}::uuid`,
};

/** Query strings some routes require (the roster is read per union). */
const QUERY: Record<string, (a: string) => string> = {
  '/api/mutual-aid/periods/:id/roster': (a) => `?orgId=${a}`,
  '/api/mutual-aid/periods/:id/roster/export.xlsx': (a) => `?orgId=${a}`,
};

interface Probe {
  route: RegisteredRoute;
  prefix: string;
  source: IdSource;
  fileParam: boolean;
  mobile: boolean;
}

/** Maps an `:id` route to its id source, or says why it cannot. */
function probeOf(t: TestApp, r: RegisteredRoute): Probe | string {
  const at = r.url.indexOf('/:');
  const prefix = r.url.slice(0, at);
  const rest = r.url.slice(at).replace(/^\/:[A-Za-z]+/, '');
  const params = rest.match(/:[A-Za-z]+/g) ?? [];
  if (params.length > 1 || (params.length === 1 && params[0] !== ':fileId')) return `params ${params.join(',')} after the id`;
  const mobile = prefix.startsWith('/api/m/') || prefix.startsWith('/api/my/');
  const source = SOURCES[prefix] ?? { list: mobile ? prefix.replace('/api/m/', '/api/') : prefix };
  if (!t.app.routeRegistry.some((x) => x.method === 'GET' && x.url === source.list)) return `no list route ${source.list}`;
  return { route: r, prefix, source, fileParam: params.length === 1, mobile };
}

describe('security.md item 8: cross-scope access by id (detail, attachment, export, guessing) answers 404, never the data', () => {
  let t: TestApp;
  let city: TestClient;
  let staffA: TestClient;
  let worker: TestClient;
  let orgs: OrgIndex;
  let aOrg: string;
  const sides: { name: string; org: string; inside: Set<string>; client: TestClient }[] = [];
  const records = new Map<string, ListedRecord[]>();

  async function sourceRecords(src: IdSource): Promise<ListedRecord[]> {
    const key = `${src.list}#${src.sub ?? ''}#${src.idKey ?? 'id'}#${String(src.selfOrg)}`;
    if (!records.has(key)) {
      let rows = (await listRows(city, src.list)) ?? [];
      if (src.sub) {
        const nested: Record<string, unknown>[] = [];
        for (const parent of rows.slice(0, 12)) nested.push(...((await listRows(city, `${src.list}/${String(parent.id)}${src.sub}`)) ?? []));
        rows = nested;
      }
      const recs = rows.map((raw) => toRecord(src.selfOrg ? { ...raw, orgId: raw.id } : raw, orgs, src.idKey)).filter((x): x is ListedRecord => x !== null);
      records.set(key, recs);
    }
    return records.get(key)!;
  }

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    worker = await demoClient(t, 'worker');
    orgs = await orgIndex(t);
    // inside a district: its subtree and its ancestors (the city's own records may be addressed to it)
    for (const [name, code] of [['上城区总工会', 'scope_probe_a'], ['西湖区总工会', 'scope_probe_b']] as const) {
      const org = orgs.byName.get(name)!;
      const inside = await insideOf(orgs, org);
      sides.push({ name, org, inside, client: await allCodesClient(t, org, code) });
    }
    staffA = sides[0]!.client;
    aOrg = sides[0]!.org;
  }, 600_000);
  afterAll(() => t.close());

  it('maps every :id route of the registry to a source of real ids, or lists it as an exception with a reason', () => {
    const routes = idRoutes(t);
    expect(routes.length).toBeGreaterThan(50);
    const unmapped = routes.filter((r) => !EXCEPTIONS[`${r.method} ${r.url}`]).map((r) => [r, probeOf(t, r)] as const).filter(([, p]) => typeof p === 'string');
    expect(unmapped.map(([r, why]) => `${r.method} ${r.url}: ${String(why)}`)).toEqual([]);
    const stale = Object.keys(EXCEPTIONS).filter((k) => !routes.some((r) => `${r.method} ${r.url}` === k));
    expect(stale).toEqual([]);
  });

  it('answers 404 to district A staff for another district’s records on every mapped route, leaking nothing', async () => {
    const rand = seededRandom(SEED);
    const failures: string[] = [];
    const covered: string[] = [];
    const noData: string[] = [];
    for (const r of idRoutes(t)) {
      if (EXCEPTIONS[`${r.method} ${r.url}`]) continue;
      const p = probeOf(t, r);
      if (typeof p === 'string') continue;
      const open = OPEN_TO_MEMBERS[p.prefix];
      let probed = 0;
      // district A asks for what lies outside A, district B for what lies outside B (members: the 上城 worker)
      for (const side of p.mobile ? [sides[0]!] : sides) {
        const caller = p.mobile ? worker : side.client;
        const outside = (x: ListedRecord) => x.orgIds.length > 0 && x.orgIds.every((o) => !side.inside.has(o));
        const candidates = samplePick(rand, (await sourceRecords(p.source)).filter((x) => outside(x) && !open?.(x.raw)), 40);
        let mine = 0;
        for (const rec of candidates) {
          if (mine >= 2) break;
          const extra = EXTRA_ORGS[p.prefix];
          if (extra && (await queryRows<{ id: string }>(t.ctx.db, extra(rec.id))).some((o) => side.inside.has(o.id))) continue;
          let url = r.url.replace(/:[A-Za-z]+/, rec.id) + (QUERY[r.url]?.(side.org) ?? '');
          if (p.fileParam) {
            const detail = await city.get(`${p.prefix}/${rec.id}`.replace('/api/m/', '/api/').replace(/^\/api/, ''));
            const files = [...fileIdsIn(detail.body), ...fileIdsIn(rec.raw)];
            const fileId = files.length ? await firstServed(city, url, files, p.mobile) : null;
            if (!fileId) continue;
            url = url.replace(':fileId', fileId);
          } else if (!p.mobile && !p.source.ownUnionOnly && (await city.get(url.replace(/^\/api/, ''))).status >= 300) continue;
          mine++;
          const res = await caller.get(url.replace(/^\/api/, ''));
          const text = JSON.stringify(res.body ?? '');
          const leaked = rec.secrets.filter((x) => text.includes(x));
          if (res.status !== 404 || leaked.length) failures.push(`${r.url} id ${rec.id} as ${side.name} [seed ${SEED}]: ${res.status} ${leaked.length ? `leaks ${leaked.join(',')}` : text.slice(0, 120)}`);
        }
        probed += mine;
      }
      (probed ? covered : noData).push(`${r.url}${probed ? ` ×${probed}` : ''}`);
    }
    console.info(`item 8 (seed ${SEED}): ${covered.length} routes probed with real foreign ids:\n  ${covered.join('\n  ')}\nno foreign demo rows for ${noData.length}:\n  ${noData.join('\n  ')}`);
    expect(failures).toEqual([]);
    expect(covered.length).toBeGreaterThanOrEqual(60);
  });

  it('answers 404 for a guessed (random) id on every :id route, to A and to the city alike', async () => {
    const bad: string[] = [];
    for (const r of idRoutes(t)) {
      if (r.url.includes(':year')) continue;
      const url = r.url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/^\/api/, '') + (QUERY[r.url]?.(aOrg) ?? '');
      const callers = r.url.startsWith('/api/m/') || r.url.startsWith('/api/my/') ? [worker] : [staffA, city];
      for (const c of callers) {
        const res = await c.get(url);
        if (res.status !== 404 && res.status !== 403) bad.push(`${r.url}: ${res.status} ${JSON.stringify(res.body).slice(0, 100)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

/** The first file id the route really serves for the record (as the city; the member routes as their own list). */
async function firstServed(city: TestClient, url: string, files: string[], mobile: boolean): Promise<string | null> {
  for (const f of files.slice(0, 6)) {
    const staffUrl = (mobile ? url.replace('/api/m/', '/api/') : url).replace(':fileId', f).replace(/^\/api/, '');
    if ((await city.get(staffUrl)).status === 200) return f;
  }
  return null;
}
