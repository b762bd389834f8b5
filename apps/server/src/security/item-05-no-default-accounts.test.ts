import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPgDatabase } from '../test-support/scratch-database.js';
import { HttpClient, startServerProcess, type ServerProcess } from '../test-support/server-process.js';
import { openDatabase } from '../platform/db/db-connection.js';
import { users } from '../platform/auth/auth.schema.js';
import { hashPassword, verifyPassword } from '../platform/auth/password.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-orgs.data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { initPlatform } from '../platform/platform-init.js';

const PLATFORM = ['sysadmin', 'secadmin', 'auditor'];
const EXPERTS = ['expert1', 'expert2', 'expert3', 'expert4', 'expert5'];
/** what someone would try first against a fresh install (four: a fifth failure would lock the account) */
const GUESSES = [DEMO_PASSWORD, 'Admin@123', 'Gonghui@123', 'P@ssw0rd123'];

describe('security.md item 5: no default accounts with known passwords outside demo mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-nodefault-'));
  let pgDb: { url: string; drop: () => Promise<void> } | null = null;
  let server: ServerProcess | null = null;
  let printed = '';

  beforeAll(async () => {
    const admin = process.env.DATABASE_URL;
    pgDb = admin ? await createScratchPgDatabase(admin, 'gh_nodefault') : null;
    // a production start: not demo, second factors on, no GONGHUI_ADMIN_PASSWORD
    server = await startServerProcess({ GONGHUI_DATA_DIR: dataDir, GONGHUI_DEMO: '0', GONGHUI_MFA: '', GONGHUI_ADMIN_PASSWORD: '', GONGHUI_DATA_KEY: '', GONGHUI_IP_FAILED_LOGIN_LIMIT: '1000', DATABASE_URL: pgDb?.url ?? '' });
    const m = /初始密码[^:]*:(\S+)/.exec(server.log());
    printed = m?.[1] ?? '';
  }, 120_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens no account with the demo password or a usual guess', async () => {
    const c = new HttpClient(server!.base);
    for (const username of [...PLATFORM, ...EXPERTS, ...DEMO_ACCOUNTS.map((a) => a.username)]) {
      for (const password of GUESSES) {
        const r = await c.call('POST', '/auth/login', { username, password });
        expect(r.status, `${username} / ${password}`).toBe(401);
      }
    }
  });

  it('prints a random initial password once, which must be changed at first login', async () => {
    expect(printed.length).toBeGreaterThanOrEqual(16);
    expect(server!.log().split(printed).length - 1).toBe(1);
    const c = new HttpClient(server!.base);
    const r = await c.call('POST', '/auth/login', { username: 'sysadmin', password: printed });
    expect(r.status).toBe(200);
    expect(r.body.passwordChangeRequired).toBe(true);
    expect((await c.call('GET', '/users')).status).toBe(403);
  });

  it('holds only the three platform accounts, each under its own salted hash of no known password', async () => {
    await server!.kill('SIGTERM');
    server = null;
    const database = await openDatabase({ databaseUrl: pgDb?.url ?? null, dataDir: pgDb ? null : dataDir, poolSize: 1 });
    try {
      const rows = await database.db.select({ username: users.username, hash: users.passwordHash, mustChange: users.mustChangePassword }).from(users);
      expect(rows.map((r) => r.username).sort()).toEqual([...PLATFORM].sort());
      expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
      for (const r of rows) {
        expect(r.mustChange, r.username).toBe(true);
        for (const guess of [...GUESSES, r.username]) expect(await verifyPassword(guess, r.hash), `${r.username} / ${guess}`).toBe(false);
        expect(await verifyPassword(printed, r.hash)).toBe(true);
      }
    } finally {
      await database.close();
    }
  });
});

describe('security.md item 5: a demo database started outside demo mode keeps no account on the demo password', () => {
  let t: TestApp;
  let notices: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    // as `npm start` leaves them in demo mode without GONGHUI_ADMIN_PASSWORD: the platform accounts on the demo password too
    const demoHash = await hashPassword(DEMO_PASSWORD);
    await t.ctx.db.update(users).set({ passwordHash: demoHash }).where(inArray(users.username, PLATFORM));
    // the same database, started again with GONGHUI_DEMO=0 and no GONGHUI_ADMIN_PASSWORD
    const again = await initPlatform({ ...t.config, demo: false, adminPassword: null, mfa: null }, t.testDb.database);
    notices = again.notices;
  });
  afterAll(() => t.close());

  it('leaves no active account whose password is the demo password', async () => {
    const rows = await t.ctx.db.select({ username: users.username, hash: users.passwordHash, status: users.status }).from(users);
    expect(rows.length).toBeGreaterThan(10);
    const byHash = new Map<string, boolean>();
    for (const r of rows) {
      if (!byHash.has(r.hash)) byHash.set(r.hash, await verifyPassword(DEMO_PASSWORD, r.hash));
      if (r.status === 'active') expect(byHash.get(r.hash), r.username).toBe(false);
    }
    for (const username of [...PLATFORM, ...DEMO_ACCOUNTS.map((a) => a.username)]) {
      expect((await t.client().post('/auth/login', { username, password: DEMO_PASSWORD }, { csrf: false })).status, username).toBe(401);
    }
  });

  it('gives the platform accounts a new password printed once, to be changed at first login', async () => {
    const line = notices.find((n) => n.includes('演示密码已作废'));
    const printed = /:(\S+)$/.exec(line ?? '')?.[1] ?? '';
    expect(printed.length).toBeGreaterThanOrEqual(16);
    const r = await t.client().post('/auth/login', { username: 'sysadmin', password: printed }, { csrf: false });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ passwordChangeRequired: true });
  });
});
