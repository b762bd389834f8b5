import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../apps/server/src/config/config.js';
import { DEMO_PASSWORD } from '../../apps/server/src/seed/demo-orgs.data.js';
import { startServerProcess } from '../../apps/server/src/test-support/server-process.js';
import { launchBrowser, newPage } from '../../e2e/support/browser.js';
import type { BenchArgs } from './bench-support.js';
import { AssetRecorder, largest, totals, type AssetTotals } from './web-asset-recorder.js';

const TARGETS = { beforeLoginGzipKB: 350, afterLoginGzipKB: 800, interactiveMs: 2000 } as const;
/** the demo's city federation staff: the widest menu, the same code as every staff account */
const USERNAME = 'city';

export interface WebNavigation {
  /** from page.goto('/') to the 工作台 being interactive */
  interactiveMs: number;
  /** the browser's own navigation timing (ms from navigation start) */
  domContentLoadedMs: number;
  loadEventMs: number;
}

export interface WebBenchResult {
  build: { ran: boolean; seconds: number };
  /** the shared machine's load when the timings were taken (1-minute load average before and after) */
  machine: { cpus: number; loadBefore: number; loadAfter: number };
  user: string;
  /** the login page (/login) loaded and idle */
  beforeLogin: { js: AssetTotals; css: AssetTotals };
  /** everything the session loaded from /login until the 工作台 after login is interactive */
  afterLogin: { js: AssetTotals; css: AssetTotals; loginToInteractiveMs: number; largestJs: { path: string; gzipKB: number }[] };
  /** the same session once the 工作台 is idle (anything fetched after it became interactive) */
  afterLoginIdle: { js: AssetTotals; css: AssetTotals };
  /** a logged-in user opening / with an empty cache, `runs` times */
  /** p50: the (lower) median of the runs' interactiveMs */
  coldNavigation: { runs: WebNavigation[]; js: AssetTotals; p50: number; max: number };
  targets: typeof TARGETS;
  pass: { beforeLogin: boolean; afterLogin: boolean; interactive: boolean };
}

const kb = (t: AssetTotals) => t.gzipBytes / 1024;

/** Resolves once the 工作台 is on screen and its first quick entry would accept a click. */
async function dashboardInteractive(page: Page): Promise<void> {
  await page.getByTestId('page-title').filter({ hasText: '工作台' }).waitFor();
  await page.locator('[data-testid^="quick-"]').first().click({ trial: true });
}

function buildWeb(): { ran: boolean; seconds: number } {
  const started = performance.now();
  const run = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'pipe', encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}\n${run.stderr}`);
  return { ran: true, seconds: (performance.now() - started) / 1000 };
}

/** Login page, then log in and wait for the 工作台: the first visit of a new browser. */
async function firstVisit(browser: Browser, base: string) {
  const { context, page } = await newPage(browser, base);
  try {
    const recorder = new AssetRecorder(page);
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    await page.waitForLoadState('networkidle');
    const beforeLogin = await recorder.settled();
    await page.getByTestId('login-username').fill(USERNAME);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    const started = performance.now();
    await page.getByTestId('login-submit').click();
    await dashboardInteractive(page);
    const loginToInteractiveMs = performance.now() - started;
    const atInteractive = await recorder.settled(recorder.received());
    await page.waitForLoadState('networkidle');
    const idle = await recorder.settled();
    return { beforeLogin, atInteractive, idle, loginToInteractiveMs, state: await context.storageState() };
  } finally {
    await context.close();
  }
}

/** A logged-in user (the session cookie, an empty cache) opening /. */
async function coldNavigation(browser: Browser, base: string, state: Awaited<ReturnType<typeof firstVisit>>['state']) {
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 }, storageState: state });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const recorder = new AssetRecorder(page);
    const started = performance.now();
    await page.goto('/');
    await dashboardInteractive(page);
    const interactiveMs = performance.now() - started;
    // runs in the page (its `performance`): the navigation entry's own timing
    const timing = await page.evaluate(() => {
      const nav = performance.getEntries().find((e) => String(e.entryType) === 'navigation') as unknown as { domContentLoadedEventEnd: number; loadEventEnd: number } | undefined;
      return { domContentLoadedMs: nav?.domContentLoadedEventEnd ?? 0, loadEventMs: nav?.loadEventEnd ?? 0 };
    });
    const loads = await recorder.settled(recorder.received());
    return { nav: { interactiveMs, ...timing }, loads };
  } finally {
    await context.close();
  }
}

/**
 * web: the production build (built first unless --no-build) served by the real server on the demo
 * data; headless Chromium measures what the login page and the first page after login (工作台)
 * download — every script and stylesheet response, gzipped — and how long a logged-in user waits
 * from navigation to an interactive 工作台. The database does not matter here: PGlite only.
 */
export async function webBench(args: BenchArgs, opts: { build: boolean }): Promise<WebBenchResult> {
  const build = opts.build ? buildWeb() : { ran: false, seconds: 0 };
  if (!existsSync(join(PROJECT_ROOT, 'apps/web/dist/index.html'))) throw new Error('apps/web/dist 不存在:请先运行 npm run build');
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-bench-web-'));
  const server = await startServerProcess({ GONGHUI_DATA_DIR: dataDir, GONGHUI_DEMO: '1', DATABASE_URL: '', GONGHUI_RUN_JOBS: '0' }, 300_000);
  const browser = await launchBrowser();
  try {
    // one unmeasured visit first: the server's first answers (file reads, query plans) are not the browser's cost
    await firstVisit(browser, server.base);
    const loadBefore = loadavg()[0]!;
    const first = await firstVisit(browser, server.base);
    const runs = args.size === 'tiny' ? 3 : 9;
    const navigations: WebNavigation[] = [];
    let coldLoads = first.atInteractive;
    for (let i = 0; i < runs; i++) {
      const run = await coldNavigation(browser, server.base, first.state);
      navigations.push(run.nav);
      coldLoads = run.loads;
    }
    const times = navigations.map((n) => n.interactiveMs).sort((a, b) => a - b);
    const result: WebBenchResult = {
      build,
      machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg()[0]! },
      user: USERNAME,
      beforeLogin: { js: totals(first.beforeLogin, 'script'), css: totals(first.beforeLogin, 'stylesheet') },
      afterLogin: {
        js: totals(first.atInteractive, 'script'),
        css: totals(first.atInteractive, 'stylesheet'),
        loginToInteractiveMs: first.loginToInteractiveMs,
        largestJs: largest(
          first.atInteractive.filter((l) => l.kind === 'script'),
          12,
        ),
      },
      afterLoginIdle: { js: totals(first.idle, 'script'), css: totals(first.idle, 'stylesheet') },
      coldNavigation: { runs: navigations, js: totals(coldLoads, 'script'), p50: times[Math.floor((times.length - 1) / 2)] ?? 0, max: times[times.length - 1] ?? 0 },
      targets: TARGETS,
      pass: { beforeLogin: false, afterLogin: false, interactive: false },
    };
    result.pass = {
      beforeLogin: kb(result.beforeLogin.js) + kb(result.beforeLogin.css) <= TARGETS.beforeLoginGzipKB,
      afterLogin: kb(result.afterLogin.js) <= TARGETS.afterLoginGzipKB && kb(result.coldNavigation.js) <= TARGETS.afterLoginGzipKB,
      interactive: result.coldNavigation.p50 <= TARGETS.interactiveMs,
    };
    return result;
  } finally {
    await browser.close();
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The printed table: one row per measured load, with its target. */
export function webBenchRows(r: WebBenchResult): Record<string, string | number>[] {
  const f = (t: AssetTotals) => kb(t).toFixed(1);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    { load: 'before login (/login, idle)', 'JS files': r.beforeLogin.js.files, 'JS gzip KB': f(r.beforeLogin.js), 'CSS gzip KB': f(r.beforeLogin.css), ms: '', target: `JS+CSS ≤ ${TARGETS.beforeLoginGzipKB} KB: ${verdict(r.pass.beforeLogin)}` },
    { load: 'after login (/login → 工作台 interactive)', 'JS files': r.afterLogin.js.files, 'JS gzip KB': f(r.afterLogin.js), 'CSS gzip KB': f(r.afterLogin.css), ms: Math.round(r.afterLogin.loginToInteractiveMs), target: `JS ≤ ${TARGETS.afterLoginGzipKB} KB: ${verdict(r.pass.afterLogin)}` },
    { load: 'after login, idle', 'JS files': r.afterLoginIdle.js.files, 'JS gzip KB': f(r.afterLoginIdle.js), 'CSS gzip KB': f(r.afterLoginIdle.css), ms: '', target: '(for the record)' },
    { load: `logged in, cold cache: / → interactive (p50 of ${r.coldNavigation.runs.length}, max ${Math.round(r.coldNavigation.max)} ms)`, 'JS files': r.coldNavigation.js.files, 'JS gzip KB': f(r.coldNavigation.js), 'CSS gzip KB': '', ms: Math.round(r.coldNavigation.p50), target: `≤ ${TARGETS.interactiveMs} ms: ${verdict(r.pass.interactive)}` },
  ];
}
