import { cjkPdfPages, wrapText, type PdfPage } from '../../platform/files/cjk-pdf.js';
import { formatReportValue, reportValue, UNIT_LABELS, type AnnualReport, type ReportRow } from './annual-report.service.js';

/** A4 portrait, in points */
const W = 595;
const H = 842;
const LEFT = 40;
const RIGHT = W - 40;
const TOP = H - 48;
const BOTTOM = 48;
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

interface Column {
  header: string;
  width: number;
  /** numbers are right-aligned */
  align: 'left' | 'right';
}

/** Lines and rules placed top-down, a new page whenever the next block does not fit. */
class Layout {
  readonly pages: PdfPage[] = [];
  private page!: PdfPage;
  y = TOP;

  constructor() {
    this.newPage();
  }

  newPage(): void {
    this.page = { width: W, height: H, lines: [], rules: [] };
    this.pages.push(this.page);
    this.y = TOP;
  }

  /** Room for `height` more points on this page, or a new page. */
  ensure(height: number): boolean {
    if (this.y - height >= BOTTOM) return false;
    this.newPage();
    return true;
  }

  text(text: string, size: number, at: { x?: number; right?: number } = {}): void {
    this.page.lines.push({ text, size, y: this.y, ...at });
  }

  rule(y: number, width = 0.5): void {
    this.page.rules!.push({ x1: LEFT, y1: y, x2: RIGHT, y2: y, width });
  }

  /** Wrapped paragraph lines at the left margin. */
  paragraph(text: string, size: number, indent = 0): void {
    for (const part of wrapText(text, size, RIGHT - LEFT - indent)) {
      this.ensure(size + 4);
      this.y -= size + 4;
      this.text(part, size, { x: LEFT + indent });
    }
  }

  /** A table with a ruled header row (repeated after a page break); cells wrap within their column. */
  table(columns: Column[], rows: string[][], size: number): void {
    const lineHeight = size + 3;
    const cellLines = (cells: string[], sz: number) => cells.map((c, i) => wrapText(c, sz, columns[i]!.width - 6));
    const drawRow = (cells: string[][], sz: number, bold: boolean) => {
      const height = Math.max(...cells.map((c) => c.length)) * lineHeight + 5;
      const top = this.y;
      let x = LEFT;
      cells.forEach((lines, i) => {
        const col = columns[i]!;
        lines.forEach((line, k) => {
          this.y = top - 3 - (k + 1) * lineHeight + 2;
          this.text(line, sz, col.align === 'right' ? { right: x + col.width - 3 } : { x: x + 3 });
        });
        x += col.width;
      });
      this.y = top - height;
      this.rule(this.y, bold ? 0.8 : 0.3);
    };
    const header = cellLines(
      columns.map((c) => c.header),
      size,
    );
    const headerHeight = Math.max(...header.map((c) => c.length)) * lineHeight + 5;
    const drawHeader = () => {
      this.rule(this.y, 0.8);
      drawRow(header, size, true);
    };
    this.ensure(headerHeight + lineHeight + 8);
    drawHeader();
    for (const row of rows) {
      const cells = cellLines(row, size);
      const height = Math.max(...cells.map((c) => c.length)) * lineHeight + 5;
      if (this.ensure(height)) drawHeader();
      drawRow(cells, size, false);
    }
  }
}

const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text);

function changeText(row: ReportRow): string {
  if (row.change === null) return '—';
  if (row.unitCode === 'rate') return `${signed(row.change, row.change.toFixed(2))}个百分点`;
  return signed(row.change, row.change.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
}

const FIGURE_COLUMNS: Column[] = [
  { header: '指标', width: 140, align: 'left' },
  { header: '本年', width: 72, align: 'right' },
  { header: '上年', width: 72, align: 'right' },
  { header: '增减', width: 72, align: 'right' },
  { header: '增减幅度', width: 47, align: 'right' },
  { header: '年度目标', width: 62, align: 'right' },
  { header: '完成率', width: 50, align: 'right' },
];

/**
 * 年度工作统计 as a printable A4 PDF: title and generation time, each cockpit group as a section
 * with every figure, the child orgs × the main figures, and the 口径 notes; page numbers at the foot.
 */
export function annualReportPdf(r: AnnualReport): Buffer {
  const l = new Layout();
  l.y = TOP - 10;
  l.text(r.title, 18);
  l.y -= 22;
  l.text(`生成时间:${r.generatedAt}(北京时间)    统计年度:${r.view.year}年`, 9);
  l.y -= 6;
  for (const note of r.notes) l.paragraph(note, 8.5);
  r.sections.forEach((s, i) => {
    l.ensure(60);
    l.y -= 24;
    l.text(`${CHINESE_NUMBERS[i] ?? i + 1}、${s.label}`, 12, { x: LEFT });
    l.y -= 6;
    l.table(
      FIGURE_COLUMNS,
      s.rows.map((row) => [
        `${row.label}(${row.unit})`,
        formatReportValue(row.unitCode, row.value),
        formatReportValue(row.unitCode, row.previous),
        changeText(row),
        row.changePercent === null ? '—' : `${signed(row.changePercent, row.changePercent.toFixed(2))}%`,
        formatReportValue(row.unitCode, row.target),
        formatReportValue('rate', row.completionPercent),
      ]),
      8,
    );
  });
  if (r.children.length > 0) {
    l.ensure(80);
    l.y -= 24;
    l.text(`${CHINESE_NUMBERS[r.sections.length] ?? ''}、下级组织主要指标`, 12, { x: LEFT });
    l.y -= 6;
    const nameWidth = 118;
    const each = (RIGHT - LEFT - nameWidth) / Math.max(1, r.mainFigures.length);
    const columns: Column[] = [{ header: '下级组织', width: nameWidth, align: 'left' }, ...r.mainFigures.map((f) => ({ header: `${f.label}(${UNIT_LABELS[f.unit]})`, width: each, align: 'right' as const }))];
    const rows = r.children.map((c) => [c.name, ...r.mainFigures.map((f) => (c.values[f.key] === undefined ? '—' : formatReportValue(f.unit, reportValue(f.unit, c.values[f.key]!))))]);
    l.table(columns, rows, 7.5);
  }
  l.ensure(60);
  l.y -= 24;
  l.text('指标口径说明', 12, { x: LEFT });
  l.y -= 4;
  for (const s of r.sections) for (const row of s.rows) l.paragraph(`${row.label}:${row.note}`, 8);
  return cjkPdfPages(l.pages, { pageNumbers: true });
}
