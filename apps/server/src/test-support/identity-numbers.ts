/**
 * Test vectors computed here from the standards, independently of the code under test:
 * 居民身份证号码 (GB 11643-1999, ISO 7064 MOD 11-2), 统一社会信用代码 (GB 32100-2015), mainland
 * mobile numbers, and the masked forms domain.md prescribes.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The 18th character of a 身份证 number from its first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`not 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** A valid 18-digit number: 6-digit region, YYYYMMDD, 3-digit sequence (odd = male), check char. */
export function makeIdCard(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** An old 15-digit number: region, YYMMDD, 3-digit sequence, no check char. */
export function makeIdCard15(region: string, birthYYMMDD: string, seq: number): string {
  const id = `${region}${birthYYMMDD}${String(seq).padStart(3, '0')}`;
  if (!/^\d{15}$/.test(id)) throw new Error(`bad 15-digit number ${id}`);
  return id;
}

/** The 18-digit form of a 15-digit number: 19 inserted before the birth date, check char computed. */
export function upgradeIdCard15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/** The same number with a different (wrong) check character. */
export function withWrongCheckChar(id: string): string {
  const right = id[17]!;
  const wrong = ID_CHECK[(ID_CHECK.indexOf(right) + 1) % ID_CHECK.length]!;
  return id.slice(0, 17) + wrong;
}

/** Birth date and gender as the number states them. */
export function idFacts(id18: string): { birthDate: string; gender: 'male' | 'female' } {
  return { birthDate: `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`, gender: Number(id18[16]) % 2 === 1 ? 'male' : 'female' };
}

export const maskedIdCard = (id: string): string => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
export const maskedPhone = (p: string): string => `${p.slice(0, 3)}****${p.slice(-4)}`;
export const maskedBank = (b: string): string => `${'*'.repeat(b.length - 4)}${b.slice(-4)}`;

/** A mainland mobile number 1[3-9]x xxxx xxxx from a prefix and a serial. */
export function makePhone(prefix: '138' | '139' | '150' | '186' | '177', serial: number): string {
  return `${prefix}${String(serial).padStart(8, '0')}`;
}

const CC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100 check: (31 − Σ vᵢ·3^(i−1) mod 31) mod 31. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`not a credit-code character: ${first17[i]}`);
    sum += v * (3 ** i % 31);
  }
  return CC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** A valid enterprise code: 91 + region + a 9-character organisation code derived from n + check. */
export function makeCreditCode(region: string, n: number): string {
  const org = String(n).padStart(8, '0') + CC_ALPHABET[n % 31]!;
  const first17 = `91${region}${org}`;
  return first17 + creditCheckChar(first17);
}
