import { Alert, App, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Hazard } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../api/api-client';
import { hazardKeys, myHazardApi } from '../api/hazard.api';
import { ReviewTimeline } from '../components/review-timeline.component';
import { HazardFacts, HazardHistory } from '../pages/hazards/hazard-facts.component';
import { HazardPhotos } from '../pages/hazards/hazard-photos.component';

/** 我上报的隐患 (H5): status, the reason when not accepted, the rectification with its photos, the points; a draft can get its photos and be submitted. */
export function MobileHazardDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: hazardKeys.myOne(id), queryFn: () => myHazardApi.get(id), staleTime: 0 });
  const changed = (h: Hazard) => {
    queryClient.setQueryData(hazardKeys.myOne(id), h);
    void queryClient.invalidateQueries({ queryKey: hazardKeys.mine, exact: true });
  };
  const onError = (e: unknown) => void message.error(errorMessage(e));
  const upload = useMutation({ mutationFn: (f: File) => myHazardApi.photos.upload(id, 'scene', f), onSuccess: changed, onError });
  const remove = useMutation({ mutationFn: (fileId: string) => myHazardApi.photos.remove(id, fileId), onSuccess: changed, onError });
  const submit = useMutation({ mutationFn: () => myHazardApi.submit(id), onSuccess: (h) => { changed(h); void message.success('已提交,工会将尽快核实处理'); }, onError });
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="报告不存在" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const h = detail.data;
  const editable = h.abilities.canEditPhotos;
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        我上报的隐患
      </Typography.Title>
      {h.status === 'draft' ? <Alert type="warning" showIcon title="报告尚未提交:请添加照片后提交" style={{ marginBottom: 12 }} /> : null}
      {h.status === 'rejected' ? <Alert type="info" showIcon title="工会核实后不予受理" description={h.rejectReason} style={{ marginBottom: 12 }} data-testid="hazard-reject-reason" /> : null}
      {h.points ? <Alert type="success" showIcon title={`整改已验收,您获得 ${h.points} 积分,感谢您的监督!`} style={{ marginBottom: 12 }} data-testid="hazard-points" /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <HazardFacts hazard={h} column={1} />
      </Card>
      <Card size="small" title="隐患照片" style={{ marginBottom: 12 }}>
        <HazardPhotos items={h.photos} href={(f) => myHazardApi.photos.href(id, f)} size={80} onPick={editable ? (f) => upload.mutate(f) : undefined} onRemove={editable ? (f) => remove.mutate(f) : undefined} busy={upload.isPending} />
        {h.status === 'draft' ? (
          <Button type="primary" block style={{ marginTop: 12 }} disabled={!h.abilities.canSubmit} loading={submit.isPending} onClick={() => submit.mutate()} data-testid="hazard-draft-submit">
            提交报告
          </Button>
        ) : null}
      </Card>
      {h.rectifyPhotos.length > 0 ? (
        <Card size="small" title="整改后照片" style={{ marginBottom: 12 }}>
          <HazardPhotos items={h.rectifyPhotos} href={(f) => myHazardApi.rectifyPhotos.href(id, f)} size={80} testId="hazard-rectify-photos" />
        </Card>
      ) : null}
      <Card size="small" title="办理进度">
        <ReviewTimeline compact entries={h.timeline} pending={h.status === 'reported' ? `工会核实中 · ${h.workflow?.assigneeOrgName ?? h.orgName}` : null} />
        {h.events.length > 0 ? <HazardHistory hazard={h} compact /> : null}
      </Card>
    </>
  );
}
