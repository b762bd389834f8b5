import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../platform/db/db-connection.js';
import { migratedPgliteImage, migratedPgTemplate } from './migrated-template.js';
import { createScratchPgDatabase } from './scratch-database.js';

/** Where a test database starts from: a PGlite data folder image, or a PostgreSQL template database. */
export interface DatabaseSource {
  image?: Blob;
  pgTemplate?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** a folder for this test run only (globalSetup makes it and removes it) */
    testRunDir: string;
  }
}

/** The data key of every demo-seeded test database (the seeded rows are encrypted with it). */
export const DEMO_TEST_DATA_KEY = '5a17'.repeat(16);

/** PostgreSQL databases holding a run's demo seed start with this (globalSetup drops them). */
export const DEMO_PG_PREFIX = 'gh_demo_tpl';

const WAIT_MS = 15 * 60_000;

async function built(dir: string): Promise<DatabaseSource> {
  const ready = join(dir, 'demo.ready.json');
  const failed = join(dir, 'demo.failed');
  for (const until = Date.now() + WAIT_MS; Date.now() < until; await sleep(250)) {
    if (existsSync(failed)) throw new Error(`the demo seed of this test run failed: ${readFileSync(failed, 'utf8')}`);
    if (!existsSync(ready)) continue;
    const r = JSON.parse(readFileSync(ready, 'utf8')) as { image?: string; pgTemplate?: string };
    return r.image ? { image: new Blob([readFileSync(r.image)]) } : { pgTemplate: r.pgTemplate };
  }
  throw new Error('timed out waiting for the demo seed of this test run');
}

/** Written whole, then renamed: a file waiting in built() never reads it half-written. */
function markReady(dir: string, ready: { image?: string; pgTemplate?: string }): void {
  const tmp = join(dir, `demo.ready.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(ready));
  renameSync(tmp, join(dir, 'demo.ready.json'));
}

async function build(dir: string, seed: (database: Database) => Promise<void>): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ databaseUrl: null, dataDir: null, image: migratedPgliteImage() });
    await seed(database);
    const blob = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    await database.close();
    const image = join(dir, 'demo.tar');
    writeFileSync(image, Buffer.from(await blob.arrayBuffer()));
    markReady(dir, { image });
    return;
  }
  const scratch = await createScratchPgDatabase(adminUrl, DEMO_PG_PREFIX, await migratedPgTemplate(adminUrl));
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize: 4 });
  await seed(database);
  await database.close();
  markReady(dir, { pgTemplate: new URL(scratch.url).pathname.slice(1) });
}

/**
 * The demo data seeded once per test run: the first test file that asks seeds it (with `seed`)
 * and saves the result; the others wait for it and start from a copy. Test files that change
 * demo rows change only their copy.
 */
export async function demoSeededSource(seed: (database: Database) => Promise<void>): Promise<DatabaseSource> {
  const dir = inject('testRunDir');
  try {
    mkdirSync(join(dir, 'demo.lock'));
  } catch {
    return built(dir);
  }
  try {
    await build(dir, seed);
  } catch (e) {
    writeFileSync(join(dir, 'demo.failed'), e instanceof Error ? (e.stack ?? e.message) : String(e));
    throw e;
  }
  return built(dir);
}
