import { Alert, Table, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { HAZARD_GRADE_LABELS, type HazardGrade, type HazardStats } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { hazardApi, hazardKeys } from '../../api/hazard.api';
import { PageTitle } from '../../components/page-title.component';

type StatsRow = HazardStats['rows'][number];
interface DistrictRow {
  key: string;
  districtName: string;
  reported: number;
  accepted: number;
  rectified: number;
  overdue: number;
  children?: (StatsRow & { key: string })[];
}

const sum = (rows: readonly StatsRow[], k: 'reported' | 'accepted' | 'rectified' | 'overdue') => rows.reduce((s, r) => s + r[k], 0);

/** One row per district (totals) with its grades below it. */
function byDistrict(rows: readonly StatsRow[]): DistrictRow[] {
  const groups = new Map<string, StatsRow[]>();
  for (const r of rows) groups.set(r.districtOrgId, [...(groups.get(r.districtOrgId) ?? []), r]);
  return [...groups.entries()].map(([id, g]) => ({
    key: id,
    districtName: g[0]!.districtName,
    reported: sum(g, 'reported'),
    accepted: sum(g, 'accepted'),
    rectified: sum(g, 'rectified'),
    overdue: sum(g, 'overdue'),
    children: g.map((r) => ({ ...r, key: `${id}:${r.grade ?? 'none'}` })),
  }));
}

const gradeName = (g: HazardGrade | null | undefined) => (g ? HAZARD_GRADE_LABELS[g] : '未定级(待审核或不予受理)');

/** 隐患统计: reported, accepted, rectified and overdue reports by district and grade. */
export function HazardStatsPage() {
  const stats = useQuery({ queryKey: hazardKeys.stats, queryFn: hazardApi.stats });
  const rows = stats.data?.rows ?? [];
  const data = byDistrict(rows);
  const rate = (r: { accepted: number; rectified: number }) => (r.accepted ? `${Math.round((r.rectified / r.accepted) * 100)}%` : '—');
  const columns: TableColumnsType<DistrictRow | (StatsRow & { key: string })> = [
    { title: '区县(市) / 隐患等级', key: 'name', render: (_v, r) => ('children' in r && r.children ? <strong>{r.districtName}</strong> : gradeName((r as StatsRow).grade)) },
    { title: '上报', dataIndex: 'reported', align: 'right', width: 100 },
    { title: '受理', dataIndex: 'accepted', align: 'right', width: 100 },
    { title: '已整改', dataIndex: 'rectified', align: 'right', width: 100 },
    { title: '整改率', key: 'rate', align: 'right', width: 100, render: (_v, r) => rate(r) },
    { title: '逾期', dataIndex: 'overdue', align: 'right', width: 100, render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
  ];
  return (
    <>
      <PageTitle title="隐患统计" />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        您管理范围内的随手拍隐患,按隐患所在区县(市)和等级统计。受理:审核受理后进入整改的;已整改:已登记整改(含验收、销号);逾期:超过整改期限未完成整改的(含曾经逾期后整改的);整改率 = 已整改 ÷ 受理。
      </Typography.Paragraph>
      {stats.isError ? <Alert type="error" showIcon title={errorMessage(stats.error)} style={{ marginBottom: 12 }} /> : null}
      <Table
        rowKey="key"
        size="middle"
        loading={stats.isFetching}
        columns={columns}
        dataSource={data}
        pagination={false}
        expandable={{ expandedRowKeys: data.map((d) => d.key), showExpandColumn: false }}
        locale={{ emptyText: '暂无隐患报告' }}
        data-testid="hazard-stats"
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>合计</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{sum(rows, 'reported')}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{sum(rows, 'accepted')}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{sum(rows, 'rectified')}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{rate({ accepted: sum(rows, 'accepted'), rectified: sum(rows, 'rectified') })}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{sum(rows, 'overdue')}</Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
