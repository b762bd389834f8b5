import { useState } from 'react';
import { Button, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { JointMeetingListItem } from '@gonghui/contracts';
import { jointApi, jointKeys } from '../../api/joint-meeting.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { JointMeetingFormModal } from './joint-meeting-form.component';

/** 政府与工会联席会议 in scope: the union's own meetings and those where it owns a commitment. */
export function JointMeetingsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const q = { year, ...page };
  const list = useQuery({ queryKey: jointKeys.list(q), queryFn: () => jointApi.list(q), placeholderData: keepPreviousData });
  return (
    <>
      <PageTitle
        title="政府与工会联席会议"
        extra={
          <>
            <Button icon={<FileSearchOutlined />} onClick={() => void navigate('/joint-meetings/commitments')}>议定事项督办</Button>
            {hasPermission(user, 'joint:meeting:manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-meeting">登记会议</Button> : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary">每年召开的政府与工会联席会议:议题、政府责任部门与工会责任单位、完成时限。议定事项临期前提醒责任单位,逾期自动报上级督办;年度落实情况在公开页面发布。</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <InputNumber placeholder="年度" min={2000} max={2100} style={{ width: 110 }} onChange={(v) => { setYear(v ?? undefined); setPage((p) => ({ ...p, page: 1 })); }} />
        {year ? <Button href={`/public/joint-meetings/${year}`} target="_blank">查看{year}年公开报告</Button> : null}
      </Flex>
      <Table<JointMeetingListItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        data-testid="meeting-list"
        locale={{ emptyText: '暂无联席会议。召开会议后点击“登记会议”录入议题和议定事项。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 次`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '会议', dataIndex: 'title', render: (v: string, r) => <Link to={`/joint-meetings/${r.id}`}>{v}</Link> },
          { title: '日期', dataIndex: 'meetingDate', width: 120 },
          { title: '地点', dataIndex: 'place', ellipsis: true },
          { title: '召开单位', dataIndex: 'orgName', width: 150 },
          { title: '议题', dataIndex: 'topics', width: 70 },
          { title: '议定事项', dataIndex: 'commitments', width: 90 },
          { title: '逾期', dataIndex: 'overdue', width: 70, render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : 0) },
        ]}
      />
      <JointMeetingFormModal open={creating} onClose={() => setCreating(false)} onSaved={(m) => { setCreating(false); void navigate(`/joint-meetings/${m.id}`); }} />
    </>
  );
}
