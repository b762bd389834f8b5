import { useState } from 'react';
import { App, Button, Tag, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { EnrolmentStatus, RecuperationBatch, RecuperationEnrolment } from '@gonghui/contracts';
import { recuperationApi, recuperationKeys } from '../../api/recuperation.api';
import { formatTime } from '../../app/time';
import { EnrolmentRoster } from '../../components/enrolment-roster.component';
import { formatYuan } from '../../components/money';
import { ENROLMENT_STATUS_COLORS, SOURCE_LABELS } from '../activities/activity-labels';
import { ReasonModal, type ReasonRequest } from '../activities/reason-modal.component';

/** 报名名单 of a batch: members with their companions (自费), status filter, name search; 取消报名 with a reason. */
export function RecuperationEnrolments({ batch }: { batch: RecuperationBatch }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const askCancel = (e: RecuperationEnrolment) =>
    setReasonRequest({
      title: `取消报名:${e.memberName}`,
      description: `取消 ${e.memberName}(${e.orgName})的报名${e.companions.length > 0 ? `及其 ${e.companions.length} 名随行家属` : ''},会员会收到通知;空出的名额可供其他会员报名。`,
      okText: '取消报名',
      confirmTitle: `确认取消 ${e.memberName} 的报名?`,
      submit: async (reason) => {
        await recuperationApi.cancelEnrolment(batch.id, e.id, reason);
        void message.success(`已取消 ${e.memberName} 的报名`);
        await queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
      },
    });

  const columns: TableColumnsType<RecuperationEnrolment> = [
    { title: '姓名', dataIndex: 'memberName', width: 100, fixed: 'left' },
    { title: '身份证号', dataIndex: 'memberIdCard', width: 175 },
    { title: '所在工会', dataIndex: 'orgName', ellipsis: true },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: EnrolmentStatus, e) => <Tag color={ENROLMENT_STATUS_COLORS[s]}>{e.statusLabel}</Tag> },
    { title: '名额序号', dataIndex: 'seatNo', width: 90, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: '来源', dataIndex: 'source', width: 70, render: (s: RecuperationEnrolment['source']) => SOURCE_LABELS[s] },
    {
      title: '随行家属(自费)',
      key: 'companions',
      width: 220,
      render: (_v, e) =>
        e.companions.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <span data-testid="enrolment-companions">
            {e.companions.map((c, i) => (
              <Tag key={`${c.name}-${i}`} style={{ marginBottom: 2 }}>
                {c.name}({c.relationLabel})
              </Tag>
            ))}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              自费合计 {formatYuan(e.companionsOwnCost)}
            </Typography.Text>
          </span>
        ),
    },
    { title: '报名时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    {
      title: '签到 / 取消',
      dataIndex: 'checkedInAt',
      width: 170,
      render: (v: string | null, e) => (v ? `签到于 ${formatTime(v, 'MM-DD HH:mm')}` : e.cancelledAt ? `取消于 ${formatTime(e.cancelledAt, 'MM-DD HH:mm')}` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_v, e) =>
        e.abilities.canCancel ? (
          <Button type="link" size="small" danger onClick={() => askCancel(e)}>
            取消报名
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <EnrolmentRoster<RecuperationEnrolment>
        formName="recuperation-enrolment-filter"
        testId="recuperation-enrolments"
        queryKey={(query) => recuperationKeys.enrolments(batch.id, query)}
        fetch={(query) => recuperationApi.enrolments(batch.id, query)}
        columns={columns}
        scrollX={1350}
      />
      <ReasonModal request={reasonRequest} onClose={() => setReasonRequest(null)} />
    </>
  );
}
