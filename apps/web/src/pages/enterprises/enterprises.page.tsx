import { useState } from 'react';
import { Alert, Button, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Enterprise } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import type { EnterpriseFilterQuery, EnterpriseListQuery } from '../../api/contract-types';
import { ENTERPRISE_IMPORT, enterpriseApi } from '../../api/enterprise.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { ImportDialog } from '../../components/import-dialog.component';
import { PageTitle } from '../../components/page-title.component';
import { EnterpriseFilter, type EnterpriseFilters } from './enterprise-filter.component';
import { EnterpriseFormModal } from './enterprise-form-modal.component';
import { ENTERPRISE_FLAGS, ENTERPRISE_IMPORT_COLUMNS, ENTERPRISE_STATUS_LABELS, ENTERPRISE_TABS, isEnterpriseTab, REVIEW_LABELS, type EnterpriseTab } from './enterprise-labels';
import { EnterpriseReviewModal } from './enterprise-review-modal.component';
import { useSizeThreshold } from './use-size-threshold.hook';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMPTY_TEXT: Record<EnterpriseTab, string> = {
  all: '暂无企业,可点击「登记企业」或「导入」添加',
  ununionised: '规模以上企业均已建会',
  review: '没有待核实的信用代码',
};

/** The filters of a tab: 未建会企业 are those at or above the size threshold without a union. */
function tabFilters(tab: EnterpriseTab, f: EnterpriseFilters, minEmployees: number | undefined): EnterpriseFilterQuery {
  return {
    q: f.q,
    orgId: f.orgId,
    unionised: tab === 'ununionised' ? false : tab === 'all' ? f.unionised : undefined,
    minEmployees: tab === 'ununionised' ? minEmployees : undefined,
    review: tab === 'review' ? 'pending' : undefined,
    nonPublic: f.kinds.includes('nonPublic') ? true : undefined,
    platformCompany: f.kinds.includes('platformCompany') ? true : undefined,
  };
}

/**
 * 企业与建会. `/enterprises?orgId=&tab=ununionised` (links from 组织覆盖 and 组织机构) opens an org's
 * 未建会企业; the view starts afresh when the link changes.
 */
export function EnterprisesPage() {
  const [params] = useSearchParams();
  const linkedOrg = params.get('orgId');
  const linkedTab = params.get('tab');
  const orgId = linkedOrg && UUID.test(linkedOrg) ? linkedOrg : undefined;
  const tab = isEnterpriseTab(linkedTab) ? linkedTab : 'all';
  return <EnterprisesView key={`${orgId ?? ''}|${tab}`} linkedOrgId={orgId} linkedTab={tab} />;
}

/** The registry, the 未建会企业 work list and the credit codes awaiting review. */
function EnterprisesView({ linkedOrgId, linkedTab }: { linkedOrgId: string | undefined; linkedTab: EnterpriseTab }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<EnterpriseTab>(linkedTab);
  const [filters, setFilters] = useState<EnterpriseFilters>({ kinds: [], orgId: linkedOrgId });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<'create' | Enterprise | null>(null);
  const [reviewing, setReviewing] = useState<Enterprise | null>(null);
  const [importing, setImporting] = useState(false);
  const threshold = useSizeThreshold();
  const body = tabFilters(tab, filters, threshold.minEmployees);
  const query: EnterpriseListQuery = { ...body, ...page };
  const list = useQuery({
    queryKey: queryKeys.enterpriseList(query),
    queryFn: () => enterpriseApi.list(query),
    placeholderData: keepPreviousData,
    enabled: tab !== 'ununionised' || !threshold.pending,
  });
  const canEdit = hasPermission(user, 'enterprise:enterprise:update');

  const columns: TableColumnsType<Enterprise> = [
    {
      title: '企业名称',
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space size={4} wrap>
          <span>{name}</span>
          {ENTERPRISE_FLAGS.filter((f) => row[f.key]).map((f) => (
            <Tag key={f.key} color={f.color}>
              {f.short}
            </Tag>
          ))}
          {row.status !== 'active' ? <Tag>{ENTERPRISE_STATUS_LABELS[row.status] ?? row.status}</Tag> : null}
        </Space>
      ),
    },
    {
      title: '统一社会信用代码',
      dataIndex: 'creditCode',
      width: 220,
      render: (code: string, row) => (
        <Space size={4}>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{code}</Typography.Text>
          {row.creditCodeReviewStatus ? (
            <Tooltip title={row.creditCodeReviewReason ?? undefined}>
              <Tag color={REVIEW_LABELS[row.creditCodeReviewStatus].color}>{REVIEW_LABELS[row.creditCodeReviewStatus].text}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: '行政区划', dataIndex: 'divisionCode', width: 80 },
    { title: '职工人数', dataIndex: 'employeeCount', width: 80, align: 'right' },
    { title: '负责组织', dataIndex: 'orgName', width: 140, ellipsis: true },
    ...(tab === 'ununionised'
      ? []
      : [
          {
            title: '建会情况',
            dataIndex: 'unionOrgName',
            width: 180,
            ellipsis: true,
            render: (v: string | null) => (v ? <span title={v}>{v}</span> : <Tag color="red">未建会</Tag>),
          },
        ]),
    {
      title: '操作',
      key: 'actions',
      width: 160,
      fixed: 'right',
      render: (_v, row) => {
        const edit = row.abilities.canEdit && canEdit;
        const review = row.abilities.canReview && hasPermission(user, 'enterprise:enterprise:review');
        const legal = hasPermission(user, 'legal:notice:list');
        if (!edit && !review && !legal) return '—';
        return (
          <Space size={0}>
            {edit ? (
              <Button type="link" size="small" onClick={() => setEditing(row)}>
                编辑
              </Button>
            ) : null}
            {review ? (
              <Button type="link" size="small" onClick={() => setReviewing(row)}>
                核实
              </Button>
            ) : null}
            {legal ? <Link to={`/legal-supervision/enterprises/${row.id}`} style={{ padding: '0 7px' }}>监督记录</Link> : null}
          </Space>
        );
      },
    },
  ];

  const tabNote =
    tab === 'ununionised'
      ? threshold.minEmployees !== undefined
        ? `职工人数 ${threshold.minEmployees} 人及以上、尚未被任何工会覆盖的企业(建会率的统计口径),是组建工会的工作对象。`
        : '尚未被任何工会覆盖的企业(未取得建会率统计口径,显示全部规模)。'
      : tab === 'review'
        ? '登记时信用代码校验位不符、经说明理由后接受的企业,须由区县(市)总工会核实。'
        : null;

  return (
    <>
      <PageTitle
        title="企业与建会"
        extra={
          <>
            {hasPermission(user, 'enterprise:enterprise:create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('create')}>
                登记企业
              </Button>
            ) : null}
            {hasPermission(user, 'enterprise:enterprise:import') ? (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            ) : null}
            {hasPermission(user, 'enterprise:enterprise:export') ? (
              <ExportButton
                title={tab === 'ununionised' ? '导出未建会企业' : '导出企业'}
                fallbackName={tab === 'ununionised' ? '未建会企业.xlsx' : '企业名录.xlsx'}
                description={`按当前标签页「${ENTERPRISE_TABS.find((t) => t.key === tab)?.label ?? ''}」和查询条件导出。`}
                start={() => enterpriseApi.export(body)}
              />
            ) : null}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          if (isEnterpriseTab(key)) setTab(key);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        items={ENTERPRISE_TABS.map((t) => ({ key: t.key, label: t.label }))}
      />
      {tabNote ? <Typography.Paragraph type="secondary">{tabNote}</Typography.Paragraph> : null}
      <EnterpriseFilter
        initial={filters}
        showUnionised={tab === 'all'}
        onChange={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching || (tab === 'ununionised' && threshold.pending)}
        locale={{ emptyText: filters.q || filters.orgId || filters.kinds.length > 0 ? '没有符合条件的企业' : EMPTY_TEXT[tab] }}
        scroll={{ x: 1080 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 家企业`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <EnterpriseFormModal target={editing} onClose={() => setEditing(null)} />
      <EnterpriseReviewModal enterprise={reviewing} onClose={() => setReviewing(null)} />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        title="导入企业"
        endpoint={ENTERPRISE_IMPORT.endpoint}
        templatePath={ENTERPRISE_IMPORT.templatePath}
        templateName="企业导入模板.xlsx"
        errorReportPath={ENTERPRISE_IMPORT.errorReportPath}
        columns={ENTERPRISE_IMPORT_COLUMNS}
        notes="同一统一社会信用代码只登记一次;已建会企业填写覆盖它的基层工会编码,建会率随之更新。"
        updateExistingLabel="信用代码已登记时,用文件中的信息更新该企业"
        onImported={() => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.enterprises });
          void queryClient.invalidateQueries({ queryKey: queryKeys.coverage });
        }}
      />
    </>
  );
}
