import { Alert, Button, Card, Empty, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { WageCoverageRow } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { wageContractApi, wageContractKeys } from '../../api/wage-contract.api';
import { PageTitle } from '../../components/page-title.component';

const pct = (r: number) => Math.round(r * 1000) / 10;

function RateCell({ rate, den, target }: { rate: number; den: number; target: number }) {
  if (den === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return <Progress percent={pct(rate)} size="small" status={rate >= target ? 'success' : 'exception'} format={(p) => `${p}%`} style={{ width: 150 }} />;
}

/** 工资集体协商覆盖率 by sub-org against the targets (≥ 80% of unionised enterprises, ≥ 90% of those with ≥ 100 staff); drills down the tree. */
export function WageCoveragePage() {
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const q = useQuery({ queryKey: wageContractKeys.coverage(orgId), queryFn: () => wageContractApi.coverage(orgId) });
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const cov = q.data;
  const columns = [
    { title: '组织', dataIndex: 'orgName', render: (v: string, r: WageCoverageRow) => (r.unionised > 0 ? <a onClick={() => setParams({ orgId: r.orgId })}>{v}</a> : v) },
    { title: '建会企业', dataIndex: 'unionised', width: 90, align: 'right' as const },
    { title: '已覆盖', dataIndex: 'covered', width: 80, align: 'right' as const },
    { title: `覆盖率(目标${pct(cov?.target ?? 0.8)}%)`, key: 'rate', width: 190, render: (_v: unknown, r: WageCoverageRow) => <RateCell rate={r.rate} den={r.unionised} target={cov?.target ?? 0.8} /> },
    { title: '百人以上企业', dataIndex: 'unionisedLarge', width: 110, align: 'right' as const },
    { title: '已覆盖', dataIndex: 'coveredLarge', width: 80, align: 'right' as const },
    { title: `覆盖率(目标${pct(cov?.targetLarge ?? 0.9)}%)`, key: 'rateLarge', width: 190, render: (_v: unknown, r: WageCoverageRow) => <RateCell rate={r.rateLarge} den={r.unionisedLarge} target={cov?.targetLarge ?? 0.9} /> },
    { title: '覆盖职工', dataIndex: 'workersCovered', width: 100, align: 'right' as const },
    { title: '达标', key: 'ok', width: 80, render: (_v: unknown, r: WageCoverageRow) => (r.unionised === 0 ? '—' : r.meetsTarget && r.meetsTargetLarge ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>) },
  ];
  return (
    <>
      <PageTitle title="工资集体协商覆盖率" extra={orgId ? <Button icon={<ArrowLeftOutlined />} onClick={() => setParams({})}>返回本级</Button> : null} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="口径" description="建会企业中,截至今日受已备案且在有效期内的集体合同(本企业合同或区域性、行业性合同)覆盖的比例。目标:建会企业覆盖率不低于80%,职工百人以上建会企业不低于90%。点击组织名称逐级下钻。" />
      {cov ? (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="wage-coverage-total">
          <Space size={48} wrap>
            <Statistic title={`${cov.total.orgName} 建会企业`} value={cov.total.unionised} suffix="家" />
            <Statistic title="已覆盖" value={cov.total.covered} suffix="家" />
            <Statistic title="覆盖率" value={pct(cov.total.rate)} suffix="%" valueStyle={{ color: cov.total.meetsTarget ? '#389e0d' : '#cf1322' }} />
            <Statistic title="百人以上企业覆盖率" value={pct(cov.total.rateLarge)} suffix="%" valueStyle={{ color: cov.total.meetsTargetLarge ? '#389e0d' : '#cf1322' }} />
            <Statistic title="覆盖职工" value={cov.total.workersCovered} suffix="人" />
            <Typography.Text type="secondary">统计日:{cov.asOf}</Typography.Text>
          </Space>
        </Card>
      ) : null}
      <Table<WageCoverageRow> rowKey="orgId" size="small" loading={q.isFetching} columns={columns} dataSource={cov?.rows ?? []} pagination={false} locale={{ emptyText: '没有下级组织' }} data-testid="wage-coverage-rows" />
    </>
  );
}
