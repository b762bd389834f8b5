/**
 * 居民身份证号码 (GB 11643-1999) validation.
 * The address code is where the number was issued and never changes, so retired codes
 * (330103 下城区 …) and other provinces are accepted. 81/82/83 (港澳台居住证) and 9x
 * (外国人永久居留身份证, new format) are accepted too. 15-digit numbers are converted.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export interface ParsedIdCard {
  /** the normalised 18-character number, uppercase X */
  value: string;
  gender: 'male' | 'female';
  /** YYYY-MM-DD */
  birthDate: string;
}

export type IdCardResult = { ok: true; id: ParsedIdCard } | { ok: false; message: string };

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function realDate(y: number, m: number, d: number, today: Date): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (date.getTime() > today.getTime()) return null;
  if (y < 1800) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses and validates a 身份证 number, returning the normalised value or a Chinese reason. */
/** The shape of a 身份证 number (15 digits, or 17 and a check character), checksum not tested: for telling a typed number from a name. */
export const ID_CARD_SHAPE = /^\d{15}$|^\d{17}[\dXx]$/;

export function parseIdCard(input: string, today: Date = new Date()): IdCardResult {
  const raw = input.trim().toUpperCase();
  let full: string;
  if (/^\d{15}$/.test(raw)) {
    const first17 = raw.slice(0, 6) + '19' + raw.slice(6);
    full = first17 + idCardCheckChar(first17);
  } else if (/^\d{17}[\dX]$/.test(raw)) {
    full = raw;
  } else {
    return { ok: false, message: '身份证号应为18位(末位可为X)或15位数字' };
  }
  const birthDate = realDate(Number(full.slice(6, 10)), Number(full.slice(10, 12)), Number(full.slice(12, 14)), today);
  if (!birthDate) return { ok: false, message: '身份证号中的出生日期不是有效日期' };
  if (idCardCheckChar(full.slice(0, 17)) !== full[17]) return { ok: false, message: '身份证号校验位错误' };
  const gender = Number(full[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id: { value: full, gender, birthDate } };
}

export function isValidIdCard(input: string): boolean {
  return parseIdCard(input).ok;
}
