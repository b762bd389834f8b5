import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareMigratedTemplates } from './migrated-template.js';
import { DEMO_PG_PREFIX } from './demo-template.js';

/** Drops the PostgreSQL database that held this run's demo seed, if one was built. */
async function dropDemoTemplate(adminUrl: string, runDir: string): Promise<void> {
  const ready = join(runDir, 'demo.ready.json');
  if (!existsSync(ready)) return;
  const { pgTemplate } = JSON.parse(readFileSync(ready, 'utf8')) as { pgTemplate?: string };
  if (!pgTemplate?.startsWith(DEMO_PG_PREFIX)) return;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

/**
 * vitest globalSetup: the migrated database every test file starts from (see migrated-template.ts),
 * and a folder for this run where the demo seed is kept once built (see demo-template.ts).
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  await prepareMigratedTemplates();
  const runDir = mkdtempSync(join(tmpdir(), 'gh-test-run-'));
  project.provide('testRunDir', runDir);
  return async () => {
    if (process.env.DATABASE_URL) await dropDemoTemplate(process.env.DATABASE_URL, runDir);
    rmSync(runDir, { recursive: true, force: true });
  };
}
