import type { Writable } from 'node:stream';
import { columnLetter } from './column-spec.js';
import { endOut, escapeCell, type CellValue, type SheetColumn, type SheetRows } from './export-cells.js';
import { ZipStreamWriter } from './zip-stream-writer.js';

export { escapeCell, type CellValue, type SheetColumn, type SheetRows } from './export-cells.js';
export { writeCsv } from './csv-writer.js';

/** One sheet to write: its tab name, columns and rows. */
export interface XlsxSheet {
  name: string;
  columns: SheetColumn[];
  rows: SheetRows;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAX_CELL_CHARS = 32767;
const BATCH_CHARS = 64 * 1024;

const sheetPart = (i: number) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
const contentTypes = (n: number) =>
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from({ length: n }, (_v, i) => sheetPart(i + 1)).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
/** sheets are rId1..rIdN, the styles rId(N+1) */
const workbookRels = (n: number) =>
  `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${Array.from({ length: n }, (_v, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
/** style 0: normal; style 1: bold (the header row) */
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="2"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe for an XML text node or attribute. */
export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

/** A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

function cellXml(ref: string, value: CellValue, style: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  const text = value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

function rowXml(r: number, values: CellValue[], letters: string[], style = ''): string {
  let cells = '';
  for (let i = 0; i < values.length; i++) cells += cellXml(`${letters[i]}${r}`, values[i]!, style);
  return `<row r="${r}">${cells}</row>`;
}

/** Display width of a header: CJK characters count double. */
const textWidth = (s: string): number => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

async function* sheetXml(sheet: XlsxSheet, counter: { rows: number }): AsyncGenerator<string> {
  const letters = sheet.columns.map((_c, i) => columnLetter(i));
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? Math.min(60, Math.max(10, textWidth(c.header) + 4))}" customWidth="1"/>`)
    .join('');
  let buf =
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0">` +
    `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>` +
    rowXml(1, sheet.columns.map((c) => escapeCell(c.header)), letters, ' s="1"');
  let r = 1;
  for await (const row of sheet.rows) {
    r++;
    buf += rowXml(r, sheet.columns.map((c) => escapeCell(row[c.key])), letters);
    if (buf.length >= BATCH_CHARS) {
      yield buf;
      buf = '';
    }
  }
  counter.rows = r - 1;
  yield `${buf}</sheetData></worksheet>`;
}

/**
 * Streams an xlsx with one sheet: a bold, frozen header row, then one row per record. Text is
 * written inline (no shared-strings table held in memory) and formula-escaped (escapeCell), cut at
 * Excel's 32,767 characters per cell, with characters XML cannot carry dropped; numbers stay
 * numbers. Writes with backpressure, ends `out`, returns the data rows written.
 */
export async function writeXlsx(out: Writable, sheet: XlsxSheet): Promise<number> {
  return writeXlsxBook(out, [sheet]);
}

/** The same with several sheets, in this order (tab names made unique); returns the data rows written in all. */
export async function writeXlsxBook(out: Writable, sheets: XlsxSheet[]): Promise<number> {
  if (sheets.length === 0) throw new Error('writeXlsxBook: no sheet');
  const zip = new ZipStreamWriter(out);
  const counters = sheets.map(() => ({ rows: 0 }));
  const names: string[] = [];
  for (const sheet of sheets) {
    const base = sheetName(sheet.name);
    let name = base;
    for (let k = 2; names.includes(name); k++) name = `${base.slice(0, 31 - String(k).length - 1)}-${k}`;
    names.push(name);
  }
  await zip.addFile('[Content_Types].xml', contentTypes(sheets.length));
  await zip.addFile('_rels/.rels', ROOT_RELS);
  const entries = names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  await zip.addFile('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${entries}</sheets></workbook>`);
  await zip.addFile('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  await zip.addFile('xl/styles.xml', STYLES);
  for (const [i, sheet] of sheets.entries()) await zip.addStream(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, counters[i]!));
  await zip.finish();
  await endOut(out);
  return counters.reduce((n, c) => n + c.rows, 0);
}
