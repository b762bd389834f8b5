import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq, lt, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db-connection.js';
import { AppError, notFound } from '../http/app-error.js';
import { FileSpool } from './file-spool.js';
import { HEAD_BYTES, MIME, detectUploadKind, precheckHead, type UploadKind } from './file-kind.js';
import { storedFiles } from './file.schema.js';
import { TailBuffer, UPLOAD_ZIP_LIMITS, type ZipLimits } from './zip-directory.js';

/** Size of one stored chunk. */
export const CHUNK_BYTES = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StoredFileInfo {
  id: string;
  name: string;
  kind: UploadKind;
  mime: string;
  size: number;
  sha256: string;
  purpose: string;
  createdBy: string | null;
  orgId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
}

export interface StoreFileMeta {
  /** the name the user gave the file (display only: the kind never comes from it) */
  name: string;
  /** what the file is for, e.g. `members.import`, `members.export` */
  purpose: string;
  createdBy?: string | null;
  orgId?: string | null;
  /** the kinds taken (by magic bytes): imports SPREADSHEET_KINDS, evidence EVIDENCE_KINDS; anything else is 422 */
  kinds: readonly UploadKind[];
  /** refuse with 413 above this many bytes */
  maxBytes: number;
  expiresAt?: Date | null;
  /** bomb limits for xlsx; uploads use UPLOAD_ZIP_LIMITS, files the server generates may allow more */
  zipLimits?: ZipLimits;
}

const toBuffer = (chunk: unknown): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(String(chunk));

function tooLarge(maxBytes: number): AppError {
  const mb = maxBytes / (1024 * 1024);
  return new AppError(413, `文件过大:不能超过 ${mb >= 1 ? `${Math.floor(mb)} MB` : `${Math.ceil(maxBytes / 1024)} KB`}`, 'TOO_LARGE');
}

/** The user's file name without any path, control characters or excessive length. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 200) || '未命名文件';
}

/** The `kind` column's values (its check constraint: csv, xlsx, pdf, image, other). */
const STORED_KIND: Record<UploadKind, string> = { xlsx: 'xlsx', csv: 'csv', pdf: 'pdf', jpeg: 'image', png: 'image', docx: 'other' };

function kindOfRow(kind: string, mime: string): UploadKind {
  if (kind === 'other' && mime === MIME.docx) return 'docx';
  if (kind !== 'image') return kind as UploadKind;
  return mime === MIME.png ? 'png' : 'jpeg';
}

function toInfo(row: typeof storedFiles.$inferSelect): StoredFileInfo {
  return {
    id: row.id,
    name: row.name,
    kind: kindOfRow(row.kind, row.mime),
    mime: row.mime,
    size: row.size,
    sha256: row.sha256 ?? '',
    purpose: row.purpose,
    createdBy: row.createdBy,
    orgId: row.orgId,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

/** Cuts a stream of pieces into pieces of exactly `size` bytes (the last may be shorter). */
async function* rechunk(source: AsyncIterable<Buffer> | Iterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let buf = Buffer.allocUnsafe(size);
  let fill = 0;
  for await (const piece of source) {
    let at = 0;
    while (at < piece.length) {
      const n = Math.min(size - fill, piece.length - at);
      piece.copy(buf, fill, at, at + n);
      fill += n;
      at += n;
      if (fill === size) {
        yield buf;
        buf = Buffer.allocUnsafe(size);
        fill = 0;
      }
    }
  }
  if (fill > 0) yield buf.subarray(0, fill);
}

/**
 * Stores an upload (or a generated file) in the database in 1 MiB chunks, in one transaction, with
 * its size and sha256. The kind is decided by magic bytes, never by name, among `meta.kinds`: a
 * real xlsx (zip listing `[Content_Types].xml` and `xl/workbook.xml`, within the zip-bomb limits),
 * csv text (UTF-8 or GBK), a JPEG, PNG or PDF by its signature; anything else is refused with 422
 * FILE_TYPE / FILE_UNSAFE / FILE_EMPTY, and more than
 * `maxBytes` with 413 TOO_LARGE. A refused file leaves nothing stored. A stream source is first
 * read into an encrypted temp spool (see FileSpool), so the transaction stays short.
 */
export async function storeFile(db: Db, source: Readable | Buffer, meta: StoreFileMeta): Promise<StoredFileInfo> {
  const spool = Buffer.isBuffer(source) ? null : await FileSpool.create();
  try {
    const hash = createHash('sha256');
    const tail = new TailBuffer();
    const headParts: Buffer[] = [];
    let head: Buffer | null = null;
    let size = 0;
    for await (const raw of Buffer.isBuffer(source) ? [source] : source) {
      const chunk = toBuffer(raw);
      size += chunk.length;
      if (size > meta.maxBytes) throw tooLarge(meta.maxBytes);
      hash.update(chunk);
      tail.push(chunk);
      if (!head) {
        headParts.push(chunk);
        if (size >= HEAD_BYTES) {
          head = Buffer.concat(headParts).subarray(0, HEAD_BYTES);
          precheckHead(head, meta.kinds);
        }
      }
      if (spool) await spool.write(chunk);
    }
    head ??= Buffer.concat(headParts);
    const kind = detectUploadKind(head, tail.bytes(), size, meta.kinds, meta.zipLimits ?? UPLOAD_ZIP_LIMITS);
    if (spool) await spool.finish();
    const content: AsyncIterable<Buffer> | Iterable<Buffer> = spool ? spool.read(CHUNK_BYTES) : [source as Buffer];
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(storedFiles)
        .values({
          name: cleanFileName(meta.name),
          kind: STORED_KIND[kind],
          mime: MIME[kind],
          size,
          sha256: hash.digest('hex'),
          purpose: meta.purpose,
          createdBy: meta.createdBy ?? null,
          orgId: meta.orgId ?? null,
          expiresAt: meta.expiresAt ?? null,
        })
        .returning();
      let seq = 0;
      let written = 0;
      for await (const piece of rechunk(content, CHUNK_BYTES)) {
        // base64 text both ways: PGlite converts bytea parameters and results byte by byte in JS (19 s for 10 MB)
        await tx.execute(sql`INSERT INTO stored_file_chunks (file_id, seq, data) VALUES (${row!.id}, ${seq++}, decode(${piece.toString('base64')}, 'base64'))`);
        written += piece.length;
      }
      if (written !== size) throw new Error('暂存文件与上传内容不一致');
      return toInfo(row!);
    });
  } finally {
    await spool?.dispose();
  }
}

/** The stored file's description, or null when there is no such file. */
export async function fileInfo(db: Db, id: string): Promise<StoredFileInfo | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ? toInfo(row) : null;
}

/**
 * The file's bytes as a stream: one 1 MiB chunk per query, the next one already requested while the
 * current one is consumed (never the whole file). Measured: single-chunk queries are 3-4x faster
 * than fetching several chunks per query, on pg and on PGlite alike (large result messages are
 * costly to assemble). An unknown id makes the stream fail with 404.
 */
export function openFileStream(db: Db, id: string): Readable {
  const fetch = (seq: number): Promise<Buffer | null> =>
    queryRows<{ b64: string }>(db, sql`SELECT encode(data, 'base64') AS b64 FROM stored_file_chunks WHERE file_id = ${id} AND seq = ${seq}`).then((rows) =>
      rows[0] ? Buffer.from(rows[0].b64, 'base64') : null,
    );
  async function* chunks(): AsyncGenerator<Buffer> {
    if (!UUID.test(id)) throw notFound('文件');
    const info = await fileInfo(db, id);
    if (!info) throw notFound('文件');
    let size = 0;
    let pending: Promise<Buffer | null> | null = fetch(0);
    for (let seq = 0; pending; seq++) {
      const chunk: Buffer | null = await pending;
      if (!chunk) break;
      size += chunk.length;
      pending = size < info.size ? fetch(seq + 1) : null;
      pending?.catch(() => undefined); // surfaced by the await above if the consumer keeps reading
      yield chunk;
    }
    if (size !== info.size) throw new Error(`文件 ${id} 的内容不完整`);
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Deletes a stored file and its chunks; false when there was none. */
export async function deleteFile(db: Db, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await db.delete(storedFiles).where(eq(storedFiles.id, id)).returning({ id: storedFiles.id });
  return rows.length > 0;
}

/** Deletes files whose `expiresAt` has passed (for a periodic job); returns how many. */
export async function purgeExpiredFiles(db: Db, now: Date = new Date()): Promise<number> {
  const rows = await db.delete(storedFiles).where(lt(storedFiles.expiresAt, now)).returning({ id: storedFiles.id });
  return rows.length;
}
