import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPgDatabase } from '../../test-support/scratch-database.js';
import { HttpClient, startServerProcess, type ServerProcess } from '../../test-support/server-process.js';
import { openDatabase } from './db-connection.js';
import { DataDirLockedError } from './data-dir-lock.js';

const PASSWORD = 'Durable-Test-2026!x';

async function freshPgUrl() {
  const admin = process.env.DATABASE_URL;
  return admin ? createScratchPgDatabase(admin, 'gh_kill') : null;
}

describe('a write that answered 2xx survives kill -9 of the server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-kill-'));
  let pgDb: Awaited<ReturnType<typeof freshPgUrl>> = null;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    pgDb = await freshPgUrl();
    env = { GONGHUI_DATA_DIR: dataDir, GONGHUI_DEMO: '0', GONGHUI_MFA: 'off', GONGHUI_ADMIN_PASSWORD: PASSWORD, DATABASE_URL: pgDb?.url ?? '' };
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged org after SIGKILL in the middle of a write stream', async () => {
    server = await startServerProcess(env);
    const c = new HttpClient(server.base);
    expect((await c.call('POST', '/auth/login', { username: 'sysadmin', password: PASSWORD })).status).toBe(200);
    const tree = await c.call('GET', '/orgs/tree');
    const city = (tree.body as unknown as { children: { id: string; divisionCode?: string }[] }[])[0]!;
    const district = city.children.find((d) => d.divisionCode === '330102')!;

    const acked: string[] = [];
    let stop = false;
    const writers = [0, 1, 2, 3].map(async (w) => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await c.call('POST', '/orgs', { parentId: district.id, name: `断电测试${w}-${i}街道总工会`, kind: 'street' });
          if (r.status === 201) acked.push(String(r.body.id));
        } catch {
          return; // the connection died with the server
        }
      }
    });
    while (acked.length < 40) await new Promise((r) => setTimeout(r, 20));
    await server.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    const ackedAtKill = [...acked];

    server = await startServerProcess(env);
    const d = new HttpClient(server.base);
    expect((await d.call('POST', '/auth/login', { username: 'sysadmin', password: PASSWORD })).status).toBe(200);
    const missing: string[] = [];
    for (const id of ackedAtKill) if ((await d.call('GET', `/orgs/${id}`)).status !== 200) missing.push(id);
    expect(missing).toEqual([]);
    expect(ackedAtKill.length).toBeGreaterThanOrEqual(40);
    await server.kill('SIGTERM');
    server = null;
  }, 180_000);

  it('refuses a second process on the same embedded data folder with a clear message', async () => {
    const lockDir = mkdtempSync(join(tmpdir(), 'gh-lock-'));
    server = await startServerProcess({ ...env, GONGHUI_DATA_DIR: lockDir, DATABASE_URL: '' });
    const err = await openDatabase({ databaseUrl: null, dataDir: lockDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toMatch(/正被进程 \d+ 使用/);
    await server.kill('SIGTERM');
    server = null;
    rmSync(lockDir, { recursive: true, force: true });
  }, 120_000);
});
