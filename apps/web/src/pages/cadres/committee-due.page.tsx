import { Card, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CommitteeItem } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { PageTitle } from '../../components/page-title.component';
import { TermDueTag } from './cadre-labels';

const COLUMNS: TableColumnsType<CommitteeItem> = [
  { title: '工会', dataIndex: 'orgName', render: (v: string, r) => <Link to={`/cadres/committees/${r.id}`}>{v}</Link> },
  { title: '届次', dataIndex: 'termNo', width: 80, render: (v: number) => `第${v}届` },
  { title: '届满日期', dataIndex: 'termEnd', width: 120 },
  { title: '在任干部', dataIndex: 'cadresInOffice', width: 90 },
  { title: '届期', key: 'due', width: 190, render: (_v, r) => <TermDueTag state={r.dueState} daysLeft={r.daysLeft} /> },
];

/** 换届提醒: the unions whose term is in its last days or has ended without 换届, per district. */
export function CommitteeDuePage() {
  const q = useQuery({ queryKey: cadreKeys.due, queryFn: () => cadreApi.due() });
  if (q.isPending) return <FullPageSpin />;
  const groups = q.data ?? [];
  return (
    <>
      <PageTitle title="换届提醒" />
      <Typography.Paragraph type="secondary">任期届满前(默认90天,可在学时统计页的设置中调整)和届满未换届的工会。系统每日检查,各阶段向本工会及上级工会各发一次站内提醒。</Typography.Paragraph>
      {groups.length === 0 ? <Empty description="没有即将届满或逾期未换届的工会" /> : null}
      <Flex vertical gap={16}>
        {groups.map((g) => (
          <Card
            key={g.districtId ?? 'city'}
            size="small"
            title={g.districtName}
            extra={
              <>
                {g.due ? <Tag color="orange">即将到期 {g.due}</Tag> : null}
                {g.overdue ? <Tag color="red">已到期未换届 {g.overdue}</Tag> : null}
              </>
            }
          >
            <Table<CommitteeItem> rowKey="id" size="small" pagination={false} columns={COLUMNS} dataSource={g.items} />
          </Card>
        ))}
      </Flex>
    </>
  );
}
