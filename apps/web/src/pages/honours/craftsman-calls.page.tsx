import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CraftsmanCall } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-error';
import { craftsmanApi, craftsmanKeys } from '../../api/craftsman.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { CraftsmanCallForm } from './craftsman-call-form.component';
import { CraftsmanRanking } from './craftsman-ranking.component';

const STATUS_COLORS = { draft: 'default', open: 'processing', reviewing: 'warning', closed: 'success' } as const;
const NEXT: Record<CraftsmanCall['status'], { status: CraftsmanCall['status']; label: string } | null> = {
  draft: { status: 'open', label: '启动推荐' },
  open: { status: 'reviewing', label: '截止推荐,进入评审' },
  reviewing: { status: 'closed', label: '结束评选' },
  closed: null,
};

/** 年度评选: the yearly 杭州工匠 calls with places, quotas and how far they are; the ranking of the 综合评审. */
export function CraftsmanCallsPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const calls = useQuery({ queryKey: craftsmanKeys.calls, queryFn: craftsmanApi.calls });
  const [editing, setEditing] = useState<CraftsmanCall | 'new' | null>(null);
  const [ranking, setRanking] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: (v: { id: string; status: CraftsmanCall['status'] }) => craftsmanApi.moveCall(v.id, v.status),
    onSuccess: () => void qc.invalidateQueries({ queryKey: craftsmanKeys.all }),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const manage = hasPermission(user, 'honours:craftsman-call:manage');
  return (
    <>
      <PageTitle
        title="杭州工匠评选"
        extra={manage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-craftsman-call">发布年度评选</Button> : null}
      />
      <Typography.Paragraph type="secondary">
        “杭州工匠”每年评选一次(9·26 工匠日):区县(市)总工会和产业工会在配额内推荐,经综合评审(专家评分,5位及以上专家去掉最高分和最低分后平均)、领导小组审定、公示和市政府批准,每人奖励5万元,认定为D类人才。
      </Typography.Paragraph>
      {calls.data?.length === 0 ? <Empty description="暂无年度评选。市总工会可发布年度评选。" /> : null}
      <Flex vertical gap={16}>
        {(calls.data ?? []).map((c) => (
          <Card
            key={c.id}
            title={<Space>{c.title}<Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag></Space>}
            extra={
              <Space>
                <Link to={`/honours/craftsman/nominations?callId=${c.id}`}>推荐名单</Link>
                <Button size="small" onClick={() => setRanking(ranking === c.id ? null : c.id)}>{ranking === c.id ? '收起排名' : '评审排名'}</Button>
                {c.abilities.canEdit ? <Button size="small" onClick={() => setEditing(c)}>修改</Button> : null}
                {c.abilities.canEdit && NEXT[c.status] ? (
                  <Popconfirm title={`${NEXT[c.status]!.label}?`} okText="确定" cancelText="取消" onConfirm={() => move.mutate({ id: c.id, status: NEXT[c.status]!.status })}>
                    <Button size="small" type="primary">{NEXT[c.status]!.label}</Button>
                  </Popconfirm>
                ) : null}
              </Space>
            }
            data-testid={`craftsman-call-${c.year}`}
          >
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="推荐期">{c.nominationStartsOn} 至 {c.nominationEndsOn}</Descriptions.Item>
              <Descriptions.Item label="名额">杭州工匠 {c.totalPlaces} 名,提名奖 {c.nomineePlaces} 名</Descriptions.Item>
              <Descriptions.Item label="每人奖励">{formatYuan(c.awardFen)}</Descriptions.Item>
              <Descriptions.Item label="推荐人数">{c.counts.nominations}</Descriptions.Item>
              <Descriptions.Item label="已批准">杭州工匠 {c.counts.craftsmen} 名,提名奖 {c.counts.nominees} 名</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="orgId"
              pagination={false}
              dataSource={c.quotas}
              locale={{ emptyText: '未分配推荐名额' }}
              columns={[
                { title: '推荐单位', dataIndex: 'orgName' },
                { title: '配额', dataIndex: 'places', width: 100, align: 'right' },
                { title: '已推荐', dataIndex: 'used', width: 100, align: 'right' },
              ]}
            />
            {ranking === c.id ? <CraftsmanRanking callId={c.id} /> : null}
          </Card>
        ))}
      </Flex>
      <CraftsmanCallForm open={editing !== null} call={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
