import { Button, Card, Typography } from 'antd';
import { CustomerServiceOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { myRightsApi, rightsKeys } from '../api/rights.api';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { RightsPhaseTag } from '../pages/rights/rights-labels';
import { MobileItemList, MobilePageTitle } from './mobile-item-list.component';

/** 维权求助 (H5): the 12351 hotline, 我要求助, and my requests with their progress and outcome. */
export function MobileRightsListPage() {
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: rightsKeys.mine, queryFn: myRightsApi.mine, staleTime: 0 });
  return (
    <>
      <MobilePageTitle>维权求助</MobilePageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ fontSize: 13, margin: 0 }}>
          遇到欠薪、劳动合同、工伤、社保等问题,可在这里求助,或拨打职工服务热线 <a href="tel:12351">12351</a>。求助交用人单位所在地的区县(市)总工会,1个工作日内受理,并告知办理进展和结果。
        </Typography.Paragraph>
      </Card>
      <Button type="primary" block size="large" icon={<CustomerServiceOutlined />} style={{ marginBottom: 12 }} onClick={() => void navigate('/m/rights/new')} data-testid="rights-new">
        我要求助
      </Button>
      <Typography.Text strong>我的求助</Typography.Text>
      <MobileItemList
        load={mine}
        empty="还没有求助记录"
        testId="rights-my-case"
        items={mine.data?.items.map((c) => ({
          id: c.id,
          to: `/m/rights/${c.id}`,
          title: `${c.categoryLabel} · ${c.enterpriseName}`,
          tags: <RightsPhaseTag phase={c.phase} />,
          meta: `${formatTime(c.receivedAt, 'YYYY-MM-DD')}${c.phase === 'closed' && c.amountRecoveredFen > 0 ? ` · 追回 ${formatYuan(c.amountRecoveredFen)}` : ''}${c.abilities.canRate ? ' · 待评价' : ''}`,
        }))}
      />
    </>
  );
}
