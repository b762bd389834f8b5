import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScratchPgDatabase } from '../../apps/server/src/test-support/scratch-database.js';
import { PROJECT_ROOT } from '../../apps/server/src/config/config.js';

export type BenchSize = 'tiny' | 'full';

export interface BenchArgs {
  size: BenchSize;
  /** PostgreSQL admin URL (DATABASE_URL) or null for embedded PGlite */
  pgAdminUrl: string | null;
  /** --rows=N: the main table's size instead of the size's default */
  rows: number | null;
  /** --db=pglite|postgres: only that engine */
  only: 'pglite' | 'postgres' | null;
}

export function parseArgs(argv: string[]): { names: string[]; args: BenchArgs } {
  const size: BenchSize = argv.includes('--tiny') ? 'tiny' : 'full';
  const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
  const rows = option('rows');
  const only = option('db');
  if (only !== null && only !== 'pglite' && only !== 'postgres') throw new Error('--db 应为 pglite 或 postgres');
  return { names: argv.filter((a) => !a.startsWith('--')), args: { size, pgAdminUrl: process.env.DATABASE_URL || null, rows: rows ? Number(rows) : null, only } };
}

/** A fresh empty PostgreSQL database for one benchmark run. */
export const freshPgDatabase = (adminUrl: string) => createScratchPgDatabase(adminUrl, 'gh_bench');

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function writeResult(name: string, result: unknown): string {
  const dir = join(PROJECT_ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

export function printTable(rows: Record<string, string | number>[]): void {
  console.table(rows);
}
