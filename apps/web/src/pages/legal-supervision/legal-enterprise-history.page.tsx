import { Card, Empty, Statistic, Flex, Table, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { LegalNoticeListItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { legalApi, legalKeys } from '../../api/legal-supervision.api';
import { PageTitle } from '../../components/page-title.component';
import { noticeColumns } from './legal-notices.page';

const HISTORY_MAX = 200;

/** 企业法律监督记录: every instrument to one enterprise, oldest first, with replies and escalations. */
export function LegalEnterpriseHistoryPage() {
  const { enterpriseId = '' } = useParams();
  const query = { enterpriseId, pageSize: HISTORY_MAX };
  const q = useQuery({ queryKey: legalKeys.list(query), queryFn: () => legalApi.list(query) });
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const items = [...(q.data?.items ?? [])].reverse();
  const name = items[0]?.enterpriseName ?? '企业';
  const count = (f: (i: LegalNoticeListItem) => boolean) => items.filter(f).length;
  return (
    <>
      <PageTitle title={`${name} · 法律监督记录`} />
      <Flex gap={32} wrap style={{ marginBottom: 16 }}>
        <Statistic title="文书" value={items.length} />
        <Statistic title="已结案" value={count((i) => i.status === 'closed')} />
        <Statistic title="逾期未回复" value={count((i) => i.overdue)} />
        <Statistic title="已升级" value={count((i) => i.status === 'escalated')} />
        <Statistic title="提请立案(建议书)" value={count((i) => i.kind === 'recommendation' && i.status !== 'draft')} />
      </Flex>
      <Card size="small" title="时间线" style={{ marginBottom: 12 }} loading={q.isLoading}>
        {items.length === 0 ? (
          <Empty description="该企业暂无法律监督文书" />
        ) : (
          <Timeline
            items={items.map((i) => ({
              color: i.overdue ? 'red' : i.status === 'closed' ? 'green' : 'blue',
              children: (
                <Typography.Text>
                  {i.createdAt.slice(0, 10)} <Link to={`/legal-supervision/${i.id}`}>{i.kindLabel} {i.serialNo ?? '(草稿)'}</Link> · {i.categoryLabel} · {i.statusLabel}
                  {i.deliveredOn ? ` · ${i.deliveredOn} 送达` : ''}
                  {i.repliedOn ? ` · ${i.repliedOn} 回复` : ''}
                </Typography.Text>
              ),
            }))}
          />
        )}
      </Card>
      <Table<LegalNoticeListItem> rowKey="id" size="small" columns={noticeColumns(false)} dataSource={items} pagination={false} data-testid="history-list" />
    </>
  );
}
