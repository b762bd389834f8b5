/** Server-side masking of personal data (domain.md). */
export function maskIdCard(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** 13812345678 → 138****5678; shorter numbers show fewer digits, so at least 4 are always hidden. */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  const head = Math.min(3, Math.max(0, value.length - 8));
  const tail = Math.min(4, value.length - 4);
  return value.slice(0, head) + '****' + value.slice(-tail);
}

export function maskBankAccount(value: string): string {
  if (value.length <= 4) return value;
  return '*'.repeat(value.length - 4) + value.slice(-4);
}

/** 张建国 → 张*国, 李四 → 李*: names on public (公示) pages. */
export function maskName(value: string): string {
  const chars = [...value];
  if (chars.length <= 1) return value;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
