import { sql } from 'drizzle-orm';
import { queryRows } from '../../apps/server/src/platform/db/db-connection.js';
import type { BenchArgs } from './bench-support.js';
import { addBenchUser, benchEnvironment, seedOrgTree, startBenchServer, type BenchDatabaseKind } from './bench-server.js';
import { FULL_DATA_SET, generateDataSet, TINY_DATA_SET } from './generate-dataset.js';
import { runLoad, type LoadResult } from './load-generator.js';

const USERNAME = 'bench_district';
const DISTRICT_CODE = '330102';
const CONNECTIONS = 50;
const TARGETS = { ratio: 0.3, p99Ms: 100 } as const;

export interface ApiReadEndpoint {
  endpoint: string;
  /** whether performance.md's target applies to this endpoint (the member list) or it is measured for the record */
  target: boolean;
  load: LoadResult;
  ratio: number;
  pass: boolean;
}

export interface ApiReadResult {
  database: BenchDatabaseKind;
  members: number;
  orgs: number;
  /** active members in the district's subtree (what the list's `total` must say) */
  scopedMembers: number;
  health: LoadResult;
  endpoints: ApiReadEndpoint[];
  targets: typeof TARGETS;
  pass: boolean;
}

/** The endpoints, the member list first: performance.md's target applies to it. */
const ENDPOINTS = [
  { endpoint: '/api/members?page=1&pageSize=20', target: true },
  { endpoint: '/api/orgs?page=1&pageSize=20', target: false },
] as const;

/**
 * api-read: a district admin (上城区) reads the scoped member list, 20 a page, at 50 connections,
 * against the same server's /api/health, on the generated data set. The org list is measured too,
 * for the record. Before timing, the member list's `total` is checked against a count in SQL.
 */
export async function apiReadBench(args: BenchArgs, database: BenchDatabaseKind): Promise<ApiReadResult> {
  const size = args.size === 'tiny' ? TINY_DATA_SET : FULL_DATA_SET;
  const seconds = args.size === 'tiny' ? 2 : 10;
  const env = await benchEnvironment(args, database);
  try {
    const db = await env.open();
    let counts: { members: number; orgs: number; scoped: number };
    try {
      await generateDataSet(db, env.crypto, { ...size, members: args.rows ?? size.members }, seedOrgTree);
      await addBenchUser(db, USERNAME, DISTRICT_CODE, ['district_admin']);
      const [row] = await queryRows<{ members: number; orgs: number; scoped: number }>(
        db.db,
        sql`SELECT (SELECT count(*)::int FROM members) AS members, (SELECT count(*)::int FROM orgs) AS orgs,
          (SELECT count(*)::int FROM members m WHERE m.status = 'active' AND m.org_id IN
            (SELECT c.descendant_id FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id WHERE o.code = ${DISTRICT_CODE})) AS scoped`,
      );
      counts = { members: row!.members, orgs: row!.orgs, scoped: row!.scoped };
    } finally {
      await db.close();
    }

    const { server, client } = await startBenchServer(env, USERNAME);
    try {
      const first = await client.call('GET', ENDPOINTS[0].endpoint.slice('/api'.length));
      const items = first.body.items;
      if (first.status !== 200 || !Array.isArray(items) || items.length !== Math.min(20, counts.scoped) || first.body.total !== counts.scoped) {
        throw new Error(`member list answered ${first.status} with total ${String(first.body.total)}; expected ${counts.scoped}`);
      }
      const headers = { cookie: client.cookieHeader() };
      for (const e of ENDPOINTS) await runLoad(`${server.base}${e.endpoint}`, { connections: CONNECTIONS, seconds: 1, headers });
      const health = await runLoad(`${server.base}/api/health`, { connections: CONNECTIONS, seconds });
      const endpoints: ApiReadEndpoint[] = [];
      for (const e of ENDPOINTS) {
        const load = await runLoad(`${server.base}${e.endpoint}`, { connections: CONNECTIONS, seconds, headers });
        const ratio = load.rps / health.rps;
        endpoints.push({ ...e, load, ratio, pass: load.errors === 0 && ratio >= TARGETS.ratio && load.p99 <= TARGETS.p99Ms });
      }
      return {
        database,
        members: counts.members,
        orgs: counts.orgs,
        scopedMembers: counts.scoped,
        health,
        endpoints,
        targets: TARGETS,
        pass: endpoints.filter((e) => e.target).every((e) => e.pass),
      };
    } finally {
      await server.kill('SIGTERM');
    }
  } finally {
    await env.cleanup();
  }
}
