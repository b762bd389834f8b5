import { describe, expect, it } from 'vitest';
import { RowKeyIndex } from './row-key-index.js';

describe('RowKeyIndex', () => {
  it('remembers the first row of each key and reports it for later rows', () => {
    const index = new RowKeyIndex();
    expect(index.firstRowOf('330102199001011234', 2)).toBeNull();
    expect(index.firstRowOf('33010219900101123X', 3)).toBeNull();
    expect(index.firstRowOf('330102199001011234', 7)).toBe(2);
    expect(index.firstRowOf('330102199001011234', 9)).toBe(2);
    expect(index.size).toBe(2);
  });

  it('keeps every key through many growths of its table', () => {
    const index = new RowKeyIndex();
    const n = 100_000;
    for (let i = 0; i < n; i++) expect(index.firstRowOf(`key-${i}`, i + 2)).toBeNull();
    expect(index.size).toBe(n);
    for (let i = 0; i < n; i += 997) expect(index.firstRowOf(`key-${i}`, n + 10)).toBe(i + 2);
    expect(index.size).toBe(n);
  });
});
