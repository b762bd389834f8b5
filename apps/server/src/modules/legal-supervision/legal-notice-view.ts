import {
  LEGAL_NOTICE_CATEGORY_LABELS, LEGAL_NOTICE_KIND_LABELS, LEGAL_NOTICE_KINDS, LEGAL_NOTICE_NEXT, LEGAL_NOTICE_STATUS_LABELS,
  type DeliveryMethod, type LegalNotice, type LegalNoticeCategory, type LegalNoticeKind, type LegalNoticeListItem, type LegalNoticeStatus,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { renderBody } from './legal-notice-template.js';
import type { NoticeRow } from './legal-notice.repository.js';

export const todayShanghai = (): string => shanghaiDate(new Date());

/** The instrument an escalation came from: 意见书 ← 提示函, 建议书 ← 意见书. */
export const previousKindOf = (kind: LegalNoticeKind): LegalNoticeKind | null => LEGAL_NOTICE_KINDS.find((k) => LEGAL_NOTICE_NEXT[k] === kind) ?? null;

/** Overdue: marked by the job, or delivered and past its reply date before the job has run. */
export const isOverdue = (r: Pick<NoticeRow, 'status' | 'reply_due_on'>, today: string): boolean => r.status === 'overdue' || (r.status === 'delivered' && r.reply_due_on !== null && r.reply_due_on < today);

export function noticeListItem(r: NoticeRow, today: string): LegalNoticeListItem {
  return {
    id: r.id,
    kind: r.kind as LegalNoticeKind,
    kindLabel: LEGAL_NOTICE_KIND_LABELS[r.kind as LegalNoticeKind],
    status: r.status as LegalNoticeStatus,
    statusLabel: LEGAL_NOTICE_STATUS_LABELS[r.status as LegalNoticeStatus],
    serialNo: r.serial_no,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    orgName: r.org_name,
    districtName: r.district_name,
    category: r.category as LegalNoticeCategory,
    categoryLabel: LEGAL_NOTICE_CATEGORY_LABELS[r.category as LegalNoticeCategory],
    deliveredOn: r.delivered_on,
    replyDueOn: r.reply_due_on,
    repliedOn: r.replied_on,
    overdue: isOverdue(r, today),
    createdAt: r.created_at,
  };
}

/** The paragraphs of the instrument as it reads (and prints). */
export function bodyOf(r: NoticeRow): string[] {
  const kind = r.kind as LegalNoticeKind;
  const prev = previousKindOf(kind);
  return renderBody({
    kind,
    enterprise: r.enterprise_name,
    addressee: r.addressee,
    problem: r.problem,
    legalBasis: r.legal_basis,
    demand: r.demand,
    days: r.reply_days,
    issuer: r.org_name,
    previous: r.previous_id && prev ? `${r.previous_label ?? ''}${LEGAL_NOTICE_KIND_LABELS[prev]}` : null,
  });
}

export function noticeAbilities(auth: AuthContext, r: NoticeRow): LegalNotice['abilities'] {
  const manage = auth.permissions.has('legal:notice:manage') && r.issuer_in_scope;
  const next = LEGAL_NOTICE_NEXT[r.kind as LegalNoticeKind];
  return {
    canEdit: manage && r.status === 'draft',
    canIssue: manage && r.status === 'draft',
    canDeliver: manage && r.status === 'issued',
    canReply: manage && ['delivered', 'overdue', 'unsatisfied'].includes(r.status),
    canEscalate: manage && next !== null && r.next_id === null && (isOverdue(r, todayShanghai()) || r.status === 'unsatisfied'),
    canAttach: manage && !['draft', 'escalated'].includes(r.status),
  };
}

export function noticeView(auth: AuthContext, r: NoticeRow, today: string): LegalNotice {
  return {
    ...noticeListItem(r, today),
    orgId: r.org_id,
    addressee: r.addressee,
    problem: r.problem,
    legalBasis: r.legal_basis,
    demand: r.demand,
    replyDays: r.reply_days,
    body: bodyOf(r),
    issuedAt: r.issued_at,
    deliveryMethod: r.delivery_method as DeliveryMethod | null,
    receiver: r.receiver,
    deliveryProof: r.delivery_proof,
    replyContent: r.reply_content,
    rectification: r.rectification,
    verdict: r.verdict as LegalNotice['verdict'],
    verdictNote: r.verdict_note,
    replyFiles: r.reply_files,
    closedAt: r.closed_at,
    escalatedAt: r.escalated_at,
    previousId: r.previous_id,
    nextId: r.next_id,
    nextKind: r.next_kind as LegalNoticeKind | null,
    abilities: noticeAbilities(auth, r),
  };
}
