import { sql } from 'drizzle-orm';
import { memberListQuerySchema } from '@gonghui/contracts';
import type { AppContext } from '../../apps/server/src/platform/app-context.js';
import type { AuthContext } from '../../apps/server/src/platform/auth/session.service.js';
import { queryRows } from '../../apps/server/src/platform/db/db-connection.js';
import { memberScope } from '../../apps/server/src/modules/members/member.repository.js';
import { listMembers } from '../../apps/server/src/modules/members/member.service.js';
import { seededRandom, type BenchArgs } from './bench-support.js';
import { benchAppContext, benchAuth, benchDataSet } from './bench-dataset.js';
import type { BenchDatabaseKind } from './bench-server.js';
import { percentile } from './load-generator.js';

export const SEARCH_KINDS = ['full name (3 chars)', 'name (2 chars)', '拼音 initials', '身份证'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchKindResult {
  kind: SearchKind;
  queries: number;
  /** example terms (the 身份证 ones masked) */
  examples: string[];
  /** mean matches (the list's total) per query */
  meanMatches: number;
  p50: number;
  p95: number;
  max: number;
  scan: { p50: number; p95: number };
  /** median of the scan over median of the platform's query */
  speedUp: number;
  /** queries whose page of ids or total differ from the scan's */
  mismatches: string[];
  targetP95Ms: number;
  pass: boolean;
}

export interface SearchBenchResult {
  database: BenchDatabaseKind;
  dataSet: { orgs: number; enterprises: number; members: number; generateSeconds: number };
  district: { code: string; name: string; orgs: number; members: number };
  kinds: SearchKindResult[];
}

interface SearchQuery {
  kind: SearchKind;
  q: string;
}

const TARGET_MS: Record<BenchDatabaseKind, number> = { postgres: 50, pglite: 150 };

/** The district with the most active members: the largest subtree a district admin searches. */
async function largestDistrict(ctx: AppContext): Promise<{ id: string; code: string; name: string; orgs: number; members: number }> {
  const [d] = await queryRows<{ id: string; code: string; name: string; orgs: number; members: number }>(
    ctx.db,
    sql`SELECT d.id, d.code, d.name, count(*)::int AS orgs, coalesce(sum(c.members), 0)::int AS members
        FROM orgs d JOIN (SELECT DISTINCT ancestor_id, descendant_id FROM org_closure) x ON x.ancestor_id = d.id
        LEFT JOIN org_counters c ON c.org_id = x.descendant_id
        WHERE d.kind = 'district' GROUP BY d.id, d.code, d.name ORDER BY members DESC, d.code LIMIT 1`,
  );
  if (!d) throw new Error('no district in the data set');
  return d;
}

/**
 * Deterministic query terms from the active members of the district (in card-number order, drawn
 * with a fixed seed): distinct 3-character names, distinct 2-character names, distinct 首字母 of
 * 3-character names, and 身份证 numbers (decrypted, as a user would type them).
 */
async function pickQueries(ctx: AppContext, auth: AuthContext, perKind: number): Promise<SearchQuery[]> {
  const rows = await queryRows<{ id: string; name: string; name_initials: string }>(
    ctx.db,
    sql`SELECT m.id, m.name, m.name_initials FROM members m WHERE ${memberScope(auth.scope)} AND m.status = 'active' ORDER BY m.card_no`,
  );
  const rnd = seededRandom(77);
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const picked = new Map<SearchKind, Set<string>>(SEARCH_KINDS.map((k) => [k, new Set<string>()]));
  const idCardMembers: string[] = [];
  const take = (kind: SearchKind, term: string) => {
    const set = picked.get(kind)!;
    if (set.size < perKind) set.add(term);
  };
  for (const i of order) {
    const m = rows[i]!;
    const chars = [...m.name];
    if (chars.length === 3) {
      take('full name (3 chars)', m.name);
      if (m.name_initials.length === 3) take('拼音 initials', m.name_initials);
    }
    if (chars.length === 2) take('name (2 chars)', m.name);
    if (idCardMembers.length < perKind) idCardMembers.push(m.id);
    if ([...picked.entries()].every(([k, s]) => k === '身份证' || s.size >= perKind) && idCardMembers.length >= perKind) break;
  }
  const encrypted = await queryRows<{ id_card_enc: string }>(ctx.db, sql`SELECT id_card_enc FROM members WHERE id IN (${sql.join(idCardMembers.map((id) => sql`${id}::uuid`), sql`, `)}) ORDER BY card_no`);
  for (const r of encrypted) take('身份证', ctx.crypto.decrypt(r.id_card_enc));
  return SEARCH_KINDS.flatMap((kind) => [...picked.get(kind)!].map((q) => ({ kind, q })));
}

/** The member list endpoint's service call (page 1, 20 a page, 在册 members), as a district admin. */
const search = (ctx: AppContext, auth: AuthContext, q: string) => listMembers(ctx, auth, memberListQuerySchema.parse({ q }));

/** The same call inside a transaction where the planner may use no index: a sequential scan of the same predicate. */
const searchByScan = (ctx: AppContext, auth: AuthContext, q: string) =>
  ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_indexscan = off`);
    await tx.execute(sql`SET LOCAL enable_indexonlyscan = off`);
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
    return search({ ...ctx, db: tx }, auth, q);
  });

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
}

const mask = (kind: SearchKind, q: string) => (kind === '身份证' ? `${q.slice(0, 6)}********${q.slice(14)}` : q);

/**
 * search: member search in the largest district's subtree as that district's admin, through the
 * member list service (the real search predicate, scope predicate and query of GET /api/members),
 * for 3-character names, 2-character names, 拼音 initials and exact 身份证 numbers; each query
 * against the same call restricted to sequential scans, whose results must be identical.
 */
export async function searchBench(args: BenchArgs, database: BenchDatabaseKind): Promise<SearchBenchResult> {
  const dataSet = await benchDataSet(args, database);
  const db = await dataSet.env.open();
  try {
    const ctx = await benchAppContext(dataSet.env, db);
    const district = await largestDistrict(ctx);
    const auth = await benchAuth(db, `bench_search_${district.code}`, district.code, ['district_admin']);
    const queries = await pickQueries(ctx, auth, args.size === 'tiny' ? 10 : 50);

    // warm-up: every query once (caches, plans), unmeasured
    for (const { q } of queries) await search(ctx, auth, q);
    const kinds: SearchKindResult[] = [];
    for (const kind of SEARCH_KINDS) {
      const mine = queries.filter((x) => x.kind === kind);
      const fast: number[] = [];
      const slow: number[] = [];
      const mismatches: string[] = [];
      let matches = 0;
      for (const { q } of mine) {
        const a = await timed(() => search(ctx, auth, q));
        const b = await timed(() => searchByScan(ctx, auth, q));
        fast.push(a.ms);
        slow.push(b.ms);
        matches += a.value.total;
        const ids = (r: typeof a.value) => `${r.total}:${r.items.map((m) => m.id).join(',')}`;
        if (ids(a.value) !== ids(b.value)) mismatches.push(`${mask(kind, q)}: index ${a.value.total} rows, scan ${b.value.total} rows`);
      }
      fast.sort((x, y) => x - y);
      slow.sort((x, y) => x - y);
      const p95 = percentile(fast, 95);
      kinds.push({
        kind,
        queries: mine.length,
        examples: mine.slice(0, 3).map((x) => mask(kind, x.q)),
        meanMatches: mine.length ? matches / mine.length : 0,
        p50: percentile(fast, 50),
        p95,
        max: fast[fast.length - 1] ?? 0,
        scan: { p50: percentile(slow, 50), p95: percentile(slow, 95) },
        speedUp: percentile(slow, 50) / Math.max(percentile(fast, 50), 0.001),
        mismatches,
        targetP95Ms: TARGET_MS[database],
        pass: p95 <= TARGET_MS[database] && mismatches.length === 0,
      });
    }
    return {
      database,
      dataSet: { ...dataSet.counts, generateSeconds: dataSet.generateSeconds },
      district: { code: district.code, name: district.name, orgs: district.orgs, members: district.members },
      kinds,
    };
  } finally {
    await db.close();
  }
}
