import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { openDatabase, queryRows, type Database } from '../../apps/server/src/platform/db/db-connection.js';
import type { FieldCrypto } from '../../apps/server/src/platform/crypto/field-crypto.js';
import { initPlatform } from '../../apps/server/src/platform/platform-init.js';
import { orgs } from '../../apps/server/src/platform/org/org.schema.js';
import { users } from '../../apps/server/src/platform/auth/auth.schema.js';
import { hashPassword } from '../../apps/server/src/platform/auth/password.js';
import { replaceUserRoles, rolesByCodes } from '../../apps/server/src/platform/access/role.repository.js';
import { HttpClient, startServerProcess, type ServerProcess } from '../../apps/server/src/test-support/server-process.js';
import { freshPgDatabase, type BenchArgs } from './bench-support.js';
import { generateOrgs } from './generate-orgs.js';

export const BENCH_PASSWORD = 'Bench-Read-2026!x';
export type BenchDatabaseKind = 'pglite' | 'postgres';

/** A benchmark's own database (a fresh PostgreSQL database or a PGlite data directory) with the platform initialised. */
export interface BenchEnvironment {
  database: BenchDatabaseKind;
  dataDir: string;
  /** the server's environment for this database */
  env: Record<string, string>;
  /** PostgreSQL URL of the benchmark database, null on PGlite */
  pgUrl: string | null;
  /** the field encryption of this environment's data key (what the server will use) */
  crypto: FieldCrypto;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

export async function benchEnvironment(args: BenchArgs, database: BenchDatabaseKind, extraEnv: Record<string, string> = {}): Promise<BenchEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-bench-'));
  const pgDb = database === 'postgres' && args.pgAdminUrl ? await freshPgDatabase(args.pgAdminUrl) : null;
  const env = { GONGHUI_DATA_DIR: dataDir, GONGHUI_DEMO: '0', GONGHUI_MFA: 'off', GONGHUI_ADMIN_PASSWORD: BENCH_PASSWORD, DATABASE_URL: pgDb?.url ?? '', GONGHUI_RUN_JOBS: '0', ...extraEnv };
  const config = { ...loadConfig({ ...process.env, ...env }), logLevel: 'silent' };
  const open = () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const first = await open();
  const { crypto } = (await initPlatform(config, first)).ctx;
  await first.close();
  return {
    database,
    dataDir,
    env,
    pgUrl: pgDb?.url ?? null,
    crypto,
    open,
    cleanup: async () => {
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The standard org tree of the data set (about `total` orgs) in an opened bench database. */
export async function seedOrgTree(db: Database, total: number): Promise<number> {
  await generateOrgs(db.db, total);
  const [row] = await queryRows<{ n: number }>(db.db, sql`SELECT count(*)::int AS n FROM orgs`);
  return row?.n ?? 0;
}

/** A user at the org with `orgCode` holding the given built-in roles. */
export async function addBenchUser(db: Database, username: string, orgCode: string, roleCodes: string[]): Promise<void> {
  const [org] = await db.db.select().from(orgs).where(eq(orgs.code, orgCode));
  if (!org) throw new Error(`no org ${orgCode}`);
  const [u] = await db.db.insert(users).values({ username, name: `压测用户${username}`, orgId: org.id, passwordHash: await hashPassword(BENCH_PASSWORD) }).returning({ id: users.id });
  await replaceUserRoles(db.db, u!.id, 'business', await rolesByCodes(db.db, roleCodes), null);
}

/** The server as a separate process on the bench database, with a logged-in client. */
export async function startBenchServer(env: BenchEnvironment, username: string, bootMs = 120_000): Promise<{ server: ServerProcess; client: HttpClient }> {
  const server = await startServerProcess(env.env, bootMs);
  const client = new HttpClient(server.base);
  const login = await client.call('POST', '/auth/login', { username, password: BENCH_PASSWORD });
  if (login.status !== 200) {
    await server.kill('SIGTERM');
    throw new Error(`bench login failed: ${login.status} ${JSON.stringify(login.body)}`);
  }
  return { server, client };
}
