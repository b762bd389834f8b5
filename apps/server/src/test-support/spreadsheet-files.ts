import ExcelJS from 'exceljs';

/** A spreadsheet cell as the tests write and read it. */
export type Cell = string | number | null;

const csvCell = (v: Cell): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** csv text (RFC 4180 quoting, CRLF), as Excel's "CSV UTF-8" would save it. */
export function csvText(rows: Cell[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A UTF-8 csv file. */
export const csvFile = (rows: Cell[][]): Buffer => Buffer.from(csvText(rows), 'utf8');

/** An xlsx written by ExcelJS (an independent writer, as Excel or WPS would save it). */
export async function xlsxFile(rows: Cell[][], sheet = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const plain = (v: ExcelJS.CellValue): Cell => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  return String(v);
};

/** The first sheet (or the sheet named `sheet`) of an xlsx, read by ExcelJS: one array per row, as wide as the header row. */
export async function readXlsx(bytes: Buffer, sheet?: string): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) throw new Error(sheet === undefined ? 'workbook without a sheet' : `no sheet ${sheet}`);
  const width = ws.getRow(1).cellCount;
  const out: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    out.push(Array.from({ length: width }, (_v, i) => plain(row.getCell(i + 1).value)));
  });
  return out;
}

let gbkTable: Map<string, Buffer> | null = null;

/**
 * Encodes text as GBK (what Chinese Excel saves csv in), with a table built from the platform's
 * own GBK decoder run backwards over every double-byte code: no encoder library needed.
 */
export function gbkEncode(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, Buffer.from([lead, trail]));
      }
    }
  }
  const table = gbkTable;
  return Buffer.concat(
    [...text].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return Buffer.from(ch, 'latin1');
      const b = table.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      return b;
    }),
  );
}

/** Deterministic pseudo-random bytes (a 32-bit LCG), so "binary garbage" is the same every run. */
export function garbageBytes(length: number, seed = 20240501): Buffer {
  const out = Buffer.alloc(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
