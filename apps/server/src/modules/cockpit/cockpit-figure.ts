import { sql, type SQL } from 'drizzle-orm';
import type { CockpitGroup, CockpitUnit } from '@gonghui/contracts';

/** Counter values of one org subtree: counter key → value (0 when absent). */
export type CounterRead = (key: string) => number;

/**
 * One cockpit figure, defined once: how it reads, how it is counted (口径), the list behind it,
 * its fast read (from the maintained counters) and its naive SQL (over the base tables).
 */
export interface CockpitFigureDef {
  key: string;
  group: CockpitGroup;
  label: string;
  unit: CockpitUnit;
  note: string;
  /** false: a standing count (today's value whatever the year; no previous year) */
  yearly: boolean;
  /** the counter keys the fast read uses (`cockpit_counts.key`) */
  counters: string[];
  /** the value from the counters of the subtree (year 0 for standing counts) */
  fast: (c: CounterRead) => number;
  /** the same counters from the base tables: one row with one column per counter key (as named) */
  naive: (orgId: string, year: number) => SQL;
  /** the web path of the list behind the figure (query parameters only where that page reads them) */
  link: (orgId: string, year: number) => string;
}

/** Rates are rounded to 4 decimals, the same way in the fast and the naive read. */
export function ratio(num: number, den: number): number {
  return den > 0 ? Math.round((num / den) * 10_000) / 10_000 : 0;
}

/** `col` is an org of the subtree of `orgId` (each org once, whatever the relation). */
export function inSubtree(col: SQL, orgId: string): SQL {
  return sql`${col} IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${orgId}::uuid)`;
}

/** The calendar year in Beijing time of a timestamptz. */
export function shanghaiYear(col: SQL): SQL {
  return sql`extract(year FROM (${col} AT TIME ZONE 'Asia/Shanghai'))::int`;
}

/** A figure that is one counter as it is. */
export function counted(key: string): Pick<CockpitFigureDef, 'counters' | 'fast'> {
  return { counters: [key], fast: (c) => c(key) };
}

/** A rate of two counters. */
export function rated(num: string, den: string): Pick<CockpitFigureDef, 'counters' | 'fast'> {
  return { counters: [num, den], fast: (c) => ratio(c(num), c(den)) };
}

/** A one-row naive query: each counter key as a column computed over the base tables. */
export function columns(cols: Record<string, SQL>): SQL {
  return sql.join(Object.entries(cols).map(([k, v]) => sql`coalesce((${v}), 0)::float8 AS ${sql.identifier(k)}`), sql`, `);
}
