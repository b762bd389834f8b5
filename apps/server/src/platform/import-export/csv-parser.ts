import { AppError } from '../http/app-error.js';

/** One non-empty row of a table, numbered as the user sees it (header = row 1). */
export interface TableRow {
  row: number;
  values: string[];
}

/** A record longer than this is refused (usually an unclosed quote swallowing the file). */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** Non-ASCII bytes looked at before deciding between UTF-8 and GBK. */
const SNIFF_BYTES = 4096;

function validUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function firstNonAscii(b: Buffer): number {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return i;
  return -1;
}

/**
 * Decodes csv bytes to text: UTF-8 (a BOM is stripped) or GBK, which is what Chinese Excel saves.
 * ASCII passes straight through; the encoding is decided on the first 4 KiB after the first
 * non-ASCII byte (invalid UTF-8 there → GBK), so a long ASCII prefix cannot mislead it.
 */
export async function* decodeCsvText(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const state: { decoder: InstanceType<typeof TextDecoder> | null } = { decoder: null };
  let pending: Buffer[] = [];
  let pendingLength = 0;
  const decide = (): string => {
    const bytes = Buffer.concat(pending, pendingLength);
    pending = [];
    const decoder = new TextDecoder(validUtf8(bytes) ? 'utf-8' : 'gbk');
    state.decoder = decoder;
    return decoder.decode(bytes, { stream: true });
  };
  for await (const chunk of source) {
    if (state.decoder) {
      yield state.decoder.decode(chunk, { stream: true });
      continue;
    }
    if (pendingLength === 0) {
      const at = firstNonAscii(chunk);
      if (at < 0) {
        yield chunk.toString('latin1');
        continue;
      }
      if (at > 0) yield chunk.toString('latin1', 0, at);
      pending.push(chunk.subarray(at));
      pendingLength = chunk.length - at;
    } else {
      pending.push(chunk);
      pendingLength += chunk.length;
    }
    if (pendingLength >= SNIFF_BYTES) yield decide();
  }
  if (!state.decoder && pendingLength > 0) yield decide();
  if (state.decoder) yield state.decoder.decode();
}

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * A streaming RFC 4180 parser: quoted fields with `""` escapes and line breaks, CRLF/LF/CR line
 * ends, a quote only opening a field at its start (as Excel does). Cells are trimmed; fully empty
 * rows are dropped but still counted, so numbers match what the user sees.
 */
export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private fieldQuoted = false;
  private quotePending = false;
  private skipLf = false;
  private recordChars = 0;
  private row = 1;
  private out: TableRow[] = [];

  /** parses a piece of text; returns the rows completed by it */
  push(s: string): TableRow[] {
    this.out = [];
    let i = 0;
    const n = s.length;
    if (n === 0) return this.out;
    if (this.skipLf) {
      this.skipLf = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    if (this.quotePending) {
      this.quotePending = false;
      if (s.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i++;
      } else this.inQuotes = false;
    }
    this.recordChars += n - i;
    while (i < n) {
      if (this.inQuotes) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          this.field += s.slice(i);
          break;
        }
        this.field += s.slice(i, q);
        if (q + 1 >= n) {
          this.quotePending = true;
          break;
        }
        if (s.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      let j = i;
      let c = 0;
      while (j < n) {
        c = s.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
        j++;
      }
      if (j > i) this.field += s.slice(i, j);
      if (j >= n) break;
      if (c === COMMA) {
        this.endField();
      } else if (c === QUOTE) {
        if (!this.fieldQuoted && this.field.length === 0) {
          this.inQuotes = true;
          this.fieldQuoted = true;
        } else this.field += '"';
      } else {
        this.endRecord();
        if (c === CR) {
          if (j + 1 >= n) this.skipLf = true;
          else if (s.charCodeAt(j + 1) === LF) j++;
        }
        this.recordChars = n - j - 1;
      }
      i = j + 1;
    }
    if (this.recordChars > MAX_RECORD_CHARS) {
      throw new AppError(422, `第 ${this.row} 行内容过长(超过 ${MAX_RECORD_CHARS} 个字符),可能是引号未闭合`, 'FILE_CONTENT');
    }
    return this.out;
  }

  /** ends the input; returns the last row if the text did not end with a line break */
  end(): TableRow[] {
    this.out = [];
    this.quotePending = false;
    this.inQuotes = false;
    if (this.fields.length > 0 || this.field.length > 0 || this.fieldQuoted) this.endRecord();
    return this.out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldQuoted = false;
  }

  private endRecord(): void {
    this.endField();
    const values = this.fields.map((v) => v.trim());
    this.fields = [];
    while (values.length > 0 && values[values.length - 1] === '') values.pop();
    if (values.length > 0) this.out.push({ row: this.row, values });
    this.row++;
  }
}
