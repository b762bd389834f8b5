import { useState } from 'react';
import { Button, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { COMPETITION_KINDS, COMPETITION_KIND_LABELS, COMPETITION_STATUSES, COMPETITION_STATUS_LABELS, type CompetitionListItem } from '@gonghui/contracts';
import { competitionApi, competitionKeys, type CompetitionListQuery } from '../../api/competition.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { PageTitle } from '../../components/page-title.component';
import { CompetitionFormModal } from './competition-form-modal.component';

export const COMPETITION_STATUS_COLORS = { draft: 'default', running: 'processing', closed: 'success' } as const;

/** 劳动竞赛 / 立功竞赛 the user organises or takes part in. */
export function CompetitionsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<CompetitionListQuery>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: competitionKeys.list(query), queryFn: () => competitionApi.list(query), placeholderData: keepPreviousData });
  const set = (next: CompetitionListQuery) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const columns: TableColumnsType<CompetitionListItem> = [
    { title: '竞赛名称', dataIndex: 'name', ellipsis: true, render: (v: string, r) => <Link to={`/competitions/${r.id}`}>{v}</Link> },
    { title: '类别', dataIndex: 'kindLabel', width: 100 },
    { title: '主办单位', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '竞赛期间', key: 'dates', width: 210, render: (_v, r) => `${r.startDate} 至 ${r.endDate}` },
    { title: '参赛对象', dataIndex: 'participants', width: 90, align: 'right' },
    { title: '状态', dataIndex: 'status', width: 100, render: (v: CompetitionListItem['status'], r) => <Tag color={COMPETITION_STATUS_COLORS[v]}>{r.statusLabel}</Tag> },
  ];
  return (
    <>
      <PageTitle
        title="劳动竞赛"
        extra={
          <Space>
            <ExportButton title="导出竞赛名单" fallbackName="劳动竞赛名单.xlsx" description="按当前筛选条件导出本单位主办或参加的竞赛,导出操作记入审计日志。" start={() => competitionApi.export(filters)} testId="competition-export" />
            {hasPermission(user, 'competition:campaign:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-competition">
                发起竞赛
              </Button>
            ) : null}
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        劳动竞赛、立功竞赛(如“五好”立功竞赛“百千万”行动):主办单位设定评比阶段、指标与权重并添加参赛单位、班组和个人;参赛单位按阶段填报得分并上传佐证材料,主办单位核定后排名(同分并列),评定先进集体、先进个人、工人先锋号和立功等次并出具荣誉证书。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="竞赛名称" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="类别" style={{ width: 130 }} options={COMPETITION_KINDS.map((k) => ({ value: k, label: COMPETITION_KIND_LABELS[k] }))} onChange={(v?: CompetitionListQuery['kind']) => set({ kind: v })} />
        <Select allowClear placeholder="状态" style={{ width: 130 }} options={COMPETITION_STATUSES.map((k) => ({ value: k, label: COMPETITION_STATUS_LABELS[k] }))} onChange={(v?: CompetitionListQuery['status']) => set({ status: v })} />
      </Flex>
      <Table<CompetitionListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无竞赛。主办单位可点击“发起竞赛”。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 项`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="competition-list"
      />
      <CompetitionFormModal open={creating} onClose={() => setCreating(false)} onSaved={(c) => { setCreating(false); void navigate(`/competitions/${c.id}`); }} />
    </>
  );
}
