import { useState } from 'react';
import { Button, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { WAGE_CONTRACT_KINDS, WAGE_CONTRACT_KIND_LABELS, WAGE_CONTRACT_PHASES, WAGE_CONTRACT_PHASE_LABELS, type WageContractListItem } from '@gonghui/contracts';
import { wageContractApi, wageContractKeys, type WageContractListQuery } from '../../api/wage-contract.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { WageContractFormModal } from './wage-contract-form-modal.component';
import { WAGE_PHASE_COLORS, percentOfBp } from './wage-contract-labels';

/** 集体合同台账: contracts the user's unions negotiated, or that bind enterprises in their scope. */
export function WageContractsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<WageContractListQuery>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: wageContractKeys.list(query), queryFn: () => wageContractApi.list(query), placeholderData: keepPreviousData });
  const set = (next: WageContractListQuery) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const columns: TableColumnsType<WageContractListItem> = [
    { title: '合同名称', dataIndex: 'title', ellipsis: true, render: (v: string, r) => <Link to={`/wage-contracts/${r.id}`}>{v}</Link> },
    { title: '类别', dataIndex: 'kind', width: 130, render: (v: WageContractListItem['kind']) => WAGE_CONTRACT_KIND_LABELS[v] },
    { title: '签约工会', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '区县(市)', dataIndex: 'districtName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '覆盖企业', key: 'ents', width: 170, ellipsis: true, render: (_v, r) => (r.enterpriseCount > 1 ? `${r.firstEnterpriseName ?? ''} 等${r.enterpriseCount}家` : (r.firstEnterpriseName ?? '—')) },
    { title: '期限', key: 'term', width: 200, render: (_v, r) => `${r.termStart} 至 ${r.termEnd}` },
    { title: '工资增长', dataIndex: 'wageIncreaseBp', width: 90, align: 'right', render: (v: number) => percentOfBp(v) },
    { title: '最低工资', dataIndex: 'minimumWageFen', width: 110, align: 'right', render: (v: number) => formatYuan(v, '元/月') },
    { title: '状态', dataIndex: 'phase', width: 140, render: (v: WageContractListItem['phase']) => <Tag color={WAGE_PHASE_COLORS[v]}>{WAGE_CONTRACT_PHASE_LABELS[v]}</Tag> },
  ];
  return (
    <>
      <PageTitle
        title="工资集体协商"
        extra={
          <Space>
            <Button icon={<BarChartOutlined />} onClick={() => void navigate('/wage-contracts/coverage')} data-testid="wage-coverage-link">
              覆盖率
            </Button>
            <ExportButton title="导出集体合同台账" fallbackName="集体合同台账.xlsx" start={() => wageContractApi.export(filters)} description="按当前筛选条件导出本范围内的集体合同。" testId="wage-export" />
            {hasPermission(user, 'wage:contract:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-wage-contract">
                登记集体合同
              </Button>
            ) : null}
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        依据《杭州市企业工资集体协商条例》和《集体合同规定》:企业、区域性或行业性集体合同期限1至3年;草案经职工代表大会或全体职工讨论,须三分之二以上代表出席、且全体代表半数以上同意方为通过;通过后报人力资源和社会保障部门备案。合同期满前三个月系统提醒续签。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="合同名称或企业名称" style={{ width: 240 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="类别" style={{ width: 150 }} options={WAGE_CONTRACT_KINDS.map((k) => ({ value: k, label: WAGE_CONTRACT_KIND_LABELS[k] }))} onChange={(v?: WageContractListQuery['kind']) => set({ kind: v })} />
        <Select allowClear placeholder="状态" style={{ width: 170 }} options={WAGE_CONTRACT_PHASES.map((k) => ({ value: k, label: WAGE_CONTRACT_PHASE_LABELS[k] }))} onChange={(v?: WageContractListQuery['phase']) => set({ phase: v })} data-testid="wage-phase-filter" />
      </Flex>
      <Table<WageContractListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无集体合同。点击“登记集体合同”开始记录协商。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 份`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="wage-contract-list"
      />
      <WageContractFormModal open={creating} onClose={() => setCreating(false)} onSaved={(c) => { setCreating(false); void navigate(`/wage-contracts/${c.id}`); }} />
    </>
  );
}
