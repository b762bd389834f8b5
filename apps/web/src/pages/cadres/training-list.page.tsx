import { useState } from 'react';
import { Button, Flex, Input, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { TrainingItem } from '@gonghui/contracts';
import { cadreApi, cadreKeys, type TrainingListQuery } from '../../api/cadre.api';
import { hasPermission } from '../../app/access';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { useListFilters } from './use-list-filters.hook';
import { TrainingFormModal } from './training-form-modal.component';

type Filter = Omit<TrainingListQuery, 'page' | 'pageSize'>;

/** 培训班: sessions organised by the unions the caller sees, by year and organiser; 登记培训班. */
export function TrainingListPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { filters, page, query, set, setPage } = useListFilters<Filter>({ year: dayjs().tz(APP_TIME_ZONE).year() });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: cadreKeys.trainings(query), queryFn: () => cadreApi.trainings(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<TrainingItem> = [
    { title: '培训班', dataIndex: 'title', render: (v: string, r) => <Link to={`/cadres/trainings/${r.id}`}>{v}</Link> },
    { title: '主办单位', dataIndex: 'orgName', width: 170, ellipsis: true },
    { title: '日期', key: 'dates', width: 200, render: (_v, r) => (r.startsOn === r.endsOn ? r.startsOn : `${r.startsOn} 至 ${r.endsOn}`) },
    { title: '地点', dataIndex: 'place', width: 180, ellipsis: true },
    { title: '学时', dataIndex: 'hours', width: 70 },
    { title: '签到/名单', key: 'att', width: 100, render: (_v, r) => `${r.signedIn} / ${r.attendees}` },
  ];
  return (
    <>
      <PageTitle
        title="干部培训"
        extra={
          hasPermission(user, 'cadre:training:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-training">
              登记培训班
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">登记培训班后在详情中批量录入签到;签到干部按本班学时认定(迟到早退可酌减),计入开班当年的年度学时。</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="名称或地点" style={{ width: 200 }} onSearch={(q) => set({ q: q || undefined })} />
        <OrgTreeSelect placeholder="主办单位(含下级)" style={{ width: 220 }} onChange={(v) => set({ orgId: v })} />
        <InputNumber placeholder="年度" min={2000} max={2100} value={filters.year} onChange={(v) => set({ year: v ?? undefined })} addonAfter="年" style={{ width: 130 }} />
      </Flex>
      <Table<TrainingItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '本年度尚无培训班。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 期`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <TrainingFormModal open={creating} onClose={() => setCreating(false)} onSaved={(t) => void navigate(`/cadres/trainings/${t.id}`)} />
    </>
  );
}
