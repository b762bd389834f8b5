import { useState } from 'react';
import { Card, Flex, InputNumber, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CadreStatsRow } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { hasPermission } from '../../app/access';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { CadreSettingsCard } from './cadre-settings-card.component';

const COLUMNS: TableColumnsType<CadreStatsRow> = [
  { title: '工会', dataIndex: 'orgName' },
  { title: '在任干部', dataIndex: 'cadres', width: 90 },
  { title: '专职', dataIndex: 'fullTime', width: 70 },
  { title: '兼职', dataIndex: 'partTime', width: 70 },
  { title: '认定学时合计', dataIndex: 'hours', width: 120 },
  { title: '达标人数', dataIndex: 'metTarget', width: 90 },
  { title: '达标比例', dataIndex: 'metShare', width: 180, render: (v: number) => <Progress percent={v} size="small" format={(p) => `${p}%`} /> },
];

/** 学时统计: per union, cadres in office, 专职/兼职, 学时 credited in the year and the share reaching the target. */
export function CadreStatsPage() {
  const { user } = useSession();
  const [year, setYear] = useState(dayjs().tz(APP_TIME_ZONE).year());
  const [orgId, setOrgId] = useState<string | undefined>();
  const query = { year, orgId };
  const q = useQuery({ queryKey: cadreKeys.stats(query), queryFn: () => cadreApi.stats(query), placeholderData: keepPreviousData });
  const s = q.data;
  return (
    <>
      <PageTitle title="干部培训学时统计" />
      <Flex vertical gap={16}>
        <Flex gap={8} wrap>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonAfter="年" style={{ width: 130 }} aria-label="年度" />
          <OrgTreeSelect placeholder="工会(含下级)" style={{ width: 240 }} onChange={(v) => setOrgId(v)} />
        </Flex>
        {s ? (
          <Typography.Text type="secondary">
            {`${s.year}年目标:专职 ${s.target.fullTime} 学时,兼职 ${s.target.partTime} 学时。合计在任干部 ${s.total.cadres} 人,达标 ${s.total.metTarget} 人(${s.total.metShare}%)。`}
          </Typography.Text>
        ) : null}
        <Card size="small">
          <Table<CadreStatsRow>
            rowKey={(r) => r.orgId ?? 'total'}
            size="small"
            loading={q.isFetching}
            columns={COLUMNS}
            dataSource={s?.rows ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: '没有在任干部' }}
            summary={() => (s ? <Table.Summary.Row><Table.Summary.Cell index={0}>合计</Table.Summary.Cell><Table.Summary.Cell index={1}>{s.total.cadres}</Table.Summary.Cell><Table.Summary.Cell index={2}>{s.total.fullTime}</Table.Summary.Cell><Table.Summary.Cell index={3}>{s.total.partTime}</Table.Summary.Cell><Table.Summary.Cell index={4}>{s.total.hours}</Table.Summary.Cell><Table.Summary.Cell index={5}>{s.total.metTarget}</Table.Summary.Cell><Table.Summary.Cell index={6}>{`${s.total.metShare}%`}</Table.Summary.Cell></Table.Summary.Row> : null)}
            data-testid="cadre-stats"
          />
        </Card>
        {hasPermission(user, 'cadre:settings:configure') ? <CadreSettingsCard /> : null}
      </Flex>
    </>
  );
}
