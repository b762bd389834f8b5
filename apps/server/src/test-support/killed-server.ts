import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../platform/db/db-connection.js';
import { createTestApp } from './test-app.js';
import { DEMO_TEST_DATA_KEY, demoSeededSource } from './demo-template.js';
import { createScratchPgDatabase } from './scratch-database.js';
import { HttpClient, startServerProcess, type ServerProcess } from './server-process.js';

/**
 * A real server process on a copy of the run's demo data (an embedded data folder, or a scratch
 * PostgreSQL database when DATABASE_URL is set), for tests that kill it with SIGKILL and start it
 * again on the same data. `withDb` opens the data while the server is down (PGlite allows one
 * process) or beside it (PostgreSQL).
 */
export interface KilledServer {
  server: ServerProcess | null;
  env: Record<string, string>;
  start(): Promise<ServerProcess>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  withDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  login(username: string): Promise<HttpClient>;
  dispose(): Promise<void>;
}

export async function demoServer(password: string): Promise<KilledServer> {
  // the demo seed is built once per test run; a throwaway app makes sure it exists before we copy it
  await (await createTestApp({ demo: true })).close();
  const source = await demoSeededSource(() => Promise.reject(new Error('the demo seed should exist already')));
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-kill-'));
  const admin = process.env.DATABASE_URL;
  const pg = admin ? await createScratchPgDatabase(admin, 'gh_kill', source.pgTemplate) : null;
  if (!pg) await (await openDatabase({ databaseUrl: null, dataDir, image: source.image, migrate: false })).close();
  // demo mode on the demo data (a non-demo start retires the demo accounts' known passwords, security.md 5)
  const env = { GONGHUI_DATA_DIR: dataDir, GONGHUI_DEMO: '1', GONGHUI_MFA: 'off', GONGHUI_DATA_KEY: DEMO_TEST_DATA_KEY, DATABASE_URL: pg?.url ?? '' };
  const s: KilledServer = {
    server: null,
    env,
    start: async () => {
      await s.server?.kill('SIGKILL'); // never two servers on one database (a failed test may leave one running)
      return (s.server = await startServerProcess(env));
    },
    kill9: async () => {
      await s.server?.kill('SIGKILL');
      s.server = null;
    },
    stop: async () => {
      await s.server?.kill('SIGTERM');
      s.server = null;
    },
    withDb: async (fn) => {
      const database = await openDatabase({ databaseUrl: pg?.url ?? null, dataDir, migrate: false, poolSize: 2 });
      try {
        return await fn(database.db);
      } finally {
        await database.close();
      }
    },
    login: async (username) => {
      const c = new HttpClient(s.server!.base);
      const r = await c.call('POST', '/auth/login', { username, password });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return c;
    },
    dispose: async () => {
      await s.server?.kill('SIGKILL');
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return s;
}
