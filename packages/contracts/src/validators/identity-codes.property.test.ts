import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARS, creditCodeCheckChar, parseCreditCode } from './credit-code.validator.js';
import { parseIdCard } from './id-card.validator.js';
import { isValidMobile } from './phone.validator.js';

/**
 * Property tests of the identity-number validators: generated valid numbers are accepted, and any
 * single-character change of a valid number is refused (both check characters detect every single
 * substitution: ISO 7064 MOD 11-2 and GB 32100 MOD 31 use weights prime to the modulus).
 */
const TODAY = new Date(Date.UTC(2026, 10, 24));
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
/** a real birth date 1900-01-01 … today, as YYYYMMDD */
const birthDate = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: TODAY, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const ID_CHECK = '10X98765432';
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** the check character computed here from GB 11643-1999, not by the code under test */
const idCheck = (first17: string) => ID_CHECK[[...first17].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i]!, 0) % 11]!;

const validIdCard = fc.record({ region: digits(6), birth: birthDate, seq: fc.integer({ min: 0, max: 999 }) }).map(({ region, birth, seq }) => {
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return { value: first17 + idCheck(first17), birth, male: seq % 2 === 1 };
});

describe('身份证号 validator (property)', () => {
  it('accepts every generated valid number, with its birth date and gender', () => {
    fc.assert(
      fc.property(validIdCard, ({ value, birth, male }) => {
        const r = parseIdCard(value, TODAY);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.id).toEqual({ value, birthDate: birth, gender: male ? 'male' : 'female' });
        expect(parseIdCard(` ${value.toLowerCase()} `, TODAY).ok).toBe(true);
      }),
    );
  });

  it('refuses any single-character change of a valid number', () => {
    const change = fc.tuple(validIdCard, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'));
    fc.assert(
      fc.property(change, ([{ value }, at, ch]) => {
        fc.pre(value[at] !== ch && (ch !== 'X' || at === 17));
        expect(parseIdCard(value.slice(0, at) + ch + value.slice(at + 1), TODAY).ok).toBe(false);
      }),
    );
  });

  it('refuses wrong lengths and foreign characters, and never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = parseIdCard(s, TODAY);
        if (r.ok) expect(r.id.value).toMatch(/^\d{17}[\dX]$/);
        else expect(r.message).toMatch(/身份证号/);
        const trimmed = s.trim();
        if (!/^(\d{15}|\d{17}[\dXx])$/.test(trimmed)) expect(r.ok).toBe(false);
      }),
    );
  });

  it('converts a valid 15-digit number to 18 digits born in the 1900s', () => {
    const old = fc.record({ region: digits(6), birth: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(1999, 11, 31)), noInvalidDate: true }), seq: digits(3) });
    fc.assert(
      fc.property(old, ({ region, birth, seq }) => {
        const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
        const r = parseIdCard(`${region}${ymd.slice(2)}${seq}`, TODAY);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.id.value).toBe(`${region}${ymd}${seq}${idCheck(`${region}${ymd}${seq}`)}`);
      }),
    );
  });

  it('refuses birth dates after today', () => {
    const future = fc.date({ min: new Date(Date.UTC(2026, 10, 25)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(digits(6), future, (region, d) => {
        const first17 = `${region}${d.toISOString().slice(0, 10).replace(/-/g, '')}001`;
        expect(parseIdCard(first17 + idCheck(first17), TODAY).ok).toBe(false);
      }),
    );
  });
});

const creditChar = fc.constantFrom(...CREDIT_CODE_CHARS);
const validCreditCode = fc.string({ unit: creditChar, minLength: 17, maxLength: 17 }).map((first17) => first17 + creditCodeCheckChar(first17));

describe('统一社会信用代码 validator (property)', () => {
  it('accepts every code whose 18th character is its check character, in any letter case', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        expect(parseCreditCode(code)).toEqual({ ok: true, value: code, checksumValid: true });
        expect(parseCreditCode(` ${code.toLowerCase()} `).ok).toBe(true);
      }),
    );
  });

  it('reports any single-character change as a checksum error', () => {
    fc.assert(
      fc.property(validCreditCode, fc.integer({ min: 0, max: 17 }), creditChar, (code, at, ch) => {
        fc.pre(code[at] !== ch);
        const r = parseCreditCode(code.slice(0, at) + ch + code.slice(at + 1));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toBe('checksum');
      }),
    );
  });

  it('reports a format error for characters outside the code alphabet (I O Z S V, symbols)', () => {
    const bad = fc.constantFrom(...'IOZSV-_ !中*', '\u0000');
    fc.assert(
      fc.property(validCreditCode, fc.integer({ min: 0, max: 17 }), bad, (code, at, ch) => {
        const r = parseCreditCode(code.slice(0, at) + ch + code.slice(at + 1));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toBe('format');
      }),
    );
  });

  it('never throws and accepts only 18 characters of the alphabet', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseCreditCode(s);
        if (r.ok) expect(r.value).toMatch(/^[0-9A-HJ-NP-RTUW-Y]{18}$/);
      }),
    );
  });
});

describe('mobile number validator (property)', () => {
  it('accepts 1[3-9] followed by 9 digits, trimmed', () => {
    fc.assert(fc.property(fc.constantFrom(...'3456789'), digits(9), (second, rest) => {
          expect(isValidMobile(` 1${second}${rest} `)).toBe(true);
        }));
  });

  it('refuses other lengths, other prefixes and any non-digit', () => {
    fc.assert(fc.property(fc.constantFrom(...'012'), digits(9), (second, rest) => {
          expect(isValidMobile(`1${second}${rest}`)).toBe(false);
        }));
    fc.assert(fc.property(fc.oneof(digits(10), digits(12)), (s) => {
          expect(isValidMobile(s)).toBe(false);
        }));
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        if (isValidMobile(s)) expect(s.trim()).toMatch(/^1[3-9]\d{9}$/);
      }),
    );
  });
});
