import { Tag } from 'antd';
import {
  NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, NOTICE_REPLY_STATUS_LABELS, NOTICE_STATUS_LABELS, NOTICE_STATUSES, NOTICE_URGENCIES, NOTICE_URGENCY_LABELS,
  type NoticeReplyStatus, type NoticeStatus, type NoticeUrgency,
} from '@gonghui/contracts';

export const CATEGORY_OPTIONS = NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] }));
export const URGENCY_OPTIONS = NOTICE_URGENCIES.map((u) => ({ value: u, label: NOTICE_URGENCY_LABELS[u] }));
export const STATUS_OPTIONS = NOTICE_STATUSES.map((s) => ({ value: s, label: NOTICE_STATUS_LABELS[s] }));

/** Shown on every notice page: how sending works. */
export const SNAPSHOT_RULE = '下发时按所选范围一次性生成收文单位名单(快照):下发后新建的组织不会收到该通知;已撤销的组织不在范围内。';

const STATUS_COLORS: Record<NoticeStatus, string> = { draft: 'default', sent: 'blue', withdrawn: 'red' };
export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{NOTICE_STATUS_LABELS[status]}</Tag>;
}

const URGENCY_COLORS: Record<NoticeUrgency, string> = { normal: 'default', urgent: 'orange', very_urgent: 'red' };
export function UrgencyTag({ urgency }: { urgency: NoticeUrgency }) {
  return urgency === 'normal' ? null : <Tag color={URGENCY_COLORS[urgency]}>{NOTICE_URGENCY_LABELS[urgency]}</Tag>;
}

const REPLY_COLORS: Record<NoticeReplyStatus, string> = { none: 'default', draft: 'default', submitted: 'blue', accepted: 'green', returned: 'orange' };
export function ReplyStatusTag({ status, late }: { status: NoticeReplyStatus; late?: boolean }) {
  return (
    <>
      <Tag color={REPLY_COLORS[status]}>{NOTICE_REPLY_STATUS_LABELS[status]}</Tag>
      {late ? <Tag color="red">逾期报送</Tag> : null}
    </>
  );
}
