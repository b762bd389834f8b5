import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { PROJECT_ROOT } from '../../config/config.js';

export type Schema = typeof schema;
/** A database or a transaction: both run queries the same way. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs VACUUM ANALYZE (PGlite has no autovacuum). */
  vacuum(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = resolve(PROJECT_ROOT, 'apps/server/drizzle');
const MIGRATION_LOCK = 727_000_001;

export interface OpenOptions {
  databaseUrl: string | null;
  /** PGlite folder; null = in memory (tests) */
  dataDir: string | null;
  poolSize?: number;
  migrate?: boolean;
  /** PGlite only: start from this data folder image (`dumpDataDir`), e.g. an already migrated one in tests */
  image?: Blob;
}

/** Rows of a raw SQL query, the same on both drivers. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20, options: '-c TimeZone=UTC' });
    pool.on('error', () => {
      /* a broken idle client is dropped by the pool; queries report their own errors */
    });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    if (opts.migrate !== false) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      } finally {
        client.release();
      }
    }
    return {
      db,
      kind: 'postgres',
      vacuum: async () => {
        await pool.query('VACUUM ANALYZE');
      },
      close: () => pool.end(),
    };
  }
  const release = opts.dataDir ? acquireDataDirLock(opts.dataDir) : () => undefined;
  try {
    const client = await PGlite.create(opts.dataDir ? join(opts.dataDir, 'pgdata') : undefined, { extensions: { pg_trgm }, ...(opts.image ? { loadDataDir: opts.image } : {}) });
    await client.exec("SET TIME ZONE 'UTC'");
    const pgliteDb = drizzlePglite({ client, schema });
    if (opts.migrate !== false) await migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_DIR });
    return {
      db: pgliteDb as unknown as Db,
      kind: 'pglite',
      vacuum: async () => {
        await client.exec('VACUUM ANALYZE');
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM orgs`);
  return (rows[0]?.n ?? 0) === 0;
}
