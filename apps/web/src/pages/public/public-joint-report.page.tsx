import { Alert, Button, Card, Empty, Flex, Layout, List, Skeleton, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { COMMITMENT_STATE_LABELS } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { jointApi, jointKeys } from '../../api/joint-meeting.api';
import { COMMITMENT_STATE_COLORS } from '../joint-meetings/joint-labels';

/** 公开:年度政府与工会联席会议议定事项落实情况 (no login), with the PDF. */
export function PublicJointReportPage() {
  const year = Number(useParams().year ?? new Date().getFullYear());
  const q = useQuery({ queryKey: jointKeys.report(year), queryFn: () => jointApi.publicReport(year) });
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Content style={{ maxWidth: 960, margin: '0 auto', padding: 24, width: '100%' }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={3} data-testid="page-title">{year}年政府与工会联席会议议定事项落实情况</Typography.Title>
          <Button icon={<FilePdfOutlined />} href={jointApi.reportPdfHref(year)} target="_blank">下载 PDF</Button>
        </Flex>
        {q.isError ? <Alert type="error" message={errorMessage(q.error)} /> : null}
        {q.isLoading ? <Skeleton active /> : null}
        {q.data && q.data.meetings.length === 0 ? <Empty description={`${year}年暂无公开的联席会议`} /> : null}
        {q.data?.meetings.map((m) => (
          <Card key={`${m.title}${m.meetingDate}`} title={m.title} style={{ marginBottom: 16 }} data-testid="public-meeting">
            <Typography.Paragraph type="secondary">{m.meetingDate} · {m.place} · {m.orgName}</Typography.Paragraph>
            {m.topics.map((t, i) => (
              <div key={t.topic} style={{ marginBottom: 12 }}>
                <Typography.Text strong>议题{i + 1}:{t.topic}</Typography.Text>
                <List
                  size="small"
                  dataSource={t.commitments}
                  locale={{ emptyText: '暂无议定事项' }}
                  renderItem={(c) => (
                    <List.Item data-testid="public-commitment">
                      <div style={{ width: '100%' }}>
                        <Flex justify="space-between" gap={8}>
                          <span>{c.content}</span>
                          <Tag color={COMMITMENT_STATE_COLORS[c.state]}>{COMMITMENT_STATE_LABELS[c.state]}</Tag>
                        </Flex>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {c.governmentDepartment} · {c.ownerOrgName} · 时限 {c.deadline} · 进度 {c.percent}%{c.closingNote ? ` · ${c.closingNote}` : ''}
                        </Typography.Text>
                      </div>
                    </List.Item>
                  )}
                />
              </div>
            ))}
          </Card>
        ))}
      </Layout.Content>
    </Layout>
  );
}
