import { pdfFromObjects } from './plain-pdf.js';

/**
 * A one-page PDF of Chinese text lines without a new dependency: the text is set in the standard
 * Adobe-GB1 font STSong-Light with the UniGB-UCS2-H encoding (UTF-16 code units). The font is not
 * embedded: PDF readers substitute their own Song/宋体 face (Acrobat, Chrome, Edge, Firefox's pdf.js,
 * WPS and macOS Preview do). Characters outside the Basic Multilingual Plane are dropped.
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
}

const bmp = (s: string) => [...s].filter((ch) => ch.codePointAt(0)! <= 0xffff).join('');
const hex = (s: string) => [...bmp(s)].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
/** Approximate advance: full width for CJK, half for ASCII. */
export const textWidth = (s: string, size: number) => [...bmp(s)].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? size * 0.5 : size), 0);

function contentOf(page: PdfPage): string {
  const parts: string[] = [];
  if (page.frame) parts.push(`0.6 0.1 0.1 RG 3 w 24 24 ${page.width - 48} ${page.height - 48} re S 1 w 34 34 ${page.width - 68} ${page.height - 68} re S`);
  for (const l of page.lines) {
    const w = textWidth(l.text, l.size);
    const x = l.x ?? (l.right !== undefined ? l.right - w : (page.width - w) / 2);
    parts.push(`BT /F1 ${l.size} Tf ${x.toFixed(1)} ${l.y.toFixed(1)} Td <${hex(l.text)}> Tj ET`);
  }
  return parts.join('\n');
}

export function cjkPdf(page: PdfPage): Buffer {
  const content = contentOf(page);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  return pdfFromObjects(objects);
}
