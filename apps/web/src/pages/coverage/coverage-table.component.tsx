import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ORG_KIND_LABELS, type OrgKind } from '@gonghui/contracts';
import type { CoverageChild } from '../../api/contract-types';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { count, percent } from './coverage-format';

const kindLabel = (kind: string): string => ORG_KIND_LABELS[kind as OrgKind] ?? kind;

interface CoverageTableProps {
  items: readonly CoverageChild[];
  loading: boolean;
  onDrill: (child: CoverageChild) => void;
}

/** The children's figures; a child with children of its own drills down, links lead to its work lists. */
export function CoverageTable({ items, loading, onDrill }: CoverageTableProps) {
  const { user } = useSession();
  const enterprises = hasPermission(user, 'enterprise:enterprise:list');
  const members = hasPermission(user, 'member:member:list');

  const columns: TableColumnsType<CoverageChild> = [
    {
      title: '组织',
      dataIndex: 'orgName',
      fixed: 'left',
      render: (name: string, row) => (
        <Space size={4}>
          {row.hasChildren ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(row)}>
              {name}
            </Button>
          ) : (
            name
          )}
          <Tag>{kindLabel(row.kind)}</Tag>
        </Space>
      ),
    },
    { title: '规模以上企业', dataIndex: 'enterprisesAtSize', width: 110, align: 'right', render: count },
    { title: '已建会', dataIndex: 'unionisedAtSize', width: 90, align: 'right', render: count },
    {
      title: '建会率',
      dataIndex: 'unionisationRate',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.unionisationRate - b.unionisationRate,
      render: (v: number) => percent(v),
    },
    { title: '已建会企业职工', dataIndex: 'unionisedEmployees', width: 120, align: 'right', render: count },
    { title: '会员', dataIndex: 'members', width: 90, align: 'right', render: count },
    {
      title: '入会率',
      dataIndex: 'membershipRate',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.membershipRate - b.membershipRate,
      render: (v: number) => percent(v),
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_v, row) => (
        <Space size={0} wrap>
          {row.hasChildren ? (
            <Button type="link" size="small" onClick={() => onDrill(row)}>
              下钻
            </Button>
          ) : null}
          {enterprises ? (
            <Link to={`/enterprises?orgId=${encodeURIComponent(row.orgId)}&tab=ununionised`} style={{ padding: '0 7px' }}>
              未建会企业
            </Link>
          ) : null}
          {members ? (
            <Link to={`/members?orgId=${encodeURIComponent(row.orgId)}`} style={{ padding: '0 7px' }}>
              会员
            </Link>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<CoverageChild>
      rowKey="orgId"
      size="middle"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: '没有下级组织' }}
      data-testid="coverage-table"
    />
  );
}
