import { prepareMigratedTemplates } from './migrated-template.js';

/** vitest globalSetup: the migrated database every test file starts from (see migrated-template.ts). */
export async function setup(): Promise<void> {
  await prepareMigratedTemplates();
}
