import { XmlScanner, decodeOoxmlString, decodeXmlText, parseAttrs, type XmlHandler } from './xml-scanner.js';

/** What the sheet reader needs from a workbook's parts besides the sheet itself. */
export interface WorkbookInfo {
  /** zip path of the first visible sheet */
  sheetPath: string | null;
  sharedStringsPath: string | null;
  stylesPath: string | null;
  date1904: boolean;
}

/** How a number cell shows, decided by its style's number format. */
export type NumberShape = 'number' | 'date' | 'datetime' | 'time';

async function scanAll(content: AsyncIterable<Buffer>, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const chunk of content) scanner.write(chunk);
  scanner.end();
}

const ignoreText = (): void => undefined;

/** Resolves a relationship target against the folder of the part that declares it. */
export function resolvePartPath(baseDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Reads `xl/workbook.xml` and `xl/_rels/workbook.xml.rels` into where the first sheet and the shared parts are. */
export async function readWorkbookInfo(workbook: AsyncIterable<Buffer>, rels: AsyncIterable<Buffer> | null): Promise<WorkbookInfo> {
  const sheets: { rid: string; hidden: boolean }[] = [];
  let date1904 = false;
  await scanAll(workbook, {
    open(name, attrs) {
      if (name === 'workbookPr') {
        const v = parseAttrs(attrs).date1904;
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const a = parseAttrs(attrs);
        const ridKey = Object.keys(a).find((k) => k.endsWith(':id'));
        sheets.push({ rid: ridKey ? a[ridKey]! : '', hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      }
    },
    close: ignoreText,
    text: ignoreText,
  });
  const targets = new Map<string, string>();
  let sharedStringsPath: string | null = null;
  let stylesPath: string | null = null;
  if (rels) {
    await scanAll(rels, {
      open(name, attrs) {
        if (name !== 'Relationship') return;
        const a = parseAttrs(attrs);
        if (!a.Target || a.TargetMode === 'External') return;
        const path = resolvePartPath('xl', a.Target);
        if (a.Id) targets.set(a.Id, path);
        if (a.Type?.endsWith('/sharedStrings')) sharedStringsPath = path;
        if (a.Type?.endsWith('/styles')) stylesPath = path;
      },
      close: ignoreText,
      text: ignoreText,
    });
  }
  const first = sheets.find((s) => !s.hidden) ?? sheets[0];
  const sheetPath = first ? (targets.get(first.rid) ?? null) : null;
  return { sheetPath, sharedStringsPath, stylesPath, date1904 };
}

/** Copies a string out of the big chunk it may be a slice of, so caching it does not keep the chunk alive. */
const detach = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** Reads the shared strings table: rich text runs flattened, phonetic runs (rPh) left out. */
export async function readSharedStrings(content: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  let raw = '';
  await scanAll(content, {
    open(name) {
      if (name === 'si') {
        inSi = true;
        raw = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inSi && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        inSi = false;
        strings.push(detach(decodeOoxmlString(decodeXmlText(raw))));
        raw = '';
      }
    },
    text(t, cdata) {
      if (inT) raw += cdata ? t.replace(/&/g, '&amp;') : t;
    },
  });
  return strings;
}

/** Built-in number formats that show dates or times (including the zh-CN ones, 27-36 and 50-58). */
const BUILTIN: Record<number, NumberShape> = {
  14: 'date', 15: 'date', 16: 'date', 17: 'date', 18: 'time', 19: 'time', 20: 'time', 21: 'time', 22: 'datetime',
  27: 'date', 28: 'date', 29: 'date', 30: 'date', 31: 'date', 32: 'time', 33: 'time', 34: 'time', 35: 'time', 36: 'date',
  45: 'time', 46: 'time', 47: 'time', 50: 'date', 51: 'date', 52: 'date', 53: 'date', 54: 'date', 55: 'time', 56: 'time', 57: 'date', 58: 'date',
};

/** Decides from a custom format code whether it shows a date, a time, both, or a plain number. */
export function formatShape(code: string): NumberShape {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  if (bare === 'general' || /[0#?]/.test(bare.replace(/s+\.0+/g, 's'))) return 'number';
  const date = /[yde]|aaa|b[12]/.test(bare);
  const time = /[hs]/.test(bare);
  if (date && time) return 'datetime';
  if (date) return 'date';
  if (time) return 'time';
  return 'number';
}

/** Reads styles.xml: for each cell format (the `s` of a cell), how its numbers show. */
export async function readNumberShapes(content: AsyncIterable<Buffer>): Promise<NumberShape[]> {
  const custom = new Map<number, NumberShape>();
  const xfNumFmts: number[] = [];
  let inCellXfs = false;
  await scanAll(content, {
    open(name, attrs) {
      if (name === 'numFmt') {
        const a = parseAttrs(attrs);
        custom.set(Number(a.numFmtId), formatShape(a.formatCode ?? ''));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfNumFmts.push(Number(parseAttrs(attrs).numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: ignoreText,
  });
  return xfNumFmts.map((id) => custom.get(id) ?? BUILTIN[id] ?? 'number');
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * An Excel serial day number as text: `YYYY-MM-DD`, with ` HH:mm:ss` for date-times that have a
 * time, `HH:mm:ss` for times. Null when the number cannot be a date (then it stays a number).
 */
export function serialToText(serial: number, shape: Exclude<NumberShape, 'number'>, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return null;
  const seconds = Math.round(serial * 86400);
  const days = Math.floor(seconds / 86400);
  const secs = seconds - days * 86400;
  const time = `${pad(Math.floor(secs / 3600))}:${pad(Math.floor((secs % 3600) / 60))}:${pad(secs % 60)}`;
  if (shape === 'time') return time;
  // 1900 system: Excel counts a 29 February 1900 that never was (serial 60)
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + days * 86400_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return shape === 'datetime' && secs !== 0 ? `${date} ${time}` : date;
}
