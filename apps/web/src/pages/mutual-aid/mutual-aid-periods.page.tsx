import { useState } from 'react';
import { Alert, Button, Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { MUTUAL_AID_LATE_POLICY_LABELS, MUTUAL_AID_PART_LABELS, MUTUAL_AID_PERIOD_STAGE_LABELS, type MutualAidPeriod } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { MUTUAL_AID_HELP, percentOf } from './mutual-aid-labels';
import { MutualAidPeriodModal } from './mutual-aid-period-modal.component';

const STAGE_COLORS = { upcoming: 'blue', active: 'green', ended: 'default' } as const;

function PlanTable({ p }: { p: MutualAidPeriod }) {
  return (
    <Table
      size="small"
      rowKey="part"
      pagination={false}
      dataSource={p.parts}
      columns={[
        { title: '保障项目', dataIndex: 'part', render: (v: MutualAidPeriod['parts'][number]['part'], r) => (r.enabled ? MUTUAL_AID_PART_LABELS[v] : <Typography.Text delete>{MUTUAL_AID_PART_LABELS[v]}</Typography.Text>) },
        { title: '比例', dataIndex: 'ratioBp', render: percentOf },
        { title: '起付线', dataIndex: 'deductibleFen', render: (v: number) => formatYuan(v) },
        { title: '分项年度限额', dataIndex: 'capFen', render: (v: number) => formatYuan(v) },
        { title: '每人缴费', dataIndex: 'contributionFen', render: (v: number) => formatYuan(v) },
        { title: '住院生活补助', key: 'allowance', render: (_v, r) => (r.allowancePerDayFen > 0 ? `${formatYuan(r.allowancePerDayFen)}/天,最多 ${r.allowanceMaxDays} 天` : '—') },
      ]}
    />
  );
}

/** 年度方案: periods with their plan; the city creates and edits them until the first enrolment. */
export function MutualAidPeriodsPage() {
  const { user } = useSession();
  const list = useQuery({ queryKey: mutualAidKeys.periods, queryFn: mutualAidApi.periods });
  const [editing, setEditing] = useState<{ period: MutualAidPeriod | null } | null>(null);
  const columns: TableColumnsType<MutualAidPeriod> = [
    { title: '年度方案', dataIndex: 'name', render: (v: string, r) => <Typography.Text strong>{v}{r.frozen ? <Tag style={{ marginInlineStart: 8 }}>已冻结</Tag> : null}</Typography.Text> },
    { title: '状态', dataIndex: 'stage', width: 100, render: (s: MutualAidPeriod['stage']) => <Tag color={STAGE_COLORS[s]}>{MUTUAL_AID_PERIOD_STAGE_LABELS[s]}</Tag> },
    { title: '保障期', key: 'dates', width: 200, render: (_v, r) => `${r.startsOn} 至 ${r.endsOn}` },
    { title: '参保截止', dataIndex: 'enrolDeadline', width: 110 },
    { title: '逾期参保', key: 'late', width: 170, render: (_v, r) => (r.latePolicy === 'waiting' ? `受理,等待期 ${r.lateWaitingDays} 天` : MUTUAL_AID_LATE_POLICY_LABELS[r.latePolicy]) },
    { title: '年度累计限额', dataIndex: 'overallCapFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '参保 / 保障中', key: 'n', width: 120, align: 'right', render: (_v, r) => `${r.enrolled} / ${r.covered}` },
    {
      title: '操作',
      key: 'ops',
      width: 160,
      render: (_v, r) => (
        <>
          {r.abilities.canEdit ? <Button type="link" size="small" onClick={() => setEditing({ period: r })}>修改</Button> : null}
          {hasPermission(user, 'mutual-aid:enrolment:manage') ? <Link to={`/mutual-aid/enrolment?periodId=${r.id}`}>参保登记</Link> : null}
        </>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title="医疗互助年度方案"
        extra={hasPermission(user, 'mutual-aid:period:manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ period: null })}>新建年度方案</Button> : null}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{MUTUAL_AID_HELP}</Typography.Paragraph>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<MutualAidPeriod>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: '尚未设置医疗互助年度方案' }}
        expandable={{
          expandedRowRender: (p) => (
            <>
              <Descriptions size="small" column={2} items={[{ key: 'fund', label: '医疗互助资金', children: p.fundName }, { key: 'note', label: '说明', children: p.note ?? '—' }]} style={{ marginBottom: 8 }} />
              <PlanTable p={p} />
            </>
          ),
        }}
      />
      <MutualAidPeriodModal open={!!editing} period={editing?.period ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
