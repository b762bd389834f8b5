import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { CADRE_POSITION_LABELS, ELECTION_METHOD_LABELS, type Committee, type CommitteeItem } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { errorMessage } from '../../api/api-client';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { PageTitle } from '../../components/page-title.component';
import { CommitteeFormModal } from './committee-form-modal.component';
import { TermDueTag } from './cadre-labels';

type Member = Committee['cadres'][number];

const MEMBER_COLUMNS: TableColumnsType<Member> = [
  { title: '姓名', dataIndex: 'name', render: (v: string, r) => <Link to={`/cadres/${r.id}`}>{v}</Link> },
  { title: '职务', dataIndex: 'position', render: (v: Member['position']) => CADRE_POSITION_LABELS[v] },
  { title: '专/兼职', dataIndex: 'fullTime', render: (v: boolean) => (v ? '专职' : '兼职') },
  { title: '状态', dataIndex: 'state', render: (v: Member['state']) => (v === 'in_office' ? '在任' : <Tag>离任</Tag>) },
];

const HISTORY_COLUMNS: TableColumnsType<CommitteeItem> = [
  { title: '届次', dataIndex: 'termNo', render: (v: number, r) => <Link to={`/cadres/committees/${r.id}`}>第{v}届</Link> },
  { title: '选举日期', dataIndex: 'electedOn' },
  { title: '任期', key: 'term', render: (_v, r) => `${r.termStart} 至 ${r.termEnd}` },
  { title: '产生方式', dataIndex: 'electionMethod', render: (v: CommitteeItem['electionMethod']) => ELECTION_METHOD_LABELS[v] },
  { title: '状态', dataIndex: 'status', render: (v: CommitteeItem['status'], r) => (v === 'current' ? '本届' : `已换届(${r.replacedOn})`) },
];

/** One 届 of a union committee: dates, where the term stands, its cadres, the union's history; edit and 换届. */
export function CommitteeDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'edit' | 'renew' | null>(null);
  const q = useQuery({ queryKey: cadreKeys.committee(id), queryFn: () => cadreApi.committee(id) });
  if (q.isPending) return <FullPageSpin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} action={<Link to="/cadres/committees">返回列表</Link>} />;
  const c = q.data;
  return (
    <>
      <PageTitle
        title={`${c.orgName} 第${c.termNo}届委员会`}
        extra={
          <>
            {c.abilities.canEdit ? <Button icon={<EditOutlined />} onClick={() => setMode('edit')}>修改</Button> : null}
            {c.abilities.canRenew ? <Button type="primary" icon={<SwapOutlined />} onClick={() => setMode('renew')} data-testid="renew-committee">换届</Button> : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="区县(市)">{c.districtName}</Descriptions.Item>
            <Descriptions.Item label="选举日期">{c.electedOn}</Descriptions.Item>
            <Descriptions.Item label="产生方式">{ELECTION_METHOD_LABELS[c.electionMethod]}</Descriptions.Item>
            <Descriptions.Item label="任期">{`${c.termStart} 至 ${c.termEnd}`}</Descriptions.Item>
            <Descriptions.Item label="届期">{c.status === 'current' ? <TermDueTag state={c.dueState} daysLeft={c.daysLeft} /> : `已于 ${c.replacedOn} 换届`}</Descriptions.Item>
            <Descriptions.Item label="在任干部">{c.cadresInOffice} 人</Descriptions.Item>
            {c.note ? <Descriptions.Item label="备注" span={3}>{c.note}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card size="small" title="本届干部">
          <Table<Member> rowKey="id" size="small" pagination={false} columns={MEMBER_COLUMNS} dataSource={c.cadres} locale={{ emptyText: '尚未登记干部,可在“干部名册”中登记。' }} />
        </Card>
        <Card size="small" title="历届委员会">
          <Table<CommitteeItem> rowKey="id" size="small" pagination={false} columns={HISTORY_COLUMNS} dataSource={c.history} />
        </Card>
      </Flex>
      <CommitteeFormModal open={mode !== null} mode={mode ?? 'edit'} committee={c} onClose={() => setMode(null)} onSaved={(n) => n.id !== c.id && void navigate(`/cadres/committees/${n.id}`)} />
    </>
  );
}
