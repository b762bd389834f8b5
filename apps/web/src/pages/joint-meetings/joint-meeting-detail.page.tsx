import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { COMMITMENT_STATE_LABELS, type Commitment, type JointMeeting, type MeetingParticipant } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { jointApi, jointKeys } from '../../api/joint-meeting.api';
import { PageTitle } from '../../components/page-title.component';
import { AgendaItemModal, CommitmentModal } from './agenda-modals.component';
import { JointMeetingFormModal } from './joint-meeting-form.component';
import { COMMITMENT_STATE_COLORS } from './joint-labels';

const people = (list: MeetingParticipant[]) => (list.length ? list.map((p) => `${p.organisation}${p.title} ${p.name}`).join(';') : '—');

/** A meeting: participants, agenda items and their commitments (state, owner, deadline, progress). */
export function JointMeetingDetailPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: jointKeys.one(id), queryFn: () => jointApi.get(id) });
  const [editing, setEditing] = useState(false);
  const [addingTopic, setAddingTopic] = useState(false);
  const [commitmentFor, setCommitmentFor] = useState<string | null>(null);
  const saved = (m: JointMeeting) => {
    qc.setQueryData(jointKeys.one(id), m);
    void qc.invalidateQueries({ queryKey: jointKeys.all });
    setEditing(false);
    setAddingTopic(false);
    setCommitmentFor(null);
  };
  if (q.isError) return <Alert type="error" message={errorMessage(q.error)} />;
  const m = q.data;
  if (!m) return <Card loading />;
  return (
    <>
      <PageTitle
        title={m.title}
        extra={m.abilities.canEdit ? (
          <>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>修改</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingTopic(true)} data-testid="add-agenda">增加议题</Button>
          </>
        ) : null}
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="日期">{m.meetingDate}</Descriptions.Item>
        <Descriptions.Item label="地点">{m.place}</Descriptions.Item>
        <Descriptions.Item label="召开单位">{m.orgName}</Descriptions.Item>
        <Descriptions.Item label="议定事项">{m.commitments} 项{m.overdue ? <Tag color="red" style={{ marginInlineStart: 8 }}>逾期 {m.overdue}</Tag> : null}</Descriptions.Item>
        <Descriptions.Item label="政府方参会人员" span={2}>{people(m.governmentParticipants)}</Descriptions.Item>
        <Descriptions.Item label="工会方参会人员" span={2}>{people(m.unionParticipants)}</Descriptions.Item>
      </Descriptions>
      {m.agendaItems.length === 0 ? <Empty description="尚未登记议题" /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {m.agendaItems.map((a) => (
          <Card key={a.id} size="small" title={`议题${a.position}:${a.topic}`} data-testid="agenda-item"
            extra={m.abilities.canEdit ? <Button size="small" icon={<PlusOutlined />} onClick={() => setCommitmentFor(a.id)} data-testid="add-commitment">议定事项</Button> : null}>
            {a.background ? <Typography.Paragraph type="secondary">{a.background}</Typography.Paragraph> : null}
            <Table<Commitment>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.commitments}
              locale={{ emptyText: '暂无议定事项' }}
              columns={[
                { title: '议定事项', dataIndex: 'content', render: (v: string, r) => <Link to={`/joint-meetings/commitments/${r.id}`}>{v}</Link> },
                { title: '政府责任部门', dataIndex: 'governmentDepartment', width: 140 },
                { title: '工会责任单位', width: 140, render: (_, r) => r.tracking.ownerOrgName },
                { title: '完成时限', width: 110, render: (_, r) => r.tracking.deadline },
                { title: '进度', width: 70, render: (_, r) => `${r.tracking.percent}%` },
                { title: '状态', dataIndex: 'state', width: 90, render: (v: Commitment['state']) => <Tag color={COMMITMENT_STATE_COLORS[v]}>{COMMITMENT_STATE_LABELS[v]}</Tag> },
              ]}
            />
          </Card>
        ))}
      </Space>
      {editing ? <JointMeetingFormModal open meeting={m} onClose={() => setEditing(false)} onSaved={saved} /> : null}
      <AgendaItemModal meetingId={m.id} open={addingTopic} onClose={() => setAddingTopic(false)} onSaved={saved} />
      <CommitmentModal meetingId={m.id} agendaId={commitmentFor} onClose={() => setCommitmentFor(null)} onSaved={saved} />
    </>
  );
}
