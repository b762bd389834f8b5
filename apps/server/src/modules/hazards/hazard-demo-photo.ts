import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/**
 * A small demo "photo": a 48×32 RGB PNG with a diagonal band in `rgb` over grey, so the demo's
 * photo lists show real images (each seed slightly different so files are not identical).
 */
export function demoPhotoPng(rgb: [number, number, number], seed: number): Buffer {
  const width = 48;
  const height = 32;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x - y - (seed % 16)) < 6;
      const grey = 150 + ((x * 7 + y * 3 + seed) % 40);
      row[1 + x * 3] = band ? rgb[0] : grey;
      row[2 + x * 3] = band ? rgb[1] : grey;
      row[3 + x * 3] = band ? rgb[2] : grey;
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
