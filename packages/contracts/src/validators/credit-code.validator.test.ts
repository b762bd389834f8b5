import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARS, creditCodeCheckChar, parseCreditCode } from './credit-code.validator.js';

/** GB 32100-2015 §4.3, written independently: weights 3^i mod 31, check = 31 - (sum mod 31), 31 → 0. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * (3 ** i % 31);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts a real code: 91330000704202479R', () => {
    expect(referenceCheck('91330000704202479')).toBe('R');
    expect(parseCreditCode('91330000704202479R')).toEqual({ ok: true, value: '91330000704202479R', checksumValid: true });
  });

  it('reports a wrong check character as a checksum error', () => {
    const r = parseCreditCode('91330000704202479A');
    expect(r).toMatchObject({ ok: false, reason: 'checksum' });
    if (!r.ok) expect(r.message).toContain('校验位');
  });

  it('reports the pilot-era code 91350211M0000XUF46 as a checksum error, not a format error', () => {
    expect(referenceCheck('91350211M0000XUF4')).not.toBe('6');
    expect(parseCreditCode('91350211M0000XUF46')).toMatchObject({ ok: false, reason: 'checksum' });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the letter %s as a format error', (letter) => {
    const code = `9133000070420247${letter}R`;
    const r = parseCreditCode(code);
    expect(r).toMatchObject({ ok: false, reason: 'format' });
    if (!r.ok) expect(r.message).toContain('18位');
  });

  it('rejects a wrong length or symbols as a format error', () => {
    for (const c of ['', '9133000070420247', '91330000704202479R1', '91330000-04202479R']) {
      expect(parseCreditCode(c)).toMatchObject({ ok: false, reason: 'format' });
    }
  });

  it('normalises lowercase and surrounding spaces', () => {
    expect(parseCreditCode(' 91330000704202479r ')).toEqual({ ok: true, value: '91330000704202479R', checksumValid: true });
  });

  it('agrees with the independent check character on generated codes', () => {
    expect(CREDIT_CODE_CHARS).toBe(ALPHABET);
    let seed = 7;
    for (let n = 0; n < 300; n++) {
      let first17 = '';
      for (let i = 0; i < 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        first17 += ALPHABET[seed % 31];
      }
      const check = referenceCheck(first17);
      expect(creditCodeCheckChar(first17)).toBe(check);
      expect(parseCreditCode(first17 + check).ok).toBe(true);
      const wrong = ALPHABET[(ALPHABET.indexOf(check) + 1) % 31]!;
      expect(parseCreditCode(first17 + wrong)).toMatchObject({ ok: false, reason: 'checksum' });
    }
  });
});
