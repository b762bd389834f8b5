import { useState } from 'react';
import { Alert, Card, Descriptions, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { DUES_METHOD_LABELS } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { duesApi, duesKeys } from '../api/dues.api';
import { formatYuan } from '../components/money';
import { currentYear, MonthStateTag } from '../pages/finance/dues-labels';

/** 我的会费 (H5): the year's months with the due amount and whether each is paid, in arrears or exempt. */
export function MyDuesPage() {
  const [year, setYear] = useState(currentYear());
  const mine = useQuery({ queryKey: duesKeys.mine(year), queryFn: () => duesApi.mine(year), staleTime: 0 });
  const d = mine.data;
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        我的会费
      </Typography.Title>
      <Segmented block value={year} options={[currentYear(), currentYear() - 1].map((y) => ({ value: y, label: `${y}年` }))} onChange={(v) => setYear(Number(v))} style={{ marginBottom: 12 }} />
      {mine.isPending ? <Skeleton active /> : null}
      {mine.isError ? <Alert type="error" showIcon title={errorMessage(mine.error)} /> : null}
      {d && d.monthlyDuesFen === null ? <Empty description="本年度尚未核定会费。会费由所在基层工会按工资基数核定,如有疑问请联系工会。" /> : null}
      {d && d.monthlyDuesFen !== null ? (
        <>
          <Card size="small" style={{ marginBottom: 12 }} data-testid="my-dues-summary">
            <Descriptions size="small" column={1} items={[
              { key: 'org', label: '所在工会', children: d.orgName },
              { key: 'monthly', label: '月缴会费', children: formatYuan(d.monthlyDuesFen) },
              { key: 'paid', label: '本年已缴', children: <span data-testid="my-dues-paid">{formatYuan(d.paidFen)}</span> },
              { key: 'arrears', label: '欠缴', children: <Typography.Text type={d.arrearsFen > 0 ? 'danger' : undefined} data-testid="my-dues-arrears">{formatYuan(d.arrearsFen)}</Typography.Text> },
            ]} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>会费为月基本工资(取整到10元)的0.5%,一般由单位工资代扣。</Typography.Paragraph>
          </Card>
          <Flex vertical gap={6}>
            {d.months.map((m) => (
              <Card key={m.month} size="small" data-testid="my-dues-month">
                <Flex justify="space-between" align="center">
                  <div>
                    <Typography.Text strong>{m.month}</Typography.Text>
                    <div style={{ fontSize: 12, color: '#888' }}>
                      {m.state === 'exempt' ? '减免' : `应缴 ${formatYuan(m.dueFen)}`}
                      {m.paidFen > 0 ? ` · 已缴 ${formatYuan(m.paidFen)}${m.method ? `(${DUES_METHOD_LABELS[m.method]})` : ''}` : ''}
                    </div>
                  </div>
                  <MonthStateTag state={m.state} />
                </Flex>
              </Card>
            ))}
          </Flex>
        </>
      ) : null}
    </>
  );
}
