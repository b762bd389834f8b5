import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CADRE_POSITION_LABELS, type AttendanceRow } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { errorMessage } from '../../api/api-client';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { PageTitle } from '../../components/page-title.component';
import { AttendanceModal } from './attendance-modal.component';
import { TrainingFormModal } from './training-form-modal.component';

const COLUMNS: TableColumnsType<AttendanceRow> = [
  { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, r) => <Link to={`/cadres/${r.cadreId}`}>{v}</Link> },
  { title: '所属工会', dataIndex: 'orgName', ellipsis: true },
  { title: '职务', dataIndex: 'position', width: 120, render: (v: AttendanceRow['position'], r) => `${CADRE_POSITION_LABELS[v]}${r.fullTime ? '(专职)' : ''}` },
  { title: '签到', dataIndex: 'signedIn', width: 80, render: (v: boolean) => (v ? <Tag color="green">已签到</Tag> : <Tag>缺席</Tag>) },
  { title: '认定学时', dataIndex: 'hours', width: 100 },
];

/** One 培训班: details, the attendance list and bulk 签到 entry. */
export function TrainingDetailPage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const q = useQuery({ queryKey: cadreKeys.training(id), queryFn: () => cadreApi.training(id) });
  if (q.isPending) return <FullPageSpin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} action={<Link to="/cadres/trainings">返回列表</Link>} />;
  const t = q.data;
  return (
    <>
      <PageTitle
        title={t.title}
        extra={
          <>
            {t.abilities.canEdit ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>修改</Button> : null}
            {t.abilities.canRecordAttendance ? <Button type="primary" icon={<TeamOutlined />} onClick={() => setRecording(true)} data-testid="record-attendance">录入签到</Button> : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="主办单位">{t.orgName}</Descriptions.Item>
            <Descriptions.Item label="日期">{t.startsOn === t.endsOn ? t.startsOn : `${t.startsOn} 至 ${t.endsOn}`}</Descriptions.Item>
            <Descriptions.Item label="地点">{t.place}</Descriptions.Item>
            <Descriptions.Item label="学时">{t.hours}</Descriptions.Item>
            <Descriptions.Item label="培训对象">{t.audience ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="签到">{`${t.signedIn} 人签到 / 名单 ${t.attendees} 人`}</Descriptions.Item>
            {t.note ? <Descriptions.Item label="备注" span={3}>{t.note}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card size="small" title="签到名单">
          <Table<AttendanceRow> rowKey="cadreId" size="small" columns={COLUMNS} dataSource={t.attendance} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: '尚未录入签到' }} data-testid="attendance-list" />
        </Card>
      </Flex>
      <TrainingFormModal open={editing} training={t} onClose={() => setEditing(false)} />
      <AttendanceModal open={recording} training={t} onClose={() => setRecording(false)} />
    </>
  );
}
