import { useState } from 'react';
import { Alert, Button, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ScanOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ENROLMENT_MODE_LABELS, type ActivityListItem } from '@gonghui/contracts';
import { activityApi, activityKeys, type ActivityFilterQuery } from '../../api/activity.api';
import { errorMessage } from '../../api/api-client';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { ActivityFilter } from './activity-filter.component';
import { ActivityFormModal } from './activity-form-modal.component';
import { ActivityStatusTags } from './activity-tags.component';

const WINDOW_FORMAT = 'YYYY-MM-DD HH:mm';

/** 活动报名: the activities the user organises or may enrol members in (平安返乡、小候鸟、集体婚礼、圆梦计划 …). */
export function ActivitiesPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<ActivityFilterQuery>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: activityKeys.list(query), queryFn: () => activityApi.list(query), placeholderData: keepPreviousData });
  const canManage = hasPermission(user, 'activity:activity:manage');
  const canScan = hasPermission(user, 'activity:checkin:scan');
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const columns: TableColumnsType<ActivityListItem> = [
    {
      title: '活动名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, row) => <Link to={`/activities/${row.id}`}>{title}</Link>,
    },
    { title: '类型', dataIndex: 'typeLabel', width: 120 },
    { title: '主办单位', dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: '报名方式', dataIndex: 'mode', width: 100, render: (m: ActivityListItem['mode']) => ENROLMENT_MODE_LABELS[m] },
    {
      title: '名额 / 已报名 / 候补',
      key: 'figures',
      width: 170,
      render: (_v, row) => (
        <span>
          {row.capacity} / {row.confirmed} / {row.waitlisted}
          {row.pendingLottery > 0 ? <Typography.Text type="secondary">(待抽签 {row.pendingLottery})</Typography.Text> : null}
        </span>
      ),
    },
    {
      title: '报名时间',
      key: 'window',
      width: 170,
      render: (_v, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatTime(row.signupOpensAt, WINDOW_FORMAT)}
          <br />至 {formatTime(row.signupClosesAt, WINDOW_FORMAT)}
        </span>
      ),
    },
    { title: '状态', key: 'status', width: 150, render: (_v, row) => <ActivityStatusTags activity={row} /> },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => navigate(`/activities/${row.id}`)}>
          详情
        </Button>
      ),
    },
  ];

  const empty = filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的活动" />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canManage ? '还没有活动,可点击「新建活动」发布平安返乡、小候鸟暑期班等限额活动' : '暂无可查看的活动'} />
  );

  return (
    <>
      <PageTitle
        title="活动报名"
        extra={
          <Space wrap>
            {canScan ? (
              <Link to="/activities/check-in">
                <Button icon={<ScanOutlined />}>扫码签到</Button>
              </Link>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="activity-create">
                新建活动
              </Button>
            ) : null}
          </Space>
        }
      />
      <ActivityFilter
        onChange={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<ActivityListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: empty }}
        scroll={{ x: 1100 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 项活动`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <ActivityFormModal target={creating ? 'create' : null} onClose={() => setCreating(false)} onSaved={(a) => navigate(`/activities/${a.id}`)} />
    </>
  );
}
