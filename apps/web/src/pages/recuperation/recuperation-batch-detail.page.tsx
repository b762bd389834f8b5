import { Alert, Button, Card, Col, Descriptions, Progress, Result, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { RecuperationBatch } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { recuperationApi, recuperationKeys } from '../../api/recuperation.api';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { ActivityQuotas } from '../activities/activity-quotas.component';
import { RecuperationBatchActions } from './recuperation-batch-actions.component';
import { RecuperationEnrolments } from './recuperation-enrolments.component';
import { STAGE_COLORS, priorityText, stayText } from './recuperation-labels';

const MINUTES = 'YYYY-MM-DD HH:mm';

function BatchFacts({ batch: b }: { batch: RecuperationBatch }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      style={{ marginBottom: 16 }}
      data-testid="batch-info"
      items={[
        { key: 'stage', label: '状态', children: <Tag color={STAGE_COLORS[b.stage]}>{b.stageLabel}</Tag> },
        { key: 'org', label: '主办单位', children: b.orgName },
        { key: 'year', label: '年度', children: `${b.year}年` },
        { key: 'base', label: '基地', children: `${b.baseName}(${b.location})` },
        { key: 'route', label: '线路', children: b.routeName },
        { key: 'stay', label: '行程', children: stayText(b) },
        { key: 'cost', label: '每人费用', children: `${formatYuan(b.costPerPerson)}(${b.days}天 × 每天${formatYuan(b.allowancePerDay)})` },
        { key: 'window', label: '报名时间', children: `${formatTime(b.signupOpensAt, MINUTES)} 至 ${formatTime(b.signupClosesAt, MINUTES)}` },
        { key: 'cancel', label: '取消报名截止', children: b.cancelUntil ? formatTime(b.cancelUntil, MINUTES) : '不可自行取消' },
        { key: 'priority', label: '报名对象', children: priorityText(b) },
        { key: 'self', label: '报名方式', children: b.selfSignup ? '个人报名或工会推荐' : '仅限工会推荐' },
        {
          key: 'rules',
          label: '报名条件',
          children: b.rulesText.length > 0 ? b.rulesText.map((t) => <Tag key={t} color="blue" style={{ marginBottom: 4 }}>{t}</Tag>) : '—',
        },
        {
          key: 'itinerary',
          label: '行程安排',
          span: 'filled',
          children: b.itinerary ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{b.itinerary}</Typography.Paragraph> : '—',
        },
        {
          key: 'description',
          label: '批次说明',
          span: 'filled',
          children: b.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{b.description}</Typography.Paragraph> : '—',
        },
      ]}
    />
  );
}

function BatchFigures({ batch: b }: { batch: RecuperationBatch }) {
  const figure = (title: string, value: number | string, testId: string, suffix?: string) => (
    <Col flex="1 1 150px">
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} suffix={suffix} />
      </Card>
    </Col>
  );
  const percent = b.capacity > 0 ? Math.min(100, Math.round((b.confirmed / b.capacity) * 100)) : 0;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {figure('名额', b.capacity, 'figure-capacity', '个')}
      {figure('报名成功', b.confirmed, 'figure-confirmed', '人')}
      {figure('已签到', b.checkedIn, 'figure-checked-in', '人')}
      {figure('随行家属', b.companions, 'figure-companions', '人')}
      {figure('职工费用合计', formatYuan(b.confirmed * b.costPerPerson, ''), 'figure-cost', '元')}
      {figure('家属自费合计', formatYuan(b.companionsOwnCost, ''), 'figure-companions-cost', '元')}
      <Col xs={24}>
        <Card size="small" data-testid="figure-progress">
          <Row gutter={12} align="middle">
            <Col flex="none">名额占用</Col>
            <Col flex="auto">
              <Progress percent={percent} status={percent >= 100 ? 'success' : 'normal'} format={() => `${b.confirmed} / ${b.capacity}(${percent}%)`} />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}

/** 批次详情: facts, figures, publish, quotas down the tree and the roster with companions. */
export function RecuperationBatchDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useQuery({ queryKey: recuperationKeys.detail(id), queryFn: () => recuperationApi.get(id), enabled: !!id });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/recuperation')}>
      返回批次列表
    </Button>
  );

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 422)) {
      return <Result status="404" title="批次不存在或不在您的数据范围内" extra={back} />;
    }
    return <Alert type="error" showIcon title={errorMessage(detail.error)} action={back} />;
  }
  const b = detail.data;
  return (
    <>
      <PageTitle
        title={b.title}
        extra={
          <>
            {back}
            <RecuperationBatchActions batch={b} />
          </>
        }
      />
      {b.status === 'draft' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="草稿:会员还看不到该批次,核对无误后请点击「发布」。" /> : null}
      {b.status === 'cancelled' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="批次已取消,全部报名已随之取消。" /> : null}
      <BatchFacts batch={b} />
      <BatchFigures batch={b} />
      <Card size="small" title="名额分配" style={{ marginBottom: 16 }}>
        <ActivityQuotas quotas={b.quotas} />
      </Card>
      <Card size="small" title="报名名单">
        <RecuperationEnrolments batch={b} />
      </Card>
    </>
  );
}
