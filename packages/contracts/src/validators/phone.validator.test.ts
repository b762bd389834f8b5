import { describe, expect, it } from 'vitest';
import { isValidMobile, MOBILE_PATTERN } from './phone.validator.js';

describe('mainland mobile numbers', () => {
  it.each(['13800138000', '15912345678', '17612345678', '18888888888', '19912345678', ' 13912345678 '])('accepts %j', (n) => {
    expect(isValidMobile(n)).toBe(true);
  });

  it.each(['', '1380013800', '138001380001', '12345678901', '10012345678', '23800138000', '+8613800138000', '138-0013-8000', '1380013800a', '057188888888'])(
    'rejects %j',
    (n) => {
      expect(isValidMobile(n)).toBe(false);
    },
  );

  it('anchors the pattern so embedded numbers do not pass', () => {
    expect(MOBILE_PATTERN.test('x13800138000')).toBe(false);
    expect(MOBILE_PATTERN.test('13800138000x')).toBe(false);
  });
});
