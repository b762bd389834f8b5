import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readTable, type TableRow } from './table-reader.js';
import { escapeCell, sheetName, writeCsv, writeXlsx, writeXlsxBook, type CellValue } from './xlsx-writer.js';

type Row = Record<string, CellValue | undefined>;

async function* rowsOf(rows: Row[]): AsyncGenerator<Row> {
  yield* rows;
}

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

async function readBack(bytes: Buffer, kind: 'csv' | 'xlsx'): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const r of readTable(() => Readable.from([bytes]), kind)) rows.push(r);
  return rows;
}

const DANGEROUS = ['=HYPERLINK("http://evil.example","点我")', '+86 138 0013 8000', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR'];
const columns = [
  { header: '内容', key: 'text', width: 30 },
  { header: '数值', key: 'n' },
  { header: '备注', key: 'note' },
];

describe('formula escaping (security.md 17)', () => {
  it('prefixes a quote to text starting with = + - @ tab or CR, and leaves the rest alone', () => {
    expect(DANGEROUS.map(escapeCell)).toEqual(DANGEROUS.map((s) => `'${s}`));
    expect(['a=b', '张三', '', ' =1'].map(escapeCell)).toEqual(['a=b', '张三', '', ' =1']);
    expect([-5, 0, null, undefined].map(escapeCell)).toEqual([-5, 0, null, null]);
  });
});

describe('xlsx writer', () => {
  it('writes several sheets in order, each with its own columns, tab names made unique', async () => {
    const sheets = [
      { name: '说明', columns: [{ header: '项目', key: 'a' }], rows: rowsOf([{ a: '=1+1' }]) },
      { name: '指标', columns: columns, rows: rowsOf([{ text: '会员', n: 3, note: null }]) },
      { name: '指标', columns: [{ header: '数值', key: 'n' }], rows: rowsOf([{ n: 1 }, { n: 2 }]) },
    ];
    const bytes = await collect(async (out) => expect(await writeXlsxBook(out, sheets)).toBe(4));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '指标', '指标-2']);
    expect(wb.worksheets[0]!.getCell('A2').value).toBe("'=1+1");
    expect(wb.worksheets[1]!.getCell('B2').value).toBe(3);
    expect(wb.worksheets[2]!.getCell('A3').value).toBe(2);
  });

  it('writes a workbook Excel readers open: escaped text, numbers as numbers, bold frozen header', async () => {
    const rows: Row[] = [
      ...DANGEROUS.map((text, i) => ({ text, n: 0 - i, note: null })),
      { text: '  张三 & <李四> "王五"\u0001 ', n: 1.5, note: undefined },
      { text: 'x'.repeat(40_000), n: Number.NaN, note: '长' },
    ];
    const bytes = await collect((out) => writeXlsx(out, { name: '导出/名单[2024]', columns, rows: rowsOf(rows) }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('导出 名单 2024');
    expect(ws.getCell('A1').value).toBe('内容');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(30);
    DANGEROUS.forEach((s, i) => {
      const cell = ws.getCell(`A${i + 2}`);
      expect(cell.value).toBe(`'${s}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(`B${i + 2}`).value).toBe(0 - i);
    });
    expect(ws.getCell('A8').value).toBe('  张三 & <李四> "王五" ');
    expect(ws.getCell('B8').value).toBe(1.5);
    expect(String(ws.getCell('A9').value).length).toBe(32767);
    expect(ws.getCell('B9').value).toBeNull();
    const back = await readBack(bytes, 'xlsx');
    expect(back[0]).toEqual({ row: 1, values: ['内容', '数值', '备注'] });
    expect(back[1]).toEqual({ row: 2, values: [`'${DANGEROUS[0]}`, '0'] });
  });

  it('writes csv with a BOM, CRLF, RFC 4180 quoting and the same escaping', async () => {
    const rows: Row[] = [
      { text: '=1+1', n: -3, note: 'a,b' },
      { text: '多\n行 "引号"', n: null, note: ' 空格 ' },
    ];
    const bytes = await collect((out) => writeCsv(out, { columns, rows: rowsOf(rows) }));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8').slice(1)).toBe('内容,数值,备注\r\n\'=1+1,-3,"a,b"\r\n"多\n行 ""引号""",," 空格 "\r\n');
    expect(await readBack(bytes, 'csv')).toEqual([
      { row: 1, values: ['内容', '数值', '备注'] },
      { row: 2, values: ["'=1+1", '-3', 'a,b'] },
      { row: 3, values: ['多\n行 "引号"', '', '空格'] },
    ]);
  });

  it('respects backpressure: stops pulling rows while nobody reads, then finishes', async () => {
    let pulled = 0;
    async function* many(): AsyncGenerator<Row> {
      for (let i = 0; i < 100_000; i++) {
        pulled++;
        yield { text: `成员${i}-${Math.random()}`, n: i, note: '杭州市总工会' };
      }
    }
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    const writing = writeXlsx(out, { name: 's', columns, rows: many() });
    await new Promise((r) => setTimeout(r, 300));
    expect(pulled).toBeLessThan(10_000); // a few 64 KiB batches, not the 100,000 rows
    let size = 0;
    out.on('data', (c: Buffer) => (size += c.length));
    expect(await writing).toBe(100_000);
    expect(size).toBeGreaterThan(100_000);
  });

  it('keeps sheet names Excel accepts', () => {
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
    expect(sheetName('  ')).toBe('Sheet1');
  });
});
