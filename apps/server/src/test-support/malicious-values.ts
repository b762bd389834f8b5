import fc from 'fast-check';

/** Strings an attacker (or a broken client) sends: injection snippets, path tricks, control and odd Unicode. */
export const MALICIOUS_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE members; --",
  '1; SELECT pg_sleep(5)--',
  "admin'--",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\u202e\u202d',
  '=cmd|" /C calc"!A0',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '99999999999999999999999999',
  'null',
  'undefined',
  'true',
  '',
  ' ',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '\t=1+1',
  '张'.repeat(300),
];

/** very long strings: 10k and 200k characters */
export const LONG_STRINGS: readonly string[] = ['A'.repeat(10_000), 'x'.repeat(200_000)];

export const MALICIOUS_NUMBERS: readonly number[] = [-1, 0, -0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE];

/** an object whose own keys include __proto__ and constructor (as JSON.parse builds them) */
export function pollutingObject(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const polluted = JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}}') as Record<string, unknown>;
  return Object.assign(polluted, extra);
}

export const maliciousString = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...MALICIOUS_STRINGS) }, { weight: 1, arbitrary: fc.constantFrom(...LONG_STRINGS) }, { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) });

/** any JSON-ish value, leaning to the nasty ones */
export const maliciousValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: maliciousString },
  { weight: 2, arbitrary: fc.constantFrom(...MALICIOUS_NUMBERS) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant(null).map(() => pollutingObject()) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { id: "' OR 1=1" }) },
);

/** true when Object.prototype has been polluted by something a test parsed */
export const prototypePolluted = (): boolean => 'polluted' in {} || 'isAdmin' in {};
