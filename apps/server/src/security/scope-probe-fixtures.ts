import { sql } from 'drizzle-orm';
import { BUILTIN_ROLES } from '@gonghui/contracts';
import { queryRows } from '../platform/db/db-connection.js';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import { TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';

/** Shared by security items 8 and 9: lists read from the route registry, records placed in the org tree. */
export interface ListedRecord {
  id: string;
  /** org ids the record names (orgId, unionOrgId, ownerOrgId … and org names resolved to ids) */
  orgIds: string[];
  /** personal or identifying strings of the record that must never appear in a refusal */
  secrets: string[];
  raw: Record<string, unknown>;
}

export interface OrgIndex {
  byName: Map<string, string>;
  /** org id → the ids of its whole subtree (any relation), itself included */
  subtree(orgId: string): Promise<Set<string>>;
  /** org id → its ancestors (itself excluded) */
  ancestors(orgId: string): Promise<Set<string>>;
}

export async function orgIndex(t: TestApp): Promise<OrgIndex> {
  const rows = await queryRows<{ id: string; name: string }>(t.ctx.db, sql`SELECT id, name FROM orgs`);
  const closure = (col: 'ancestor_id' | 'descendant_id', other: 'ancestor_id' | 'descendant_id', id: string) =>
    queryRows<{ id: string }>(t.ctx.db, sql`SELECT ${sql.raw(other)} AS id FROM org_closure WHERE ${sql.raw(col)} = ${id}::uuid`);
  return {
    byName: new Map(rows.map((r) => [r.name, r.id])),
    subtree: async (id) => new Set([id, ...(await closure('ancestor_id', 'descendant_id', id)).map((r) => r.id)]),
    ancestors: async (id) => new Set((await closure('descendant_id', 'ancestor_id', id)).map((r) => r.id).filter((x) => x !== id)),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORG_ID_KEY = /^(orgId|[a-zA-Z]+OrgId)$/;
const ORG_NAME_KEY = /^(orgName|[a-zA-Z]+OrgName|districtName|unitName)$/;
const SECRET_KEY = /(name|idCard|phone|title|address|bankAccount)$/i;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export function toRecord(raw: Record<string, unknown>, orgs: OrgIndex, idKey = 'id'): ListedRecord | null {
  const id = raw[idKey];
  if (!isUuid(id)) return null;
  const orgIds = new Set<string>();
  const secrets: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (ORG_ID_KEY.test(k) && isUuid(v)) orgIds.add(v);
    else if (ORG_NAME_KEY.test(k) && typeof v === 'string' && orgs.byName.has(v)) orgIds.add(orgs.byName.get(v)!);
    else if (SECRET_KEY.test(k) && !ORG_NAME_KEY.test(k) && typeof v === 'string' && v.length >= 2 && !/^\d{1,4}$/.test(v)) secrets.push(v);
  }
  return { id, orgIds: [...orgIds], secrets, raw };
}

export type ListBody = { items?: unknown[] } | unknown[];

/** Query strings a list needs to show everything the caller may see (not just a default box or window). */
export const LIST_QUERY: Record<string, string> = {
  '/api/member-transfers': 'box=all',
};

const pick = (b: ListBody) => (Array.isArray(b) ? b : Array.isArray(b?.items) ? b.items : null) as Record<string, unknown>[] | null;

/** The rows of a list route (all pages up to `cap`), or null when the route is not a plain list. */
export async function listRows(c: TestClient, url: string, cap = 2000): Promise<Record<string, unknown>[] | null> {
  const path = url.replace(/^\/api/, '');
  const extra = LIST_QUERY[url] ? `&${LIST_QUERY[url]}` : '';
  for (const size of [200, 100, 50]) {
    const first = await c.get<ListBody>(`${path}?page=1&pageSize=${size}${extra}`);
    if (first.status === 422) continue;
    const rows = first.status === 200 ? pick(first.body) : null;
    if (!rows) return null;
    if (Array.isArray(first.body)) return rows;
    const out = [...rows];
    for (let page = 2; out.length < cap && out.length === (page - 1) * size; page++) {
      const next = await c.get<ListBody>(`${path}?page=${page}&pageSize=${size}${extra}`);
      const more = next.status === 200 ? pick(next.body) : null;
      if (!more?.length) break;
      out.push(...more);
    }
    return out;
  }
  const plain = await c.get<ListBody>(`${path}${extra ? `?${extra.slice(1)}` : ''}`);
  return plain.status === 200 ? pick(plain.body) : null;
}

/** Every file id a record's body names (attachment lists, covers, photos), for `…/:fileId` routes. */
export function fileIdsIn(body: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(body)) for (const v of body) fileIdsIn(v, out);
  else if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (/fileId$/i.test(k) && isUuid(v)) out.add(v);
      else fileIdsIn(v, out);
    }
  }
  return out;
}

/** GET routes with an id-like param (the ones a stranger could guess), public ones aside. */
export const idRoutes = (t: TestApp): RegisteredRoute[] =>
  t.app.routeRegistry.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.url.includes('/:') && r.permission !== 'public');

/** Every business permission code the built-in roles hold (platform codes aside). */
export const businessCodes = (): string[] => [...new Set(BUILTIN_ROLES.filter((r) => r.kind === 'business').flatMap((r) => r.permissions))].sort();

/**
 * A staff account at `orgId` holding every business permission with scope `unit_and_below`: the
 * widest reach an org-bound account can have, so every module's scope is put to the test.
 */
export async function allCodesClient(t: TestApp, orgId: string, code: string): Promise<TestClient> {
  const sec = await t.login('secadmin');
  const role = await sec.post('/roles', { code, name: `全部业务权限 ${code}`, scope: 'unit_and_below', permissions: businessCodes() });
  if (role.status !== 201) throw new Error(`create role: ${role.status} ${JSON.stringify(role.body)}`);
  const sys = await t.login('sysadmin');
  const user = await sys.post('/users', { username: code, name: '范围测试', password: TEST_PASSWORD, orgId, roleCodes: [code] });
  if (user.status !== 201) throw new Error(`create user: ${user.status} ${JSON.stringify(user.body)}`);
  const c = t.client();
  const l = await c.login(code, TEST_PASSWORD);
  if (l.status !== 200) throw new Error(`login ${code}: ${l.status} ${JSON.stringify(l.body)}`);
  return c;
}

/** A small seeded generator (mulberry32): the seed is printed with every failure. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function samplePick<T>(rand: () => number, items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/** The rows of a list as records placed in the org tree (rows without an id left out). */
export const recordsOf = async (c: TestClient, url: string, orgs: OrgIndex, idKey?: string): Promise<ListedRecord[]> =>
  ((await listRows(c, url)) ?? []).map((r) => toRecord(r, orgs, idKey)).filter((x): x is ListedRecord => x !== null);

/** Where a district's staff may look: its subtree and its ancestors (the city's own records may be addressed to it). */
export const insideOf = async (orgs: OrgIndex, orgId: string): Promise<Set<string>> => new Set([...(await orgs.subtree(orgId)), ...(await orgs.ancestors(orgId))]);

/** The demo app, the city account, and an all-codes staff account of 上城区 (district A). */
export interface DistrictAWorld {
  t: TestApp;
  city: TestClient;
  orgs: OrgIndex;
  aOrg: string;
  insideA: Set<string>;
  staffA: TestClient;
}

export async function districtAWorld(t: TestApp, username: string): Promise<DistrictAWorld> {
  const city = await demoClient(t, 'city');
  const orgs = await orgIndex(t);
  const aOrg = orgs.byName.get('上城区总工会')!;
  return { t, city, orgs, aOrg, insideA: await insideOf(orgs, aOrg), staffA: await allCodesClient(t, aOrg, username) };
}
