import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/db-connection.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import { fuzzRequests, LEAK_PATTERNS, PLACEHOLDER_ID, type FuzzRequest, type OpenApiOperation } from '../test-support/openapi-fuzz.js';

/**
 * security.md item 19 (fuzz form): every operation of the OpenAPI document, called by a staff account
 * holding its permission and once anonymously, with bodies, queries and path params derived from its
 * schema but malicious (attack strings, wrong types, missing and unknown fields, garbage bodies, path
 * params that are not ids). No 5xx, no stack trace or SQL error text in an answer, and an answer
 * that is not 2xx changes no business table.
 */
const SEED = Number(process.env.FC_SEED ?? 20261125);

/** Tables a refused request may legitimately change, and why. */
const BOOKKEEPING_TABLES: Record<string, string> = {
  audit_log: 'a 403, a failed login or a lockout is audited (security.md 11)',
  sessions: 'each request refreshes its session (idle timeout); logins create sessions',
  login_failures: 'failed logins are counted for the lockout and per-IP limits (security.md 2)',
  rating_code_failures: 'wrong 测评 codes are counted to slow down guessing',
  users: 'a login records last_login_at',
};

interface Op {
  method: string;
  path: string;
  key: string;
  permission: string | undefined;
  op: OpenApiOperation;
}

type Snapshot = Map<string, string>;
const STAFF = ['city', 'district', 'grassroots', 'worker'] as const;
const PLATFORM = ['sysadmin', 'secadmin', 'auditor'] as const;

let t: TestApp;
let snapshotQuery: ReturnType<typeof sql.join>;
const clients = new Map<string, { client: TestClient; permissions: Set<string> }>();

async function signIn(username: string): Promise<void> {
  const client = (PLATFORM as readonly string[]).includes(username) ? await t.login(username) : await demoClient(t, username);
  const me = await client.get<{ user: { permissions: string[] } }>('/auth/me');
  clients.set(username, { client, permissions: new Set(me.body.user.permissions) });
}

/** The next transaction id: it moves only when some transaction wrote (or began to write) something. */
async function watermark(): Promise<string> {
  const [r] = await queryRows<{ x: string }>(t.ctx.db, sql`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`);
  return r?.x ?? '';
}

/** Row count and newest row version (xmin) of every watched table, taken only when the watermark moved. */
let last: { mark: string; tables: Snapshot } | null = null;
async function snapshot(): Promise<Snapshot> {
  const mark = await watermark();
  if (last?.mark === mark) return last.tables;
  const rows = await queryRows<{ t: string; n: number; x: string }>(t.ctx.db, snapshotQuery);
  last = { mark: await watermark(), tables: new Map(rows.map((r) => [r.t, `${r.n}/${r.x}`])) };
  return last.tables;
}
const changed = (a: Snapshot, b: Snapshot) => [...b].filter(([k, v]) => a.get(k) !== v).map(([k, v]) => `${k} ${a.get(k) ?? '-'} → ${v}`);

async function send(client: TestClient | null, method: string, r: FuzzRequest) {
  const headers: Record<string, string> = {};
  if (client?.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client?.csrf && method !== 'GET') headers['x-csrf-token'] = client.csrf;
  if (r.contentType) headers['content-type'] = r.contentType;
  const payload = r.payload === undefined ? undefined : typeof r.payload === 'string' && r.contentType ? r.payload : JSON.stringify(r.payload);
  if (payload !== undefined && !r.contentType) headers['content-type'] = 'application/json';
  return t.app.inject({ method: method as 'GET', url: r.url, headers, ...(payload !== undefined ? { payload } : {}) });
}

function problemsOf(res: { statusCode: number; body: string }): string[] {
  const out: string[] = [];
  if (res.statusCode >= 500) out.push(`answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 300) for (const p of LEAK_PATTERNS) if (p.test(res.body)) out.push(`leaks ${p}: ${res.body.slice(0, 300)}`);
  return out;
}

/** Operations from the OpenAPI document, with the permission their route declares; logout last. */
async function operations(): Promise<Op[]> {
  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const paths = (JSON.parse(doc.body) as { paths: Record<string, Record<string, OpenApiOperation>> }).paths;
  const perm = new Map(t.app.routeRegistry.map((r) => [`${r.method} ${r.url}`, r.permission]));
  const ops = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const key = `${method.toUpperCase()} ${path}`;
      return { method: method.toUpperCase(), path, key, op, permission: perm.get(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`) };
    }),
  );
  const last = (o: Op) => (/logout|sessions/.test(o.path) ? 2 : o.method === 'DELETE' ? 1 : 0);
  return ops.sort((a, b) => last(a) - last(b));
}

/** The account to call an operation as: the first one holding its permission (city for any login). */
function callerFor(op: Op): string | null {
  if (op.permission === 'public' || op.permission === 'authenticated' || op.permission === undefined) return 'city';
  for (const name of [...STAFF, ...PLATFORM]) if (clients.get(name)?.permissions.has(op.permission)) return name;
  return null;
}

/**
 * Real ids seen in list answers, by list path: shaped requests to `<list path>/{id}/…` use one, so the
 * malicious body reaches the handler instead of stopping at 404. Never for accounts, roles or deletes.
 */
const knownIds = new Map<string, string>();
function rememberIds(path: string, body: string): void {
  if (path.includes('{')) return;
  try {
    const parsed = JSON.parse(body) as { items?: { id?: unknown }[] } | { id?: unknown }[];
    const first = Array.isArray(parsed) ? parsed[0] : parsed.items?.[0];
    if (typeof first?.id === 'string') knownIds.set(path, first.id);
  } catch {
    /* not JSON (a file) */
  }
}
function withKnownId(op: Op, req: FuzzRequest): FuzzRequest {
  const prefix = /^(.*?)\/\{[^}]+\}/.exec(op.path)?.[1];
  const id = prefix && knownIds.get(prefix);
  if (!id || req.kind !== 'shaped' || op.method === 'DELETE' || /\/(users|roles|auth|sessions)\b/.test(op.path)) return req;
  return { ...req, url: req.url.replace(PLACEHOLDER_ID, id) };
}

describe('security.md item 19: every API operation survives random and malicious input (fuzz)', () => {
  let ops: Op[] = [];
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    // background jobs run only when the test drains them (after an accepted request), so no job writes during a refused one
    await t.ctx.jobs.stop();
    const tables = await queryRows<{ name: string }>(t.ctx.db, sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`);
    const watched = tables.map((r) => r.name).filter((n) => !(n in BOOKKEEPING_TABLES));
    snapshotQuery = sql.join(
      watched.map((n) => sql.raw(`SELECT '${n}' AS t, count(*)::int AS n, coalesce(max(xmin::text::bigint), 0)::text AS x FROM "${n}"`)),
      sql` UNION ALL `,
    );
    for (const name of [...STAFF, ...PLATFORM]) await signIn(name);
    ops = await operations();
  }, 300_000);
  afterAll(() => t?.close());

  it('covers the whole OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((o) => o.permission === undefined).map((o) => o.key)).toEqual([]);
  });

  it('answers 422, not 500, to values the database cannot hold and to orgs that do not exist', async () => {
    const worker = clients.get('worker')!.client;
    const city = clients.get('city')!.client;
    const before = await snapshot();
    expect((await worker.get('/m/hazards/enterprises?q=%00%E5%BC%A0')).status).toBe(422);
    expect((await city.get('/rating-campaigns?year=-9007199254740991')).status).toBe(422);
    const contest = await city.post<{ errors?: { path: string }[] }>('/skill-contests', { name: '全市焊工技能比武', trade: '焊工', level: 'city', heldOn: '2026-11-20', organiserOrgId: PLACEHOLDER_ID });
    expect(contest.status).toBe(422);
    expect(contest.body.errors?.map((e) => e.path)).toEqual(['organiserOrgId']);
    expect(changed(before, await snapshot())).toEqual([]);
  });

  it('answers anonymous malicious requests without 5xx, leaks or stored rows', async () => {
    const failures: string[] = [];
    let before = await snapshot();
    for (const [i, op] of ops.entries()) {
      const req = fuzzRequests(op.path, op.method.toLowerCase(), op.op, SEED + i)[1]!;
      const res = await send(null, op.method, req);
      failures.push(...problemsOf(res).map((p) => `${op.key} anonymous ${req.url}: ${p}`));
      if (op.permission !== 'public') expect.soft(res.statusCode, `${op.key} anonymous`).toBe(401);
      const after = await snapshot();
      if (res.statusCode >= 300) failures.push(...changed(before, after).map((c) => `${op.key} anonymous ${res.statusCode} stored: ${c}`));
      before = after;
    }
    if (failures.length) console.error(`fuzz seed ${SEED} (FC_SEED=${SEED} to replay):\n  ${failures.join('\n  ')}`);
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers malicious requests of permitted staff without 5xx, leaks or stored rows', async () => {
    const failures: string[] = [];
    let covered = 0;
    let writesSeen = 0;
    const statuses = new Map<number, number>();
    for (const [i, op] of ops.entries()) {
      const caller = callerFor(op);
      if (!caller) continue;
      covered++;
      let before = await snapshot();
      for (const req of fuzzRequests(op.path, op.method.toLowerCase(), op.op, SEED + i).map((r) => withKnownId(op, r))) {
        const res = await send(clients.get(caller)!.client, op.method, req);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (op.method === 'GET' && res.statusCode === 200) rememberIds(op.path, res.body);
        if (res.statusCode < 300) await t.ctx.jobs.drain();
        const sent = `${req.url.slice(0, 600)} ${JSON.stringify(req.payload)?.slice(0, 600) ?? ''}`;
        failures.push(...problemsOf(res).map((p) => `${op.key} as ${caller} (${req.kind}) ${sent}: ${p}`));
        const after = await snapshot();
        if (res.statusCode >= 300) failures.push(...changed(before, after).map((c) => `${op.key} as ${caller} (${req.kind}) ${res.statusCode} stored: ${c}`));
        else if (op.method !== 'GET' && changed(before, after).length) writesSeen++;
        if (res.statusCode === 401) {
          await signIn(caller);
          before = await snapshot();
        } else before = after;
      }
    }
    if (failures.length) console.error(`fuzz seed ${SEED} (FC_SEED=${SEED} to replay):\n  ${failures.join('\n  ')}`);
    console.info(`fuzz seed ${SEED}: ${covered} operations, answers ${JSON.stringify(Object.fromEntries(statuses))}, ${writesSeen} accepted writes seen by the row check`);
    expect(covered).toBeGreaterThan(ops.length * 0.9);
    // the row check is not blind: some shaped requests were accepted and it saw their rows
    expect(writesSeen).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 300_000);
});
