import { Empty, Tag, Timeline, Typography } from 'antd';
import type { Household } from '@gonghui/contracts';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { HOUSEHOLD_RECORD_KIND_LABELS, HOUSEHOLD_TIER_LABELS, TIER_COLORS } from './household-labels';

const KIND_COLORS = { establish: 'blue', update: 'gray', review: 'green', exit: 'red' } as const;

/** 建档复核记录: every 建档, 修改, 复核 and 退出 with the assessment it made, newest first. */
export function HouseholdHistory({ reviews }: { reviews: Household['reviews'] }) {
  if (reviews.length === 0) return <Empty description="暂无记录" />;
  return (
    <Timeline
      data-testid="household-history"
      items={reviews.map((r) => ({
        key: r.id,
        color: KIND_COLORS[r.kind],
        content: (
          <>
            <Typography.Text strong>
              {HOUSEHOLD_RECORD_KIND_LABELS[r.kind]} · {r.on}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {r.username ?? '系统'}
              {r.orgName ? `(${r.orgName})` : ''} {formatTime(r.at, 'YYYY-MM-DD HH:mm')}
            </Typography.Text>
            {r.kind !== 'exit' && r.eligible !== null ? (
              <div style={{ marginTop: 4 }}>
                {r.tier ? <Tag color={TIER_COLORS[r.tier]}>{HOUSEHOLD_TIER_LABELS[r.tier]}</Tag> : <Tag>不符合建档标准</Tag>}
                <Typography.Text type="secondary">
                  {r.householdSize} 人,人均月收入 {formatYuan(r.perCapitaMonthlyFen)},低保标准 {formatYuan(r.lineMonthlyFen)}
                </Typography.Text>
              </div>
            ) : null}
            {r.reason ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>{r.reason}</Typography.Paragraph> : null}
            {r.opinion ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>意见:{r.opinion}</Typography.Paragraph> : null}
          </>
        ),
      }))}
    />
  );
}
