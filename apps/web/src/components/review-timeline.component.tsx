import { Empty, Tag, Timeline, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { TimelineEntryDto } from '@gonghui/contracts';
import { formatTime } from '../app/time';

const ACTION_COLORS: Record<string, string> = {
  create: 'gray',
  submit: 'blue',
  approve: 'green',
  reject: 'red',
  return: 'orange',
  withdraw: 'gray',
  reopen: 'blue',
  publicity_end: 'green',
  objection: 'red',
  remind: 'orange',
  escalate: 'red',
};

interface ReviewTimelineProps {
  entries: readonly TimelineEntryDto[];
  /** what the case waits for now (e.g. 「区县(市)总工会复审」 · 上城区总工会), shown last */
  pending?: string | null;
  /** the phone layout: smaller text */
  compact?: boolean;
  /** a link for an entry's attached file (its name and where it opens); without it the files are only counted */
  attachmentLink?: (fileId: string, index: number) => { href: string; label: string };
}

function Attachments({ ids, link }: { ids: readonly string[]; link: ReviewTimelineProps['attachmentLink'] }) {
  if (!link) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        附件 {ids.length} 份
      </Typography.Text>
    );
  }
  return (
    <div style={{ fontSize: 12 }} data-testid="timeline-attachments">
      <Typography.Text type="secondary">附件:</Typography.Text>
      {ids.map((id, i) => {
        const a = link(id, i);
        return (
          <Typography.Link key={id} href={a.href} target="_blank" rel="noopener noreferrer" style={{ marginInlineEnd: 8 }}>
            {a.label}
          </Typography.Link>
        );
      })}
    </div>
  );
}

/** 办理记录 of a review case: each action with who, which unit, when, the step and the opinion. */
export function ReviewTimeline({ entries, pending, compact = false, attachmentLink }: ReviewTimelineProps) {
  if (entries.length === 0 && !pending) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  const items = entries.map((e, i) => ({
    key: `${e.at}-${i}`,
    color: ACTION_COLORS[e.action] ?? 'gray',
    title: formatTime(e.at, compact ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm:ss'),
    content: (
      <div data-testid="timeline-entry" data-action={e.action}>
        <Typography.Text strong>{e.actionLabel}</Typography.Text>
        {e.stepLabel ? <Tag style={{ marginInlineStart: 8 }}>{e.stepLabel}</Tag> : null}
        <div style={{ fontSize: compact ? 12 : 13 }}>
          <Typography.Text type="secondary">
            {[e.userName, e.orgName].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </div>
        {e.opinion ? <div style={{ fontSize: compact ? 12 : 13, whiteSpace: 'pre-wrap' }}>意见:{e.opinion}</div> : null}
        {e.attachments.length > 0 ? <Attachments ids={e.attachments} link={attachmentLink} /> : null}
      </div>
    ),
  }));
  if (pending) {
    items.push({
      key: 'pending',
      color: 'blue',
      title: '进行中',
      content: (
        <Typography.Text type="secondary" data-testid="timeline-pending">
          <ClockCircleOutlined /> {pending}
        </Typography.Text>
      ),
    });
  }
  return (
    <div data-testid="review-timeline">
      <Timeline items={items} />
    </div>
  );
}
