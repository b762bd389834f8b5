import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Quota } from '@gonghui/contracts';
import { formatTime } from '../../app/time';

const MINUTES = 'YYYY-MM-DD HH:mm';

/** 名额分配: the places given to lower unions, how many their members took, and the 收回 deadline. */
export function ActivityQuotas({ quotas }: { quotas: readonly Quota[] }) {
  const columns: TableColumnsType<Quota> = [
    { title: '单位', dataIndex: 'orgName', ellipsis: true },
    { title: '分配名额', dataIndex: 'places', width: 100, align: 'right' },
    { title: '已使用', dataIndex: 'used', width: 90, align: 'right' },
    { title: '收回时间', dataIndex: 'returnAt', width: 160, render: (v: string | null) => (v ? formatTime(v, MINUTES) : '不收回') },
    {
      title: '收回情况',
      key: 'returned',
      width: 200,
      render: (_v, q) =>
        q.returnedAt ? (
          <span>
            <Tag>已收回</Tag>
            {q.returned} 个,{formatTime(q.returnedAt, MINUTES)}
          </span>
        ) : (
          <Typography.Text type="secondary">未收回</Typography.Text>
        ),
    },
  ];
  return (
    <Table<Quota>
      rowKey="orgId"
      size="small"
      columns={columns}
      dataSource={[...quotas]}
      pagination={false}
      data-testid="activity-quotas"
      locale={{ emptyText: '尚未向下级工会分配名额,全部名额由主办单位统一使用' }}
    />
  );
}
