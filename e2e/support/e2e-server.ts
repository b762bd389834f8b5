import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { inject } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../apps/server/src/test-support/server-process.js';
import { createScratchPgDatabase } from '../../apps/server/src/test-support/scratch-database.js';

export const DEMO_PASSWORD = 'Demo@Hz2026';

export interface E2eServer {
  base: string;
  server: ServerProcess;
  stop(): Promise<void>;
}

/**
 * The real server (built web app + API) in demo mode on a fresh copy of the demo seeded once for
 * the run (e2e-template.global.ts): a copy of its data folder, and with DATABASE_URL a database
 * made from the seeded one. Extra env (e.g. GONGHUI_MFA=on) can be given.
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const template = inject('e2eTemplate');
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-e2e-'));
  cpSync(template.dataDir, dataDir, { recursive: true, filter: (src) => basename(src) !== 'gonghui.lock' });
  const pg = process.env.DATABASE_URL ? await createScratchPgDatabase(process.env.DATABASE_URL, 'gh_e2e', template.pgName ?? undefined) : null;
  const server = await startServerProcess({ GONGHUI_DATA_DIR: dataDir, GONGHUI_DEMO: '1', DATABASE_URL: pg?.url ?? '', ...env }, 180_000);
  return {
    base: server.base,
    server,
    stop: async () => {
      await server.kill('SIGTERM');
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
