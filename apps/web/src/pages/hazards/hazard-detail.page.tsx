import { Alert, App, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Hazard } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { hazardApi, hazardKeys } from '../../api/hazard.api';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { HazardActions } from './hazard-actions.component';
import { HazardFacts, HazardHistory } from './hazard-facts.component';
import { HazardPhotos } from './hazard-photos.component';

/** 隐患详情: the report with its photos, the review's timeline, rectification with its photos, and the actions the caller may take. */
export function HazardDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: hazardKeys.one(id), queryFn: () => hazardApi.get(id), staleTime: 0 });
  const changed = (h: Hazard) => queryClient.setQueryData(hazardKeys.one(id), h);
  const upload = useMutation({ mutationFn: (f: File) => hazardApi.rectifyPhotos.upload(id, 'rectified', f), onSuccess: changed, onError: (e) => void message.error(errorMessage(e)) });
  const remove = useMutation({ mutationFn: (fileId: string) => hazardApi.rectifyPhotos.remove(id, fileId), onSuccess: changed, onError: (e) => void message.error(errorMessage(e)) });
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="隐患报告不存在或不在您的数据范围内" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const h = detail.data;
  const canPhotos = h.abilities.canEditRectifyPhotos;
  const pending = h.status === 'reported' && h.workflow ? `${h.workflow.stepLabel ?? '审核'} · ${h.workflow.assigneeOrgName ?? ''}` : null;
  return (
    <>
      <PageTitle title={`隐患报告 ${h.reportNo}`} extra={<HazardActions hazard={h} />} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <HazardFacts hazard={h} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Card size="small" title="隐患照片" style={{ marginBottom: 12 }}>
            <HazardPhotos items={h.photos} href={(f) => hazardApi.photos.href(id, f)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="整改照片" style={{ marginBottom: 12 }}>
            <HazardPhotos
              testId="hazard-rectify-photos"
              items={h.rectifyPhotos}
              href={(f) => hazardApi.rectifyPhotos.href(id, f)}
              onPick={canPhotos ? (f) => upload.mutate(f) : undefined}
              onRemove={canPhotos ? (f) => remove.mutate(f) : undefined}
              busy={upload.isPending}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Card size="small" title="审核记录" style={{ marginBottom: 12 }}>
            <ReviewTimeline entries={h.timeline} pending={pending} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="整改记录">
            <HazardHistory hazard={h} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
