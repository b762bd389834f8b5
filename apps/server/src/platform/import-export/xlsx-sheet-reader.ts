import type { Readable } from 'node:stream';
import { AppError } from '../http/app-error.js';
import { UPLOAD_ZIP_LIMITS, checkZipLimits, isXlsxDirectory, type ZipDirectory, type ZipEntry, type ZipLimits } from '../files/zip-directory.js';
import { ByteCursor, entryContent, forEachEntry, readZipDirectory } from '../files/zip-entry-reader.js';
import type { TableRow } from './csv-parser.js';
import { XmlScanner, decodeOoxmlString, decodeXmlText, parseAttrs, type XmlHandler } from './xml-scanner.js';
import { readNumberShapes, readSharedStrings, readWorkbookInfo, serialToText, type NumberShape, type WorkbookInfo } from './xlsx-parts.js';

const MAX_COLUMNS = 16384;
const MAX_CELL_RAW = 1024 * 1024;

const notXlsx = (): AppError => new AppError(422, '文件不是有效的 .xlsx 工作簿,请在 Excel 中另存为 .xlsx 后上传', 'FILE_TYPE');

/** "AB12" → 27 (zero-based column), or -1 */
function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

const escapeAmp = (cdata: string): string => cdata.replace(/&/g, '&amp;');

/** Turns the XML events of a worksheet into rows of trimmed text. */
class SheetRows implements XmlHandler {
  readonly rows: TableRow[] = [];
  done = false;
  private rowNumber = 0;
  private values: string[] = [];
  private col = -1;
  private type = 'n';
  private style = 0;
  private inValue = false;
  private inInline = false;
  private inText = false;
  private phonetic = 0;
  private raw = '';

  constructor(
    private readonly strings: string[],
    private readonly shapes: NumberShape[],
    private readonly date1904: boolean,
  ) {}

  open(name: string, attrs: string): void {
    switch (name) {
      case 'row': {
        const r = Number(parseAttrs(attrs).r);
        this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
        this.values = [];
        this.col = -1;
        break;
      }
      case 'c': {
        const a = parseAttrs(attrs);
        const at = a.r ? columnIndex(a.r) : -1;
        this.col = at >= 0 ? at : this.col + 1;
        this.type = a.t ?? 'n';
        this.style = a.s ? Number(a.s) : 0;
        this.raw = '';
        break;
      }
      case 'v':
        this.inValue = true;
        this.raw = '';
        break;
      case 'is':
        this.inInline = true;
        this.raw = '';
        break;
      case 't':
        if (this.inInline && this.phonetic === 0) this.inText = true;
        break;
      case 'rPh':
        this.phonetic++;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.inValue = false;
        break;
      case 't':
        this.inText = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'c':
        this.setCell(this.cellText().trim());
        break;
      case 'row':
        if (this.values.length > 0) this.rows.push({ row: this.rowNumber, values: this.values });
        this.values = [];
        break;
      case 'sheetData':
        this.done = true;
        break;
    }
  }

  text(t: string, cdata: boolean): void {
    if (!this.inValue && !this.inText) return;
    this.raw += cdata ? escapeAmp(t) : t;
    if (this.raw.length > MAX_CELL_RAW) throw new AppError(422, `第 ${this.rowNumber} 行有单元格内容过长`, 'FILE_CONTENT');
  }

  private cellText(): string {
    const raw = this.raw;
    switch (this.type) {
      case 's':
        return this.strings[Number(raw)] ?? '';
      case 'inlineStr':
      case 'str':
        return decodeOoxmlString(decodeXmlText(raw));
      case 'b':
        return raw.trim() === '1' ? 'TRUE' : raw.trim() === '0' ? 'FALSE' : raw;
      case 'e':
        return decodeXmlText(raw);
      case 'd': {
        const iso = raw.trim();
        return /^\d{4}-\d{2}-\d{2}T00:00(:00(\.0+)?)?Z?$/.test(iso) ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
      }
      default: {
        const v = raw.trim();
        if (v === '') return '';
        const shape = this.shapes[this.style] ?? 'number';
        if (shape !== 'number') return serialToText(Number(v), shape, this.date1904) ?? v;
        if (/[eE]/.test(v) && Number.isFinite(Number(v))) return String(Number(v));
        return v;
      }
    }
  }

  private setCell(text: string): void {
    this.raw = '';
    if (text === '' || this.col >= MAX_COLUMNS) return;
    while (this.values.length < this.col) this.values.push('');
    this.values[this.col] = text;
  }
}

interface Parts {
  info: WorkbookInfo;
  strings: string[];
  shapes: NumberShape[];
  sheet: ZipEntry;
}

async function collect(content: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  for await (const c of content) parts.push(Buffer.from(c));
  return parts;
}

async function* replay(parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

/** Reads the directory and the workbook's small parts: which sheet is first, its strings and styles. */
async function readParts(open: () => Readable, withContent = true, limits: ZipLimits = UPLOAD_ZIP_LIMITS): Promise<Parts> {
  const dir: ZipDirectory | null = await readZipDirectory(open);
  if (!dir || !isXlsxDirectory(dir)) throw notXlsx();
  checkZipLimits(dir, limits);
  const byName = new Map(dir.entries.map((e) => [e.name, e]));
  const wanted = (...names: (string | null)[]): ZipEntry[] => names.flatMap((n) => (n && byName.has(n) ? [byName.get(n)!] : []));

  const got: { workbook: Buffer[]; rels: Buffer[] | null; strings: string[] | null; shapes: NumberShape[] | null } = {
    workbook: [],
    rels: null,
    strings: null,
    shapes: null,
  };
  const read = async (entries: ZipEntry[], info: WorkbookInfo | null): Promise<void> =>
    forEachEntry(open, entries, async (entry, content) => {
      if (entry.name === 'xl/workbook.xml') got.workbook = await collect(content);
      else if (entry.name === 'xl/_rels/workbook.xml.rels') got.rels = await collect(content);
      else if (entry.name === (info?.sharedStringsPath ?? 'xl/sharedStrings.xml')) got.strings = await readSharedStrings(content);
      else if (entry.name === (info?.stylesPath ?? 'xl/styles.xml')) got.shapes = await readNumberShapes(content);
    });
  const shared = withContent ? ['xl/sharedStrings.xml', 'xl/styles.xml'] : [];
  await read(wanted('xl/workbook.xml', 'xl/_rels/workbook.xml.rels', ...shared), null);
  const info = await readWorkbookInfo(replay(got.workbook), got.rels ? replay(got.rels) : null);
  const missing = wanted(got.strings ? null : info.sharedStringsPath, got.shapes ? null : info.stylesPath);
  if (withContent && missing.length > 0) await read(missing, info);
  const sheet = byName.get(info.sheetPath ?? 'xl/worksheets/sheet1.xml');
  if (!sheet) throw notXlsx();
  return { info, strings: got.strings ?? [], shapes: got.shapes ?? [], sheet };
}

/**
 * Streams the rows of an xlsx's first visible sheet as trimmed text (numbers as written, dates as
 * YYYY-MM-DD, rich text flattened, formulas by their cached result), skipping empty rows but
 * keeping Excel's row numbers. Several sequential passes over `open()`: the directory, the small
 * parts (Excel stores the sheet before its shared strings), then the sheet; memory holds the
 * shared strings and a few rows, never the sheet.
 */
export async function* readXlsxRows(open: () => Readable, limits?: ZipLimits): AsyncGenerator<TableRow> {
  const parts = await readParts(open, true, limits);
  const rows = new SheetRows(parts.strings, parts.shapes, parts.info.date1904);
  const scanner = new XmlScanner(rows);
  const cursor = new ByteCursor(open());
  try {
    for await (const chunk of entryContent(cursor, parts.sheet)) {
      scanner.write(chunk);
      yield* rows.rows;
      rows.rows.length = 0;
      if (rows.done) return;
    }
    scanner.end();
    yield* rows.rows;
  } finally {
    cursor.close();
  }
}

/** Counts the row elements of the first sheet without interpreting cells (for progress estimates). */
export async function countXlsxRows(open: () => Readable, limits?: ZipLimits): Promise<number> {
  const parts = await readParts(open, false, limits);
  const cursor = new ByteCursor(open());
  const tag = /<(?:[A-Za-z0-9_]+:)?row[\s>/]/g;
  let carry = '';
  let count = 0;
  try {
    for await (const chunk of entryContent(cursor, parts.sheet)) {
      const text = carry + chunk.toString('latin1');
      const lt = text.lastIndexOf('<');
      const cut = lt >= 0 && text.indexOf('>', lt) < 0 ? lt : text.length;
      count += text.slice(0, cut).match(tag)?.length ?? 0;
      carry = text.slice(cut);
    }
  } finally {
    cursor.close();
  }
  return count + (carry.match(tag)?.length ?? 0);
}
