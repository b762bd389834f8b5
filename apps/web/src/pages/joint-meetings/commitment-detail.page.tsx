import { Alert, Card, Descriptions, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { COMMITMENT_STATE_LABELS } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { jointApi, jointKeys } from '../../api/joint-meeting.api';
import { PageTitle } from '../../components/page-title.component';
import { TrackingPanel } from '../../components/tracking-panel.component';
import { COMMITMENT_STATE_COLORS } from './joint-labels';

/** A commitment: where it was agreed, who answers for it, its progress timeline; report (owner) and close (city). */
export function CommitmentDetailPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: jointKeys.commitment(id), queryFn: () => jointApi.commitment(id) });
  if (q.isError) return <Alert type="error" message={errorMessage(q.error)} />;
  const c = q.data;
  if (!c) return <Card loading />;
  return (
    <>
      <PageTitle title="议定事项" />
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="议定事项">{c.content}</Descriptions.Item>
        <Descriptions.Item label="会议"><Link to={`/joint-meetings/${c.meetingId}`}>{c.meetingTitle}</Link>({c.meetingDate})</Descriptions.Item>
        <Descriptions.Item label="议题">{c.topic}</Descriptions.Item>
        <Descriptions.Item label="政府责任部门">{c.governmentDepartment}</Descriptions.Item>
        <Descriptions.Item label="状态"><Tag color={COMMITMENT_STATE_COLORS[c.state]} data-testid="commitment-state">{COMMITMENT_STATE_LABELS[c.state]}</Tag></Descriptions.Item>
      </Descriptions>
      <TrackingPanel id={c.tracking.id} api={jointApi.tracking} queryKey={jointKeys.tracking(c.tracking.id)} title="落实情况" onChanged={() => void qc.invalidateQueries({ queryKey: jointKeys.all })} />
    </>
  );
}
