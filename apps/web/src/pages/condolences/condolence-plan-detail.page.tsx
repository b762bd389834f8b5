import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { condolenceApi, condolenceKeys } from '../../api/condolence.api';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { WorkflowStatusTag } from '../../components/workflow-status-tag.component';
import { CondolenceCategoriesTable } from './condolence-categories-table.component';
import { CondolenceCoverageTables } from './condolence-coverage.component';
import { CondolencePlanActions } from './condolence-plan-actions.component';
import { CondolencePlanFormModal } from './condolence-plan-form-modal.component';
import { CondolenceVisitFormModal } from './condolence-visit-form-modal.component';
import { CondolenceVisitsTable } from './condolence-visits-table.component';
import { RULE_HELP } from './condolence-labels';

/** A 送温暖 plan: its standards beside last year's, the 只做加法 warning or override, review actions, coverage and the visits. */
export function CondolencePlanDetailPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: condolenceKeys.plan(id), queryFn: () => condolenceApi.plan(id) });
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  if (q.isPending) return <Spin />;
  if (q.isError) return <Result status="warning" title="无法打开计划" subTitle={errorMessage(q.error)} />;
  const plan = q.data;
  const pending = plan.status === 'in_review' && plan.workflow.stepLabel ? `「${plan.workflow.stepLabel}」 · ${plan.workflow.assigneeOrgName ?? ''}` : null;
  const approved = plan.status === 'approved';

  return (
    <>
      <PageTitle title={plan.title} extra={<CondolencePlanActions plan={plan} onEdit={() => setEditing(true)} />} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {plan.shortfalls.length > 0 && !plan.override ? (
          <Alert
            type="warning"
            showIcon
            data-testid="plan-shortfalls"
            title="低于上年标准(只做加法):批准须由市总工会审批人特批并写明理由"
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{plan.shortfalls.map((s) => <li key={`${s.category}-${s.kind}`}>{s.message}</li>)}</ul>}
          />
        ) : null}
        {plan.override ? (
          <Alert
            type="info"
            showIcon
            data-testid="plan-override"
            title={`市总工会特批:${plan.override.userName}(${plan.override.orgName}),${formatTime(plan.override.at)}`}
            description={
              <>
                <div>理由:{plan.override.reason}</div>
                <div>特批时的减少项:{plan.override.shortfalls.map((s) => s.message).join(';')}</div>
              </>
            }
          />
        ) : null}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="状态">
              <WorkflowStatusTag status={plan.status} />
              {plan.override ? <Tag color="orange">市总特批</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label="制定单位">{plan.orgName}</Descriptions.Item>
            <Descriptions.Item label="年度">{plan.year}</Descriptions.Item>
            <Descriptions.Item label="计划人数">{plan.headcount.toLocaleString('zh-CN')} 人</Descriptions.Item>
            <Descriptions.Item label="慰问金预算">{formatYuan(plan.plannedFen)}</Descriptions.Item>
            <Descriptions.Item label="上年计划">{plan.lastYear ? plan.lastYear.title : '无(上年未制定同类计划)'}</Descriptions.Item>
            {plan.note ? <Descriptions.Item label="说明" span={3}>{plan.note}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card size="small" title="慰问对象与标准(与上年对比)" extra={<span style={{ fontSize: 12, color: '#888' }} title={RULE_HELP}>红色为低于上年</span>}>
          <CondolenceCategoriesTable plan={plan} />
        </Card>
        <Card size="small">
          <Tabs
            defaultActiveKey={approved ? 'coverage' : 'timeline'}
            items={[
              ...(approved
                ? [
                    { key: 'coverage', label: '覆盖情况', children: <CondolenceCoverageTables plan={plan} /> },
                    {
                      key: 'visits',
                      label: '慰问名单',
                      children: (
                        <CondolenceVisitsTable
                          planId={plan.id}
                          extra={plan.abilities.canRecordVisit ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="visit-record">登记慰问</Button> : null}
                        />
                      ),
                    },
                  ]
                : []),
              { key: 'timeline', label: '审批记录', children: <ReviewTimeline entries={plan.timeline} pending={pending} /> },
            ]}
          />
        </Card>
      </Space>
      <CondolencePlanFormModal open={editing} plan={plan} onClose={() => setEditing(false)} />
      {approved ? <CondolenceVisitFormModal plan={plan} open={recording} onClose={() => setRecording(false)} /> : null}
    </>
  );
}
