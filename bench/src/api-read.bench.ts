import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { openDatabase } from '../../apps/server/src/platform/db/db-connection.js';
import { initPlatform } from '../../apps/server/src/platform/platform-init.js';
import { orgs } from '../../apps/server/src/platform/org/org.schema.js';
import { users } from '../../apps/server/src/platform/auth/auth.schema.js';
import { hashPassword } from '../../apps/server/src/platform/auth/password.js';
import { replaceUserRoles, rolesByCodes } from '../../apps/server/src/platform/access/role.repository.js';
import { HttpClient, startServerProcess } from '../../apps/server/src/test-support/server-process.js';
import { freshPgDatabase, type BenchArgs } from './bench-support.js';
import { generateOrgs } from './generate-orgs.js';
import { runLoad, type LoadResult } from './load-generator.js';

const PASSWORD = 'Bench-Read-2026!x';

export interface ApiReadResult {
  database: 'pglite' | 'postgres';
  orgs: number;
  endpoint: string;
  health: LoadResult;
  list: LoadResult;
  ratio: number;
  targets: { ratio: number; p99Ms: number };
  pass: boolean;
}

/**
 * api-read: an authenticated, scoped list (a district admin's org list, 20 a page) at 50
 * connections, against the same server's /api/health. (The member list joins this benchmark
 * when the member registry lands.)
 */
export async function apiReadBench(args: BenchArgs, database: 'pglite' | 'postgres'): Promise<ApiReadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-bench-read-'));
  const pgDb = database === 'postgres' && args.pgAdminUrl ? await freshPgDatabase(args.pgAdminUrl) : null;
  const total = args.size === 'tiny' ? 500 : 20_000;
  const seconds = args.size === 'tiny' ? 2 : 10;
  const env = { GONGHUI_DATA_DIR: dataDir, GONGHUI_DEMO: '0', GONGHUI_MFA: 'off', GONGHUI_ADMIN_PASSWORD: PASSWORD, DATABASE_URL: pgDb?.url ?? '', GONGHUI_RUN_JOBS: '0' };
  try {
    const config = { ...loadConfig({ ...process.env, ...env }), logLevel: 'silent' };
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await initPlatform(config, db);
    await generateOrgs(db.db, total);
    const [district] = await db.db.select().from(orgs).where(eq(orgs.code, '330102'));
    const [u] = await db.db.insert(users).values({ username: 'bench_district', name: '压测区管理员', orgId: district!.id, passwordHash: await hashPassword(PASSWORD) }).returning({ id: users.id });
    await replaceUserRoles(db.db, u!.id, 'business', await rolesByCodes(db.db, ['district_admin']), null);
    const orgCount = (await db.db.select({ id: orgs.id }).from(orgs)).length;
    await db.vacuum();
    await db.close();

    const server = await startServerProcess(env, 120_000);
    try {
      const c = new HttpClient(server.base);
      const login = await c.call('POST', '/auth/login', { username: 'bench_district', password: PASSWORD });
      if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`);
      const cookie = c.cookieHeader();
      const endpoint = '/api/orgs?page=1&pageSize=20';
      await runLoad(`${server.base}${endpoint}`, { connections: 50, seconds: 1, headers: { cookie } });
      const health = await runLoad(`${server.base}/api/health`, { connections: 50, seconds });
      const list = await runLoad(`${server.base}${endpoint}`, { connections: 50, seconds, headers: { cookie } });
      const ratio = list.rps / health.rps;
      return { database, orgs: orgCount, endpoint, health, list, ratio, targets: { ratio: 0.3, p99Ms: 100 }, pass: ratio >= 0.3 && list.p99 <= 100 };
    } finally {
      await server.kill('SIGTERM');
    }
  } finally {
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
