import { Form, InputNumber, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CampaignOptions } from '@gonghui/contracts';
import { formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import type { TargetValues } from './campaign-form-values';

type Division = CampaignOptions['divisions'][number];

const columns: ColumnsType<Division> = [
  { title: '区县(市)', dataIndex: 'name', key: 'name', width: 120, render: (name: string, d) => `${name}(${d.code})` },
  {
    title: '目标帮扶户数',
    key: 'households',
    render: (_v, d) => (
      <Form.Item name={['targets', d.code, 'households']} noStyle>
        <InputNumber<number> min={0} max={1_000_000} precision={0} suffix="户" style={{ width: '100%' }} aria-label={`${d.name}目标户数`} />
      </Form.Item>
    ),
  },
  {
    title: '目标帮扶金额',
    key: 'yuan',
    render: (_v, d) => (
      <Form.Item name={['targets', d.code, 'yuan']} noStyle>
        <YuanInput min={0} step={10_000} aria-label={`${d.name}目标金额`} />
      </Form.Item>
    ),
  },
];

/** 各区县(市)目标: one row per configured district; empty rows are not saved. */
export function CampaignTargetsTable({ divisions }: { divisions: CampaignOptions['divisions'] }) {
  const targets = (Form.useWatch('targets') as Record<string, TargetValues> | undefined) ?? {};
  const households = divisions.reduce((s, d) => s + (targets[d.code]?.households ?? 0), 0);
  const fen = divisions.reduce((s, d) => s + yuanToFen(targets[d.code]?.yuan ?? 0), 0);
  return (
    <Table<Division>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={divisions}
      pagination={false}
      data-testid="campaign-targets-table"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>合计</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1}>{households.toLocaleString('zh-CN')} 户</Table.Summary.Cell>
          <Table.Summary.Cell index={2}>{formatYuan(fen)}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
