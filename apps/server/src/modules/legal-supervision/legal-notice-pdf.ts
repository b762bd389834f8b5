import { LEGAL_NOTICE_KIND_LABELS, type LegalNoticeKind } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { cjkPdf, type PdfLine } from '../../platform/files/cjk-pdf.js';
import { LEGAL_TEMPLATES } from './legal-notice-template.js';
import type { NoticeRow } from './legal-notice.repository.js';
import { bodyOf } from './legal-notice-view.js';
import { loadNotice } from './legal-notice.service.js';

const WIDTH = 595;
const HEIGHT = 842;
const MARGIN = 72;
const TOP = 700;
const BOTTOM = 150;

/** Breaks a paragraph into lines of at most `n` characters. */
const wrap = (s: string, n: number): string[] => Array.from({ length: Math.max(1, Math.ceil([...s].length / n)) }, (_, i) => [...s].slice(i * n, (i + 1) * n).join(''));

const chineseDate = (d: string): string => d.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

/** The body set in the largest size (14 → 10 pt) that fits the page between the heading and the signature. */
function layoutBody(paragraphs: string[]): PdfLine[] {
  for (const size of [14, 12, 10.5, 9]) {
    const perLine = Math.floor((WIDTH - 2 * MARGIN) / size);
    const lead = size * 1.7;
    const lines = paragraphs.flatMap((p, i) => wrap(i === 0 ? p : `\u3000\u3000${p}`, perLine));
    if (lines.length * lead <= TOP - BOTTOM || size === 9) return lines.slice(0, Math.floor((TOP - BOTTOM) / lead)).map((text, i) => ({ text, size, x: MARGIN, y: TOP - i * lead }));
  }
  return [];
}

/** The instrument as an A4 PDF: heading, 文号, body from the template, the issuing union and date. */
export function noticePdf(r: NoticeRow): Buffer {
  const kind = r.kind as LegalNoticeKind;
  const date = r.issued_at ? shanghaiDate(new Date(r.issued_at)) : shanghaiDate(new Date());
  const lines: PdfLine[] = [
    { text: r.org_name, size: 22, y: 780 },
    { text: LEGAL_TEMPLATES[kind].title, size: 20, y: 748 },
    { text: r.serial_no ?? '(草稿,未签发)', size: 12, right: WIDTH - MARGIN, y: 722 },
    ...layoutBody(bodyOf(r)),
    { text: `${r.org_name}(盖章)`, size: 14, right: WIDTH - MARGIN, y: 110 },
    { text: chineseDate(date), size: 14, right: WIDTH - MARGIN, y: 86 },
  ];
  return cjkPdf({ width: WIDTH, height: HEIGHT, lines });
}

/** The PDF of an instrument in scope, audited as an export. */
export async function noticePdfFor(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  const r = await loadNotice(db, auth, id);
  await recordAudit(db, actor, { action: 'data.export', objectType: 'legal_notice', objectId: id, detail: { serialNo: r.serial_no, format: 'pdf' } });
  return { fileName: `${r.serial_no ?? '草稿'}-${r.enterprise_name}-${LEGAL_NOTICE_KIND_LABELS[r.kind as LegalNoticeKind]}.pdf`, pdf: noticePdf(r) };
}
