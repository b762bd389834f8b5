import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/db-connection.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import { isUuid, LIST_QUERY, listRows, orgIndex, samplePick, seededRandom, toRecord, type OrgIndex } from './scope-probe-fixtures.js';

const SEED = Number(process.env.SCOPE_SEED ?? 20261125);
const PER_USER_ROUTE = 3;

/** Lists whose rows open elsewhere than `${list}/:id`, or not at all, with the reason. */
const NOT_LIST_DETAIL: Record<string, string> = {};

/** Lists whose row id is not the detail's id. */
const ID_KEY: Record<string, string> = {
  '/api/notice-inbox': 'receiptId',
};

/**
 * Member feeds that show a time window of what the member may open (the sign-up feed: published
 * offerings closing in the last 30 days). Their detail's visibility is the feed's org scope (the
 * member's union and its ancestors), without the window: a record outside the feed may open only
 * when it lies in that scope.
 */
const WINDOWED: Record<string, string> = {
  '/api/m/activities': '可报名的活动: published activities of the member’s union and its ancestors, closing within 30 days',
  '/api/m/recuperation/batches': '可参加的疗休养批次: batches open to the member’s union this year',
};

interface Viewer {
  label: string;
  client: TestClient;
  orgId: string;
}

/** Collection routes with a detail route `${url}/:id` beside them: every module's list, found in the registry. */
function listDetailPairs(t: TestApp): { list: RegisteredRoute; detail: RegisteredRoute }[] {
  const gets = t.app.routeRegistry.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.permission !== 'public');
  return gets
    .filter((r) => !r.url.includes(':') && !NOT_LIST_DETAIL[r.url])
    .map((list) => ({ list, detail: gets.find((d) => d.url === `${list.url}/:id`) }))
    .filter((p): p is { list: RegisteredRoute; detail: RegisteredRoute } => p.detail !== undefined);
}

const ids = (rows: Record<string, unknown>[], key = 'id') => rows.map((r) => r[key]).filter(isUuid);

const meOrg = async (c: TestClient) => (await c.get<{ user: { orgId: string } }>('/auth/me')).body.user.orgId;

describe('security.md item 9: list/search visibility equals detail visibility, over random records and users', () => {
  let t: TestApp;
  let city: TestClient;
  let orgs: OrgIndex;
  const viewers: Viewer[] = [];
  const cityRows = new Map<string, Record<string, unknown>[]>();

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    orgs = await orgIndex(t);
    for (const u of ['district', 'xihu', 'street', 'grassroots', 'worker']) {
      const client = await demoClient(t, u);
      viewers.push({ label: `demo ${u}`, client, orgId: await meOrg(client) });
    }
    // random staff accounts at random unions of each level, picked with the fixed seed
    const unions = await queryRows<{ id: string; name: string; kind: string }>(t.ctx.db, sql`SELECT id, name, kind FROM orgs WHERE kind IN ('district', 'street', 'grassroots') ORDER BY name`);
    const role: Record<string, string> = { district: 'district_admin', street: 'street_admin', grassroots: 'grassroots_admin' };
    const picks = fc.sample(fc.constantFrom(...unions), { seed: SEED, numRuns: 4 });
    const sys = await t.login('sysadmin');
    for (const [i, org] of picks.entries()) {
      const username = `vis_${i}_${org.kind}`;
      const created = await sys.post('/users', { username, name: `可见性${i}`, password: TEST_PASSWORD, orgId: org.id, roleCodes: [role[org.kind]!] });
      if (created.status !== 201) throw new Error(`create ${username}: ${created.status} ${JSON.stringify(created.body)}`);
      const c = t.client();
      if ((await c.login(username, TEST_PASSWORD)).status !== 200) throw new Error(`login ${username}`);
      viewers.push({ label: `${role[org.kind]} of ${org.name}`, client: c, orgId: org.id });
    }
  }, 600_000);
  afterAll(() => t.close());

  it('finds the list/detail pair of every module in the registry', () => {
    const pairs = listDetailPairs(t);
    expect(pairs.length).toBeGreaterThanOrEqual(35);
    const modules = new Set(pairs.map((p) => p.list.url.split('/')[2]));
    expect(modules.size).toBeGreaterThanOrEqual(20);
  });

  it('opens every listed record in detail (200), and answers 404 for records of the database the user does not list', async () => {
    const rand = seededRandom(SEED);
    const failures: string[] = [];
    let checked = 0;
    let searched = 0;
    for (const { list, detail } of listDetailPairs(t)) {
      const mobile = list.url.startsWith('/api/m/') || list.url.startsWith('/api/my/');
      // the whole database's records, as the city sees them (member lists: their staff counterpart)
      const staffList = mobile ? list.url.replace('/api/m/', '/api/') : list.url;
      if (!cityRows.has(staffList)) cityRows.set(staffList, (await listRows(city, staffList)) ?? []);
      const all = ids(cityRows.get(staffList)!, ID_KEY[staffList]);
      const secretsOf = new Map(cityRows.get(staffList)!.map((r) => [String(r[ID_KEY[staffList] ?? 'id']), toRecord(r, orgs, ID_KEY[staffList])?.secrets ?? []]));
      const orgOf = new Map(cityRows.get(staffList)!.map((r) => [String(r[ID_KEY[staffList] ?? 'id']), toRecord(r, orgs, ID_KEY[staffList])?.orgIds ?? []]));
      for (const v of viewers.filter((x) => mobile === (x.label === 'demo worker'))) {
        const rows = await listRows(v.client, list.url);
        if (rows === null) {
          // no list for this user (no permission or needs a filter): the detail of any record must not open either
          for (const id of samplePick(rand, all, 2)) {
            const res = await v.client.get(detail.url.replace(':id', id).slice(4));
            if (res.status === 200) failures.push(`${detail.url} ${id} opens for ${v.label} who cannot list ${list.url} [seed ${SEED}]`);
          }
          continue;
        }
        const listed = new Set(ids(rows, ID_KEY[list.url]));
        const ancestors = WINDOWED[list.url] ? new Set((await queryRows<{ id: string }>(t.ctx.db, sql`SELECT ancestor_id AS id FROM org_closure WHERE descendant_id = ${v.orgId}::uuid`)).map((r) => r.id)) : null;
        for (const id of samplePick(rand, [...listed], PER_USER_ROUTE)) {
          const res = await v.client.get(detail.url.replace(':id', id).slice(4));
          checked++;
          if (res.status !== 200) failures.push(`${detail.url} ${id}: ${res.status} for ${v.label}, though listed [seed ${SEED}]`);
        }
        for (const id of samplePick(rand, all.filter((x) => !listed.has(x)), PER_USER_ROUTE)) {
          const res = await v.client.get(detail.url.replace(':id', id).slice(4));
          checked++;
          const recordOrgs = orgOf.get(id) ?? [];
          if (res.status === 200 && ancestors && recordOrgs.length > 0 && recordOrgs.every((o) => ancestors.has(o))) continue;
          if (res.status !== 404) failures.push(`${detail.url} ${id} (orgs ${String(orgOf.get(id))}): ${res.status} for ${v.label}, though not listed [seed ${SEED}]`);
        }
        // search: asking the list for a hidden record by its name (q) still does not bring it up
        const hidden = samplePick(rand, all.filter((x) => !listed.has(x) && (secretsOf.get(x)?.length ?? 0) > 0), 1)[0];
        if (hidden && !WINDOWED[list.url]) {
          const q = secretsOf.get(hidden)![0]!;
          const found = await v.client.get<{ items?: Record<string, unknown>[] } | Record<string, unknown>[]>(`${list.url.slice(4)}?q=${encodeURIComponent(q)}${LIST_QUERY[list.url] ? `&${LIST_QUERY[list.url]}` : ''}`);
          searched += found.status === 200 ? 1 : 0;
          const hits = found.status === 200 ? ids(Array.isArray(found.body) ? found.body : (found.body.items ?? []), ID_KEY[list.url]) : [];
          if (hits.includes(hidden)) failures.push(`${list.url}?q=${q} brings up ${hidden} for ${v.label}, whose detail is hidden [seed ${SEED}]`);
        }
      }
    }
    console.info(`item 9 (seed ${SEED}): ${checked} detail checks and ${searched} searches for hidden records over ${viewers.length} users`);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    expect(searched).toBeGreaterThan(50);
  });
});
