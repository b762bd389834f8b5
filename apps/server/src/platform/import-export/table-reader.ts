import type { Readable } from 'node:stream';
import { CsvParser, decodeCsvText, type TableRow } from './csv-parser.js';
import { countXlsxRows, readXlsxRows } from './xlsx-sheet-reader.js';
import type { ZipLimits } from '../files/zip-directory.js';

export type { TableRow } from './csv-parser.js';

/** The table formats an import reads. */
export type TableKind = 'csv' | 'xlsx';

/** Pieces decoded at a time: small enough for the decoded text to die young (far less GC work than 1 MiB strings). */
const PIECE = 64 * 1024;

async function* bytes(stream: Readable, piece = Number.POSITIVE_INFINITY): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    for (let at = 0; at < b.length; at += piece) yield at === 0 && b.length <= piece ? b : b.subarray(at, at + piece);
  }
}

/**
 * Streams the non-empty rows of a csv or xlsx as trimmed text, numbered as the user sees them
 * (header = row 1). csv: UTF-8 (BOM stripped) or GBK, RFC 4180 quoting, CRLF or LF. xlsx: the
 * first visible sheet (see readXlsxRows). `open` may be called more than once (xlsx reads in
 * several passes); memory stays flat whatever the number of rows.
 */
export async function* readTable(open: () => Readable, kind: TableKind, zipLimits?: ZipLimits): AsyncGenerator<TableRow> {
  if (kind === 'xlsx') {
    yield* readXlsxRows(open, zipLimits);
    return;
  }
  const parser = new CsvParser();
  for await (const text of decodeCsvText(bytes(open(), PIECE))) {
    for (const row of parser.push(text)) yield row;
  }
  for (const row of parser.end()) yield row;
}

/**
 * A cheap estimate of how many rows (header included) a table has, for progress bars: csv line
 * breaks outside quotes, counted on the raw bytes (safe for GBK: its second bytes are never `"` or
 * a line break); xlsx row elements, counted without interpreting cells. Empty rows are included.
 */
export async function countTableRows(open: () => Readable, kind: TableKind, zipLimits?: ZipLimits): Promise<number> {
  if (kind === 'xlsx') return countXlsxRows(open, zipLimits);
  let inQuotes = false;
  let lines = 0;
  let last = -1;
  for await (const chunk of bytes(open())) {
    let i = 0;
    while (i < chunk.length) {
      const quote = chunk.indexOf(34, i);
      if (!inQuotes) {
        const end = quote < 0 ? chunk.length : quote;
        for (let lf = chunk.indexOf(10, i); lf >= 0 && lf < end; lf = chunk.indexOf(10, lf + 1)) lines++;
      }
      if (quote < 0) break;
      inQuotes = !inQuotes;
      i = quote + 1;
    }
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return last === -1 || last === 10 ? lines : lines + 1;
}
