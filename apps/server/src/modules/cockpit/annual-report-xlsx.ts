import type { Writable } from 'node:stream';
import { writeXlsxBook, type CellValue, type XlsxSheet } from '../../platform/import-export/xlsx-writer.js';
import { reportValue, UNIT_LABELS, type AnnualReport } from './annual-report.service.js';

type Row = Record<string, CellValue>;

async function* rowsOf(rows: Row[]): AsyncGenerator<Row> {
  yield* rows;
}

/** 年度指标: one row per figure, grouped by section, with last year, change, target and completion. */
export const FIGURE_COLUMNS = [
  { header: '分组', key: 'group', width: 20 },
  { header: '指标', key: 'label', width: 28 },
  { header: '单位', key: 'unit', width: 6 },
  { header: '本年', key: 'value', width: 14 },
  { header: '上年', key: 'previous', width: 14 },
  { header: '增减', key: 'change', width: 12 },
  { header: '增减幅度(%)', key: 'changePercent', width: 12 },
  { header: '年度目标', key: 'target', width: 12 },
  { header: '完成率(%)', key: 'completionPercent', width: 10 },
  { header: '口径说明', key: 'note', width: 60 },
];

function sheets(r: AnnualReport): XlsxSheet[] {
  const about: Row[] = [
    { item: '报表', text: r.title },
    { item: '组织', text: r.view.org.name },
    { item: '年度', text: `${r.view.year}年` },
    { item: '生成时间', text: `${r.generatedAt}(北京时间)` },
    ...r.notes.map((text, i) => ({ item: i === 0 ? '说明' : '', text })),
  ];
  const figures: Row[] = r.sections.flatMap((s) =>
    s.rows.map((row) => ({ group: s.label, label: row.label, unit: row.unit, value: row.value, previous: row.previous, change: row.change, changePercent: row.changePercent, target: row.target, completionPercent: row.completionPercent, note: row.note })),
  );
  const childColumns = r.view.figures.map((f) => ({ header: `${f.label}(${UNIT_LABELS[f.unit]})`, key: f.key, width: 14 }));
  const children: Row[] = r.children.map((c) => ({
    name: c.name,
    kind: c.kind,
    ...Object.fromEntries(r.view.figures.map((f) => [f.key, c.values[f.key] === undefined ? null : reportValue(f.unit, c.values[f.key]!)])),
  }));
  return [
    { name: '说明', columns: [{ header: '项目', key: 'item', width: 12 }, { header: '内容', key: 'text', width: 100 }], rows: rowsOf(about) },
    { name: '年度指标', columns: FIGURE_COLUMNS, rows: rowsOf(figures) },
    { name: '下级组织', columns: [{ header: '下级组织', key: 'name', width: 30 }, { header: '类型', key: 'kind', width: 16 }, ...childColumns], rows: rowsOf(children) },
  ];
}

/** The report as an xlsx of three sheets (说明, 年度指标, 下级组织); text formula-escaped by the writer. */
export function writeAnnualReportXlsx(out: Writable, r: AnnualReport): Promise<number> {
  return writeXlsxBook(out, sheets(r));
}
