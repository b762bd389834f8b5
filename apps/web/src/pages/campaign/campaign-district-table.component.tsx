import { Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CampaignDashboard } from '@gonghui/contracts';
import { formatYuan } from '../../components/money';
import { completion } from './campaign-labels';

type Item = CampaignDashboard['byDistrict'][number];

function Rate({ done, target }: { done: number; target: number | null }) {
  const p = completion(done, target);
  if (p === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Progress percent={Math.min(100, p)} format={() => `${p.toFixed(1)}%`} size="small" strokeColor={p >= 100 ? '#52c41a' : '#c8161d'} />;
}

const columns: ColumnsType<Item> = [
  { title: '区县(市)', dataIndex: 'divisionName', key: 'name', fixed: 'left', width: 110 },
  { title: '已帮扶户数', dataIndex: 'households', key: 'households', align: 'right', width: 100 },
  { title: '目标户数', key: 'targetHouseholds', align: 'right', width: 100, render: (_v, d) => d.targetHouseholds ?? '—' },
  { title: '户数完成率', key: 'householdsRate', width: 150, render: (_v, d) => <Rate done={d.households} target={d.targetHouseholds} /> },
  { title: '批准件数', dataIndex: 'applications', key: 'applications', align: 'right', width: 90 },
  { title: '帮扶金额', key: 'amount', align: 'right', width: 140, render: (_v, d) => formatYuan(d.amountFen) },
  { title: '目标金额', key: 'targetAmount', align: 'right', width: 140, render: (_v, d) => formatYuan(d.targetAmountFen) },
  { title: '金额完成率', key: 'amountRate', width: 150, render: (_v, d) => <Rate done={d.amountFen} target={d.targetAmountFen} /> },
];

/** The district figures against their targets, as a table (the chart's numbers, exactly). */
export function CampaignDistrictTable({ items }: { items: readonly Item[] }) {
  return <Table<Item> size="small" rowKey="divisionCode" columns={columns} dataSource={[...items]} pagination={false} scroll={{ x: 980 }} data-testid="campaign-district-table" />;
}
