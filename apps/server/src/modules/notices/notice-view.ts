import type { Attachment, Notice, NoticeCategory, NoticeListItem, NoticeReplyStatus, NoticeStatus, NoticeUrgency, OrgTarget } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { NoticeRow } from './notice.repository.js';

/** A deadline date (YYYY-MM-DD, Asia/Shanghai) is the end of that day. */
export const deadlineOf = (date: string): Date => new Date(`${date}T23:59:59+08:00`);
export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
export const dayOf = (d: Date | string): string => shanghaiDate(new Date(d));
export const dayOrNull = (d: Date | string | null): string | null => (d === null ? null : dayOf(d));
export const attachmentsOf = (v: unknown): Attachment[] => (Array.isArray(v) ? (v as Attachment[]) : []);

/** The sender's own union with the right to send: it edits, sends, withdraws, reminds and reviews. */
export const isOwnSender = (auth: AuthContext, orgId: string): boolean => orgId === auth.user.orgId && auth.permissions.has('notice:notice:send');

/** The fields every notice view shares (list, detail, inbox). */
export function noticeHeader(r: Pick<NoticeRow, 'id' | 'title' | 'doc_no' | 'category' | 'urgency' | 'status' | 'org_id' | 'org_name' | 'sign_deadline' | 'reply_required' | 'reply_deadline' | 'sent_at'>) {
  return {
    id: r.id,
    title: r.title,
    docNo: r.doc_no,
    category: r.category as NoticeCategory,
    urgency: r.urgency as NoticeUrgency,
    status: r.status as NoticeStatus,
    orgId: r.org_id,
    orgName: r.org_name,
    signDeadline: dayOf(r.sign_deadline),
    replyRequired: r.reply_required,
    replyDeadline: dayOrNull(r.reply_deadline),
    sentAt: iso(r.sent_at),
  };
}

const totalsOf = (r: NoticeRow) => ({ recipients: r.recipients, read: r.read, signed: r.signed, replied: r.replied, overdue: r.overdue });

export function noticeListItem(r: NoticeRow): NoticeListItem {
  return { ...noticeHeader(r), createdAt: iso(r.created_at)!, totals: totalsOf(r) };
}

export function noticeView(auth: AuthContext, r: NoticeRow): Notice {
  const own = isOwnSender(auth, r.org_id);
  const draft = own && r.status === 'draft';
  const sent = own && r.status === 'sent';
  return {
    ...noticeHeader(r),
    body: r.body,
    target: r.target as OrgTarget,
    replyInstructions: r.reply_instructions,
    attachments: attachmentsOf(r.attachments),
    recipientCount: r.recipient_count,
    sentByName: r.sent_by_name,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at)!,
    withdrawnAt: iso(r.withdrawn_at),
    withdrawnByName: r.withdrawn_by_name,
    withdrawReason: r.withdraw_reason,
    totals: totalsOf(r),
    abilities: { canEdit: draft, canSend: draft, canDelete: draft, canWithdraw: sent, canRemind: sent, canReview: sent && r.reply_required },
  };
}

/** One recipient's receipt as stored, joined with the notice's state. */
export interface ReceiptRow {
  id: string;
  notice_id: string;
  org_id: string;
  org_name: string;
  first_read_at: Date | string | null;
  first_read_by_name: string | null;
  signed_at: Date | string | null;
  signed_by_name: string | null;
  reply_status: string;
  reply_text: string | null;
  reply_attachments: unknown;
  reply_submitted_at: Date | string | null;
  reply_submitted_by_name: string | null;
  reply_late: boolean;
  reply_reviewed_at: Date | string | null;
  reply_reviewed_by_name: string | null;
  return_reason: string | null;
  manual_reminded_at: Date | string | null;
  sign_overdue: boolean;
  reply_overdue: boolean;
}

export function receiptFields(r: ReceiptRow) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    firstReadAt: iso(r.first_read_at),
    firstReadByName: r.first_read_by_name,
    signedAt: iso(r.signed_at),
    signedByName: r.signed_by_name,
    replyStatus: r.reply_status as NoticeReplyStatus,
    replyText: r.reply_text,
    replyAttachments: attachmentsOf(r.reply_attachments),
    replySubmittedAt: iso(r.reply_submitted_at),
    replySubmittedByName: r.reply_submitted_by_name,
    replyLate: r.reply_late,
    replyReviewedAt: iso(r.reply_reviewed_at),
    replyReviewedByName: r.reply_reviewed_by_name,
    returnReason: r.return_reason,
    signOverdue: r.sign_overdue,
    replyOverdue: r.reply_overdue,
  };
}
