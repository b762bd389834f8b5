import { createHash } from 'node:crypto';

const EMPTY = 0;
const INITIAL_SLOTS = 1 << 14;

/**
 * The first row on which each key of an import file was seen, for reporting later duplicates.
 * Keys are reduced to 64 bits of their SHA-256 (a false duplicate among a million keys has a
 * chance of about 3 in 100 million) and kept in an open-addressing table of typed arrays: 12 bytes
 * a slot outside the JS heap, at most half full, so a 1M-row file costs ~24 MB and no garbage,
 * where a Map of strings cost ~100 MB of long-lived heap.
 */
export class RowKeyIndex {
  private hi = new Uint32Array(INITIAL_SLOTS);
  private lo = new Uint32Array(INITIAL_SLOTS);
  /** row number + 1 (0 marks an empty slot) */
  private rows = new Uint32Array(INITIAL_SLOTS);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** The row that first had `key`, or null after remembering `row` as its first. */
  firstRowOf(key: string, row: number): number | null {
    const digest = createHash('sha256').update(key).digest();
    const hi = digest.readUInt32LE(0);
    const lo = digest.readUInt32LE(4);
    const found = this.lookup(hi, lo);
    if (found !== null) return found;
    if ((this.used + 1) * 2 > this.rows.length) this.grow();
    this.place(hi, lo, row + 1);
    this.used++;
    return null;
  }

  private lookup(hi: number, lo: number): number | null {
    const mask = this.rows.length - 1;
    for (let i = (hi ^ lo) & mask; this.rows[i] !== EMPTY; i = (i + 1) & mask) {
      if (this.hi[i] === hi && this.lo[i] === lo) return this.rows[i]! - 1;
    }
    return null;
  }

  private place(hi: number, lo: number, rowPlusOne: number): void {
    const mask = this.rows.length - 1;
    let i = (hi ^ lo) & mask;
    while (this.rows[i] !== EMPTY) i = (i + 1) & mask;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.rows[i] = rowPlusOne;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    const slots = rows.length * 2;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.rows = new Uint32Array(slots);
    for (let i = 0; i < rows.length; i++) if (rows[i] !== EMPTY) this.place(hi[i]!, lo[i]!, rows[i]!);
  }
}
