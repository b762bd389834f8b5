import { useState } from 'react';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DUES_EXEMPT_REASON_LABELS, EMPLOYER_TYPE_LABELS, type DuesBaseRow } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { DUES_BASE_IMPORT, duesApi, duesKeys, type DuesBaseQuery } from '../../api/dues.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ImportDialog, type ImportColumn } from '../../components/import-dialog.component';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { useListFilters } from '../cadres/use-list-filters.hook';
import { currentYear, yearOptions } from './dues-labels';
import { DuesBaseModal } from './dues-base-modal.component';
import { DuesExemptionModal } from './dues-exemption-modal.component';

type Filter = Omit<DuesBaseQuery, 'page' | 'pageSize'>;

const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: '会员卡号', required: true, note: '会员库中的会员卡号' },
  { name: '姓名', note: '仅供核对,不导入' },
  { name: '年度', required: true, note: '如 2026' },
  { name: '单位类型', required: true, note: '企业、机关、事业单位' },
  { name: '岗位工资 / 技能工资 / 工龄工资 / 基础工资', note: '企业:按月金额(元)' },
  { name: '职务工资 / 级别工资', note: '机关:按月金额(元)' },
  { name: '岗位工资 / 薪级工资', note: '事业单位:按月金额(元)' },
];

/** 会费核定: active members with the year's wage base and monthly dues (set or not), and their exemptions. */
export function DuesBasesPage() {
  const { message } = App.useApp();
  const { user } = useSession();
  const qc = useQueryClient();
  const [importing, setImporting] = useState(false);
  const { filters, page, query, set, setPage } = useListFilters<Filter>({ year: currentYear(), state: 'all' });
  const [editing, setEditing] = useState<DuesBaseRow | null>(null);
  const [exempting, setExempting] = useState<DuesBaseRow | null>(null);
  const list = useQuery({ queryKey: duesKeys.bases(query), queryFn: () => duesApi.bases(query), placeholderData: keepPreviousData });
  const revoke = useMutation({
    mutationFn: (id: string) => duesApi.revokeExemption(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: duesKeys.all }),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const columns: TableColumnsType<DuesBaseRow> = [
    { title: '会员', dataIndex: 'memberName', width: 100 },
    { title: '会员卡号', dataIndex: 'cardNo', width: 170 },
    { title: '所属工会', dataIndex: 'orgName', ellipsis: true },
    { title: '单位类型', dataIndex: 'employerType', width: 90, render: (v: DuesBaseRow['employerType']) => (v ? EMPLOYER_TYPE_LABELS[v] : '—') },
    { title: '月工资基数', dataIndex: 'wageFen', width: 130, align: 'right', render: (v: number | null) => (v === null ? <Tag>未核定</Tag> : formatYuan(v)) },
    { title: '月缴会费', dataIndex: 'monthlyDuesFen', width: 110, align: 'right', render: (v: number | null) => formatYuan(v) },
    {
      title: '减免', dataIndex: 'exemptions', width: 230,
      render: (v: DuesBaseRow['exemptions'], r) => (
        <Flex vertical gap={2}>
          {v.map((e) => (
            <span key={e.id}>
              <Tag color="blue">{DUES_EXEMPT_REASON_LABELS[e.reason]}</Tag>{e.fromMonth}~{e.toMonth}
              {r.abilities.canExempt ? (
                <Popconfirm title="撤销该减免?撤销后这些月份重新计为应缴。" okText="撤销" onConfirm={() => revoke.mutate(e.id)}>
                  <Button type="link" size="small" danger>撤销</Button>
                </Popconfirm>
              ) : null}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: '操作', key: 'actions', width: 150,
      render: (_v, r) => (
        <Space size={0}>
          {r.abilities.canEdit ? <Button type="link" size="small" onClick={() => setEditing(r)}>{r.baseId ? '修改' : '核定'}</Button> : null}
          {r.abilities.canExempt ? <Button type="link" size="small" onClick={() => setExempting(r)}>减免</Button> : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title="会费核定"
        extra={hasPermission(user, 'finance:dues:manage') ? <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-dues-bases">导入工资基数</Button> : null}
      />
      <Typography.Paragraph type="secondary">
        会费按会员月基本工资的0.5%缴纳,工资先按10元取整(如 5,678 元按 5,670 元计,月缴 28.35 元)。计入基数的工资项目随单位类型而定:企业为岗位、技能、工龄等工资,机关为职务、级别工资,事业单位为岗位、薪级工资。下岗失业、特困、长期病休等会员可登记减免,减免月份不计应缴。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 110 }} aria-label="年度" value={filters.year} options={yearOptions()} onChange={(v: number) => set({ year: v })} />
        <OrgTreeSelect placeholder="工会(含下级)" style={{ width: 240 }} onChange={(v) => set({ orgId: v })} />
        <Input.Search allowClear placeholder="姓名或会员卡号" style={{ width: 180 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select style={{ width: 120 }} value={filters.state} aria-label="核定状态" options={[{ value: 'all', label: '全部' }, { value: 'set', label: '已核定' }, { value: 'unset', label: '未核定' }]} onChange={(v: Filter['state']) => set({ state: v })} />
      </Flex>
      <Table<DuesBaseRow>
        rowKey="memberId"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        data-testid="dues-base-list"
        locale={{ emptyText: '没有符合条件的在册会员' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 人`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <DuesBaseModal row={editing} onClose={() => setEditing(null)} />
      <DuesExemptionModal row={exempting} onClose={() => setExempting(null)} />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        title="导入会费工资基数"
        endpoint={DUES_BASE_IMPORT.endpoint}
        templatePath={DUES_BASE_IMPORT.templatePath}
        templateName="会费工资基数导入模板.xlsx"
        errorReportPath={DUES_BASE_IMPORT.errorReportPath}
        columns={IMPORT_COLUMNS}
        notes="每位会员每年一行;只填写该单位类型计入会费基数的工资项目,月缴会费按规则自动计算。"
        updateExistingLabel="该会员当年已核定时,用文件中的工资项目更新"
        onImported={() => void qc.invalidateQueries({ queryKey: duesKeys.all })}
      />
    </>
  );
}
