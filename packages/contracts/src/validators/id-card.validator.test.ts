import { describe, expect, it } from 'vitest';
import { idCardCheckChar, isValidIdCard, parseIdCard } from './id-card.validator.js';

/**
 * An independent ISO 7064 MOD 11-2 check character, written from GB 11643-1999 §7 rather than
 * from the implementation's tables: weight_i = 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11,
 * with 10 written as X.
 */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}
const withCheck = (first17: string): string => first17 + referenceCheck(first17);
/** any other check character than the right one */
const wrongCheck = (first17: string): string => {
  const right = referenceCheck(first17);
  return first17 + (right === '0' ? '1' : '0');
};
const TODAY = new Date('2026-06-15T12:00:00Z');

describe('身份证号 (GB 11643-1999)', () => {
  it('accepts the published example 11010519491231002X and derives birth date and gender', () => {
    expect(referenceCheck('11010519491231002')).toBe('X');
    const r = parseIdCard('11010519491231002X', TODAY);
    expect(r).toEqual({ ok: true, id: { value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' } });
  });

  it('agrees with the independent check character on many generated numbers', () => {
    const regions = ['330102', '330106', '110105', '440305', '510107', '650102'];
    for (let i = 0; i < 200; i++) {
      const region = regions[i % regions.length]!;
      const y = 1930 + (i % 90);
      const m = String((i % 12) + 1).padStart(2, '0');
      const d = String((i % 28) + 1).padStart(2, '0');
      const first17 = `${region}${y}${m}${d}${String(i % 1000).padStart(3, '0')}`;
      expect(idCardCheckChar(first17)).toBe(referenceCheck(first17));
      expect(parseIdCard(withCheck(first17), TODAY).ok).toBe(true);
      expect(parseIdCard(wrongCheck(first17), TODAY).ok).toBe(false);
    }
  });

  it('rejects a wrong check character with a Chinese reason', () => {
    const r = parseIdCard('110105194912310021', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('校验位');
  });

  it.each([
    ['30 February', '330102', '20000230'],
    ['month 13', '330102', '19901301'],
    ['month 13 day 31', '330102', '19991331'],
    ['day 00', '330102', '19900100'],
    ['29 February in 1900 (not a leap year)', '330102', '19000229'],
    ['31 April', '330102', '19850431'],
  ])('rejects an impossible birth date: %s', (_label, region, date) => {
    const r = parseIdCard(withCheck(`${region}${date}123`), TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('出生日期');
  });

  it('accepts 29 February of a leap year', () => {
    const r = parseIdCard(withCheck('33010220000229123'), TODAY);
    expect(r.ok && r.id.birthDate).toBe('2000-02-29');
  });

  it('rejects a birth date after today', () => {
    expect(parseIdCard(withCheck('33010220260616123'), TODAY).ok).toBe(false);
    expect(parseIdCard(withCheck('33010220260615123'), TODAY).ok).toBe(true);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    expect(isValidIdCard(withCheck(`330102${tomorrow}123`))).toBe(false);
  });

  it('accepts a lowercase x and normalises it to X', () => {
    const r = parseIdCard('11010519491231002x', TODAY);
    expect(r.ok && r.id.value).toBe('11010519491231002X');
    expect(parseIdCard('  11010519491231002x ', TODAY).ok).toBe(true);
  });

  it('accepts retired region codes (330103 下城区, 330104 江干区) and other provinces', () => {
    for (const region of ['330103', '330104', '110101', '440106', '370202', '530102']) {
      const n = withCheck(`${region}19800512201`);
      const r = parseIdCard(n, TODAY);
      expect(r.ok && r.id.value).toBe(n);
    }
  });

  it('accepts 港澳台居民居住证 (81/82/83) and the new 外国人永久居留身份证 (9x)', () => {
    for (const region of ['810000', '820000', '830000', '931000', '911000']) {
      expect(parseIdCard(withCheck(`${region}19900101123`), TODAY).ok).toBe(true);
    }
  });

  it('converts a 15-digit number by inserting 19 and computing the check character', () => {
    const r = parseIdCard('110105491231002', TODAY);
    expect(r).toEqual({ ok: true, id: { value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' } });
    const r2 = parseIdCard('330102750808151', TODAY);
    expect(r2.ok && r2.id).toEqual({ value: withCheck('33010219750808151'), birthDate: '1975-08-08', gender: 'male' });
    expect(parseIdCard('330102751308151', TODAY).ok).toBe(false);
  });

  it('reads the gender from the 17th digit: odd male, even female', () => {
    for (let d = 0; d <= 9; d++) {
      const r = parseIdCard(withCheck(`3301021990010112${d}`), TODAY);
      expect(r.ok && r.id.gender).toBe(d % 2 === 1 ? 'male' : 'female');
    }
  });

  it.each(['', '12345', '1101051949123100', '11010519491231002Y', '1101051949123100XX', 'abcdefghijklmnopqr', '11010519491231X021'])(
    'rejects a malformed number %j',
    (n) => {
      expect(parseIdCard(n, TODAY).ok).toBe(false);
    },
  );
});
