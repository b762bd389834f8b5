import { useState } from 'react';
import { App, Button, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { HONOUR_LEVELS, HONOUR_LEVEL_LABELS, type ModelWorkerListItem } from '@gonghui/contracts';
import { modelWorkerApi, modelWorkerKeys, type ModelWorkerFilter } from '../../api/model-worker.api';
import { errorMessage } from '../../api/api-client';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { ModelWorkerFormModal } from './model-worker-form-modal.component';
import { CARE_FILTER_OPTIONS } from './model-worker-labels';
import { useModelWorkerFilters } from './use-model-worker-filters.hook';
import { CareTags, HonourTags, PlacementTag } from './model-worker-tags.component';

/** 劳模名册: filters by level, district, care flags and alive; export; 登记劳模. */
export function ModelWorkerListPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { filters, page, query, set, setPage } = useModelWorkerFilters({ alive: 'all' });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: modelWorkerKeys.list(query), queryFn: () => modelWorkerApi.list(query), placeholderData: keepPreviousData });
  const exporting = useMutation({ mutationFn: () => modelWorkerApi.export(filters), onError: (e) => void message.error(errorMessage(e)) });
  const columns: TableColumnsType<ModelWorkerListItem> = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, r) => <Link to={`/honours/model-workers/${r.id}`}>{v}</Link> },
    { title: '性别/年龄', key: 'age', width: 90, render: (_v, r) => `${r.gender === 'male' ? '男' : '女'} ${r.age}岁` },
    { title: '区县(市)', dataIndex: 'districtName', width: 130, ellipsis: true },
    { title: '工作单位', dataIndex: 'unit', width: 180, ellipsis: true },
    { title: '荣誉', key: 'honours', render: (_v, r) => <HonourTags w={r} /> },
    { title: '关爱标记', key: 'care', width: 170, render: (_v, r) => <CareTags w={r} /> },
    { title: '最近慰问', dataIndex: 'lastVisitedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '入住申请', dataIndex: 'placementStatus', width: 90, render: (v: ModelWorkerListItem['placementStatus']) => <PlacementTag status={v} /> },
  ];
  return (
    <>
      <PageTitle
        title="劳模名册"
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="export-model-workers">
              导出Excel
            </Button>
            {hasPermission(user, 'honours:model-worker:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-model-worker">
                登记劳模
              </Button>
            ) : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        全国、省部级、市级、区县(市)级劳动模范、先进工作者与五一劳动奖章获得者。75岁以上(按出生日期每日计算)和鳏寡独居的在世劳模为关爱对象,优先安排入住公益性养老机构;慰问在“送温暖”中登记,类别选“劳模”并选择本人。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="姓名或工作单位" style={{ width: 200 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="荣誉级别" style={{ width: 130 }} options={HONOUR_LEVELS.map((l) => ({ value: l, label: HONOUR_LEVEL_LABELS[l] }))} onChange={(v?: ModelWorkerFilter['level']) => set({ level: v })} />
        <OrgTreeSelect placeholder="区县(市)或工会" style={{ width: 220 }} onChange={(v) => set({ orgId: v })} />
        <Select allowClear placeholder="关爱对象" style={{ width: 240 }} options={CARE_FILTER_OPTIONS} onChange={(v?: ModelWorkerFilter['care']) => set({ care: v })} />
        <Select
          style={{ width: 110 }}
          value={filters.alive}
          options={[{ value: 'all', label: '全部' }, { value: 'alive', label: '在世' }, { value: 'deceased', label: '已故' }]}
          onChange={(v: ModelWorkerFilter['alive']) => set({ alive: v })}
          aria-label="在世情况"
        />
      </Flex>
      <Table<ModelWorkerListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的劳模。可点击“登记劳模”录入。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 人`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="model-worker-list"
      />
      <ModelWorkerFormModal open={creating} onClose={() => setCreating(false)} onSaved={(w) => void navigate(`/honours/model-workers/${w.id}`)} />
    </>
  );
}
