import { Card, Empty, Table, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { GradesByDistrict } from '@gonghui/contracts';
import { unionHomeApi, unionHomeKeys } from '../../api/union-home.api';
import { UnionHomeGradesChart } from './union-home-grades-chart.component';

type Row = GradesByDistrict['rows'][number];

/** 等级分布: homes per district by standing grade, and how many are due for re-evaluation. */
export function UnionHomeGrades({ onPickDistrict }: { onPickDistrict: (districtId: string) => void }) {
  const q = useQuery({ queryKey: unionHomeKeys.grades, queryFn: unionHomeApi.grades });
  if (!q.data) return <Card loading />;
  if (q.data.rows.length === 0) return <Empty description="范围内还没有职工之家档案" />;
  const columns: TableColumnsType<Row> = [
    { title: '区县(市)', dataIndex: 'districtName', render: (v: string, r) => <a onClick={() => onPickDistrict(r.districtId)}>{v}</a> },
    { title: '职工之家', dataIndex: 'homes', align: 'right', width: 90 },
    ...q.data.grades.map((g) => ({ title: g.label, key: g.code, align: 'right' as const, width: 110, render: (_v: unknown, r: Row) => r.counts[g.code] ?? 0 })),
    { title: '待复评', dataIndex: 'due', align: 'right', width: 80 },
  ];
  const total = q.data.rows.reduce((s, r) => s + r.homes, 0);
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <UnionHomeGradesChart data={q.data} />
      </Card>
      <Table<Row>
        rowKey="districtId"
        size="small"
        columns={columns}
        dataSource={q.data.rows}
        pagination={false}
        data-testid="union-home-grades"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{total}</Table.Summary.Cell>
            {q.data.grades.map((g, i) => (
              <Table.Summary.Cell key={g.code} index={i + 2} align="right">
                {q.data.rows.reduce((s, r) => s + (r.counts[g.code] ?? 0), 0)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={q.data.grades.length + 2} align="right">{q.data.rows.reduce((s, r) => s + r.due, 0)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
