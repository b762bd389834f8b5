import { useState } from 'react';
import { Alert, App, Button, Col, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { aidApi } from '../../api/aid.api';
import { errorMessage } from '../../api/api-client';
import type { AidApplicationListItem, AidListQuery } from '../../api/contract-types';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { formatTime, isFuture } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { AidSettingsCard } from './aid-settings-card.component';


/** 公示管理: the cases in 公示 with their end date, 公示期满处理, and the settings (threshold, days). */
export function AidPublicityPage() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const query: AidListQuery = { box: 'all', status: 'publicity', ...page };
  const list = useQuery({ queryKey: queryKeys.aidList(query), queryFn: () => aidApi.list(query), staleTime: 0 });
  const ended = (list.data?.items ?? []).filter((a) => !isFuture(a.workflow.publicityEndsAt)).length;

  const close = useMutation({
    mutationFn: aidApi.closeEndedPublicity,
    onSuccess: ({ approved }) => {
      void (approved > 0 ? message.success(`已处理 ${approved} 件:公示期满无异议,转为已批准`) : message.info('没有公示期已满的申请'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.aid });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const confirmClose = () =>
    modal.confirm({
      title: '公示期满处理',
      content: `公示期已满且无异议的申请将转为「已批准」,之后可发放资金。本页已期满 ${ended} 件。系统每10分钟也会自动处理。`,
      okText: '确认处理',
      onOk: () => close.mutateAsync().catch(() => undefined),
    });

  const columns: TableColumnsType<AidApplicationListItem> = [
    { title: '申请人', dataIndex: 'memberName', width: 100, render: (name: string, row) => <Link to={`/aid/applications/${row.id}`}>{name}</Link> },
    { title: '所在工会', dataIndex: 'orgName', ellipsis: true },
    { title: '类别', dataIndex: 'categoryLabel', width: 100 },
    { title: '金额(元)', key: 'amount', width: 120, align: 'right', render: (_v, row) => formatYuan(row.approvedAmountFen ?? row.amountFen, '') },
    { title: '公示截止', key: 'ends', width: 170, render: (_v, row) => formatTime(row.workflow.publicityEndsAt, 'YYYY-MM-DD HH:mm') },
    {
      title: '状态',
      key: 'state',
      width: 120,
      render: (_v, row) => (isFuture(row.workflow.publicityEndsAt) ? <Tag color="purple">公示中</Tag> : <Tag color="gold">期满待处理</Tag>),
    },
  ];

  return (
    <>
      <PageTitle
        title="公示管理"
        extra={
          <>
            <Button icon={<ExportOutlined />} href="/gongshi" target="_blank" rel="noopener">
              查看公示页面
            </Button>
            {hasPermission(user, 'aid:application:approve') ? (
              <Button type="primary" onClick={confirmClose} loading={close.isPending}>
                公示期满处理
              </Button>
            ) : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        审批通过的帮扶申请在公示页面(无需登录,姓名脱敏)公示;公示期内有人提出异议的,申请退回区县(市)总工会复审。公示期满无异议的转为「已批准」。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
          <Table<AidApplicationListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            locale={{ emptyText: '暂无公示中的申请' }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              hideOnSinglePage: true,
              showTotal: (total) => `共 ${total} 件`,
              onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
            }}
            style={{ marginBottom: 16 }}
            data-testid="publicity-table"
          />
        </Col>
        <Col xs={24} xl={7}>
          <AidSettingsCard />
        </Col>
      </Row>
    </>
  );
}
