import { Table, Typography, type TableColumnsType } from 'antd';
import type { CondolencePlan } from '@gonghui/contracts';
import { formatYuan } from '../../components/money';

type Category = CondolencePlan['categories'][number];
interface Row {
  key: string;
  label: string;
  now: Category | null;
  last: Category | null;
}

/** This year's figure with last year's beside it, red when lower (只做加法). */
function Compare({ now, last, format }: { now: number | null; last: number | null; format: (v: number) => string }) {
  if (now === null) return <Typography.Text type="danger">未列入</Typography.Text>;
  const lower = last !== null && now < last;
  return (
    <span>
      <Typography.Text type={lower ? 'danger' : undefined} strong={lower}>
        {format(now)}
      </Typography.Text>
      {last !== null ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{` / 上年 ${format(last)}`}</Typography.Text> : null}
    </span>
  );
}

const people = (v: number) => `${v.toLocaleString('zh-CN')} 人`;

/** The plan's categories and standards, side by side with last year's approved plan of the same occasion. */
export function CondolenceCategoriesTable({ plan }: { plan: CondolencePlan }) {
  const last = new Map((plan.lastYear?.categories ?? []).map((c) => [c.category, c]));
  const rows: Row[] = [
    ...plan.categories.map((c) => ({ key: c.category, label: c.categoryLabel, now: c, last: last.get(c.category) ?? null })),
    ...(plan.lastYear?.categories ?? []).filter((c) => !plan.categories.some((n) => n.category === c.category)).map((c) => ({ key: c.category, label: c.categoryLabel, now: null, last: c })),
  ];
  const columns: TableColumnsType<Row> = [
    { title: '慰问对象', dataIndex: 'label', width: 140 },
    { title: '人数', key: 'headcount', render: (_v, r) => <Compare now={r.now?.headcount ?? null} last={r.last?.headcount ?? null} format={people} /> },
    { title: '每人慰问金', key: 'money', render: (_v, r) => <Compare now={r.now?.moneyPerHeadFen ?? null} last={r.last?.moneyPerHeadFen ?? null} format={(v) => formatYuan(v)} /> },
    { title: '慰问品', key: 'goods', render: (_v, r) => r.now?.goodsDescription ?? r.last?.goodsDescription ?? '—' },
    { title: '每人慰问品价值', key: 'goodsValue', render: (_v, r) => <Compare now={r.now?.goodsValuePerHeadFen ?? null} last={r.last?.goodsValuePerHeadFen ?? null} format={(v) => formatYuan(v)} /> },
    { title: '慰问金小计', key: 'subtotal', align: 'right', render: (_v, r) => (r.now ? formatYuan(r.now.headcount * r.now.moneyPerHeadFen) : '—') },
  ];
  return <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="plan-categories" />;
}
