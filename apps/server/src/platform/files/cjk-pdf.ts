import { pdfFromObjects } from './plain-pdf.js';

/**
 * PDFs of Chinese text lines (one page, or several with page numbers) without a new dependency: the text is set in the standard
 * Adobe-GB1 font STSong-Light with the UniGB-UCS2-H encoding (UTF-16 code units). The font is not
 * embedded: PDF readers substitute their own Song/宋体 face (Acrobat, Chrome, Edge, Firefox's pdf.js,
 * WPS and macOS Preview do). Characters outside the Basic Multilingual Plane are dropped. ASCII
 * (CIDs 1-95 of Adobe-GB1) is declared half width (/W), as textWidth measures it; the rest full width.
 */
export interface PdfLine {
  text: string;
  size: number;
  /** baseline from the bottom of the page, in points */
  y: number;
  /** left edge; omitted: centred on the page */
  x?: number;
  /** right-aligned at this x instead */
  right?: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  /** a double frame inset from the edges (certificates) */
  frame?: boolean;
  /** straight lines (table rules), in points */
  rules?: PdfRule[];
}

export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** line width, default 0.5 */
  width?: number;
}

const bmp = (s: string) => [...s].filter((ch) => ch.codePointAt(0)! <= 0xffff).join('');
const hex = (s: string) => [...bmp(s)].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
/** Approximate advance: full width for CJK, half for ASCII. */
export const textWidth = (s: string, size: number) => [...bmp(s)].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? size * 0.5 : size), 0);

/** Splits a text into lines that fit a width (CJK full width, ASCII half). */
export function wrapText(text: string, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

function contentOf(page: PdfPage): string {
  const parts: string[] = [];
  if (page.frame) parts.push(`0.6 0.1 0.1 RG 3 w 24 24 ${page.width - 48} ${page.height - 48} re S 1 w 34 34 ${page.width - 68} ${page.height - 68} re S`);
  for (const r of page.rules ?? []) parts.push(`0 0 0 RG ${r.width ?? 0.5} w ${r.x1.toFixed(1)} ${r.y1.toFixed(1)} m ${r.x2.toFixed(1)} ${r.y2.toFixed(1)} l S`);
  for (const l of page.lines) {
    const w = textWidth(l.text, l.size);
    const x = l.x ?? (l.right !== undefined ? l.right - w : (page.width - w) / 2);
    parts.push(`BT /F1 ${l.size} Tf ${x.toFixed(1)} ${l.y.toFixed(1)} Td <${hex(l.text)}> Tj ET`);
  }
  return parts.join('\n');
}

export function cjkPdf(page: PdfPage): Buffer {
  return cjkPdfPages([page]);
}

/**
 * A PDF of several pages in the same font; with `pageNumbers` each page gets 第 n 页 / 共 m 页
 * centred at its foot.
 */
export function cjkPdfPages(pages: PdfPage[], opts: { pageNumbers?: boolean } = {}): Buffer {
  const FIRST_PAGE = 6;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_p, i) => `${FIRST_PAGE + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  pages.forEach((page, i) => {
    const foot = opts.pageNumbers ? [{ text: `第 ${i + 1} 页 / 共 ${pages.length} 页`, size: 9, y: 24 }] : [];
    const content = contentOf({ ...page, lines: [...page.lines, ...foot] });
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${FIRST_PAGE + 2 * i + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  });
  return pdfFromObjects(objects);
}
