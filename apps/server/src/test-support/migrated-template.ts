import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_DIR, openDatabase } from '../platform/db/db-connection.js';

/**
 * Test files start from a database that already holds every migration, instead of running them
 * each time: a PGlite data folder image in the temp folder, or a template database on the
 * PostgreSQL server. Both are named after the migrations' journal, so a new migration makes new ones.
 */
const journalHash = (): string => createHash('sha256').update(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'))).digest('hex').slice(0, 12);

export const pgliteImagePath = (): string => join(tmpdir(), `gh-test-migrated-${journalHash()}.tar`);
export const pgTemplateName = (): string => `gh_tpl_${journalHash()}`;

async function adminQuery<T extends pg.QueryResultRow>(adminUrl: string, statement: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query<T>(statement, params)).rows;
  } finally {
    await c.end();
  }
}

/** Builds the image (and, with DATABASE_URL, the template database) once per set of migrations. */
export async function prepareMigratedTemplates(): Promise<void> {
  const image = pgliteImagePath();
  if (!existsSync(image)) {
    const d = await openDatabase({ databaseUrl: null, dataDir: null });
    const client = (d.db as unknown as { $client: PGlite }).$client;
    const blob = await client.dumpDataDir('none');
    await d.close();
    const tmp = `${image}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, image);
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return;
  const name = pgTemplateName();
  const [found] = await adminQuery<{ ok: boolean }>(adminUrl, 'SELECT true AS ok FROM pg_database WHERE datname = $1', [name]);
  if (found) return;
  const building = `${name}_${process.pid}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${building}`);
  const u = new URL(adminUrl);
  u.pathname = `/${building}`;
  const d = await openDatabase({ databaseUrl: u.toString(), dataDir: null, poolSize: 1 });
  await d.close();
  await adminQuery(adminUrl, `ALTER DATABASE ${building} RENAME TO ${name}`);
}

/** The PGlite image, when it has been built for the current migrations. */
export function migratedPgliteImage(): Blob | undefined {
  const image = pgliteImagePath();
  return existsSync(image) ? new Blob([readFileSync(image)]) : undefined;
}

/** The template database's name, when it exists for the current migrations. */
export async function migratedPgTemplate(adminUrl: string): Promise<string | undefined> {
  const name = pgTemplateName();
  const [found] = await adminQuery<{ ok: boolean }>(adminUrl, 'SELECT true AS ok FROM pg_database WHERE datname = $1', [name]);
  return found ? name : undefined;
}
