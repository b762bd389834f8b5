// Reports gzip sizes of what the browser downloads: before login (entry + login page) and after
// login (+ admin layout + the 工作台, performance.md's budget; every admin page for the record).
// Reads the Vite manifest; run after `npm run build -w @gonghui/web`. The measured figures (every
// response in headless Chromium) come from the `web` benchmark: npm run bench -- web.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const BUDGET_BEFORE = 350 * 1024;
const BUDGET_AFTER = 800 * 1024;

const gz = new Map();
function gzipSize(file) {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gz.get(file);
}

/** Files loaded for these manifest keys: their chunks, static imports (recursively) and CSS. */
function closure(keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in manifest: ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return files;
}

const total = (files) => [...files].reduce((sum, f) => sum + gzipSize(f), 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entry = 'index.html';
const before = closure([entry, 'src/pages/auth/login.page.tsx']);
const pages = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && k.startsWith('src/pages/') && !k.includes('/auth/'));
const afterLanding = closure([entry, 'src/app/admin-layout.component.tsx', 'src/pages/dashboard/dashboard.page.tsx']);
const afterAll = closure([entry, 'src/app/admin-layout.component.tsx', ...pages]);
const mobile = closure([entry, 'src/mobile/mobile-layout.component.tsx', 'src/mobile/mobile-home.page.tsx']);

const everything = readdirSync(join(dist, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => statSync(join(dist, f)).isFile() && /\.(js|css)$/.test(f));

console.log(`before login  (entry + /login):                      ${kb(total(before))}  [${before.size} files]  budget ${kb(BUDGET_BEFORE)}`);
console.log(`after login   (entry + layout + 工作台):             ${kb(total(afterLanding))}  [${afterLanding.size} files]  budget ${kb(BUDGET_AFTER)}`);
console.log(`every page    (entry + layout + every admin page):   ${kb(total(afterAll))}  [${afterAll.size} files]  (lazy: never loaded at once)`);
console.log(`mobile        (entry + /m shell + home):             ${kb(total(mobile))}  [${mobile.size} files]`);
console.log(`all assets:                                          ${kb(total(everything))}  [${everything.length} files]`);
for (const page of pages) {
  const extra = [...closure([page])].filter((f) => !afterLanding.has(f));
  console.log(`  ${page.padEnd(42)} +${kb(total(extra))} beyond the landing set`);
}
const ok = total(before) <= BUDGET_BEFORE && total(afterLanding) <= BUDGET_AFTER;
console.log(ok ? 'within budget' : 'OVER BUDGET');
process.exitCode = ok ? 0 : 1;
