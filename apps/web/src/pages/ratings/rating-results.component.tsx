import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { RATING_CLASS_LABELS, RATING_UNIT_CATEGORY_LABELS, type RatingCampaign, type RatingResultRow } from '@gonghui/contracts';
import { ratingApi, ratingKeys } from '../../api/rating.api';
import { pct, RATING_CLASS_COLORS } from './rating-labels';

/** The ranking: overall rate (groups weighted), per dimension and per group; classification by the campaign's lines. */
export function RatingResultsView({ campaign }: { campaign: RatingCampaign }) {
  const r = useQuery({ queryKey: ratingKeys.results(campaign.id), queryFn: () => ratingApi.results(campaign.id) });
  const data = r.data;
  const columns = [
    { title: '名次', dataIndex: 'rank', width: 60, fixed: 'left' as const, render: (v: number | null) => v ?? '—' },
    { title: '被测评单位', dataIndex: 'unitName', width: 170, fixed: 'left' as const },
    { title: '类别', dataIndex: 'category', width: 120, render: (v: RatingResultRow['category']) => RATING_UNIT_CATEGORY_LABELS[v] },
    { title: '有效票', dataIndex: 'ballots', width: 80 },
    { title: '综合满意率', dataIndex: 'overallBp', width: 110, render: (v: number | null) => <Typography.Text strong>{pct(v)}</Typography.Text> },
    { title: '服务态度与效率', width: 120, render: (_: unknown, x: RatingResultRow) => pct(x.dimensionBp.attitude) },
    { title: '公正廉洁', width: 100, render: (_: unknown, x: RatingResultRow) => pct(x.dimensionBp.integrity) },
    { title: '工作成效与影响', width: 120, render: (_: unknown, x: RatingResultRow) => pct(x.dimensionBp.effect) },
    ...(data?.groups ?? []).map((g) => ({ title: `${g.name}(${pct(g.weightBp)})`, key: g.id, width: 120, render: (_: unknown, x: RatingResultRow) => pct(x.groupBp[g.id]) })),
    { title: '评定', dataIndex: 'classification', width: 110, fixed: 'right' as const, render: (v: RatingResultRow['classification']) => <Tag color={RATING_CLASS_COLORS[v]}>{RATING_CLASS_LABELS[v]}</Tag> },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">
          满意单位线 {pct(campaign.satisfiedMinBp)},不满意单位线 {pct(campaign.dissatisfiedBelowBp)};已剔除答卷 {data?.excludedBallots ?? 0} 份不计入。
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => void ratingApi.exportResults(campaign.id, campaign.title)}>导出Excel</Button>
      </Flex>
      {campaign.state === 'open' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="测评进行中,以下为实时统计,仅供内部参考。" /> : null}
      <Table<RatingResultRow> rowKey="unitId" size="small" loading={r.isFetching} columns={columns} dataSource={data?.rows ?? []} pagination={false} scroll={{ x: 1200 + (data?.groups.length ?? 0) * 120 }} data-testid="rating-results" />
    </>
  );
}
