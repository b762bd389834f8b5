import { AppError } from '../http/app-error.js';

/** One file listed in a zip archive's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** where the central directory starts: every entry's data lies before it */
  directoryOffset: number;
}

/** Limits that refuse zip/xlsx bombs before anything is inflated (security.md 20). */
export interface ZipLimits {
  maxEntries: number;
  /** sum of the declared uncompressed sizes of all entries */
  maxTotalUncompressed: number;
  /** uncompressed : compressed, per entry */
  maxRatio: number;
  /** entries declaring less than this are too small to be a bomb and skip the ratio test */
  ratioFloor: number;
}

const MiB = 1024 * 1024;

/** Limits for uploaded spreadsheets. */
export const UPLOAD_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalUncompressed: 200 * MiB, maxRatio: 200, ratioFloor: 64 * 1024 };

/** How many trailing bytes must be kept to find the directory: the directory itself must fit. */
export const ZIP_TAIL_BYTES = 2 * MiB;

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const U16 = 0xffff;
const U32 = 0xffffffff;

const corrupt = (detail = '文件已损坏:压缩目录无法读取,请在 Excel 中重新保存后上传'): AppError => new AppError(422, detail, 'FILE_TYPE');
const unsafe = (detail: string): AppError => new AppError(422, `${detail},疑似压缩炸弹,已拒绝`, 'FILE_UNSAFE');

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(v);
}

/** Keeps the last `limit` bytes of a stream without copying every chunk. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private length = 0;
  constructor(private readonly limit = ZIP_TAIL_BYTES) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.chunks.length > 1 && this.length - this.chunks[0]!.length >= this.limit) {
      this.length -= this.chunks.shift()!.length;
    }
  }

  /** the kept bytes (at most `limit`, fewer if the stream was shorter) */
  bytes(): Buffer {
    const all = Buffer.concat(this.chunks, this.length);
    return all.length > this.limit ? all.subarray(all.length - this.limit) : all;
  }
}

function findEocd(tail: Buffer): number {
  const lowest = Math.max(0, tail.length - 22 - U16);
  for (let i = tail.length - 22; i >= lowest; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) return i;
  }
  return -1;
}

/**
 * Reads a zip's central directory from the last bytes of the file (`tail`, which ends at
 * `fileSize`). Returns null when there is no End Of Central Directory record (not a zip); throws
 * 422 when the record is there but the directory is broken or does not fit in the tail.
 */
export function parseZipDirectory(tail: Buffer, fileSize: number): ZipDirectory | null {
  const at = findEocd(tail);
  if (at < 0) return null;
  const tailStart = fileSize - tail.length;
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw corrupt('不支持分卷压缩文件');
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (count === U16 || size === U32 || offset === U32) {
    const loc = at - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== EOCD64_LOCATOR_SIG) throw corrupt();
    const rec = u64(tail, loc + 8) - tailStart;
    if (rec < 0 || rec + 56 > loc || tail.readUInt32LE(rec) !== EOCD64_SIG) throw corrupt();
    count = u64(tail, rec + 32);
    size = u64(tail, rec + 40);
    offset = u64(tail, rec + 48);
  }
  const start = offset - tailStart;
  if (start < 0 || offset + size > fileSize) throw corrupt();
  const entries: ZipEntry[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > tail.length || tail.readUInt32LE(p) !== CENTRAL_SIG) throw corrupt();
    const flags = tail.readUInt16LE(p + 8);
    const nameLen = tail.readUInt16LE(p + 28);
    const extraLen = tail.readUInt16LE(p + 30);
    const commentLen = tail.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > tail.length) throw corrupt();
    const entry: ZipEntry = {
      name: tail.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen),
      method: tail.readUInt16LE(p + 10),
      flags,
      compressedSize: tail.readUInt32LE(p + 20),
      uncompressedSize: tail.readUInt32LE(p + 24),
      localHeaderOffset: tail.readUInt32LE(p + 42),
    };
    readZip64Extra(tail.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), entry);
    if (entry.localHeaderOffset + entry.compressedSize > offset) throw corrupt();
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, directoryOffset: offset };
}

/** Sizes and offsets that do not fit 32 bits are in the zip64 extra field, in a fixed order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  const needs = entry.uncompressedSize === U32 || entry.compressedSize === U32 || entry.localHeaderOffset === U32;
  if (!needs) return;
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        if (q + 8 > p + 4 + len) throw corrupt();
        const v = u64(extra, q);
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === U32) entry.uncompressedSize = next();
      if (entry.compressedSize === U32) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + len;
  }
  throw corrupt();
}

/** Refuses archives with too many entries, too much declared content, or an abnormal ratio. */
export function checkZipLimits(dir: ZipDirectory, limits: ZipLimits = UPLOAD_ZIP_LIMITS): void {
  if (dir.entries.length > limits.maxEntries) throw unsafe(`压缩文件条目过多(${dir.entries.length} 个,上限 ${limits.maxEntries} 个)`);
  let total = 0;
  for (const e of dir.entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize >= limits.ratioFloor && (e.compressedSize === 0 || e.uncompressedSize / e.compressedSize > limits.maxRatio)) {
      throw unsafe(`文件压缩比异常(超过 ${limits.maxRatio}:1)`);
    }
  }
  if (total > limits.maxTotalUncompressed) throw unsafe(`文件解压后过大(超过 ${Math.round(limits.maxTotalUncompressed / MiB)} MB)`);
}

/** True when the archive is a real xlsx: it lists `[Content_Types].xml` and `xl/workbook.xml`. */
export function isXlsxDirectory(dir: ZipDirectory): boolean {
  const names = new Set(dir.entries.map((e) => e.name));
  return names.has('[Content_Types].xml') && names.has('xl/workbook.xml');
}

/** A Word document (.docx): the same package, with the main document part. */
export function isDocxDirectory(dir: ZipDirectory): boolean {
  const names = new Set(dir.entries.map((e) => e.name));
  return names.has('[Content_Types].xml') && names.has('word/document.xml');
}
