import { Card, Descriptions, Empty, Tag, Typography } from 'antd';
import type { AidApplication } from '@gonghui/contracts';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { WorkflowStatusTag } from '../../components/workflow-status-tag.component';
import { payoutStatusLabel } from './aid-labels';

/** 申请信息: applicant (masked by the server), category, amounts, reason, filer, consent. */
export function AidApplicationInfo({ app }: { app: AidApplication }) {
  return (
    <Card size="small" title="申请信息" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="aid-info"
        items={[
          { key: 'name', label: '申请人', children: <span data-testid="aid-member-name">{app.memberName}</span> },
          { key: 'idCard', label: '身份证号', children: app.memberIdCard },
          { key: 'org', label: '所在工会', span: 'filled', children: app.orgName },
          { key: 'category', label: '帮扶类别', children: app.categoryLabel },
          { key: 'amount', label: '申请金额', children: <span data-testid="aid-amount">{formatYuan(app.amountFen)}</span> },
          { key: 'approved', label: '核定金额', children: <span data-testid="aid-approved-amount">{formatYuan(app.approvedAmountFen)}</span> },
          {
            key: 'filed',
            label: '填报人',
            children: (
              <>
                {app.filedByName ?? '—'} {app.onBehalf ? <Tag>工会代为申请</Tag> : <Tag color="blue">本人申请</Tag>}
              </>
            ),
          },
          {
            key: 'consent',
            label: '敏感信息授权',
            children: app.sensitiveConsent ? <Tag color="green">已授权</Tag> : <Tag color="orange">未记录授权</Tag>,
          },
          { key: 'createdAt', label: '申请时间', children: formatTime(app.createdAt) },
          { key: 'reason', label: '申请理由', span: 'filled', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{app.reason}</Typography.Text> },
        ]}
      />
    </Card>
  );
}

/** 办理状态: status, the step and its unit, the due date (超期), the 公示 window. */
export function AidWorkflowInfo({ app }: { app: AidApplication }) {
  const w = app.workflow;
  return (
    <Card size="small" title="办理状态" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="aid-workflow"
        items={[
          { key: 'status', label: '状态', children: <WorkflowStatusTag status={w.status} overdue={w.overdue} /> },
          { key: 'step', label: '当前环节', children: <span data-testid="aid-step">{w.stepLabel ?? '—'}</span> },
          { key: 'assignee', label: '办理单位', children: w.assigneeOrgName ?? '—' },
          { key: 'due', label: '办理时限', children: w.stepDueDate ?? '—' },
          ...(w.publicityEndsAt ? [{ key: 'publicity', label: '公示截止', children: formatTime(w.publicityEndsAt, 'YYYY-MM-DD HH:mm') }] : []),
        ]}
      />
    </Card>
  );
}

/** 入户调查 record, or what is still missing. */
export function HomeVisitInfo({ app }: { app: AidApplication }) {
  const v = app.homeVisit;
  return (
    <Card size="small" title="入户调查" style={{ marginBottom: 16 }} data-testid="aid-home-visit">
      {v ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'on', label: '走访日期', children: v.visitedOn },
            { key: 'visitors', label: '走访人', children: v.visitors },
            { key: 'consent', label: '收入核查授权书', children: v.incomeCheckConsentSigned ? <Tag color="green">已签署</Tag> : <Tag color="red">未签署</Tag> },
            { key: 'by', label: '登记', children: `${v.recordedBy} ${formatTime(v.recordedAt, 'YYYY-MM-DD HH:mm')}` },
            { key: 'findings', label: '调查情况', span: 'filled', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{v.findings}</Typography.Text> },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记入户调查(区县复审前须完成)" />
      )}
    </Card>
  );
}

/** 发放 record, when the case has been paid. */
export function PayoutInfo({ app }: { app: AidApplication }) {
  const p = app.payout;
  if (!p) return null;
  return (
    <Card size="small" title="资金发放" style={{ marginBottom: 16 }} data-testid="aid-payout">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'fund', label: '支出资金', children: p.fundName },
          { key: 'amount', label: '发放金额', children: formatYuan(p.amountFen) },
          { key: 'status', label: '代发状态', children: <Tag color={p.status === 'paid' ? 'green' : 'blue'}>{payoutStatusLabel(p.status)}</Tag> },
          { key: 'at', label: '发放时间', children: formatTime(p.createdAt) },
        ]}
      />
    </Card>
  );
}
