import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password.validator.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

describe('password policy (security.md 1)', () => {
  it('accepts a long password with three character classes', () => {
    expect(passwordProblems('Gh-test-2026!x', 'zhangsan')).toEqual([]);
    expect(passwordProblems('abcdEFGH1234', 'zhangsan')).toEqual([]);
    expect(passwordProblems('abcdefgh12!@', 'zhangsan')).toEqual([]);
  });

  it('refuses fewer than 10 characters', () => {
    expect(passwordProblems('Ab1!Ab1!a', 'zhangsan')).toContain('密码至少10位');
    expect(passwordProblems('Ab1!Ab1!ab', 'zhangsan')).toEqual([]);
  });

  it('refuses more than 128 characters', () => {
    expect(passwordProblems(`Aa1!${'x'.repeat(125)}`, 'zhangsan')).toContain('密码不能超过128位');
  });

  it.each([
    ['lowercase only', 'abcdefghijkl'],
    ['lower + digits', 'abcdefgh1234'],
    ['upper + symbols', 'ABCDEFGH!@#$'],
    ['digits + symbols', '12345678!@#$'],
  ])('refuses fewer than three classes: %s', (_l, pw) => {
    expect(passwordProblems(pw, 'zhangsan')).toContain('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  });

  it('refuses a password containing the username, case-insensitively', () => {
    expect(passwordProblems('Zhangsan-2026', 'zhangsan')).toContain('密码不能包含用户名');
    expect(passwordProblems('xx-ZHANGSAN-1', 'ZhangSan')).toContain('密码不能包含用户名');
    // a very short username would forbid too much; it is not checked
    expect(passwordProblems('Ab-test-2026!', 'ab')).toEqual([]);
  });

  it('refuses every password of the bundled common list that otherwise meets the rules, whatever the case', () => {
    expect(passwordProblems('P@ssw0rd123', 'zhangsan')).toContain('密码过于常见,请换一个');
    expect(passwordProblems('Gonghui@123', 'zhangsan')).toContain('密码过于常见,请换一个');
    for (const pw of COMMON_PASSWORDS) {
      expect(passwordProblems(pw.toUpperCase(), 'zhangsan')).toContain('密码过于常见,请换一个');
    }
  });

  it('lists every problem at once', () => {
    const p = passwordProblems('lisi', 'lisi');
    expect(p).toEqual(expect.arrayContaining(['密码至少10位', '密码须包含大写字母、小写字母、数字、符号中的至少三类', '密码不能包含用户名']));
  });
});
