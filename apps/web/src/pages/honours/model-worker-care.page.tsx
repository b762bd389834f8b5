import { Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ModelWorkerCareCount, ModelWorkerListItem } from '@gonghui/contracts';
import { modelWorkerApi, modelWorkerKeys, type ModelWorkerFilter } from '../../api/model-worker.api';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { CARE_FILTER_OPTIONS } from './model-worker-labels';
import { useModelWorkerFilters } from './use-model-worker-filters.hook';
import { CareTags, PlacementTag } from './model-worker-tags.component';

const COUNT_COLUMNS: TableColumnsType<ModelWorkerCareCount> = [
  { title: '区县(市)', dataIndex: 'orgName' },
  { title: '在世劳模', dataIndex: 'alive', width: 90, align: 'right' },
  { title: '75岁以上', dataIndex: 'age75', width: 90, align: 'right' },
  { title: '鳏寡独居', dataIndex: 'livesAlone', width: 90, align: 'right' },
  { title: '关爱对象', dataIndex: 'care', width: 90, align: 'right', render: (v: number) => <Typography.Text strong>{v}</Typography.Text> },
  { title: '本年已慰问', dataIndex: 'visitedThisYear', width: 100, align: 'right', render: (v: number, r) => (v < r.care ? <Typography.Text type="warning">{v}</Typography.Text> : v) },
  { title: '入住申请中', dataIndex: 'placementsOpen', width: 100, align: 'right' },
  { title: '已入住', dataIndex: 'admitted', width: 80, align: 'right' },
];

/** 老劳模关爱: the flagged living 劳模 per district (never or longest-ago visited first) and the figures by district. */
export function ModelWorkerCarePage() {
  const { page, query, set, setPage } = useModelWorkerFilters();
  const counts = useQuery({ queryKey: modelWorkerKeys.careCounts, queryFn: modelWorkerApi.careCounts });
  const list = useQuery({ queryKey: modelWorkerKeys.care(query), queryFn: () => modelWorkerApi.care(query), placeholderData: keepPreviousData });
  const year = new Date().getFullYear();
  const columns: TableColumnsType<ModelWorkerListItem> = [
    { title: '区县(市)', dataIndex: 'districtName', width: 130 },
    { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, r) => <Link to={`/honours/model-workers/${r.id}`}>{v}</Link> },
    { title: '年龄', dataIndex: 'age', width: 70, render: (v: number) => `${v}岁` },
    { title: '关爱标记', key: 'care', width: 170, render: (_v, r) => <CareTags w={r} /> },
    { title: '居住情况', dataIndex: 'livingNote', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '住址', dataIndex: 'address', width: 200, ellipsis: true },
    {
      title: '最近慰问', dataIndex: 'lastVisitedOn', width: 120,
      render: (v: string | null) => (v ? (Number(v.slice(0, 4)) < year ? <Tag color="warning">{v}</Tag> : v) : <Tag color="error">未慰问</Tag>),
    },
    { title: '入住申请', dataIndex: 'placementStatus', width: 90, render: (v: ModelWorkerListItem['placementStatus']) => <PlacementTag status={v} /> },
  ];
  return (
    <>
      <PageTitle title="老劳模关爱" />
      <Typography.Paragraph type="secondary">
        关心关爱鳏寡独居、75岁以上老劳模的晚年生活:名单按出生日期每日计算(满75周岁当天起列入),未慰问和最久未慰问的排在前面;走访慰问在“送温暖”中登记,可为关爱对象登记公益性养老机构优先入住申请。
      </Typography.Paragraph>
      <Card size="small" title="各区县(市)关爱情况" style={{ marginBottom: 16 }}>
        <Table<ModelWorkerCareCount> rowKey={(r) => r.orgId ?? 'city'} size="small" loading={counts.isPending} columns={COUNT_COLUMNS} dataSource={counts.data ?? []} pagination={false} locale={{ emptyText: '暂无劳模' }} data-testid="model-worker-care-counts" />
      </Card>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect placeholder="区县(市)或工会" style={{ width: 220 }} onChange={(v) => set({ orgId: v })} />
        <Select allowClear placeholder="关爱对象" style={{ width: 240 }} options={CARE_FILTER_OPTIONS} onChange={(v?: ModelWorkerFilter['care']) => set({ care: v })} />
      </Flex>
      <Table<ModelWorkerListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有需要关爱的老劳模' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 人`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="model-worker-care-list"
      />
    </>
  );
}
