import { Alert, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-client';
import { rightsApi, rightsKeys } from '../../api/rights.api';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { RightsActions } from './rights-actions.component';
import { RightsCaseFacts, RightsOutcome, RightsSteps } from './rights-case-facts.component';

/** 维权案件详情: the facts, the handling steps, the outcome and satisfaction, the timeline, and the caller's actions. */
export function RightsCaseDetailPage() {
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: rightsKeys.one(id), queryFn: () => rightsApi.get(id), staleTime: 0 });
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="维权案件不存在或不在您的数据范围内" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const c = detail.data;
  const pending = c.workflow.status === 'in_review' ? `${c.workflow.stepLabel ?? ''} · ${c.workflow.assigneeOrgName ?? ''}(时限 ${c.dueDate ?? '—'})` : null;
  return (
    <>
      <PageTitle title={`维权案件 ${c.caseNo}`} extra={<RightsActions c={c} />} />
      {c.escalated ? <Alert type="warning" showIcon title="该案件超过办理时限,已报上级工会督办" style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <RightsCaseFacts c={c} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Card size="small" title="办理记录" style={{ marginBottom: 12 }}>
            <RightsSteps c={c} />
          </Card>
          <Card size="small" title="办理结果" style={{ marginBottom: 12 }}>
            <RightsOutcome c={c} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="流转记录">
            <ReviewTimeline entries={c.timeline} pending={pending} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
