import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../http/app-error.js';
import { TailBuffer, parseZipDirectory, type ZipDirectory, type ZipEntry } from './zip-directory.js';

const LOCAL_SIG = 0x04034b50;
const EMPTY = Buffer.alloc(0);

const broken = (): AppError => new AppError(422, '文件已损坏:压缩数据无法读取,请在 Excel 中重新保存后上传', 'FILE_TYPE');

/** Sequential reads over a byte stream: skip forward, read exactly n bytes, or stream n bytes. */
export class ByteCursor {
  private buf: Buffer = EMPTY;
  private off = 0;
  /** absolute position of the next unread byte */
  position = 0;
  private readonly it: AsyncIterator<unknown>;

  constructor(private readonly stream: Readable) {
    this.it = stream[Symbol.asyncIterator]();
  }

  private async fill(): Promise<void> {
    while (this.off >= this.buf.length) {
      const r = await this.it.next();
      if (r.done) throw broken();
      this.buf = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
      this.off = 0;
    }
  }

  /** moves forward to an absolute position (never backwards) */
  async skipTo(pos: number): Promise<void> {
    if (pos < this.position) throw broken();
    while (this.position < pos) {
      await this.fill();
      const n = Math.min(this.buf.length - this.off, pos - this.position);
      this.off += n;
      this.position += n;
    }
  }

  async readExact(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.take(n)) parts.push(part);
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, n);
  }

  /** yields exactly the next n bytes, in pieces, without copying */
  async *take(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      await this.fill();
      const k = Math.min(this.buf.length - this.off, left);
      const piece = this.buf.subarray(this.off, this.off + k);
      this.off += k;
      this.position += k;
      left -= k;
      yield piece;
    }
  }

  close(): void {
    this.stream.destroy();
  }
}

/**
 * Reads the central directory of a zip given only a way to open it as a stream: one pass over the
 * bytes keeping the last 2 MiB. Null when the stream is not a zip.
 */
export async function readZipDirectory(open: () => Readable): Promise<ZipDirectory | null> {
  const tail = new TailBuffer();
  let size = 0;
  for await (const chunk of open()) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    tail.push(b);
    size += b.length;
  }
  return parseZipDirectory(tail.bytes(), size);
}

/**
 * The inflated content of one entry. The cursor must be at or before the entry's local header;
 * sizes and offsets come from the central directory. Inflating stops with 422 as soon as the output
 * exceeds the declared uncompressed size (a lying header is a bomb).
 */
export async function* entryContent(cursor: ByteCursor, entry: ZipEntry): AsyncGenerator<Buffer> {
  await cursor.skipTo(entry.localHeaderOffset);
  const header = await cursor.readExact(30);
  if (header.readUInt32LE(0) !== LOCAL_SIG) throw broken();
  await cursor.skipTo(cursor.position + header.readUInt16LE(26) + header.readUInt16LE(28));
  if (entry.flags & 0x1) throw new AppError(422, '不支持加密的文件,请取消密码后重新上传', 'FILE_TYPE');
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw broken();
    yield* cursor.take(entry.compressedSize);
    return;
  }
  if (entry.method !== 8) throw broken();
  const input = Readable.from(cursor.take(entry.compressedSize), { objectMode: false });
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  input.on('error', (e) => inflater.destroy(e));
  input.pipe(inflater);
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        throw new AppError(422, '文件解压后的实际大小超过声明大小,疑似压缩炸弹,已拒绝', 'FILE_UNSAFE');
      }
      yield chunk;
    }
  } catch (e) {
    throw e instanceof AppError ? e : broken();
  } finally {
    input.destroy();
    inflater.destroy();
  }
}

/**
 * One pass over the archive that hands each wanted entry's content to `handle`, in file order
 * (the handler must consume the content fully before returning).
 */
export async function forEachEntry(
  open: () => Readable,
  wanted: ZipEntry[],
  handle: (entry: ZipEntry, content: AsyncIterable<Buffer>) => Promise<void>,
): Promise<void> {
  if (wanted.length === 0) return;
  const cursor = new ByteCursor(open());
  try {
    for (const entry of [...wanted].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
      await handle(entry, entryContent(cursor, entry));
    }
  } finally {
    cursor.close();
  }
}
