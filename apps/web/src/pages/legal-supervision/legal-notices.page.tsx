import { useState } from 'react';
import { Button, Checkbox, Flex, Input, InputNumber, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { LEGAL_NOTICE_KINDS, LEGAL_NOTICE_KIND_LABELS, LEGAL_NOTICE_STATUSES, LEGAL_NOTICE_STATUS_LABELS, type LegalNoticeListItem } from '@gonghui/contracts';
import { legalApi, legalKeys, type LegalNoticeListQuery } from '../../api/legal-supervision.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { PageTitle } from '../../components/page-title.component';
import { LegalNoticeFormModal } from './legal-notice-form-modal.component';
import { LEGAL_HELP, LEGAL_STATUS_COLORS } from './legal-labels';

type Filters = Omit<LegalNoticeListQuery, 'page' | 'pageSize'>;

export const noticeColumns = (withEnterprise: boolean): TableColumnsType<LegalNoticeListItem> => [
  { title: '文号', dataIndex: 'serialNo', width: 190, render: (v: string | null, r) => <Link to={`/legal-supervision/${r.id}`}>{v ?? '(草稿)'}</Link> },
  { title: '文书', dataIndex: 'kindLabel', width: 80 },
  ...(withEnterprise ? [{ title: '企业', dataIndex: 'enterpriseName', ellipsis: true, render: (v: string, r: LegalNoticeListItem) => <Link to={`/legal-supervision/enterprises/${r.enterpriseId}`}>{v}</Link> }] : []),
  { title: '问题类别', dataIndex: 'categoryLabel', width: 130 },
  { title: '区县', dataIndex: 'districtName', width: 120, render: (v: string | null) => v ?? '—' },
  { title: '制发单位', dataIndex: 'orgName', width: 140, ellipsis: true },
  { title: '送达日期', dataIndex: 'deliveredOn', width: 110, render: (v: string | null) => v ?? '—' },
  { title: '回复期限', dataIndex: 'replyDueOn', width: 130, render: (v: string | null, r) => (v ? <span>{v} {r.overdue ? <Tag color="red">逾期</Tag> : null}</span> : '—') },
  { title: '状态', dataIndex: 'status', width: 140, render: (v: LegalNoticeListItem['status'], r) => <Tag color={LEGAL_STATUS_COLORS[v]}>{r.statusLabel}</Tag> },
];

/** 一函两书 in the user's scope: filters, paging, export, 起草. */
export function LegalNoticesPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: legalKeys.list(query), queryFn: () => legalApi.list(query), placeholderData: keepPreviousData });
  const settings = useQuery({ queryKey: legalKeys.settings, queryFn: legalApi.settings });
  const set = (next: Filters) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const districts = (settings.data ?? []).filter((s) => s.level === 'district').map((s) => ({ value: s.orgId, label: s.orgName }));
  return (
    <>
      <PageTitle
        title="劳动法律监督"
        extra={
          <>
            {hasPermission(user, 'legal:settings:configure') ? (
              <Button icon={<SettingOutlined />} onClick={() => void navigate('/legal-supervision/settings')}>期限设置</Button>
            ) : null}
            <ExportButton title="导出法律监督文书" fallbackName="劳动法律监督文书.xlsx" description="按当前筛选条件导出文号、企业、状态、送达与回复期限,导出操作记入审计日志。" start={() => legalApi.export(filters)} />
            {hasPermission(user, 'legal:notice:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-notice">起草文书</Button>
            ) : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary">{LEGAL_HELP}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="企业名称或文号" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="文书" style={{ width: 110 }} options={LEGAL_NOTICE_KINDS.map((k) => ({ value: k, label: LEGAL_NOTICE_KIND_LABELS[k] }))} onChange={(v?: Filters['kind']) => set({ kind: v })} />
        <Select allowClear placeholder="状态" style={{ width: 150 }} options={LEGAL_NOTICE_STATUSES.map((k) => ({ value: k, label: LEGAL_NOTICE_STATUS_LABELS[k] }))} onChange={(v?: Filters['status']) => set({ status: v })} />
        <Select allowClear placeholder="区县" style={{ width: 150 }} options={districts} onChange={(v?: string) => set({ districtId: v })} />
        <InputNumber placeholder="年度" min={2000} max={2100} style={{ width: 100 }} onChange={(v) => set({ year: v ?? undefined })} />
        <Checkbox onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>只看逾期</Checkbox>
      </Flex>
      <Table<LegalNoticeListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={noticeColumns(true)}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无法律监督文书。发现企业违法用工时,可点击“起草文书”。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        scroll={{ x: 1100 }}
        data-testid="notice-list"
      />
      <LegalNoticeFormModal open={creating} onClose={() => setCreating(false)} onSaved={(n) => { setCreating(false); void navigate(`/legal-supervision/${n.id}`); }} />
    </>
  );
}
