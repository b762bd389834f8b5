import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { maskBankAccount, maskIdCard, maskName, maskPhone } from './masking.js';
import { passwordProblems } from './password.validator.js';
import { monthlyDuesFen } from '../schemas/dues.schema.js';
import { contributionFen } from '../schemas/contribution.schema.js';
import { fenToYuan } from '../schemas/ledger.schema.js';

/** Property tests of masking, the password policy and the money rules (integer 分). */
const digitString = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** any text without the mask character, so "the masked text contains the value" is meaningful */
const plain = (min: number, max: number) => fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }).filter((s) => !s.includes('*'));
const hidden = (masked: string) => [...masked].filter((c) => c === '*').length;

describe('masking (property)', () => {
  it('身份证号: same length, first 4 and last 4 kept, never the full value', () => {
    fc.assert(
      fc.property(plain(1, 40), (v) => {
        const m = maskIdCard(v);
        expect(m.length).toBe(v.length);
        expect(m).not.toContain(v);
        if (v.length > 8) expect(m).toBe(v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4));
        else expect(hidden(m)).toBe(v.length);
      }),
    );
  });

  it('手机号: a valid mobile shows 3 + **** + 4 and never its middle 4 digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'3456789'), digitString(9, 9), (second, rest) => {
        const v = `1${second}${rest}`;
        const m = maskPhone(v);
        expect(m).toBe(`${v.slice(0, 3)}****${v.slice(-4)}`);
        expect(m).not.toContain(v);
      }),
    );
    fc.assert(
      fc.property(plain(1, 30), (v) => {
        const m = maskPhone(v);
        expect(m).not.toContain(v);
        if (v.length < 7) expect(m).toBe('*'.repeat(v.length));
        // at least 4 characters of the value are not shown
        else expect(m.length - hidden(m)).toBeLessThanOrEqual(v.length - 4);
      }),
    );
  });

  it('银行账号: same length, only the last 4 characters shown', () => {
    fc.assert(
      fc.property(digitString(8, 30), (v) => {
        const m = maskBankAccount(v);
        expect(m.length).toBe(v.length);
        expect(m).not.toContain(v);
        expect(m.slice(-4)).toBe(v.slice(-4));
        expect(hidden(m)).toBe(v.length - 4);
      }),
    );
  });

  it('姓名: same number of characters, the middle masked, first (and last) kept', () => {
    const name = fc.string({ unit: fc.constantFrom(...'张王李赵陈刘欧阳建国丽娜海燕明'), minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(name, (v) => {
        const chars = [...v];
        const m = [...maskName(v)];
        expect(m.length).toBe(chars.length);
        expect(m[0]).toBe(chars[0]);
        expect(maskName(v)).not.toBe(v);
        expect(hidden(m.join(''))).toBe(Math.max(1, chars.length - 2));
      }),
    );
  });
});

const CLASSES = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#$%^&*-_+=?'];
/** a password built from at least 3 classes, 10-60 characters */
const strongPassword = fc
  .tuple(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 3, maxLength: 4 }), fc.integer({ min: 10, max: 60 }), fc.infiniteStream(fc.nat()))
  .map(([classes, length, rnd]) => {
    const it = rnd[Symbol.iterator]();
    const next = () => it.next().value as number;
    const chars = classes.map((c) => CLASSES[c]![next() % CLASSES[c]!.length]!);
    while (chars.length < length) {
      const c = CLASSES[classes[next() % classes.length]!]!;
      chars.push(c[next() % c.length]!);
    }
    return chars.join('');
  });

describe('password policy (property)', () => {
  it('accepts long passwords of 3+ classes that are not common and do not contain the username', () => {
    fc.assert(
      fc.property(strongPassword, fc.constantFrom('zhangsan', 'city', 'admin01'), (pw, user) => {
        fc.pre(!pw.toLowerCase().includes(user) && !COMMON_PASSWORDS.has(pw.toLowerCase()));
        expect(passwordProblems(pw, user)).toEqual([]);
      }),
    );
  });

  it('refuses anything shorter than 10 characters, with fewer than 3 classes, or over 128', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9 }), (pw) => {
        expect(passwordProblems(pw, 'zhangsan')).toContain('密码至少10位');
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ'), minLength: 10, maxLength: 40 }), (pw) => {
        expect(passwordProblems(pw, 'zhangsan').length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 129, maxLength: 400 }), (pw) => {
        expect(passwordProblems(pw, 'zhangsan')).toContain('密码不能超过128位');
      }),
    );
  });

  it('refuses a password containing the username in any letter case', () => {
    fc.assert(
      fc.property(strongPassword, fc.stringMatching(/^[a-z][a-z0-9]{2,11}$/), fc.nat(), (pw, user, at) => {
        const i = at % (pw.length + 1);
        expect(passwordProblems(pw.slice(0, i) + user.toUpperCase() + pw.slice(i), user)).toContain('密码不能包含用户名');
      }),
    );
  });

  it('refuses every bundled common password in any letter case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMON_PASSWORDS), fc.boolean(), (pw, upper) => {
        expect(passwordProblems(upper ? pw.toUpperCase() : pw, 'nobody').length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('money rules in 分 (property)', () => {
  const wage = fc.integer({ min: 0, max: 100_000_000_000 });

  it('会费 = floor(wage / 1000) × 5, monotonic, 0.5% of the wage floored to 10 元', () => {
    fc.assert(
      fc.property(wage, wage, (a, b) => {
        expect(monthlyDuesFen(a)).toBe(Math.floor(a / 1000) * 5);
        expect(Number.isSafeInteger(monthlyDuesFen(a))).toBe(true);
        if (a <= b) expect(monthlyDuesFen(a)).toBeLessThanOrEqual(monthlyDuesFen(b));
        expect(monthlyDuesFen(a)).toBeLessThanOrEqual(a * 0.005);
        expect(a * 0.005 - monthlyDuesFen(a)).toBeLessThan(5);
      }),
    );
  });

  it('会费 refuses negative, fractional and unsafe wages', () => {
    const bad = fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant(Number.NaN));
    fc.assert(
      fc.property(bad, (w) => {
        expect(() => monthlyDuesFen(w)).toThrow(RangeError);
      }),
    );
  });

  it('工会经费 = payroll × rate rounded half up to the 分, exact for huge payrolls', () => {
    const payroll = fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(payroll, fc.integer({ min: 0, max: 10_000 }), (p, bp) => {
        const exact = BigInt(p) * BigInt(bp);
        const fen = BigInt(contributionFen(p, bp));
        expect(fen * 10_000n <= exact + 5_000n && exact + 5_000n < (fen + 1n) * 10_000n).toBe(true);
      }),
    );
  });

  it('fenToYuan shows exactly two decimals and round-trips to the same 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const s = fenToYuan(fen);
        expect(s).toMatch(/^-?\d+\.\d{2}$/);
        const [whole, cents] = s.replace('-', '').split('.');
        const back = (BigInt(whole!) * 100n + BigInt(cents!)) * (s.startsWith('-') ? -1n : 1n);
        expect(back).toBe(BigInt(fen));
      }),
    );
  });
});
