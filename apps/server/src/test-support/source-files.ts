import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The server's own source files under `dir` (TypeScript, tests left out), for tests that check how the code uses a mechanism. */
export function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFilesUnder(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
}
