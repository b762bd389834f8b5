import { Alert, Button, Card, Descriptions, Empty, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../api/api-client';
import { mutualAidKeys, myMutualAidApi } from '../api/mutual-aid.api';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { WorkflowStatusTag } from '../components/workflow-status-tag.component';
import { claimStage, percentOf } from '../pages/mutual-aid/mutual-aid-labels';

/** 医疗互助 (H5): my coverage this period (enrolled? from when, what is left of the cap) and my claims. */
export function MobileMutualAidPage() {
  const navigate = useNavigate();
  const coverage = useQuery({ queryKey: mutualAidKeys.myCoverage, queryFn: myMutualAidApi.coverage, staleTime: 0 });
  const claims = useQuery({ queryKey: mutualAidKeys.myClaims, queryFn: myMutualAidApi.claims, staleTime: 0 });
  const cov = coverage.data;
  const covered = cov?.state === 'covered';
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        医疗互助
      </Typography.Title>
      {coverage.isPending ? <Skeleton active /> : null}
      {coverage.isError ? <Alert type="error" showIcon title={errorMessage(coverage.error)} /> : null}
      {cov ? (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="ma-coverage">
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{cov.periodName ?? '医疗互助'}</Typography.Text>
            <Tag color={covered ? 'green' : cov.state === 'waiting' ? 'gold' : 'default'} data-testid="ma-coverage-state">{cov.stateLabel}</Tag>
          </Flex>
          {cov.periodId && cov.state !== 'not_enrolled' ? (
            <>
              <Descriptions size="small" column={1} style={{ marginTop: 8 }} items={[
                { key: 'from', label: '保障期', children: `${cov.coveredFrom ?? '—'} 至 ${cov.endsOn ?? '—'}` },
                { key: 'left', label: '剩余年度额度', children: <span data-testid="ma-remaining">{formatYuan(cov.remainingFen)}</span> },
              ]} />
              <Progress percent={cov.overallCapFen ? Math.round((cov.usedFen / cov.overallCapFen) * 100) : 0} size="small" format={() => `已用 ${formatYuan(cov.usedFen, '')} / ${formatYuan(cov.overallCapFen, '')}`} />
              {cov.parts.map((p) => (
                <Typography.Paragraph key={p.part} type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
                  {p.label}:起付线 {formatYuan(p.deductibleFen)},按 {percentOf(p.ratioBp)} 补助,限额 {formatYuan(p.capFen)},已用 {formatYuan(p.usedFen)}
                </Typography.Paragraph>
              ))}
            </>
          ) : (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 0 0' }}>医疗互助由所在基层工会每年统一为会员参保缴费;如需参保请联系您的工会。</Typography.Paragraph>
          )}
        </Card>
      ) : null}
      <Button type="primary" block size="large" icon={<PlusOutlined />} style={{ marginBottom: 12 }} disabled={!covered} onClick={() => void navigate('/m/mutual-aid/apply')} data-testid="ma-apply">
        申请医疗互助补助
      </Button>
      <Typography.Text strong>我的申请</Typography.Text>
      {claims.isError ? <Alert type="error" showIcon title={errorMessage(claims.error)} /> : null}
      {claims.data && claims.data.items.length === 0 ? <Empty description="还没有医疗互助申请" /> : null}
      <Flex vertical gap={10} style={{ marginTop: 8 }}>
        {(claims.data?.items ?? []).map((c) => (
          <Link key={c.id} to={`/m/mutual-aid/${c.id}`} data-testid="ma-my-claim" style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{c.partLabel} · {formatYuan(c.computedFen)}</Typography.Text>
                  <div style={{ margin: '4px 0' }}>
                    <WorkflowStatusTag status={c.status} />
                    {c.payout ? <Tag color="green">已支付</Tag> : null}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.claimNo} · {claimStage(c)} · {formatTime(c.createdAt, 'YYYY-MM-DD')}
                  </Typography.Text>
                </div>
                <RightOutlined style={{ color: '#bbb' }} />
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </>
  );
}
