import { Descriptions, Empty, Timeline, Typography } from 'antd';
import type { RightsCase } from '@gonghui/contracts';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { RightsPhaseTag, RightsUrgencyTag } from './rights-labels';

/** The case's facts: who, which employer, what, how urgent, where it stands. */
export function RightsCaseFacts({ c }: { c: RightsCase }) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} data-testid="rights-facts">
      <Descriptions.Item label="状态"><RightsPhaseTag phase={c.phase} overdue={c.overdue} escalated={c.escalated} /></Descriptions.Item>
      <Descriptions.Item label="类别">{c.categoryLabel}</Descriptions.Item>
      <Descriptions.Item label="紧急程度"><RightsUrgencyTag urgency={c.urgency} />{c.urgencyReason ? <Typography.Text type="secondary">{c.urgencyReason}</Typography.Text> : null}</Descriptions.Item>
      <Descriptions.Item label="求助人">{c.callerName}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{c.callerPhone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="渠道">{c.channelLabel}</Descriptions.Item>
      <Descriptions.Item label="用人单位">{c.enterpriseName}{c.enterpriseId ? '' : '(未在企业名录)'}</Descriptions.Item>
      <Descriptions.Item label="单位地址">{c.enterpriseAddress ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="承办工会">{c.orgName}</Descriptions.Item>
      <Descriptions.Item label="涉及人数">{c.workersAffected} 人</Descriptions.Item>
      <Descriptions.Item label="诉求金额">{c.amountClaimedFen ? formatYuan(c.amountClaimedFen) : '—'}</Descriptions.Item>
      <Descriptions.Item label="求助时间">{formatTime(c.receivedAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label="当前环节">{c.workflow.status === 'in_review' ? `${c.workflow.stepLabel ?? ''} · ${c.workflow.assigneeOrgName ?? ''}` : c.phaseLabel}</Descriptions.Item>
      <Descriptions.Item label="办理时限">{c.dueDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="情况描述" span={3}>{c.description}</Descriptions.Item>
    </Descriptions>
  );
}

/** 办理结果 and the worker's satisfaction (closed cases). */
export function RightsOutcome({ c }: { c: RightsCase }) {
  if (c.phase !== 'closed') return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未结案" />;
  return (
    <Descriptions size="small" column={1} data-testid="rights-outcome">
      <Descriptions.Item label="办理结果">{c.outcomeLabel}</Descriptions.Item>
      <Descriptions.Item label="追回金额">{formatYuan(c.amountRecoveredFen)}</Descriptions.Item>
      <Descriptions.Item label="已兑付人数">{c.workersPaid} 人</Descriptions.Item>
      <Descriptions.Item label="结案时间">{formatTime(c.closedAt, 'YYYY-MM-DD')}</Descriptions.Item>
      <Descriptions.Item label="结案说明">{c.closingNote}</Descriptions.Item>
      <Descriptions.Item label="职工评价">{c.satisfactionLabel ? `${c.satisfactionLabel}${c.satisfactionComment ? `:${c.satisfactionComment}` : ''}` : '待评价'}</Descriptions.Item>
    </Descriptions>
  );
}

/** The handling steps: 咨询解答, 调解, 法律援助转介, 仲裁支持, with date, handler and note. */
export function RightsSteps({ c }: { c: RightsCase }) {
  if (c.steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  return (
    <Timeline
      data-testid="rights-steps"
      items={c.steps.map((s) => ({
        key: s.id,
        children: (
          <>
            <Typography.Text strong>{s.stepDate} {s.kindLabel}</Typography.Text>
            <Typography.Text type="secondary"> · {s.handler}{s.orgName ? `(${s.orgName})` : ''}</Typography.Text>
            <div>{s.note}</div>
          </>
        ),
      }))}
    />
  );
}
