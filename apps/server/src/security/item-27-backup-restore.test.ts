import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { createScratchPgDatabase } from '../test-support/scratch-database.js';
import { createOrgVia, districtByCode, userClient } from '../test-support/fixtures.js';
import { initPlatform } from '../platform/platform-init.js';
import { buildApp } from '../app.js';
import { TestClient } from '../test-support/test-client.js';
import { verifyAuditChain } from '../platform/audit/audit-verify.js';
import { backupTo, restoreFrom, summarise } from '../platform/db/backup.js';
import { openDatabase, queryRows } from '../platform/db/db-connection.js';
import { PROJECT_ROOT } from '../config/config.js';

const exec = promisify(execFile);

/** Runs a documented npm command (README: npm run db:backup / db:restore) against the database the env names. */
async function npmRun(script: string, file: string, env: Record<string, string>): Promise<string> {
  const r = await exec('npm', ['run', '--silent', script, '--', file], { cwd: PROJECT_ROOT, env: { ...process.env, GONGHUI_LOG_LEVEL: 'warn', ...env }, timeout: 120_000 });
  return r.stdout;
}

describe('security.md item 27: backup and restore — the documented commands dump PGlite or PostgreSQL and restore into an empty database, row counts and checksums equal', () => {
  let t: TestApp;
  let target: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'gh-backup-'));
  const file = join(dir, 'backup.jsonl.gz');

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    const sc = await districtByCode(t, '330102');
    const street = await createOrgVia(sys, sc.id, '湖滨街道总工会', 'street');
    for (let i = 0; i < 30; i++) await createOrgVia(sys, street.id, `杭州备份测试${i}号有限公司工会`, 'grassroots', { unionType: 'enterprise' });
    await userClient(t, sys, 'backup_user', street.id, ['street_admin']);
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips every table with equal row counts and checksums', async () => {
    const before = await summarise(t.ctx.db);
    expect(before.find((s) => s.table === 'orgs')!.rows).toBeGreaterThan(40);
    expect(before.find((s) => s.table === 'audit_log')!.rows).toBeGreaterThan(30);
    const written = await backupTo(t.ctx.db, t.ctx.dbKind, file);
    expect(written.map((w) => w.rows)).toEqual(before.map((b) => b.rows));
    await restoreFrom(target.database.db, file);
    const after = await summarise(target.database.db);
    expect(after).toEqual(before);
  });

  it('gives a restored database that works: the audit chain verifies, sequences continue, users log in', async () => {
    expect((await verifyAuditChain(target.database.db)).ok).toBe(true);
    const [seqBefore] = await queryRows<{ v: string }>(t.ctx.db, sql`SELECT last_value::text AS v FROM org_code_seq`);
    const [seqAfter] = await queryRows<{ v: string }>(target.database.db, sql`SELECT last_value::text AS v FROM org_code_seq`);
    expect(seqAfter!.v).toBe(seqBefore!.v);
    const { ctx } = await initPlatform(t.config, target.database);
    const app = await buildApp(ctx, { serveWeb: false });
    try {
      const c = new TestClient(app);
      expect((await c.login('backup_user', 'Gh-test-2026!x')).status).toBe(200);
      const tree = await c.get<{ name: string; children: unknown[] }[]>('/orgs/tree');
      expect(tree.body[0]!.name).toBe('湖滨街道总工会');
      expect(tree.body[0]!.children).toHaveLength(30);
      const created = await c.post<{ code: string }>('/orgs', { parentId: (tree.body[0] as unknown as { id: string }).id, name: '恢复后新建工会', kind: 'grassroots' });
      expect(created.status).toBe(201);
    } finally {
      await app.close();
    }
  });

  it('npm run db:backup / db:restore round-trip through an empty PGlite data folder (and an empty PostgreSQL database when DATABASE_URL is set), warning that the backup needs the data key', async () => {
    const before = await summarise(t.ctx.db);
    const pgliteDir = mkdtempSync(join(tmpdir(), 'gh-restore-'));
    const fromPglite = join(dir, 'from-pglite.jsonl.gz');
    const admin = process.env.DATABASE_URL;
    const pgDb = admin ? await createScratchPgDatabase(admin, 'gh_restore') : null;
    try {
      // the test database's backup (PGlite or PostgreSQL, whichever this run uses) into an empty data folder, then that folder backed up again
      expect(await npmRun('db:restore', file, { GONGHUI_DATA_DIR: pgliteDir, DATABASE_URL: '' })).toMatch(/已恢复到 内嵌数据库/);
      const out = await npmRun('db:backup', fromPglite, { GONGHUI_DATA_DIR: pgliteDir, DATABASE_URL: '' });
      expect(out).toMatch(/已备份 内嵌数据库/);
      expect(out).toMatch(/备份不含数据密钥.*无法解密/);
      const restored = await openDatabase({ databaseUrl: null, dataDir: pgliteDir });
      try {
        expect(await summarise(restored.db)).toEqual(before);
        expect((await verifyAuditChain(restored.db)).ok).toBe(true);
      } finally {
        await restored.close();
      }
      if (pgDb) {
        expect(await npmRun('db:restore', fromPglite, { DATABASE_URL: pgDb.url })).toMatch(/已恢复到 PostgreSQL/);
        const pgOut = await npmRun('db:backup', join(dir, 'from-pg.jsonl.gz'), { DATABASE_URL: pgDb.url });
        expect(pgOut).toMatch(/已备份 PostgreSQL/);
        expect(pgOut).toMatch(/备份不含数据密钥/);
        const onPg = await openDatabase({ databaseUrl: pgDb.url, dataDir: pgliteDir, poolSize: 2 });
        try {
          expect(await summarise(onPg.db)).toEqual(before);
          expect((await verifyAuditChain(onPg.db)).ok).toBe(true);
        } finally {
          await onPg.close();
        }
      }
    } finally {
      await pgDb?.drop();
      rmSync(pgliteDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('refuses to restore into a database that already has data, changing nothing', async () => {
    const before = await summarise(t.ctx.db);
    await expect(restoreFrom(t.ctx.db, file)).rejects.toThrow(/不是空库/);
    expect(await summarise(t.ctx.db)).toEqual(before);
  });
});
