import type { CockpitFigure, CockpitUnit } from '@gonghui/contracts';

/** Sums of at least 1 万元 (1,000,000 分) read in 万元; smaller ones in 元. */
const WAN_FEN = 1_000_000;

export interface FigureText {
  number: string;
  /** 人 / 元 / 万元 / % ('' for a plain count) */
  suffix: string;
}

const integer = (n: number): string => Math.round(n).toLocaleString('zh-CN');
const decimals = (n: number, digits: number): string => n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A figure's value as read: counts and people as integers, 分 as 元 (万元 when large) with 2 decimals, rates as %. */
export function figureText(value: number, unit: CockpitUnit): FigureText {
  switch (unit) {
    case 'count':
      return { number: integer(value), suffix: '' };
    case 'people':
      return { number: integer(value), suffix: '人' };
    case 'fen':
      return Math.abs(value) >= WAN_FEN ? { number: decimals(value / WAN_FEN, 2), suffix: '万元' } : { number: decimals(value / 100, 2), suffix: '元' };
    case 'rate':
      return { number: decimals(value * 100, 1), suffix: '%' };
  }
}

/** One string, e.g. "1,234.50 万元" (for tables and tooltips). */
export function formatFigure(value: number | undefined, unit: CockpitUnit): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const t = figureText(value, unit);
  return t.suffix ? `${t.number} ${t.suffix}` : t.number;
}

export interface YearOverYear {
  direction: 'up' | 'down' | 'flat';
  /** e.g. "增长 12.5%", "下降 2.3 个百分点", "上年为 0", "持平" */
  text: string;
}

/** Change against last year: % for amounts, percentage points for rates; null when no previous value. */
export function yearOverYear(value: number, previous: number | null, unit: CockpitUnit): YearOverYear | null {
  if (previous === null) return null;
  const diff = value - previous;
  if (diff === 0) return { direction: 'flat', text: '持平' };
  const direction = diff > 0 ? 'up' : 'down';
  const word = diff > 0 ? '增长' : '下降';
  if (unit === 'rate') return { direction, text: `${word} ${decimals(Math.abs(diff) * 100, 1)} 个百分点` };
  if (previous === 0) return { direction, text: '上年为 0' };
  return { direction, text: `${word} ${decimals(Math.abs(diff / previous) * 100, 1)}%` };
}

/** The year-over-year change in % (percentage points for rates), for the chart; null when not comparable. */
export function changePercent(figure: CockpitFigure): number | null {
  if (figure.previous === null) return null;
  if (figure.unit === 'rate') return round1((figure.value - figure.previous) * 100);
  if (figure.previous === 0) return null;
  return round1(((figure.value - figure.previous) / Math.abs(figure.previous)) * 100);
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Share of the target reached, 0-100 (capped for the bar); null without a target. */
export function targetPercent(figure: CockpitFigure): number | null {
  if (figure.target === null || figure.target <= 0) return null;
  return Math.round((figure.value / figure.target) * 1000) / 10;
}

export interface ChartScale {
  /** divide the raw value by this for the chart */
  divisor: number;
  /** the axis unit (人 / 元 / 万元 / % / 个) */
  axis: string;
}

/** How a chart draws values of one unit: money in 万元 once the largest reaches 1 万元, rates in %. */
export function chartScale(unit: CockpitUnit, max: number): ChartScale {
  switch (unit) {
    case 'count':
      return { divisor: 1, axis: '数量' };
    case 'people':
      return { divisor: 1, axis: '人' };
    case 'fen':
      return max >= WAN_FEN ? { divisor: WAN_FEN, axis: '万元' } : { divisor: 100, axis: '元' };
    case 'rate':
      return { divisor: 0.01, axis: '%' };
  }
}
