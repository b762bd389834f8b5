import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import type { CounterRead } from './cockpit-figure.js';
import { COCKPIT_COUNTER_KEYS, COCKPIT_FIGURES } from './cockpit-figures.js';

const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Subtree counters of several orgs for some years: org → year → key → value. One index range read. */
export async function readCounters(db: Db, orgIds: string[], years: number[]): Promise<Map<string, Map<number, Map<string, number>>>> {
  const out = new Map<string, Map<number, Map<string, number>>>();
  if (orgIds.length === 0) return out;
  const rows = await queryRows<{ org_id: string; year: number; key: string; value: string | number }>(
    db,
    sql`SELECT org_id, year, key, value FROM cockpit_counts
        WHERE org_id IN (${uuidList(orgIds)}) AND year IN (${sql.join(years.map((y) => sql`${y}::int`), sql`, `)})
          AND key IN (${sql.join(COCKPIT_COUNTER_KEYS.map((k) => sql`${k}`), sql`, `)})`,
  );
  for (const r of rows) {
    const byYear = out.get(r.org_id) ?? new Map<number, Map<string, number>>();
    const byKey = byYear.get(Number(r.year)) ?? new Map<string, number>();
    byKey.set(r.key, Number(r.value));
    byYear.set(Number(r.year), byKey);
    out.set(r.org_id, byYear);
  }
  return out;
}

export function counterRead(counters: Map<string, Map<number, Map<string, number>>>, orgId: string, year: number): CounterRead {
  const byKey = counters.get(orgId)?.get(year);
  return (key) => byKey?.get(key) ?? 0;
}

/** One figure from the base tables (the naive query): for the equality test and the benchmark. */
export async function naiveFigure(db: Db, key: string, orgId: string, year: number): Promise<number> {
  const def = COCKPIT_FIGURES.find((f) => f.key === key);
  if (!def) throw new Error(`unknown cockpit figure ${key}`);
  const [row] = await queryRows<Record<string, number | string | null>>(db, def.naive(orgId, year));
  return def.fast((k) => Number(row?.[k] ?? 0));
}

/** One figure from the counters (the fast read). */
export async function fastFigure(db: Db, key: string, orgId: string, year: number): Promise<number> {
  const def = COCKPIT_FIGURES.find((f) => f.key === key);
  if (!def) throw new Error(`unknown cockpit figure ${key}`);
  const y = def.yearly ? year : 0;
  const counters = await readCounters(db, [orgId], [y]);
  return def.fast(counterRead(counters, orgId, y));
}

export interface ChildOrgRow {
  id: string;
  name: string;
  kind: string;
  has_children: boolean;
}

/** Rebuilds every counter from the base tables (repair; after the demo seed). */
export async function recomputeCockpitCounters(db: Db): Promise<void> {
  await db.execute(sql`SELECT cockpit_recompute()`);
}
