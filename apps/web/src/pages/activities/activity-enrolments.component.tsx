import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity, Enrolment, EnrolmentStatus } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { errorMessage } from '../../api/api-client';
import { formatTime } from '../../app/time';
import { activitySubsidyFen, needsSignupDetails } from '../../components/activity-programme';
import { formatYuan } from '../../components/money';
import { ENROLMENT_STATUS_COLORS, ENROLMENT_STATUS_OPTIONS, SOURCE_LABELS } from './activity-labels';
import { ActivitySubsidyModal } from './activity-subsidy-modal.component';
import { ReasonModal, type ReasonRequest } from './reason-modal.component';

interface RosterFilters {
  status?: EnrolmentStatus;
  q?: string;
}

/** 报名名单: status filter, name search, paging; 取消报名 (with a reason) where the server allows it. */
export function ActivityEnrolments({ activity }: { activity: Activity }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RosterFilters>();
  const [filters, setFilters] = useState<RosterFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const [paying, setPaying] = useState<Enrolment | null>(null);
  // 平安返乡 / 圆梦计划 pay a per-person subsidy (the column stays even before an amount is set)
  const withSubsidy = activity.type === 'homeward' || activity.type === 'education' || activitySubsidyFen(activity.type, activity.details) > 0;
  const withDetails = needsSignupDetails(activity.type);
  const query = { ...filters, ...page };
  const list = useQuery({
    queryKey: activityKeys.enrolments(activity.id, query),
    queryFn: () => activityApi.enrolments(activity.id, query),
    placeholderData: keepPreviousData,
  });

  const askCancel = (e: Enrolment) =>
    setReasonRequest({
      title: `取消报名:${e.memberName}`,
      description: `取消 ${e.memberName}(${e.orgName})的报名,会员会收到通知;空出的名额自动给候补中的会员。`,
      okText: '取消报名',
      confirmTitle: `确认取消 ${e.memberName} 的报名?`,
      submit: async (reason) => {
        await activityApi.cancelEnrolment(activity.id, e.id, reason);
        void message.success(`已取消 ${e.memberName} 的报名`);
        await queryClient.invalidateQueries({ queryKey: activityKeys.all });
      },
    });

  const columns: TableColumnsType<Enrolment> = [
    { title: '姓名', dataIndex: 'memberName', width: 100, fixed: 'left' },
    { title: '身份证号', dataIndex: 'memberIdCard', width: 175 },
    { title: '所在工会', dataIndex: 'orgName', ellipsis: true },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: EnrolmentStatus, e) => <Tag color={ENROLMENT_STATUS_COLORS[s]}>{e.statusLabel}</Tag> },
    { title: '名额序号', dataIndex: 'seatNo', width: 90, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: '候补顺位', dataIndex: 'waitlistPosition', width: 90, align: 'right', render: (v: number | null) => (v !== null ? `第 ${v} 位` : '—') },
    { title: '来源', dataIndex: 'source', width: 70, render: (s: Enrolment['source']) => SOURCE_LABELS[s] },
    ...(withDetails
      ? [
          {
            title: '报名信息',
            dataIndex: 'detailsText',
            width: 260,
            render: (lines: string[]) =>
              lines.length > 0 ? (
                <div data-testid="enrolment-details">
                  {lines.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </div>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    ...(withSubsidy
      ? [
          {
            title: '补贴',
            dataIndex: 'subsidy',
            width: 110,
            align: 'right' as const,
            render: (v: Enrolment['subsidy']) => (v ? <span data-testid="enrolment-subsidy">{formatYuan(v.amountFen)}</span> : '—'),
          },
        ]
      : []),
    { title: '报名时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    {
      title: '签到时间',
      dataIndex: 'checkedInAt',
      width: 170,
      render: (v: string | null, e) => (v ? formatTime(v) : e.cancelledAt ? `取消于 ${formatTime(e.cancelledAt, 'MM-DD HH:mm')}` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_v, e) => (
        <Space size={0}>
          {e.abilities.canPaySubsidy ? (
            <Button type="link" size="small" onClick={() => setPaying(e)} data-testid="pay-subsidy-button">
              发放补贴
            </Button>
          ) : null}
          {e.abilities.canCancel ? (
            <Button type="link" size="small" danger onClick={() => askCancel(e)}>
              取消报名
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Form<RosterFilters>
        name="enrolment-filter"
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(v) => {
          setFilters({ status: v.status ?? undefined, q: v.q?.trim() || undefined });
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="q" label="姓名">
          <Input allowClear placeholder="会员姓名" style={{ width: 160 }} maxLength={30} aria-label="查找报名会员" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={ENROLMENT_STATUS_OPTIONS} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage((p) => ({ ...p, page: 1 }));
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Enrolment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1200 + (withDetails ? 260 : 0) + (withSubsidy ? 180 : 0) }}
        data-testid="activity-enrolments"
        locale={{ emptyText: filters.status || filters.q ? '没有符合条件的报名' : '还没有会员报名' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <ReasonModal request={reasonRequest} onClose={() => setReasonRequest(null)} />
      <ActivitySubsidyModal activity={activity} enrolment={paying} onClose={() => setPaying(null)} />
    </>
  );
}
