import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/db-connection.js';
import { AppError } from '../platform/http/app-error.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { readTable } from '../platform/import-export/table-reader.js';
import { openFileStream, storeFile } from '../platform/files/file-store.js';
import { parseZipDirectory } from '../platform/files/zip-directory.js';
import { craftZip, type CraftedEntry } from '../test-support/zip-files.js';

const MiB = 1024 * 1024;

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const workbookParts = (): CraftedEntry[] => [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from(`<workbook ${NS}><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
  },
];

describe('security.md item 20: zip / xlsx bombs refused (entry count, uncompressed size, ratio)', () => {
  let t: TestDatabase;
  const fileCount = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM stored_files`))[0]!.n;
  const meta = { name: 'bomb.xlsx', purpose: 'test.upload', kinds: ['xlsx', 'csv'] as const, maxBytes: 50 * MiB };
  const refused = async (zip: Buffer): Promise<AppError> => {
    const e = await storeFile(t.database.db, Readable.from([zip]), meta).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('a crafted well-formed workbook is accepted (the fixtures are sound)', async () => {
    const sheet = Buffer.from(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row></sheetData></worksheet>`);
    const zip = craftZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheet }]);
    const info = await storeFile(t.database.db, zip, meta);
    expect(info.kind).toBe('xlsx');
    const rows = [];
    for await (const r of readTable(() => openFileStream(t.database.db, info.id), 'xlsx')) rows.push(r);
    expect(rows).toEqual([{ row: 1, values: ['姓名'] }]);
  });

  it('refuses more than 1,000 entries', async () => {
    const before = await fileCount();
    const many = Array.from({ length: 1001 }, (_v, i) => ({ name: `xl/media/${i}.txt`, data: Buffer.from('x') }));
    const e = await refused(craftZip([...workbookParts(), ...many]));
    expect([e.status, e.code]).toEqual([422, 'FILE_UNSAFE']);
    expect(e.detail).toMatch(/条目过多/);
    expect(await fileCount()).toBe(before);
  });

  it('refuses a declared uncompressed total above 200 MiB', async () => {
    const before = await fileCount();
    const junk = randomBytes(MiB);
    const big = [0, 1].map((i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.alloc(0), raw: junk, declaredSize: 150 * MiB }));
    const e = await refused(craftZip([...workbookParts(), ...big]));
    expect([e.status, e.code]).toEqual([422, 'FILE_UNSAFE']);
    expect(e.detail).toMatch(/解压后过大/);
    expect(await fileCount()).toBe(before);
  });

  it('refuses an entry compressed more than 200:1', async () => {
    const before = await fileCount();
    const e = await refused(craftZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * MiB, 0x20) }]));
    expect([e.status, e.code]).toEqual([422, 'FILE_UNSAFE']);
    expect(e.detail).toMatch(/压缩比异常/);
    expect(await fileCount()).toBe(before);
  });

  it('stops inflating as soon as an entry grows past its declared size', async () => {
    const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>成员${r}</t></is></c></row>`;
    const rows = Array.from({ length: 50_000 }, (_v, i) => row(i + 1)).join('');
    const sheet = Buffer.from(`<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`);
    const zip = craftZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 100 * 1024 }]);
    const dir = parseZipDirectory(zip, zip.length)!;
    const entry = dir.entries.find((x) => x.name.endsWith('sheet1.xml'))!;
    expect(entry.uncompressedSize / entry.compressedSize).toBeLessThan(200); // passes the declared checks
    const info = await storeFile(t.database.db, zip, meta);
    let read = 0;
    const e = await (async () => {
      for await (const _r of readTable(() => openFileStream(t.database.db, info.id), 'xlsx')) read++;
    })().then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('FILE_UNSAFE');
    expect((e as AppError).detail).toMatch(/超过声明大小/);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(3000); // ~100 KiB of rows, not 50,000
  });

  it('treats bytes with no End Of Central Directory as not a zip', () => {
    expect(parseZipDirectory(Buffer.from('just text, no zip here'), 22)).toBeNull();
  });
});
