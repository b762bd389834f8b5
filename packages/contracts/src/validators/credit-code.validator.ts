/** 统一社会信用代码 (GB 32100-2015). */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export type CreditCodeResult =
  | { ok: true; value: string; checksumValid: true }
  | { ok: false; value: string; reason: 'format' | 'checksum'; message: string };

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARS.indexOf(first17[i] ?? '') * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

/** Validates a credit code. A code of the right shape with a wrong check character is reason 'checksum'. */
export function parseCreditCode(input: string): CreditCodeResult {
  const value = input.trim().toUpperCase();
  if (value.length !== 18 || [...value].some((c) => !CREDIT_CODE_CHARS.includes(c))) {
    return { ok: false, value, reason: 'format', message: '统一社会信用代码应为18位,只含数字和除 I、O、Z、S、V 外的大写字母' };
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, value, reason: 'checksum', message: '统一社会信用代码校验位错误' };
  }
  return { ok: true, value, checksumValid: true };
}
