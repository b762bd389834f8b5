import { useState } from 'react';
import { App, Button, Space, Tag, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Activity, Enrolment, EnrolmentStatus } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { formatTime } from '../../app/time';
import { activitySubsidyFen, needsSignupDetails } from '../../components/activity-programme';
import { EnrolmentRoster } from '../../components/enrolment-roster.component';
import { asksForDocuments } from '../../components/enrolment-document-labels';
import { EnrolmentDocumentsCell } from './enrolment-documents-cell.component';
import { formatYuan } from '../../components/money';
import { ENROLMENT_STATUS_COLORS, SOURCE_LABELS } from './activity-labels';
import { ActivitySubsidyModal } from './activity-subsidy-modal.component';
import { ReasonModal, type ReasonRequest } from './reason-modal.component';

/** 报名名单: status filter, name search, paging; 取消报名 (with a reason) where the server allows it. */
export function ActivityEnrolments({ activity }: { activity: Activity }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const [paying, setPaying] = useState<Enrolment | null>(null);
  // 平安返乡 / 圆梦计划 pay a per-person subsidy (the column stays even before an amount is set)
  const withSubsidy = activity.type === 'homeward' || activity.type === 'education' || activitySubsidyFen(activity.type, activity.details) > 0;
  const withDetails = needsSignupDetails(activity.type);
  const withDocuments = asksForDocuments(activity.type);
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
    ...(withDocuments ? [{ title: '报名材料', key: 'documents', width: 170, render: (_v: unknown, e: Enrolment) => <EnrolmentDocumentsCell enrolment={e} /> }] : []),
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
      <EnrolmentRoster<Enrolment>
        formName="enrolment-filter"
        testId="activity-enrolments"
        queryKey={(query) => activityKeys.enrolments(activity.id, query)}
        fetch={(query) => activityApi.enrolments(activity.id, query)}
        columns={columns}
        scrollX={1200 + (withDetails ? 260 : 0) + (withDocuments ? 170 : 0) + (withSubsidy ? 180 : 0)}
      />
      <ReasonModal request={reasonRequest} onClose={() => setReasonRequest(null)} />
      <ActivitySubsidyModal activity={activity} enrolment={paying} onClose={() => setPaying(null)} />
    </>
  );
}
