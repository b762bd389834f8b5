import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '../http/app-error.js';
import { openFileStream, storeFile } from '../files/file-store.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { countTableRows, readTable, type TableKind, type TableRow } from './table-reader.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** GBK bytes of a text, from the reverse of the platform's GBK decoder (Node has no GBK encoder). */
function gbkEncode(text: string): Buffer {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(Buffer.from([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [a, b]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : map.get(ch)!)));
}

async function rowsOf(bytes: Buffer, kind: TableKind, pieces = [bytes.length]): Promise<TableRow[]> {
  const split = (): Buffer[] => {
    const out: Buffer[] = [];
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
      const n = pieces[i % pieces.length]!;
      out.push(bytes.subarray(at, at + n));
      at += n;
    }
    return out;
  };
  const rows: TableRow[] = [];
  for await (const r of readTable(() => Readable.from(split()), kind)) rows.push(r);
  return rows;
}

describe('readTable: xlsx', () => {
  it('reads the first visible sheet as trimmed text: numbers as written, dates, rich text, formula results, empty rows skipped', async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('字典');
    hidden.state = 'hidden';
    hidden.addRow(['不应读到']);
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '身份证号', '出生日期', '入会日期', '金额', '备注', '党员']);
    ws.addRow(['  张三 ', '330102199001011234', new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2024, 1, 29)), 12.5, { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }, true]);
    ws.addRow([]);
    ws.addRow(['李四', 13800138000, null, null, { formula: 'E2*2', result: 25 }, 'a&b<c>"', false]);
    ws.getCell('C2').numFmt = 'yyyy-mm-dd';
    ws.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
    ws.addRow(['', '', '', '', '', '']);
    ws.addRow(['王五', '3.30102199001011E+17', null, null, -0.5]);
    const rows = await rowsOf(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(rows).toEqual([
      { row: 1, values: ['姓名', '身份证号', '出生日期', '入会日期', '金额', '备注', '党员'] },
      { row: 2, values: ['张三', '330102199001011234', '1990-01-01', '2024-02-29', '12.5', '富文本', 'TRUE'] },
      { row: 4, values: ['李四', '13800138000', '', '', '25', 'a&b<c>"', 'FALSE'] },
      { row: 6, values: ['王五', '3.30102199001011E+17', '', '', '-0.5'] },
    ]);
  });

  it('reads a streamed workbook whose sheet comes before its shared strings (as Excel saves them)', async () => {
    const chunks: Buffer[] = [];
    const sink = new (await import('node:stream')).Writable({
      write(c: Buffer, _e, done) {
        chunks.push(c);
        done();
      },
    });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('会员');
    ws.addRow(['姓名', '工会']).commit();
    for (let i = 0; i < 3000; i++) ws.addRow([`成员${i}`, i % 2 ? '西湖区总工会' : '上城区总工会']).commit();
    ws.commit();
    await wb.commit();
    const bytes = Buffer.concat(chunks);
    expect(bytes.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(bytes.indexOf('xl/sharedStrings.xml'));
    const rows = await rowsOf(bytes, 'xlsx', [7919]);
    expect(rows.length).toBe(3001);
    expect(rows[3000]).toEqual({ row: 3001, values: ['成员2999', '西湖区总工会'] });
    expect(await countTableRows(() => Readable.from([bytes]), 'xlsx')).toBe(3001);
  });

  it('refuses a file that is not an xlsx with 422', async () => {
    const e = await rowsOf(Buffer.from('姓名\n张三\n'), 'xlsx').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(422);
  });
});

describe('readTable: csv', () => {
  const text = '\ufeff姓名,备注,电话\r\n"王, 五","多\r\n行 ""引号""",1\r\n\r\n  赵六 ,x,\n,,\n孙七\r\n"末行"';
  const expected: TableRow[] = [
    { row: 1, values: ['姓名', '备注', '电话'] },
    { row: 2, values: ['王, 五', '多\r\n行 "引号"', '1'] },
    { row: 4, values: ['赵六', 'x'] },
    { row: 6, values: ['孙七'] },
    { row: 7, values: ['末行'] },
  ];

  it('parses RFC 4180 quoting, CRLF and LF, strips the BOM, skips empty rows but keeps numbering', async () => {
    expect(await rowsOf(Buffer.from(text), 'csv')).toEqual(expected);
  });

  it('gives the same rows however the bytes are cut (quotes, CRLF and characters split across chunks)', async () => {
    const bytes = Buffer.from(text);
    for (const pieces of [[1], [2], [3, 1, 4], [5, 9, 2, 6], [7]]) expect(await rowsOf(bytes, 'csv', pieces)).toEqual(expected);
  });

  it('decodes GBK, also when the first Chinese character comes after 64 KiB of ASCII', async () => {
    expect(await rowsOf(gbkEncode('姓名,电话\r\n张三,13800138000\r\n'), 'csv', [3])).toEqual([
      { row: 1, values: ['姓名', '电话'] },
      { row: 2, values: ['张三', '13800138000'] },
    ]);
    const ascii = 'name,phone\r\n' + 'abc,123\r\n'.repeat(8000);
    const rows = await rowsOf(gbkEncode(`${ascii}李四,456\r\n`), 'csv', [4096]);
    expect(rows.length).toBe(8002);
    expect(rows[8001]).toEqual({ row: 8002, values: ['李四', '456'] });
  });

  it('refuses a record that never ends (an unclosed quote swallowing the file)', async () => {
    const e = await rowsOf(Buffer.from(`a,b\n"${'x'.repeat(1_100_000)}`), 'csv', [65536]).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).detail).toMatch(/第 2 行内容过长/);
  });

  it('counts rows cheaply for progress, honouring quoted line breaks', async () => {
    expect(await countTableRows(() => Readable.from([Buffer.from(text)]), 'csv')).toBe(7);
  });
});

describe('readTable: streaming from the file store', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('reads a 200k-row csv with flat memory', async () => {
    const lines = ['姓名,身份证号,手机号,所属工会'];
    for (let i = 0; i < 200_000; i++) lines.push(`成员${i},33010219900101${String(i % 10000).padStart(4, '0')},1${3800000000 + i},"杭州市${i % 13}区, 总工会"`);
    const info = await storeFile(t.database.db, Buffer.from(lines.join('\r\n')), { name: 'big.csv', purpose: 'test', kinds: ['csv'], maxBytes: 64 * 1024 * 1024 });
    lines.length = 0;
    const open = () => openFileStream(t.database.db, info.id);
    expect(await countTableRows(open, 'csv')).toBe(200_001);
    gc();
    const samples: number[] = [];
    let n = 0;
    let last: TableRow | null = null;
    for await (const r of readTable(open, 'csv')) {
      n++;
      last = r;
      if (n % 50_000 === 0) {
        gc();
        samples.push(process.memoryUsage().heapUsed);
      }
    }
    expect(n).toBe(200_001);
    expect(last).toEqual({ row: 200_001, values: ['成员199999', '330102199001019999', '13800199999', '杭州市7区, 总工会'] });
    // holding the rows would take well over 50 MB; streaming keeps the heap where it was
    const growth = Math.max(...samples) - samples[0]!;
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  });
});
