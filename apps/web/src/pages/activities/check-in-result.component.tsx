import { Alert, Card, Descriptions, Result } from 'antd';
import type { CheckInResult } from '@gonghui/contracts';
import { formatTime } from '../../app/time';

export type CheckInOutcome = { ok: true; result: CheckInResult } | { ok: false; message: string };

/** The last scan's outcome: who was checked in where and when, or why not (the server's words). */
export function CheckInOutcomeView({ outcome }: { outcome: CheckInOutcome | null }) {
  if (!outcome) return null;
  if (!outcome.ok) {
    return <Alert type="error" showIcon title="未签到" description={outcome.message} data-testid="check-in-error" style={{ marginTop: 16 }} />;
  }
  const r = outcome.result;
  return (
    <Card size="small" style={{ marginTop: 16, borderColor: '#52c41a' }} data-testid="check-in-result">
      <Result status="success" title={`${r.memberName} 签到成功`} style={{ padding: '12px 0' }} />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'member', label: '会员', children: <span data-testid="check-in-member">{r.memberName}</span> },
          { key: 'org', label: '所在工会', children: r.orgName },
          { key: 'activity', label: '活动', children: r.offeringTitle },
          { key: 'time', label: '签到时间', children: formatTime(r.checkedInAt) },
        ]}
      />
    </Card>
  );
}
