import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../db/db-connection.js';
import { AppError } from '../http/app-error.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { exeFile, htmlFile, jpegFile, pdfFile, pngFile } from '../../test-support/evidence-files.js';
import { EVIDENCE_KINDS, SPREADSHEET_KINDS } from './file-kind.js';
import { CHUNK_BYTES, cleanFileName, deleteFile, fileInfo, openFileStream, purgeExpiredFiles, storeFile } from './file-store.js';

const MiB = 1024 * 1024;

async function xlsxBuffer(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('file store: chunks, kinds by magic bytes, refusals', () => {
  let t: TestDatabase;
  const fileCount = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM stored_files`))[0]!.n;
  const chunkCount = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM stored_file_chunks`))[0]!.n;
  const meta = (name: string, maxBytes = 20 * MiB) => ({ name, purpose: 'test.upload', kinds: SPREADSHEET_KINDS, maxBytes });

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('stores a stream in 1 MiB chunks with size and sha256, and streams it back in order', async () => {
    const body = Buffer.from('姓名,电话\r\n'.repeat(Math.ceil((2.5 * MiB) / 16)));
    const pieces = [body.subarray(0, 1000), body.subarray(1000, 1_500_000), body.subarray(1_500_000)];
    const info = await storeFile(t.database.db, Readable.from(pieces), { ...meta('C:\\fakepath\\名单.csv'), createdBy: null, expiresAt: null });
    expect(info).toMatchObject({ name: '名单.csv', kind: 'csv', mime: 'text/csv', size: body.length, purpose: 'test.upload' });
    expect(info.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    const chunks = await queryRows<{ seq: number; len: number }>(t.database.db, sql`SELECT seq, length(data) AS len FROM stored_file_chunks WHERE file_id = ${info.id} ORDER BY seq`);
    expect(chunks.map((c) => Number(c.len))).toEqual([CHUNK_BYTES, CHUNK_BYTES, body.length - 2 * CHUNK_BYTES]);
    expect((await readAll(openFileStream(t.database.db, info.id))).equals(body)).toBe(true);
    expect(await fileInfo(t.database.db, info.id)).toEqual(info);
  });

  it('detects an xlsx by its bytes even when it is named .csv', async () => {
    const xlsx = await xlsxBuffer([['姓名'], ['张三']]);
    const info = await storeFile(t.database.db, Readable.from([xlsx]), meta('renamed.csv'));
    expect(info.kind).toBe('xlsx');
    expect(info.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('takes csv in UTF-8 with or without BOM, and in GBK', async () => {
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0d, 0x0a]); // 姓名,电话 / 张三,1
    for (const body of [Buffer.from('\ufeff姓名,电话\r\n'), Buffer.from('姓名,电话\n张三,1\n'), gbk]) {
      expect((await storeFile(t.database.db, body, meta('list.xlsx'))).kind).toBe('csv');
    }
  });

  it('refuses PNG, EXE, PDF, a zip that is not a workbook, legacy .xls and UTF-16 named .xlsx, storing nothing', async () => {
    const before = [await fileCount(), await chunkCount()];
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')]);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode')]);
    const pdf = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名,电话', 'utf16le')]);
    const docx = await (async () => {
      const z = await xlsxBuffer([['x']]);
      return Buffer.from(z.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbooc.xml'), 'latin1');
    })();
    const html = Buffer.from('<html><body><table><tr><td>姓名</td></tr></table></body></html>');
    for (const [body, pattern] of [
      [png, /文件类型不支持/],
      [exe, /文件类型不支持/],
      [pdf, /文件类型不支持/],
      [docx, /不是 Excel 工作簿/],
      [ole, /旧版 Excel/],
      [utf16, /UTF-16/],
      [html, /网页/],
      [Buffer.from('PK\x03\x04 truncated', 'latin1'), /不是完整的 .xlsx/],
    ] as const) {
      const e = await refusal(storeFile(t.database.db, Readable.from([body]), meta('evil.xlsx')));
      expect(e.status).toBe(422);
      expect(e.code).toBe('FILE_TYPE');
      expect(e.detail).toMatch(pattern);
    }
    const empty = await refusal(storeFile(t.database.db, Buffer.alloc(0), meta('empty.csv')));
    expect([empty.status, empty.code]).toEqual([422, 'FILE_EMPTY']);
    expect([await fileCount(), await chunkCount()]).toEqual(before);
  });

  it('stores evidence (JPEG, PNG, PDF) by its bytes whatever its name, and refuses a renamed program or page', async () => {
    const evidence = (name: string, maxBytes = 10 * MiB) => ({ name, purpose: 'aid.evidence', kinds: EVIDENCE_KINDS, maxBytes });
    for (const [body, name, kind, mime] of [
      [Buffer.concat([pngFile(300), Buffer.alloc(1.5 * MiB)]), '收入证明.pdf', 'png', 'image/png'],
      [jpegFile(), 'photo.png', 'jpeg', 'image/jpeg'],
      [pdfFile(), 'scan', 'pdf', 'application/pdf'],
    ] as const) {
      const info = await storeFile(t.database.db, Readable.from([body]), evidence(name));
      expect(info).toMatchObject({ name, kind, mime, size: body.length, purpose: 'aid.evidence' });
      expect(await fileInfo(t.database.db, info.id)).toEqual(info);
      expect((await readAll(openFileStream(t.database.db, info.id))).equals(body)).toBe(true);
    }
    const before = [await fileCount(), await chunkCount()];
    for (const [body, name] of [
      [exeFile(), 'invoice.pdf'],
      [htmlFile(), 'photo.jpg'],
      [Buffer.from('姓名,电话\n张三,1\n'), 'scan.png'],
    ] as const) {
      const e = await refusal(storeFile(t.database.db, Readable.from([body]), evidence(name)));
      expect([e.status, e.code, e.detail]).toEqual([422, 'FILE_TYPE', '文件类型不支持:请上传 JPG、PNG 或 PDF 文件']);
    }
    const big = await refusal(storeFile(t.database.db, Readable.from([pngFile(), Buffer.alloc(2 * MiB, 7)]), evidence('big.png', MiB)));
    expect([big.status, big.code]).toEqual([413, 'TOO_LARGE']);
    expect([await fileCount(), await chunkCount()]).toEqual(before);
  });

  it('refuses more than maxBytes with 413, from a stream or a buffer, storing nothing', async () => {
    const before = [await fileCount(), await chunkCount()];
    const big = Buffer.alloc(3 * MiB, 'a,b\n');
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        for (let at = 0; at < big.length; at += 256 * 1024) {
          pulled++;
          yield big.subarray(at, at + 256 * 1024);
        }
      })(),
    );
    const e = await refusal(storeFile(t.database.db, source, meta('big.csv', 2 * MiB)));
    expect([e.status, e.code]).toEqual([413, 'TOO_LARGE']);
    expect(e.detail).toBe('文件过大:不能超过 2 MB');
    expect(pulled).toBeLessThan(12); // stopped reading once over the limit
    const e2 = await refusal(storeFile(t.database.db, big, meta('big.csv', MiB)));
    expect(e2.status).toBe(413);
    expect([await fileCount(), await chunkCount()]).toEqual(before);
  });

  it('answers unknown ids with null / 404 / false, deletes with the chunks, purges expired files', async () => {
    const db = t.database.db;
    expect(await fileInfo(db, 'not-a-uuid')).toBeNull();
    expect(await fileInfo(db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    const e = await refusal(readAll(openFileStream(db, '00000000-0000-4000-8000-000000000000')));
    expect(e.status).toBe(404);
    const info = await storeFile(db, Buffer.from('a,b\n'), meta('x.csv'));
    expect(await deleteFile(db, info.id)).toBe(true);
    expect(await deleteFile(db, info.id)).toBe(false);
    expect((await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM stored_file_chunks WHERE file_id = ${info.id}`))[0]!.n).toBe(0);
    const old = await storeFile(db, Buffer.from('a,b\n'), { ...meta('old.csv'), expiresAt: new Date(Date.now() - 1000) });
    const fresh = await storeFile(db, Buffer.from('a,b\n'), { ...meta('new.csv'), expiresAt: new Date(Date.now() + 3600_000) });
    expect(await purgeExpiredFiles(db)).toBe(1);
    expect(await fileInfo(db, old.id)).toBeNull();
    expect(await fileInfo(db, fresh.id)).not.toBeNull();
  });

  it('keeps display names clean', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.xlsx')).toBe('ab.xlsx');
    expect(cleanFileName('   ')).toBe('未命名文件');
  });
});
