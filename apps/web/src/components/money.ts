/** Money is stored in integer 分 and shown in 元 with two decimals (domain.md: never floats in storage). */

/** 分 → "8,000.00 元" ('—' when missing). */
export function formatYuan(fen: number | null | undefined, unit = ' 元'): string {
  if (fen === null || fen === undefined) return '—';
  const text = (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${text}${unit}`;
}

/** An amount typed in 元 (at most two decimals) → integer 分. */
export function yuanToFen(yuan: number): number {
  return Math.round(Number(yuan.toFixed(2)) * 100);
}

/** 分 → 元 as a number, for an input's initial value. */
export function fenToYuanNumber(fen: number): number {
  return fen / 100;
}
