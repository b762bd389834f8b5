import { COMMITMENT_STATE_LABELS, type JointYearReport } from '@gonghui/contracts';
import { EMPTY_SCOPE } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/db-connection.js';
import { cjkPdf, wrapText, type PdfLine } from '../../platform/files/cjk-pdf.js';
import { commitmentsIn } from './joint-commitment.service.js';
import { agendaRows, meetingRows } from './joint-meeting.repository.js';

const ALL = { ...EMPTY_SCOPE, all: true };

/** The published yearly report: every meeting of the year with its topics and the commitments' state (no personal data). */
export async function yearReport(db: Db, year: number): Promise<JointYearReport> {
  const { rows } = await meetingRows(db, null, { year });
  const agenda = await agendaRows(db, rows.map((r) => r.id));
  const commitments = await commitmentsIn(db, ALL, null, { year });
  return {
    year,
    meetings: rows
      .slice()
      .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate))
      .map((m) => ({
        title: m.title,
        meetingDate: m.meetingDate,
        place: m.place,
        orgName: m.orgName,
        topics: agenda
          .filter((a) => a.meetingId === m.id)
          .map((a) => ({
            topic: a.topic,
            commitments: commitments
              .filter((c) => c.meetingId === m.id && c.topic === a.topic)
              .map((c) => ({ content: c.content, governmentDepartment: c.governmentDepartment, ownerOrgName: c.tracking.ownerOrgName, deadline: c.tracking.deadline, state: c.state, percent: c.tracking.percent, closingNote: c.tracking.closingNote })),
          })),
      })),
  };
}

/** The report as a one-page A4 PDF (what does not fit is pointed to the web page). */
export async function yearReportPdf(db: Db, year: number): Promise<{ fileName: string; pdf: Buffer }> {
  const r = await yearReport(db, year);
  const texts: { text: string; size: number }[] = [];
  for (const m of r.meetings) {
    texts.push({ text: `${m.meetingDate} ${m.title}(${m.place})`, size: 11 });
    m.topics.forEach((t, i) => {
      texts.push({ text: `议题${i + 1}:${t.topic}`, size: 10 });
      for (const c of t.commitments) texts.push({ text: `· ${c.content}(${c.governmentDepartment}、${c.ownerOrgName};时限 ${c.deadline};${COMMITMENT_STATE_LABELS[c.state]} ${c.percent}%)`, size: 9 });
    });
  }
  if (r.meetings.length === 0) texts.push({ text: '本年度暂无已登记的联席会议。', size: 11 });
  const lines: PdfLine[] = [{ text: `${year}年度政府与工会联席会议议定事项落实情况`, size: 16, y: 800 }];
  let y = 770;
  for (const t of texts) {
    for (const part of wrapText(t.text, t.size, 515)) {
      if (y < 60) break;
      lines.push({ text: part, size: t.size, x: 40, y });
      y -= t.size + 6;
    }
  }
  if (y < 60) lines.push({ text: '(内容较多,完整内容请见网站公开页面)', size: 9, x: 40, y: 40 });
  return { fileName: `${year}年联席会议议定事项落实情况.pdf`, pdf: cjkPdf({ width: 595, height: 842, lines }) };
}
