import { AppError } from '../http/app-error.js';
import { checkZipLimits, isDocxDirectory, isXlsxDirectory, parseZipDirectory, type ZipLimits } from './zip-directory.js';

/** The kinds of upload the platform accepts; each caller names the ones it takes. */
export type UploadKind = 'xlsx' | 'csv' | 'docx' | 'jpeg' | 'png' | 'pdf';

/** Imports take spreadsheets. */
export const SPREADSHEET_KINDS: readonly UploadKind[] = ['xlsx', 'csv'];
/** Evidence (证明材料, scans and photos) takes images and PDF. */
export const EVIDENCE_KINDS: readonly UploadKind[] = ['jpeg', 'png', 'pdf'];
/** Documents sent with notices and course materials also take Word and Excel files (.docx, .xlsx). */
export const DOCUMENT_KINDS: readonly UploadKind[] = ['jpeg', 'png', 'pdf', 'docx', 'xlsx'];

export const MIME: Record<UploadKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** How many leading bytes decide the kind. */
export const HEAD_BYTES = 64 * 1024;

const KIND_LABELS: Record<UploadKind, string> = { xlsx: '.xlsx', csv: '.csv', docx: '.docx', jpeg: 'JPG', png: 'PNG', pdf: 'PDF' };

/** 请上传 .xlsx 或 .csv 文件 / 请上传 JPG、PNG 或 PDF 文件 */
function uploadHint(allowed: readonly UploadKind[]): string {
  const labels = allowed.map((k) => KIND_LABELS[k]);
  const list = labels.length > 1 ? `${labels.slice(0, -1).join('、')} 或 ${labels.at(-1)!}` : (labels[0] ?? '');
  return `请上传 ${list} 文件`;
}
const unsupportedText = (allowed: readonly UploadKind[]): string => `文件类型不支持:${uploadHint(allowed)}`;

const SPREADSHEETS_TEXT = unsupportedText(SPREADSHEET_KINDS);
const refuse = (detail = SPREADSHEETS_TEXT): AppError => new AppError(422, detail, 'FILE_TYPE');

/** PDF, PNG, JPEG, GIF, ELF, gzip, 7z, RAR, RTF (as latin1 text). */
const SIGNATURES = ['%PDF', '\x89PNG', '\xff\xd8\xff', 'GIF8', '\x7fELF', '\x1f\x8b', "7z\xbc\xaf'\x1c", 'Rar!', '{\\rtf'];

const startsWith = (head: Buffer, ...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);

/** Known binary signatures, refused with a more helpful message where there is one. */
function refuseKnownBinary(head: Buffer): void {
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw refuse('不支持旧版 Excel(.xls)或设置了密码的文件:请在 Excel 中另存为 .xlsx(不设密码)后上传');
  }
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
    throw refuse('不支持 UTF-16 编码的文本:请在 Excel 中另存为“CSV UTF-8(逗号分隔)”或 .xlsx 后上传');
  }
  const text = head.toString('latin1', 0, 16);
  if (SIGNATURES.some((sig) => text.startsWith(sig))) throw refuse();
  if (/^(\xef\xbb\xbf)?\s*</.test(text)) {
    throw refuse('文件内容是网页或 XML 格式,不是真正的 .xlsx 或 .csv:请在 Excel 中另存为 .xlsx 后上传');
  }
}

/** Bytes a text file never has in its first 64 KiB: NUL and control characters other than tab, CR, LF, FF, SUB. */
function hasBinaryBytes(head: Buffer): boolean {
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) return true;
  }
  return false;
}

function decodes(encoding: string, bytes: Buffer): boolean {
  try {
    // stream: true tolerates a character cut at the end of the head
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** True when the head is text: no binary bytes, and valid UTF-8 (with or without BOM) or GBK. */
export function looksLikeText(head: Buffer): boolean {
  if (hasBinaryBytes(head)) return false;
  const body = startsWith(head, 0xef, 0xbb, 0xbf) ? head.subarray(3) : head;
  return decodes('utf-8', body) || decodes('gbk', body);
}

/** Kinds that are not media: told apart after the media signatures (a zip container, or text). */
const isContainerOrText = (k: UploadKind): boolean => k === 'xlsx' || k === 'docx' || k === 'csv';

/**
 * Images and PDF by their signatures: JPEG `FF D8 FF` and a marker; PNG its 8-byte signature
 * followed by the IHDR chunk; PDF `%PDF-` and a version (at the very start, as browsers and
 * viewers sniff it). Null when the head is none of them.
 */
export function detectMediaKind(head: Buffer): 'jpeg' | 'png' | 'pdf' | null {
  if (head.length >= 4 && startsWith(head, 0xff, 0xd8, 0xff) && head[3]! >= 0xc0 && head[3]! < 0xff) return 'jpeg';
  if (startsWith(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52)) return 'png';
  if (/^%PDF-\d\.\d/.test(head.toString('latin1', 0, 8))) return 'pdf';
  return null;
}

/** An image or PDF: accepted when the caller takes it, else refused; null when the head is neither. */
function mediaKind(head: Buffer, allowed: readonly UploadKind[]): UploadKind | null {
  const media = detectMediaKind(head);
  if (media && !allowed.includes(media)) throw refuse(unsupportedText(allowed));
  if (!media && !allowed.some(isContainerOrText)) throw refuse(unsupportedText(allowed));
  return media;
}

/**
 * Decides the kind of an upload from its bytes, never its name, among the kinds the caller
 * `allowed`: `head` is the first 64 KiB, `tail` the last bytes (for a zip's central directory),
 * `size` the whole length. An xlsx (docx) must be a zip whose directory lists `[Content_Types].xml` and
 * `xl/workbook.xml` (`word/document.xml`) and passes the bomb limits; csv is text in UTF-8 or GBK; JPEG, PNG and PDF go
 * by their signatures (see detectMediaKind). Anything else is refused with 422.
 */
export function detectUploadKind(head: Buffer, tail: Buffer, size: number, allowed: readonly UploadKind[], limits: ZipLimits): UploadKind {
  if (size === 0) throw new AppError(422, '文件为空,请选择有内容的文件', 'FILE_EMPTY');
  const media = mediaKind(head, allowed);
  if (media) return media;
  const text = unsupportedText(allowed);
  refuseKnownBinary(head);
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) {
    const wordToo = allowed.includes('docx');
    if (!allowed.includes('xlsx') && !wordToo) throw refuse(text);
    const dir = parseZipDirectory(tail, size);
    if (!dir) throw refuse(wordToo ? '文件已损坏:不是完整的 Word 或 Excel 文件,请重新保存后上传' : '文件已损坏:不是完整的 .xlsx 文件,请在 Excel 中重新保存后上传');
    const kind = allowed.includes('xlsx') && isXlsxDirectory(dir) ? 'xlsx' : wordToo && isDocxDirectory(dir) ? 'docx' : null;
    if (!kind) throw refuse(`压缩包不是${wordToo ? ' Word 文档或' : ''} Excel 工作簿:${uploadHint(allowed)}`);
    checkZipLimits(dir, limits);
    return kind;
  }
  if (allowed.includes('csv') && looksLikeText(head)) return 'csv';
  throw refuse(text);
}

/** Early check on the head alone, so an upload that cannot be accepted stops being read at once. */
export function precheckHead(head: Buffer, allowed: readonly UploadKind[]): void {
  if (head.length === 0) return;
  if (mediaKind(head, allowed)) return;
  refuseKnownBinary(head);
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return;
  if (!looksLikeText(head)) throw refuse(unsupportedText(allowed));
}
