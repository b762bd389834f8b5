import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { asc, eq, sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { createOrgVia, districtByCode } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { PROJECT_ROOT } from '../config/config.js';
import { openDatabase, type Db } from '../platform/db/db-connection.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { verifyAuditChain } from '../platform/audit/audit-verify.js';

type Verify = { ok: boolean; checked: number; firstBrokenId: string | null; message: string };
const run = promisify(execFile);

/** runs a statement with the append-only trigger off, as the database owner (not the application) could */
async function withoutTrigger(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
  }
}

/** `npm run audit:verify` against a database: its exit code and output. */
async function verifierCli(env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'apps/server/src/cli/audit-verify.cli.ts')], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? -1, out: `${x.stdout ?? ''}${x.stderr ?? ''}` };
  }
}

describe('security.md item 12: the audit log is append-only for the application and hash-chained; the verifier names the first broken link', () => {
  let t: TestApp;
  let aud: TestClient;
  const rows = () => t.ctx.db.select().from(auditLog).orderBy(asc(auditLog.id));
  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    aud = await t.login('auditor');
    const district = await districtByCode(t, '330102');
    for (let i = 0; i < 3; i++) await t.client().post('/auth/login', { username: 'sysadmin', password: `Wrong-guess-${i}!` }, { csrf: false });
    const org = await createOrgVia(sys, district.id, '链测试街道总工会', 'street');
    await sys.patch(`/orgs/${org.id}`, { name: '链测试街道总工会(新)' });
    await sys.get('/audit');
  });
  afterAll(() => t.close());

  it('chains every row: hash = sha256(prev_hash || row), the first from the genesis hash', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(all[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 0; i < all.length; i++) {
      const r = all[i]!;
      if (i > 0) expect(r.prevHash).toBe(all[i - 1]!.hash);
      const canonical = JSON.stringify([r.at.toISOString(), r.userId, r.username, r.orgId, r.ip, r.action, r.objectType, r.objectId, r.result, r.detail]);
      expect(r.hash).toBe(createHash('sha256').update(r.prevHash).update(canonical).digest('hex'));
    }
  });

  it('verifies the chain through the API and directly', async () => {
    const r = await aud.post<Verify>('/audit/verify');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, firstBrokenId: null });
    const direct = await verifyAuditChain(t.ctx.db);
    expect(direct.ok).toBe(true);
    expect(direct.checked).toBeGreaterThanOrEqual(r.body.checked);
  });

  it('offers no route that changes or deletes audit rows', () => {
    const writes = t.app.routeRegistry.filter((r) => r.url.startsWith('/api/audit') && r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/audit/verify']);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application’s database connection', async () => {
    const [row] = await rows();
    await expect(t.ctx.db.update(auditLog).set({ detail: '{}' }).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(t.ctx.db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const [after] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(after).toEqual(row);
  });

  it('detects a tampered row and names it', async () => {
    const all = await rows();
    const victim = all[Math.floor(all.length / 2)]!;
    await withoutTrigger(t.ctx.db, sql`UPDATE audit_log SET detail = '{"reason":"tampered"}' WHERE id = ${victim.id}`);
    const r = await aud.post<Verify>('/audit/verify');
    expect(r.body).toMatchObject({ ok: false, firstBrokenId: String(victim.id) });
    expect(r.body.message).toMatch(/篡改/);
    await withoutTrigger(t.ctx.db, sql`UPDATE audit_log SET detail = ${victim.detail} WHERE id = ${victim.id}`);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('detects a deleted middle row at the row after it', async () => {
    const all = await rows();
    const i = Math.floor(all.length / 3);
    const victim = all[i]!;
    await withoutTrigger(t.ctx.db, sql`DELETE FROM audit_log WHERE id = ${victim.id}`);
    const r = await verifyAuditChain(t.ctx.db);
    expect(r).toMatchObject({ ok: false, firstBrokenId: String(all[i + 1]!.id) });
    expect(r.message).toMatch(/断开/);
    await t.ctx.db.insert(auditLog).values(victim);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('the verifier command (npm run audit:verify) exits 0 on an intact chain and 1 naming the first broken row after tampering', async () => {
    const all = await rows();
    const first = all[2]!;
    const second = all[all.length - 2]!;
    let env: Record<string, string>;
    let db: Db;
    let close = async () => {};
    const dataDir = mkdtempSync(join(tmpdir(), 'gh-auditcli-'));
    try {
      if (t.testDb.url) {
        env = { DATABASE_URL: t.testDb.url };
        db = t.ctx.db;
      } else {
        // the embedded database as it would sit on disk: this test database copied into a data folder
        const image = await (t.ctx.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
        const copy = await openDatabase({ databaseUrl: null, dataDir, image });
        await copy.close();
        env = { DATABASE_URL: '', GONGHUI_DATA_DIR: dataDir };
        db = t.ctx.db;
      }
      const ok = await verifierCli(env);
      expect(ok.code, ok.out).toBe(0);
      expect(ok.out).toMatch(/完整/);
      if (!t.testDb.url) {
        const copy = await openDatabase({ databaseUrl: null, dataDir });
        db = copy.db;
        close = () => copy.close();
      }
      // two rows changed: the verifier reports the earlier one
      await withoutTrigger(db, sql`UPDATE audit_log SET result = 'denied' WHERE id IN (${first.id}, ${second.id})`);
      await close();
      const broken = await verifierCli(env);
      expect(broken.code, broken.out).toBe(1);
      expect(broken.out).toContain(`第 ${first.id} 条`);
      expect(broken.out).not.toContain(`第 ${second.id} 条`);
    } finally {
      if (t.testDb.url) await withoutTrigger(t.ctx.db, sql`UPDATE audit_log SET result = ${first.result} WHERE id = ${first.id}`);
      if (t.testDb.url) await withoutTrigger(t.ctx.db, sql`UPDATE audit_log SET result = ${second.result} WHERE id = ${second.id}`);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
