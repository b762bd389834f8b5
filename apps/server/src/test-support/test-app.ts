import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type AppConfig } from '../config/config.js';
import { initPlatform } from '../platform/platform-init.js';
import type { AppContext } from '../platform/app-context.js';
import { buildApp } from '../app.js';
import { DEMO_TEST_DATA_KEY, demoSeededSource } from './demo-template.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TestClient } from './test-client.js';

export const TEST_ADMIN_PASSWORD = 'Test-Admin-2026!x';
export const TEST_PASSWORD = 'Gh-test-2026!x';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  config: AppConfig;
  testDb: TestDatabase;
  /** a client logged in as a platform account (TOTP enrolled on the way when MFA is on) */
  login(username: string, password?: string): Promise<TestClient>;
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  mfa?: boolean;
  demo?: boolean;
  config?: Partial<AppConfig>;
}

/** Builds the real app on a fresh real database; requests go through app.inject. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-test-'));
  const base = loadConfig({ ...process.env, GONGHUI_DATA_DIR: dataDir, DATABASE_URL: '' });
  const config: AppConfig = {
    ...base,
    databaseUrl: null,
    adminPassword: TEST_ADMIN_PASSWORD,
    demo: opts.demo ?? false,
    mfa: opts.mfa ?? false,
    dataKey: opts.demo ? DEMO_TEST_DATA_KEY : null,
    keyFile: null,
    logLevel: 'silent',
    ...opts.config,
  };
  // demo data: seeded once per test run (with one key), each test file on a copy
  const source = config.demo
    ? await demoSeededSource(async (database) => {
        const seeded = await initPlatform(config, database);
        await seeded.ctx.jobs.stop();
      })
    : undefined;
  const testDb = await createTestDatabase(source);
  const { ctx } = await initPlatform(config, testDb.database);
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  const client = () => new TestClient(app);
  return {
    app,
    ctx: app.ctx,
    config,
    testDb,
    client,
    login: async (username, password = TEST_ADMIN_PASSWORD) => {
      const c = client();
      const r = await c.login(username, password);
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return c;
    },
    close: async () => {
      await ctx.jobs.stop();
      await app.close();
      await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
