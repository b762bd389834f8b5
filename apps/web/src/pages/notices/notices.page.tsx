import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { NOTICE_CATEGORY_LABELS, type NoticeListItem } from '@gonghui/contracts';
import { noticeApi, noticeKeys, type NoticeListQuery } from '../../api/notice.api';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { CATEGORY_OPTIONS, NoticeStatusTag, SNAPSHOT_RULE, STATUS_OPTIONS, UrgencyTag } from './notice-labels';

type Box = 'own' | 'subtree';
type Filter = Omit<NoticeListQuery, 'page' | 'pageSize' | 'box'>;

/** 发文: the union's own notices (drafts, sent, withdrawn) or, read-only, those its subordinate unions sent. */
export function NoticesPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [box, setBox] = useState<Box>('own');
  const [filters, setFilters] = useState<Filter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, box, ...page };
  const list = useQuery({ queryKey: noticeKeys.list(query), queryFn: () => noticeApi.list(query), placeholderData: keepPreviousData });
  const set = (next: Filter) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const columns: TableColumnsType<NoticeListItem> = [
    { title: '标题', dataIndex: 'title', ellipsis: true, render: (v: string, r) => <><UrgencyTag urgency={r.urgency} /><Link to={`/notices/${r.id}`}>{v}</Link></> },
    { title: '文号', dataIndex: 'docNo', width: 150, render: (v: string | null) => v ?? '—' },
    { title: '文种', dataIndex: 'category', width: 90, render: (v: NoticeListItem['category']) => NOTICE_CATEGORY_LABELS[v] },
    ...(box === 'subtree' ? [{ title: '发文单位', dataIndex: 'orgName', width: 180, ellipsis: true }] : []),
    { title: '状态', dataIndex: 'status', width: 90, render: (v: NoticeListItem['status']) => <NoticeStatusTag status={v} /> },
    { title: '下发时间', dataIndex: 'sentAt', width: 140, render: (v: string | null) => (v ? formatTime(v, 'YYYY-MM-DD HH:mm') : '—') },
    { title: '签收期限', dataIndex: 'signDeadline', width: 110 },
    {
      title: '签收 / 报送', key: 'totals', width: 200,
      render: (_v, r) => r.status === 'draft' ? '—' : (
        <Flex gap={4} wrap>
          <Tag>签收 {r.totals.signed}/{r.totals.recipients}</Tag>
          {r.replyRequired ? <Tag>报送 {r.totals.replied}/{r.totals.recipients}</Tag> : null}
          {r.totals.overdue > 0 && r.status === 'sent' ? <Tag color="red">逾期 {r.totals.overdue}</Tag> : null}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title="发文管理"
        extra={hasPermission(user, 'notice:notice:send') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/notices/new')} data-testid="create-notice">起草通知</Button> : null}
      />
      <Typography.Paragraph type="secondary">
        本单位向下级组织下发通知、通报、函和会议通知:选择下发范围(某组织以下全部或指定类型,或逐个指定),设置签收期限,需要材料时要求报送。下发后在详情页查看各单位阅读、签收、报送情况,催办未签收单位,审核报送材料。“下级单位发文”只读。{SNAPSHOT_RULE}
      </Typography.Paragraph>
      <Tabs activeKey={box} onChange={(k) => { setBox(k as Box); setPage((p) => ({ ...p, page: 1 })); }} items={[{ key: 'own', label: '本单位发文' }, { key: 'subtree', label: '下级单位发文' }]} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="标题、文号" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="文种" style={{ width: 120 }} options={CATEGORY_OPTIONS} onChange={(v?: Filter['category']) => set({ category: v })} />
        <Select allowClear placeholder="状态" style={{ width: 120 }} options={STATUS_OPTIONS} onChange={(v?: Filter['status']) => set({ status: v })} data-testid="filter-status" />
      </Flex>
      <Table<NoticeListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: box === 'own' ? '暂无发文。点击“起草通知”开始。' : '下级单位暂无已下发的通知' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 件`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="notice-list"
      />
    </>
  );
}
