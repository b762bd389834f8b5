import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { CONTEST_LEVEL_LABELS, type CraftsmanNomination } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-error';
import { craftsmanApi, craftsmanKeys } from '../../api/craftsman.api';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { CraftsmanActions } from './craftsman-actions.component';
import { CraftsmanEvidence, CraftsmanScores } from './craftsman-evidence-scores.component';
import { CraftsmanNominationForm } from './craftsman-nomination-form.component';
import { CRAFTSMAN_STAGE_COLORS } from './craftsman-labels';

function Eligibility({ n }: { n: CraftsmanNomination }) {
  const e = n.eligibility;
  if (!e.eligible) return <Alert type="error" showIcon style={{ marginBottom: 12 }} message="不符合推荐条件" description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{e.failures.map((f) => <li key={f.path}>{f.message}</li>)}</ul>} />;
  return <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="craftsman-eligibility" message={`符合推荐条件:从事本职业 ${e.yearsInTrade} 年${e.waiver ? `;${e.waiver}` : ''}`} />;
}

function Facts({ n }: { n: CraftsmanNomination }) {
  return (
    <Card size="small" title="被推荐人">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="姓名">{n.memberName}({n.gender})</Descriptions.Item>
        <Descriptions.Item label="所在工会">{n.memberOrgName}</Descriptions.Item>
        <Descriptions.Item label="职业(工种)">{n.trade}</Descriptions.Item>
        <Descriptions.Item label="工作单位">{n.employerName}{n.employedInHangzhou ? '' : '(非杭州市域)'}</Descriptions.Item>
        <Descriptions.Item label="从事本职业起">{n.tradeStartedOn}</Descriptions.Item>
        <Descriptions.Item label="在杭全职工作起">{n.hangzhouFullTimeSince}</Descriptions.Item>
        <Descriptions.Item label="一线职工">{n.frontline ? '是' : '否(会员档案)'}</Descriptions.Item>
        <Descriptions.Item label="推荐单位">{n.nominatingOrgName}</Descriptions.Item>
        <Descriptions.Item label="竞赛成绩" span={2}>
          {n.contestResults.length === 0 ? '无' : n.contestResults.map((c) => <Tag key={`${c.name}${c.year}`}>{`${c.year}年 ${c.name}(${CONTEST_LEVEL_LABELS[c.level]})第${c.rank}名`}</Tag>)}
        </Descriptions.Item>
        <Descriptions.Item label="主要事迹" span={2}>{n.deeds}</Descriptions.Item>
        {n.certificateNo ? <Descriptions.Item label="证书编号">{n.certificateNo}(D类人才)</Descriptions.Item> : null}
        {n.payout ? <Descriptions.Item label="奖励">{formatYuan(n.payout.amountFen)} 已发放</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  );
}

/** 杭州工匠推荐详情: eligibility (with the contest waiver), evidence, expert scores, decision, 公示, approval, award, certificate, timeline. */
export function CraftsmanNominationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({ queryKey: craftsmanKeys.one(id), queryFn: () => craftsmanApi.get(id), staleTime: 0 });
  const n = detail.data;
  if (detail.isLoading) return <Skeleton active />;
  if (!n) return <Empty description={detail.error ? errorMessage(detail.error) : '推荐不存在'} />;
  const pending = n.workflow.status === 'in_review' ? `${n.workflow.stepLabel ?? ''} · ${n.workflow.assigneeOrgName ?? ''}` : n.stage === 'publicity' ? `公示中,至 ${n.workflow.publicityEndsAt?.slice(0, 10) ?? ''}` : n.stage === 'awaiting_approval' ? '待市政府批准' : null;
  return (
    <>
      <PageTitle
        title={`${n.callYear}年度杭州工匠推荐:${n.memberName}`}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/honours/craftsman/nominations')}>返回列表</Button>}
      />
      <Flex gap={8} align="center" style={{ marginBottom: 12 }} wrap>
        <Tag color={CRAFTSMAN_STAGE_COLORS[n.stage]} data-testid="craftsman-stage">{n.stageLabel}</Tag>
        {n.decisionLabel ? <Tag color="gold">{n.decisionLabel}</Tag> : null}
        <CraftsmanActions n={n} onEdit={() => setEditing(true)} />
      </Flex>
      <Eligibility n={n} />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Facts n={n} />
            <CraftsmanEvidence n={n} />
            {n.stage !== 'draft' && n.stage !== 'returned' ? <CraftsmanScores n={n} /> : null}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="办理记录">
            <ReviewTimeline entries={n.timeline} pending={pending} attachmentLink={(fileId) => ({ href: craftsmanApi.evidence.href(n.id, fileId), label: '材料' })} />
          </Card>
        </Col>
      </Row>
      <CraftsmanNominationForm open={editing} calls={[]} nomination={n} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </>
  );
}
