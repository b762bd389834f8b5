import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServerProcess } from '../../apps/server/src/test-support/server-process.js';
import { createScratchPgDatabase } from '../../apps/server/src/test-support/scratch-database.js';

export interface E2eTemplate {
  /** a stopped server's data folder with the demo seeded (and its key file) */
  dataDir: string;
  /** with DATABASE_URL: the seeded database, used as a template */
  pgName: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplate: E2eTemplate;
  }
}

/**
 * vitest globalSetup of the browser tests: seeds the demo once, in a server that then stops, so
 * each test file starts its own server on a copy (a folder copy, or CREATE DATABASE … TEMPLATE)
 * instead of seeding again.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-e2e-template-'));
  const pg = process.env.DATABASE_URL ? await createScratchPgDatabase(process.env.DATABASE_URL, 'gh_e2e_tpl') : null;
  const server = await startServerProcess({ GONGHUI_DATA_DIR: dataDir, GONGHUI_DEMO: '1', DATABASE_URL: pg?.url ?? '' }, 300_000);
  await server.kill('SIGTERM');
  project.provide('e2eTemplate', { dataDir, pgName: pg ? new URL(pg.url).pathname.slice(1) : null });
  return async () => {
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
