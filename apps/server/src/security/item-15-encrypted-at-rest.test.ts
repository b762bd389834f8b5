import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import { createTestDatabase } from '../test-support/test-database.js';
import { allColumns, secretKind, storedSecrets, type SecretKind } from '../test-support/stored-secrets.js';
import { queryRows } from '../platform/db/db-connection.js';
import { FieldCrypto } from '../platform/crypto/field-crypto.js';
import { loadDataKey } from '../platform/crypto/data-key.js';
import { initPlatform } from '../platform/platform-init.js';
import { hmacIdCard } from '../modules/members/member-search.js';

const run = promisify(execFile);
const TEXT_TYPES = new Set(['text', 'character varying', 'jsonb', 'json', 'character']);

describe('security.md item 15: 身份证 and bank accounts stored encrypted (AES-256-GCM) with an HMAC column, key outside the database', () => {
  let t: TestApp;
  let secrets: Map<string, { kind: SecretKind; where: string }>;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    secrets = await storedSecrets(t);
  });
  afterAll(() => t.close());

  it('holds no plain 身份证 or bank number in any column of any table (demo data)', async () => {
    const wanted = new Set([...secrets].filter(([, s]) => s.kind !== 'phone').map(([v]) => v));
    expect(wanted.size).toBeGreaterThan(100);
    const found: string[] = [];
    for (const c of (await allColumns(t)).filter((x) => TEXT_TYPES.has(x.type) && !x.column.endsWith('_enc'))) {
      const rows = await queryRows<{ v: string }>(t.ctx.db, sql`SELECT ${sql.identifier(c.column)}::text AS v FROM ${sql.identifier(c.table)} WHERE ${sql.identifier(c.column)}::text ~ '[0-9]{12,}'`);
      for (const { v } of rows) {
        for (const m of v.match(/(?<![0-9A-Za-z])\d{12,19}X?(?![0-9A-Za-z])/g) ?? []) if (wanted.has(m) || secretKind(m) === 'idCard') found.push(`${c.table}.${c.column}: ${m.slice(0, 4)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  it('stores every *_enc value as v1:base64(iv12 | tag16 | ciphertext) that only the right key opens', async () => {
    const encColumns = (await allColumns(t)).filter((x) => x.column.endsWith('_enc'));
    expect(encColumns.map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining(['members.id_card_enc', 'members.bank_account_enc']));
    const other = new FieldCrypto(Buffer.alloc(32, 7));
    for (const c of encColumns) {
      const rows = await queryRows<{ v: string }>(t.ctx.db, sql`SELECT ${sql.identifier(c.column)} AS v FROM ${sql.identifier(c.table)} WHERE ${sql.identifier(c.column)} IS NOT NULL LIMIT 50`);
      for (const { v } of rows) {
        expect(v, `${c.table}.${c.column}`).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
        expect(Buffer.from(v.slice(3), 'base64').length).toBeGreaterThan(28);
        expect(() => other.decrypt(v)).toThrow();
        t.ctx.crypto.decrypt(v);
      }
    }
    // a fresh IV each time, and a flipped bit is caught by the GCM tag
    const a = t.ctx.crypto.encrypt('330102198209144514');
    expect(a).not.toBe(t.ctx.crypto.encrypt('330102198209144514'));
    const raw = Buffer.from(a.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => t.ctx.crypto.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('keeps an HMAC column beside the encrypted 身份证 and uses it for lookup and uniqueness', async () => {
    const rows = await queryRows<{ enc: string; mac: string }>(t.ctx.db, sql`SELECT id_card_enc AS enc, id_card_hmac AS mac FROM members LIMIT 200`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.mac).toBe(hmacIdCard(t.ctx.crypto, t.ctx.crypto.decrypt(r.enc)));
    const idx = await queryRows<{ indexdef: string }>(t.ctx.db, sql`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef ILIKE '%id_card_hmac%'`);
    expect(idx.some((i) => /UNIQUE/i.test(i.indexdef) && /members/.test(i.indexdef))).toBe(true);
    // exact lookup and the duplicate check go through the keyed hash
    const city = await demoClient(t, 'city');
    const [m] = await queryRows<{ id: string; org_id: string; enc: string; name: string }>(t.ctx.db, sql`SELECT id, org_id, id_card_enc AS enc, name FROM members WHERE status = 'active' LIMIT 1`);
    const idCard = t.ctx.crypto.decrypt(m!.enc);
    const found = await city.post<{ items: { id: string }[] }>('/members/search', { q: idCard });
    expect(found.body.items.map((x) => x.id)).toEqual([m!.id]);
    const dup = await city.post<{ code?: string }>('/members', { name: '重复登记', idCard, phone: '17712345678', orgId: m!.org_id });
    expect(dup.status, JSON.stringify(dup.body)).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE');
  });

  it('takes the key from GONGHUI_DATA_KEY or a key file, and generates a 0600 key file beside the data on first start, saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gh-key-'));
    try {
      const hex = 'ab'.repeat(32);
      expect(loadDataKey({ dataKey: hex, keyFile: null, dataDir: dir })).toMatchObject({ origin: 'env', file: null });
      expect(existsSync(join(dir, 'gonghui.key'))).toBe(false);
      const keyFile = join(dir, 'elsewhere.key');
      writeFileSync(keyFile, `${'cd'.repeat(32)}\n`, { mode: 0o600 });
      const fromFile = loadDataKey({ dataKey: null, keyFile, dataDir: dir });
      expect(fromFile).toMatchObject({ origin: 'file', file: keyFile });
      expect(fromFile.key.toString('hex')).toBe('cd'.repeat(32));
      // first start without a key: generated beside the data, 0600, announced, and the database rejects another key later
      const db = await createTestDatabase();
      try {
        const config = { ...t.config, demo: false, dataDir: dir, dataKey: null, keyFile: null };
        const first = await initPlatform(config, db.database);
        await first.ctx.jobs.stop();
        const generated = join(dir, 'gonghui.key');
        expect(statSync(generated).mode & 0o777).toBe(0o600);
        expect(first.notices.join('\n')).toContain(generated);
        expect(first.notices.join('\n')).toContain('0600');
        await expect(initPlatform({ ...config, dataKey: hex }, db.database)).rejects.toThrow(/密钥/);
        const again = await initPlatform(config, db.database);
        await again.ctx.jobs.stop();
        expect(again.notices.join('\n')).not.toContain(generated);
      } finally {
        await db.drop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has the backup command warn that a backup is useless without the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gh-bk-'));
    try {
      const { stdout } = await run('npx', ['tsx', 'apps/server/src/cli/backup.cli.ts', join(dir, 'b.jsonl.gz')], { env: { ...process.env, DATABASE_URL: '', GONGHUI_DATA_DIR: join(dir, 'data') }, timeout: 60_000 });
      expect(stdout).toMatch(/备份不含数据密钥/);
      expect(stdout).toMatch(/无法解密/);
      expect(stdout).toContain(join(dir, 'data', 'gonghui.key'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
