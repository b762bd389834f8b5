import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/app-error.js';
import { exeFile, htmlFile, jpegFile, pdfFile, pngFile } from '../test-support/evidence-files.js';
import { csvFile, xlsxFile } from '../test-support/spreadsheet-files.js';
import { craftZip, docxFile } from '../test-support/zip-files.js';
import { DOCUMENT_KINDS, EVIDENCE_KINDS, SPREADSHEET_KINDS, detectMediaKind, detectUploadKind, precheckHead, type UploadKind } from '../platform/files/file-kind.js';
import { UPLOAD_ZIP_LIMITS } from '../platform/files/zip-directory.js';

const detect = (bytes: Buffer, kinds: readonly UploadKind[]): UploadKind => detectUploadKind(bytes.subarray(0, 64 * 1024), bytes, bytes.length, kinds, UPLOAD_ZIP_LIMITS);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('security.md item 20: upload kinds by magic bytes, among the kinds the caller takes', () => {
  it('recognises real PNG, JPEG and PDF files as evidence', () => {
    expect(detect(pngFile(), EVIDENCE_KINDS)).toBe('png');
    expect(detect(jpegFile(), EVIDENCE_KINDS)).toBe('jpeg');
    expect(detect(pdfFile(), EVIDENCE_KINDS)).toBe('pdf');
    expect(detectMediaKind(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toBe('jpeg'); // EXIF camera JPEG
  });

  it('refuses programs, web pages, spreadsheets, text and other images as evidence with a Chinese message', () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const bytes of [exeFile(), htmlFile(), svg, gif, csvFile([['姓名'], ['张三']]), Buffer.from('%PDF without a version'), Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')]) {
      const e = refusal(() => detect(bytes, EVIDENCE_KINDS));
      expect([e.status, e.code, e.detail]).toEqual([422, 'FILE_TYPE', '文件类型不支持:请上传 JPG、PNG 或 PDF 文件']);
    }
  });

  it('refuses an xlsx as evidence and an image or PDF as a spreadsheet', async () => {
    expect(refusal(() => detect(Buffer.alloc(0), EVIDENCE_KINDS)).code).toBe('FILE_EMPTY');
    const xlsx = await xlsxFile([['姓名'], ['张三']]);
    expect(detect(xlsx, SPREADSHEET_KINDS)).toBe('xlsx');
    expect(refusal(() => detect(xlsx, EVIDENCE_KINDS)).detail).toBe('文件类型不支持:请上传 JPG、PNG 或 PDF 文件');
    for (const bytes of [pngFile(), jpegFile(), pdfFile()]) {
      expect(refusal(() => detect(bytes, SPREADSHEET_KINDS)).detail).toBe('文件类型不支持:请上传 .xlsx 或 .csv 文件');
    }
    // a caller taking PDF only refuses an image
    expect(refusal(() => detect(pngFile(), ['pdf'])).detail).toBe('文件类型不支持:请上传 PDF 文件');
  });

  it('documents (notices, course materials) also take Word and Excel by their package parts, not their names', async () => {
    expect(detect(docxFile(), DOCUMENT_KINDS)).toBe('docx');
    expect(detect(await xlsxFile([['单位'], ['甲公司工会']]), DOCUMENT_KINDS)).toBe('xlsx');
    expect(detect(pdfFile(), DOCUMENT_KINDS)).toBe('pdf');
    const text = '文件类型不支持:请上传 JPG、PNG、PDF、.docx 或 .xlsx 文件';
    expect(refusal(() => detect(exeFile(), DOCUMENT_KINDS)).detail).toBe(text);
    expect(refusal(() => detect(csvFile([['姓名'], ['张三']]), DOCUMENT_KINDS)).detail).toBe(text);
    expect(refusal(() => detect(craftZip([{ name: 'a.txt', data: Buffer.from('x') }]), DOCUMENT_KINDS)).detail).toBe(`压缩包不是 Word 文档或 Excel 工作簿:请上传 JPG、PNG、PDF、.docx 或 .xlsx 文件`);
    // a Word file is neither evidence nor a spreadsheet
    expect(refusal(() => detect(docxFile(), EVIDENCE_KINDS)).detail).toBe('文件类型不支持:请上传 JPG、PNG 或 PDF 文件');
    expect(refusal(() => detect(docxFile(), SPREADSHEET_KINDS)).detail).toBe('压缩包不是 Excel 工作簿:请上传 .xlsx 或 .csv 文件');
    // the bomb limits hold for Word files too: a part claiming 2 GB is refused
    const bomb = craftZip([...[{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }], { name: 'word/document.xml', data: Buffer.from('<w:document/>'), declaredSize: 2 * 1024 * 1024 * 1024 - 1 }]);
    expect(refusal(() => detect(bomb, DOCUMENT_KINDS)).status).toBe(422);
  });

  it('stops a refused evidence upload at its first 64 KiB', () => {
    expect(() => precheckHead(exeFile(), EVIDENCE_KINDS)).toThrow(AppError);
    expect(() => precheckHead(htmlFile(), EVIDENCE_KINDS)).toThrow(AppError);
    expect(() => precheckHead(pngFile(), EVIDENCE_KINDS)).not.toThrow();
    expect(() => precheckHead(pngFile(), SPREADSHEET_KINDS)).toThrow(AppError);
  });
});
