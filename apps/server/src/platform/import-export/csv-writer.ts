import type { Writable } from 'node:stream';
import { endOut, escapeCell, writeOut, type SheetColumn, type SheetRows } from './export-cells.js';

const BATCH_CHARS = 64 * 1024;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Streams a csv with a UTF-8 BOM (so Excel opens Chinese text correctly), CRLF line ends, RFC 4180
 * quoting and the same formula escaping as the xlsx writer. Ends `out`; returns the data rows written.
 */
export async function writeCsv(out: Writable, sheet: { columns: SheetColumn[]; rows: SheetRows }): Promise<number> {
  let buf = '\ufeff' + sheet.columns.map((c) => csvField(escapeCell(c.header))).join(',') + '\r\n';
  let count = 0;
  for await (const row of sheet.rows) {
    buf += sheet.columns.map((c) => csvField(escapeCell(row[c.key]))).join(',') + '\r\n';
    count++;
    if (buf.length >= BATCH_CHARS) {
      await writeOut(out, buf);
      buf = '';
    }
  }
  if (buf) await writeOut(out, buf);
  await endOut(out);
  return count;
}
