import { Alert, Card, Descriptions, Empty, Skeleton, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-client';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { WorkflowStatusTag } from '../../components/workflow-status-tag.component';
import { MutualAidAttachments } from './mutual-aid-attachments.component';
import { MutualAidClaimActions } from './mutual-aid-claim-actions.component';
import { MutualAidExplanation } from './mutual-aid-explanation.component';
import { claimItems, claimStage } from './mutual-aid-labels';


/** 申请详情: facts, invoices, the computation line by line, the timeline, and the actions the caller may take. */
export function MutualAidClaimDetailPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: mutualAidKeys.claim(id), queryFn: () => mutualAidApi.claim(id), staleTime: 0 });
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="申请不存在或不在您的数据范围内" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const c = detail.data;
  return (
    <>
      <PageTitle title={`医疗互助申请 ${c.claimNo}`} extra={<MutualAidClaimActions claim={c} />} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3} items={[{ key: 'status', label: '状态', children: <><WorkflowStatusTag status={c.status} />{c.payout ? <Tag color="green">已支付</Tag> : null}</> }, { key: 'stage', label: '当前环节', children: claimStage(c) }, ...claimItems(c)]} />
      </Card>
      <Card size="small" title="发票" style={{ marginBottom: 12 }}>
        <Table size="small" rowKey="invoiceNo" pagination={false} dataSource={c.invoices}
          columns={[{ title: '发票号码', dataIndex: 'invoiceNo' }, { title: '开票日期', dataIndex: 'invoiceDate' }, { title: '票面金额', dataIndex: 'totalFen', align: 'right', render: (v: number) => formatYuan(v) }, { title: '个人自付', dataIndex: 'selfPayFen', align: 'right', render: (v: number) => formatYuan(v) }]} />
      </Card>
      <Card size="small" title="发票及材料" style={{ marginBottom: 12 }}>
        <MutualAidAttachments claim={c} api={mutualAidApi.attachments} onChanged={(next) => queryClient.setQueryData(mutualAidKeys.claim(id), next)} />
      </Card>
      <Card size="small" title="补助核算" style={{ marginBottom: 12 }}>
        <MutualAidExplanation lines={c.explanation} totalFen={c.computedFen} />
      </Card>
      <Card size="small" title="办理时间线">
        <ReviewTimeline entries={c.timeline} pending={c.status === 'in_review' ? claimStage(c) : null} />
      </Card>
    </>
  );
}
