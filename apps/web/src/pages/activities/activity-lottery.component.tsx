import { Card, Descriptions, Typography } from 'antd';
import type { Activity, LotteryResult } from '@gonghui/contracts';
import { formatTime } from '../../app/time';
import { LOTTERY_HELP } from './activity-labels';

const code = (text: string) => (
  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
    {text}
  </Typography.Text>
);

/** 抽签结果: the published seed and digest, and how anyone can recompute the order. */
export function ActivityLottery({ activity, lottery }: { activity: Activity; lottery: LotteryResult }) {
  return (
    <Card size="small" title="抽签结果" style={{ marginBottom: 16 }} data-testid="lottery-result">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'drawn', label: '抽签时间', children: formatTime(lottery.drawnAt) },
          { key: 'figures', label: '结果', children: `中签 ${lottery.selected} 人,候补 ${lottery.waitlisted} 人` },
          { key: 'seed', label: '随机种子', span: 2, children: <span data-testid="lottery-seed">{code(lottery.seed)}</span> },
          { key: 'offering', label: '报名批次编号', span: 2, children: code(activity.offeringId) },
          { key: 'digest', label: '结果摘要', span: 2, children: <span data-testid="lottery-digest">{code(lottery.digest)}</span> },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {LOTTERY_HELP}
      </Typography.Paragraph>
    </Card>
  );
}
