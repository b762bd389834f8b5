import { deflateSync } from 'node:zlib';
import { plainPdf } from '../platform/files/plain-pdf.js';

/** Small real files for upload tests: a 1×1 PNG, a JFIF JPEG, a one-page PDF, and impostors. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid PNG of `width`×1 grey pixels (`width` makes it as large as a test needs). */
export function pngFile(width = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0x80)]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(row)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG's frame: SOI, the JFIF APP0 segment, a comment, the scan bytes, EOI. */
export function jpegFile(body: Buffer = Buffer.alloc(64, 0x11)): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const comment = Buffer.from('测试照片', 'utf8');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, comment.length + 2]), comment]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, com, Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]), body, Buffer.from([0xff, 0xd9])]);
}

/** A one-page PDF with a correct cross-reference table. */
export const pdfFile = (text = 'Income proof'): Buffer => plainPdf(text);

/** A Windows program (MZ header and DOS stub), whatever name it is given. */
export const exeFile = (): Buffer => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.\r\r\n$')]);

/** A web page with a script, whatever name it is given. */
export const htmlFile = (): Buffer => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
