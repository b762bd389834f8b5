#!/usr/bin/env node
// npm start: builds the web app when it is missing or older than its sources, then starts the
// server in this same process (TypeScript through tsx, so there is no stale server build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'apps/web/dist/index.html');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path)) if (e !== 'node_modules' && e !== 'dist') m = Math.max(m, newest(join(path, e)));
  return m;
}

const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'].map((p) => newest(join(root, p)));
const webExists = existsSync(join(root, 'apps/web/index.html'));
if (process.env.GONGHUI_SKIP_WEB_BUILD !== '1' && webExists && (!existsSync(dist) || Math.max(...sources) > statSync(dist).mtimeMs)) {
  console.log('正在构建前端 (vite build) ...');
  const r = spawnSync('npm', ['run', 'build', '-w', '@gonghui/web'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error('前端构建失败');
    process.exit(1);
  }
}

const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'apps/server/src/main.ts'));
