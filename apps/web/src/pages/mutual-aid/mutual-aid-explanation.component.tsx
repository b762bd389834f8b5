import { Table, Typography } from 'antd';
import type { MutualAidExplanationLine } from '@gonghui/contracts';
import { formatYuan } from '../../components/money';

interface ExplanationProps {
  lines: readonly MutualAidExplanationLine[];
  totalFen: number;
  /** the phone layout: a plain list */
  compact?: boolean;
}

/** The payout computed by the plan, line by line, with the total (the lines add up to it exactly). */
export function MutualAidExplanation({ lines, totalFen, compact = false }: ExplanationProps) {
  if (compact) {
    return (
      <div data-testid="ma-explanation">
        {lines.map((l, i) => (
          <Typography.Paragraph key={i} style={{ fontSize: 13, marginBottom: 6 }}>
            {l.text}
            {l.amountFen > 0 ? <Typography.Text strong>{`  计 ${formatYuan(l.amountFen)}`}</Typography.Text> : null}
          </Typography.Paragraph>
        ))}
        <Typography.Text strong data-testid="ma-explanation-total">
          核算金额合计:{formatYuan(totalFen)}
        </Typography.Text>
      </div>
    );
  }
  return (
    <Table
      data-testid="ma-explanation"
      size="small"
      rowKey={(_r, i) => String(i)}
      pagination={false}
      dataSource={[...lines]}
      columns={[
        { title: '核算说明', dataIndex: 'text' },
        { title: '金额', dataIndex: 'amountFen', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>核算金额合计</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong data-testid="ma-explanation-total">
              {formatYuan(totalFen)}
            </Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
