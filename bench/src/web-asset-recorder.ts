import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

export type AssetKind = 'script' | 'stylesheet';

/** One JS or CSS response the browser received: its raw size and its size gzipped (level 9, as a server would send it). */
export interface AssetLoad {
  path: string;
  kind: AssetKind;
  bytes: number;
  gzipBytes: number;
}

export interface AssetTotals {
  files: number;
  bytes: number;
  gzipBytes: number;
}

function kindOf(response: Response): AssetKind | null {
  const type = response.request().resourceType();
  const contentType = response.headers()['content-type'] ?? '';
  if (type === 'script' || contentType.includes('javascript')) return 'script';
  if (type === 'stylesheet' || contentType.includes('text/css')) return 'stylesheet';
  return null;
}

/**
 * Records every script and stylesheet response of a page (whatever loaded it: the entry, a
 * modulepreload, a lazy route's import), once per URL, with its body's gzip size.
 */
export class AssetRecorder {
  private readonly loads = new Map<string, AssetLoad>();
  private readonly pending = new Set<Promise<void>>();
  private readonly seen = new Set<string>();

  constructor(page: Page) {
    page.on('response', (response) => {
      const kind = kindOf(response);
      if (!kind || response.status() !== 200) return;
      const path = new URL(response.url()).pathname;
      this.seen.add(path);
      const job = response
        .body()
        .then((body) => {
          if (!this.loads.has(path)) this.loads.set(path, { path, kind, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
        })
        .catch(() => undefined)
        .finally(() => this.pending.delete(job));
      this.pending.add(job);
    });
  }

  /** The paths of the responses received until now (their bodies may still be on the way). */
  received(): Set<string> {
    return new Set(this.seen);
  }

  /** The loads (bodies read) of every response so far, or of those among `paths`. */
  async settled(paths?: Set<string>): Promise<AssetLoad[]> {
    while (this.pending.size) await Promise.all([...this.pending]);
    return [...this.loads.values()].filter((l) => !paths || paths.has(l.path));
  }
}

export function totals(loads: AssetLoad[], kind: AssetKind): AssetTotals {
  const of = loads.filter((l) => l.kind === kind);
  return { files: of.length, bytes: of.reduce((s, l) => s + l.bytes, 0), gzipBytes: of.reduce((s, l) => s + l.gzipBytes, 0) };
}

/** The largest loads first (for the report: what the budget is spent on). */
export function largest(loads: AssetLoad[], n: number): { path: string; gzipKB: number }[] {
  return [...loads]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, n)
    .map((l) => ({ path: l.path, gzipKB: Math.round(l.gzipBytes / 102.4) / 10 }));
}
