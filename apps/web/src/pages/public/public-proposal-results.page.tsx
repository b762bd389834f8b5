import { useEffect } from 'react';
import { Alert, Card, Col, Empty, Progress, Row, Skeleton, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { PROPOSAL_COLLECTION_STATUS_LABELS, type PublicProposalResults } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { proposalKeys, publicProposalApi } from '../../api/proposal.api';
import { federationName } from '../../app/labels';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';

type Collection = PublicProposalResults['collections'][number];
type Project = Collection['projects'][number];

function ProjectCard({ p }: { p: Project }) {
  return (
    <Card size="small" title={p.title} extra={<Tag color={p.status === 'completed' ? 'green' : 'blue'}>{p.status === 'completed' ? '已完成' : '实施中'}</Tag>} data-testid="public-project">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{p.description}</Typography.Paragraph>
      <div style={{ fontSize: 13 }}>责任单位:{p.ownerOrgName} · 预算 {formatYuan(p.budgetFen)} · 计划完成 {p.targetDate}</div>
      <div style={{ fontSize: 13 }}>来源:{p.category}类职工建议「{p.proposalTitle}」,附议 {p.supportCount} · 得票 {p.voteCount}</div>
      <Progress percent={p.progress} status={p.status === 'completed' ? 'success' : 'active'} />
      <Timeline
        style={{ marginTop: 12 }}
        items={p.milestones.map((m) => ({ key: m.id, color: m.doneOn ? 'green' : 'blue', children: <span data-testid="public-milestone">{m.title}(计划 {m.plannedOn}{m.doneOn ? `,${m.doneOn} 完成` : `,进度 ${m.progress}%`}){m.note ? ` — ${m.note}` : ''}</span> }))}
      />
    </Card>
  );
}

function CollectionResults({ c }: { c: Collection }) {
  return (
    <>
      <Typography.Paragraph>
        {PROPOSAL_COLLECTION_STATUS_LABELS[c.status]} · 公开建议 {c.publicProposals} 条 · 采纳办实事项目 {c.projects.length} 个
      </Typography.Paragraph>
      {c.votes.length ? (
        <Card size="small" title="入围建议投票结果" style={{ marginBottom: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={c.votes} columns={[
            { title: '建议', dataIndex: 'title' },
            { title: '类别', dataIndex: 'category', width: 100 },
            { title: '附议', dataIndex: 'supportCount', width: 80 },
            { title: '得票', dataIndex: 'votes', width: 80 },
          ]} />
        </Card>
      ) : null}
      {c.projects.length === 0 ? <Empty description="尚未确定办实事项目" /> : null}
      <Row gutter={[12, 12]}>
        {c.projects.map((p) => (
          <Col xs={24} md={12} key={p.id}>
            <ProjectCard p={p} />
          </Col>
        ))}
      </Row>
    </>
  );
}

/** 办实事项目结果公示 (no login): vote results and adopted projects with milestones and progress; no personal data. */
export function PublicProposalResultsPage() {
  const { systemInfo } = useSession();
  const org = federationName(systemInfo?.cityName);
  const results = useQuery({ queryKey: proposalKeys.results, queryFn: publicProposalApi.results, staleTime: 0 });
  useEffect(() => {
    document.title = `为职工办实事项目 - ${org}`;
  }, [org]);
  const cols = results.data?.collections ?? [];
  return (
    <div className="gh-public">
      <header className="gh-public-header">
        <div className="gh-public-org">{org}</div>
        <Typography.Title level={3} style={{ margin: 0, color: '#fff' }} data-testid="page-title">
          为职工办实事项目
        </Typography.Title>
      </header>
      <main className="gh-public-body">
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="广听民意、广纳民智:以下为历年职工建议征集、投票结果和办实事项目的实施进度。" />
        {results.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {results.isError ? <Alert type="error" showIcon title={errorMessage(results.error)} /> : null}
        {results.data && cols.length === 0 ? <Empty description="暂无公示内容" style={{ marginTop: 48 }} /> : null}
        {cols.length ? <Tabs items={cols.map((c) => ({ key: c.id, label: c.title, children: <CollectionResults c={c} /> }))} /> : null}
      </main>
    </div>
  );
}
