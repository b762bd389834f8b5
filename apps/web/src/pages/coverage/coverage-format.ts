/** A rate 0-1 as a percentage with one decimal: 0.7059 → 70.6%. */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** A rate 0-1 as a number of percent rounded to one decimal (Statistic truncates, so round first). */
export function percentValue(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

/** The change of a rate in percentage points (one decimal), signed; null without last year's figure. */
export function pointsChange(now: number, before: number | undefined): number | null {
  if (before === undefined) return null;
  return Math.round((now - before) * 1000) / 10;
}

export function count(n: number): string {
  return n.toLocaleString('zh-CN');
}
