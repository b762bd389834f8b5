import { Alert, Progress, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { CondolenceCoverage, CondolencePlan } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { condolenceApi, condolenceKeys } from '../../api/condolence.api';
import { formatYuan } from '../../components/money';

type CategoryRow = CondolenceCoverage['byCategory'][number];
type OrgRow = CondolenceCoverage['byOrg'][number];

const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0);

/** Coverage of a plan: planned vs visited and paid per category, and visited per district (child org) × category. */
export function CondolenceCoverageTables({ plan }: { plan: CondolencePlan }) {
  const cov = useQuery({ queryKey: condolenceKeys.coverage(plan.id), queryFn: () => condolenceApi.coverage(plan.id) });
  if (cov.isError) return <Alert type="error" showIcon title={errorMessage(cov.error)} />;
  const data = cov.data;
  const categoryColumns: TableColumnsType<CategoryRow> = [
    { title: '慰问对象', dataIndex: 'categoryLabel', width: 140 },
    { title: '计划人数', dataIndex: 'plannedHeadcount', align: 'right', width: 100 },
    { title: '已慰问', dataIndex: 'visited', align: 'right', width: 90 },
    { title: '完成率', key: 'rate', width: 180, render: (_v, r) => <Progress percent={percent(r.visited, r.plannedHeadcount)} size="small" /> },
    { title: '慰问金预算', dataIndex: 'plannedMoneyFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: '已发放', dataIndex: 'paidFen', align: 'right', render: (v: number) => formatYuan(v) },
  ];
  const orgColumns: TableColumnsType<OrgRow> = [
    { title: plan.orgName === '杭州市总工会' ? '区县(市)' : '下级工会', dataIndex: 'orgName', width: 180, fixed: 'left', render: (v: string, r) => (r.orgId === plan.orgId ? `${v}(本级)` : v) },
    ...plan.categories.map((c) => ({
      title: c.categoryLabel,
      key: c.category,
      align: 'right' as const,
      render: (_v: unknown, r: OrgRow) => {
        const cell = r.cells.find((x) => x.category === c.category);
        return cell ? `${cell.visited} 人${cell.paidFen > 0 ? ` / ${formatYuan(cell.paidFen)}` : ''}` : '—';
      },
    })),
    { title: '合计', key: 'total', align: 'right', render: (_v, r) => `${r.visited} 人 / ${formatYuan(r.paidFen)}` },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {data ? (
        <Typography.Text data-testid="coverage-totals">
          计划 {data.totals.plannedHeadcount.toLocaleString('zh-CN')} 人,已慰问 {data.totals.visited} 人;慰问金预算 {formatYuan(data.totals.plannedMoneyFen)},已发放 {formatYuan(data.totals.paidFen)}。
          <Typography.Text type="secondary">(按您的数据范围统计)</Typography.Text>
        </Typography.Text>
      ) : null}
      <Table<CategoryRow> rowKey="category" size="small" loading={cov.isFetching} columns={categoryColumns} dataSource={data?.byCategory ?? []} pagination={false} data-testid="coverage-categories" />
      <Table<OrgRow>
        rowKey="orgId"
        size="small"
        loading={cov.isFetching}
        columns={orgColumns}
        dataSource={data?.byOrg ?? []}
        pagination={false}
        scroll={{ x: 200 + plan.categories.length * 130 }}
        locale={{ emptyText: '尚无慰问记录' }}
        data-testid="coverage-orgs"
      />
    </Space>
  );
}
