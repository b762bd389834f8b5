import type { Writable } from 'node:stream';

/** What an exported cell may hold. */
export type CellValue = string | number | null;

/** One exported column: its header text, the row field it shows, an optional width in characters. */
export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
}

/** Rows to export, one record per row, fields named by the columns' keys. */
export type SheetRows = AsyncIterable<Record<string, CellValue | undefined>>;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises spreadsheet formula injection (security.md 17): text starting with `= + - @`, a tab
 * or a carriage return gets a leading `'`, so Excel and WPS show it as text instead of running it.
 * Numbers are left alone.
 */
export function escapeCell(value: CellValue | undefined): CellValue {
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value ?? null;
}

/** Resolves when `out` wants more data; rejects if it errors or closes first. */
export function waitForDrain(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('输出流已关闭'));
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error('输出流已关闭'));
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

/** Writes with backpressure: waits for `drain` when the stream's buffer is full. */
export async function writeOut(out: Writable, data: Buffer | string): Promise<void> {
  if (out.destroyed) throw new Error('输出流已关闭');
  if (!out.write(data)) await waitForDrain(out);
}

/** Ends the stream and waits until everything written has been handed on. */
export function endOut(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => {
      out.off('error', reject);
      resolve();
    });
  });
}
