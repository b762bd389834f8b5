import { openDatabase, type Database } from '../platform/db/db-connection.js';
import { createScratchPgDatabase } from './scratch-database.js';
import { migratedPgliteImage, migratedPgTemplate } from './migrated-template.js';
import type { DatabaseSource } from './demo-template.js';

/**
 * A fresh, real database for one test file: in-memory PGlite by default, or a new empty database
 * on the PostgreSQL server of DATABASE_URL (dropped afterwards). Never a mock. Both start from
 * the migrated image / template of the current migrations when the test run's globalSetup built it,
 * or from `source` (e.g. the run's demo seed).
 */
export interface TestDatabase {
  database: Database;
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(source?: DatabaseSource): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ databaseUrl: null, dataDir: null, image: source?.image ?? migratedPgliteImage() });
    return { database, url: null, drop: () => database.close() };
  }
  const scratch = await createScratchPgDatabase(adminUrl, 'gh_test', source?.pgTemplate ?? (await migratedPgTemplate(adminUrl)));
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize: 10 });
  return {
    database,
    url: scratch.url,
    drop: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
