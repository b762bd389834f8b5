import { useState } from 'react';
import { App, Button, Flex, Input, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { InnovationListItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { innovationApi, innovationKeys, type InnovationFilter } from '../../api/innovation.api';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { WorkflowStatusTag } from '../../components/workflow-status-tag.component';
import { KIND_OPTIONS, STATUS_OPTIONS, pendingText, whoText } from './innovation-labels';

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2].map((y) => ({ value: y, label: `${y}年` }));

/** 五小创新与合理化建议: all in scope or 待我审核, filtered by kind, status, district and year, exported to Excel. */
export function InnovationsPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [box, setBox] = useState<'all' | 'inbox'>('all');
  const [filters, setFilters] = useState<InnovationFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, box, ...page };
  const list = useQuery({ queryKey: innovationKeys.list(query), queryFn: () => innovationApi.list(query), placeholderData: keepPreviousData });
  const set = (next: InnovationFilter) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const columns: TableColumnsType<InnovationListItem> = [
    { title: '项目名称', dataIndex: 'title', ellipsis: true, render: (v: string, r) => <Link to={`/innovations/${r.id}`}>{v}</Link> },
    { title: '类别', dataIndex: 'kindLabel', width: 100 },
    { title: '申报人/班组', key: 'who', width: 180, ellipsis: true, render: (_v, r) => whoText(r) },
    { title: '所在工会', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '区县', dataIndex: 'districtName', width: 100 },
    { title: '状态', key: 'status', width: 170, render: (_v, r) => <><WorkflowStatusTag status={r.status} overdue={r.workflow.overdue} /><div style={{ fontSize: 12, color: '#888' }}>{pendingText(r) ?? (r.adoption ? '已采纳' : '')}</div></> },
    { title: '核定年创效', key: 'value', width: 120, align: 'right', render: (_v, r) => (r.adoption ? formatYuan(r.adoption.valueFen) : '—') },
    { title: '申报时间', dataIndex: 'createdAt', width: 110, render: (v: string) => formatTime(v, 'YYYY-MM-DD') },
  ];
  const exportList = () => innovationApi.export(filters).catch((e: unknown) => void message.error(errorMessage(e)));
  return (
    <>
      <PageTitle
        title="职工创新"
        extra={
          <Flex gap={8}>
            <Button icon={<DownloadOutlined />} onClick={() => void exportList()} data-testid="export-innovations">导出Excel</Button>
            {hasPermission(user, 'innovation:submission:create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/innovations/new')} data-testid="create-innovation">代职工填报</Button>
            ) : null}
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">
        “五小五技”职工创新:职工在手机端提交或由工会代填,经基层工会初审、区县(市)总工会审核后报市总工会认定;企业采纳后登记核定年创效,经资金台账发放奖励,认定项目出具编号的职工创新成果证书。
      </Typography.Paragraph>
      <Tabs activeKey={box} onChange={(k) => { setBox(k as 'all' | 'inbox'); setPage((p) => ({ ...p, page: 1 })); }} items={[{ key: 'all', label: '全部项目' }, { key: 'inbox', label: '待我审核' }]} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="项目名称、申报人、班组" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="类别" style={{ width: 130 }} options={KIND_OPTIONS} onChange={(v?: InnovationFilter['kind']) => set({ kind: v })} data-testid="filter-kind" />
        <Select allowClear placeholder="状态" style={{ width: 130 }} options={[...STATUS_OPTIONS]} onChange={(v?: InnovationFilter['status']) => set({ status: v })} />
        <OrgTreeSelect allowClear placeholder="区县或工会" style={{ width: 220 }} onChange={(v: string | undefined) => set({ districtId: v })} />
        <Select allowClear placeholder="年度" style={{ width: 110 }} options={YEARS} onChange={(v?: number) => set({ year: v })} />
      </Flex>
      <Table<InnovationListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: box === 'inbox' ? '没有待您审核的项目' : '暂无项目。职工可在手机端“职工创新”提交,工会也可代职工填报。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 项`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="innovation-list"
      />
    </>
  );
}
