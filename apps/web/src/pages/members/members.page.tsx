import { useMemo, useState } from 'react';
import { Alert, Button, Table, Tag, type TableColumnsType } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Member } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import type { MemberListQuery } from '../../api/contract-types';
import { MEMBER_IMPORT, memberApi } from '../../api/member.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { ImportDialog } from '../../components/import-dialog.component';
import { PageTitle } from '../../components/page-title.component';
import { indexOrgTree, useOrgTree } from '../../components/use-org-tree.hook';
import { TransferCreateModal, type TransferTarget } from '../member-transfers/transfer-create-modal.component';
import { MemberDetailDrawer } from './member-detail-drawer.component';
import { DEFAULT_MEMBER_FILTERS, MemberFilter, type MemberFilters } from './member-filter.component';
import { MemberFormModal } from './member-form-modal.component';
import { GENDER_LABELS, MEMBER_IMPORT_COLUMNS, MEMBER_STATUS_COLORS, MEMBER_STATUS_LABELS } from './member-labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toQuery(f: MemberFilters, page: { page: number; pageSize: number }): MemberListQuery {
  const flag = (key: MemberFilters['flags'][number]) => (f.flags.includes(key) ? true : undefined);
  return {
    q: f.q,
    orgId: f.orgId,
    status: f.status,
    migrantWorker: flag('migrantWorker'),
    frontline: flag('frontline'),
    newEmploymentForm: flag('newEmploymentForm'),
    ...page,
  };
}

/**
 * 会员管理. `/members?orgId=` (links from 组织机构 and 组织覆盖) preselects a union; the view starts
 * afresh when that link changes. Nothing personal ever goes into the address bar.
 */
export function MembersPage() {
  const [params] = useSearchParams();
  const linked = params.get('orgId');
  const orgId = linked && UUID.test(linked) ? linked : undefined;
  return <MembersView key={orgId ?? ''} linkedOrgId={orgId} />;
}

/** Search the registry, register, import, export; a row opens the member's detail. */
function MembersView({ linkedOrgId }: { linkedOrgId: string | undefined }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<MemberFilters>({ ...DEFAULT_MEMBER_FILTERS, orgId: linkedOrgId });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [transferIn, setTransferIn] = useState<TransferTarget | null>(null);
  const query = toQuery(filters, page);
  const list = useQuery({ queryKey: queryKeys.memberList(query), queryFn: () => memberApi.list(query), placeholderData: keepPreviousData });
  const tree = useOrgTree();
  const orgIndex = useMemo(() => indexOrgTree(tree.data), [tree.data]);
  // 登记会员 preselects the filtered union, or the user's own, when it is a grassroots union
  const defaultOrgId = [filters.orgId, user?.orgId].find((id) => id && orgIndex.get(id)?.kind === 'grassroots');
  const filtered = !!(filters.q || filters.orgId || filters.flags.length > 0 || filters.status !== 'active');

  const columns: TableColumnsType<Member> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      fixed: 'left',
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {name}
        </Button>
      ),
    },
    { title: '身份证号', dataIndex: 'idCard', width: 175 },
    { title: '性别', dataIndex: 'gender', width: 60, render: (g: Member['gender']) => GENDER_LABELS[g] },
    { title: '出生日期', dataIndex: 'birthDate', width: 105 },
    { title: '手机号', dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '所在工会', dataIndex: 'orgName', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: Member['status']) => <Tag color={MEMBER_STATUS_COLORS[s]}>{MEMBER_STATUS_LABELS[s]}</Tag>,
    },
    { title: '会员卡号', dataIndex: 'cardNo', width: 140 },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
          详情
        </Button>
      ),
    },
  ];

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.members });
    void queryClient.invalidateQueries({ queryKey: queryKeys.coverage });
  };

  return (
    <>
      <PageTitle
        title="会员管理"
        extra={
          <>
            {hasPermission(user, 'member:member:create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                登记会员
              </Button>
            ) : null}
            {hasPermission(user, 'member:member:import') ? (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            ) : null}
            {hasPermission(user, 'member:member:export') ? (
              <ExportButton
                title="导出会员"
                fallbackName="会员名册.xlsx"
                description="按当前的查找关键字、工会和状态导出(人员标记筛选不影响导出)。"
                allowUnmasked={hasPermission(user, 'member:member:export-unmasked')}
                start={(o) => memberApi.export({ q: filters.q, orgId: filters.orgId, status: filters.status, unmasked: o.unmasked, reason: o.reason })}
              />
            ) : null}
          </>
        }
      />
      <MemberFilter
        initial={filters}
        onChange={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Member>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: filtered ? '没有符合条件的会员' : '暂无在册会员,可点击「登记会员」或「导入」添加' }}
        scroll={{ x: 1080 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          // a filtered count stops at a cap: the server then says there are more than `total`
          showTotal: (total) => (list.data?.totalCapped ? `超过 ${total} 名会员` : `共 ${total} 名会员`),
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <MemberDetailDrawer memberId={openId} onClose={() => setOpenId(null)} />
      <MemberFormModal
        formName="member-create-form"
        target={creating ? 'create' : null}
        defaultOrgId={defaultOrgId}
        onClose={() => setCreating(false)}
        onSaved={(m) => setOpenId(m.id)}
        onTransferIn={(request) => {
          setCreating(false);
          setTransferIn({ mode: 'in', ...request });
        }}
      />
      <TransferCreateModal formName="transfer-in-form" target={transferIn} onClose={() => setTransferIn(null)} />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        title="导入会员"
        endpoint={MEMBER_IMPORT.endpoint}
        templatePath={MEMBER_IMPORT.templatePath}
        templateName="会员导入模板.xlsx"
        errorReportPath={MEMBER_IMPORT.errorReportPath}
        columns={MEMBER_IMPORT_COLUMNS}
        notes="同一身份证号在全市只能有一条在册会员;已在其他工会在册的,请通过会员接转办理。"
        updateExistingLabel="身份证号已是本范围内在册会员时,用文件中的信息更新该会员"
        onImported={refresh}
      />
    </>
  );
}
