import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { waitForDrain, writeOut } from './export-cells.js';

interface WrittenEntry {
  name: Buffer;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const U32 = 0xffffffff;
const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A minimal streaming zip writer (deflate, data descriptors, no zip64) with real backpressure:
 * large entries are deflated as they are produced and nothing waits in memory for a slow reader.
 */
export class ZipStreamWriter {
  private offset = 0;
  private readonly entries: WrittenEntry[] = [];
  private readonly stamp = dosDateTime(new Date());

  constructor(private readonly out: Writable) {}

  private async put(data: Buffer): Promise<void> {
    this.offset += data.length;
    await writeOut(this.out, data);
  }

  private localHeader(name: Buffer, flags: number, crc: number, compressedSize: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(compressedSize, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  }

  /** adds a small entry whose content is known in full */
  async addFile(path: string, content: string | Buffer): Promise<void> {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const name = Buffer.from(path);
    const entry = { name, flags: UTF8_NAMES, crc: crc32(data), compressedSize: packed.length, size: data.length, offset: this.offset };
    await this.put(this.localHeader(name, entry.flags, entry.crc, entry.compressedSize, entry.size));
    await this.put(packed);
    this.entries.push(entry);
  }

  /** adds an entry deflated while `source` produces it */
  async addStream(path: string, source: AsyncIterable<string | Buffer>): Promise<void> {
    const name = Buffer.from(path);
    const entry = { name, flags: UTF8_NAMES | DATA_DESCRIPTOR, crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    await this.put(this.localHeader(name, entry.flags, 0, 0, 0));
    async function* plain(): AsyncGenerator<Buffer> {
      for await (const piece of source) {
        const b = Buffer.from(piece);
        entry.crc = crc32(b, entry.crc);
        entry.size += b.length;
        yield b;
      }
    }
    const out = this.out;
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        entry.compressedSize += chunk.length;
        this.offset += chunk.length;
        if (out.write(chunk)) done();
        else waitForDrain(out).then(() => done(), done);
      },
    });
    await pipeline(Readable.from(plain(), { objectMode: false }), createDeflateRaw(), sink);
    if (entry.size > U32 || entry.compressedSize > U32 || this.offset > U32) throw new Error('导出内容超过 4 GB,请缩小导出范围');
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(entry.crc, 4);
    d.writeUInt32LE(entry.compressedSize, 8);
    d.writeUInt32LE(entry.size, 12);
    await this.put(d);
    this.entries.push(entry);
  }

  /** writes the central directory (does not end the output stream) */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressedSize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.put(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
  }
}
