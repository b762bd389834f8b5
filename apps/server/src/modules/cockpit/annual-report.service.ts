import { COCKPIT_GROUP_LABELS, COCKPIT_GROUPS, ORG_KIND_LABELS, type CockpitFigure, type CockpitGroup, type CockpitQuery, type CockpitUnit, type CockpitView, type OrgKind } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { buildCockpitView } from './cockpit.service.js';

/** One figure as the report prints it: values in the report's units (元, %), change and completion worked out. */
export interface ReportRow {
  key: string;
  label: string;
  unitCode: CockpitUnit;
  /** 个 人 元 % */
  unit: string;
  value: number;
  previous: number | null;
  /** this year minus last year (percentage points for rates) */
  change: number | null;
  /** the change over last year's value, in % (not for rates) */
  changePercent: number | null;
  target: number | null;
  /** value over target, in % */
  completionPercent: number | null;
  note: string;
}

export interface ReportSection {
  group: CockpitGroup;
  label: string;
  rows: ReportRow[];
}

/** 年度工作统计 of one org: the cockpit view of the year, laid out for print and spreadsheet. */
export interface AnnualReport {
  view: CockpitView;
  title: string;
  /** when the figures were read, Beijing time, e.g. 2026-11-24 22:40 */
  generatedAt: string;
  sections: ReportSection[];
  /** the first figure of each group: the columns of the child-org table in print */
  mainFigures: CockpitFigure[];
  children: { name: string; kind: string; values: Record<string, number> }[];
  /** how to read the report (口径), general lines */
  notes: string[];
}

export const UNIT_LABELS: Record<CockpitUnit, string> = { count: '个', people: '人', fen: '元', rate: '%' };

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A cockpit value in the report's unit: money in 元 (from 分), rates in % (from [0, 1]), counts as they are. */
export function reportValue(unit: CockpitUnit, value: number): number {
  if (unit === 'fen') return round2(value / 100);
  if (unit === 'rate') return round2(value * 100);
  return value;
}

/** A report value as printed: thousands separated, money and rates with two decimals. */
export function formatReportValue(unit: CockpitUnit, value: number | null): string {
  if (value === null) return '—';
  const digits = unit === 'fen' || unit === 'rate' ? 2 : 0;
  const text = value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === 'rate' ? `${text}%` : text;
}

/** `2026-11-24 22:40` in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16);
}

function reportRow(f: CockpitFigure): ReportRow {
  const value = reportValue(f.unit, f.value);
  const previous = f.previous === null ? null : reportValue(f.unit, f.previous);
  const target = f.target === null ? null : reportValue(f.unit, f.target);
  return {
    key: f.key,
    label: f.label,
    unitCode: f.unit,
    unit: UNIT_LABELS[f.unit],
    value,
    previous,
    change: previous === null ? null : round2(value - previous),
    changePercent: previous === null || previous === 0 || f.unit === 'rate' ? null : round2(((value - previous) / previous) * 100),
    target,
    completionPercent: target === null || target === 0 ? null : round2((value / target) * 100),
    note: f.note,
  };
}

/** The report model of a cockpit view (pure: the xlsx and the PDF are both drawn from it). */
export function annualReportOf(view: CockpitView): AnnualReport {
  const sections = COCKPIT_GROUPS.map((group) => ({ group, label: COCKPIT_GROUP_LABELS[group], rows: view.figures.filter((f) => f.group === group).map(reportRow) })).filter((s) => s.rows.length > 0);
  const mainFigures = sections.map((s) => view.figures.find((f) => f.key === s.rows[0]!.key)!);
  return {
    view,
    title: `${view.org.name} ${view.year}年度工作统计`,
    generatedAt: shanghaiMinute(view.generatedAt),
    sections,
    mainFigures,
    children: view.children.map((c) => ({ name: c.name, kind: ORG_KIND_LABELS[c.kind as OrgKind] ?? c.kind, values: c.values })),
    notes: [
      `统计范围:${view.org.name}及其全部下级组织(数据生成时的组织关系)。`,
      `年度指标按北京时间 ${view.year} 年 1 月 1 日至 12 月 31 日累计;存量指标(未列上年值者)为生成时点的数。`,
      '上年为上一年度同一口径的值;增减为本年减上年(比率为百分点),增减幅度为增减除以上年;完成率为本年除以年度目标。',
      '金额单位为元(系统以分记账,此处除以 100);比率以百分数表示。各指标的口径见指标说明。',
    ],
  };
}

/** 年度工作统计 of an org the caller may see (404 outside the caller's scope, as the cockpit). */
export async function annualReport(ctx: AppContext, auth: AuthContext, q: CockpitQuery): Promise<AnnualReport> {
  return annualReportOf(await buildCockpitView(ctx, auth, q));
}

/** The download's file name, e.g. 杭州市总工会-2026年度工作统计.xlsx */
export const reportFileName = (r: AnnualReport, ext: 'xlsx' | 'pdf'): string => `${r.view.org.name}-${r.view.year}年度工作统计.${ext}`;
