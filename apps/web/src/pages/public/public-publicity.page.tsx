import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { PublicityItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { publicityApi } from '../../api/publicity.api';
import { queryKeys } from '../../api/query-keys';
import { federationName } from '../../app/labels';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { ObjectionModal } from './objection-modal.component';

const BUSINESS_LABELS: Record<string, string> = { 'aid.application': '春风行动帮扶' };

function PublicityCard({ item, onObject }: { item: PublicityItem; onObject: () => void }) {
  return (
    <Card size="small" data-testid="publicity-item">
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="publicity-name">
            {item.name}
          </Typography.Text>
          <Tag style={{ marginInlineStart: 8 }}>{BUSINESS_LABELS[item.businessType] ?? '公示事项'}</Tag>
          <div data-testid="publicity-summary">{item.summary}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {item.orgName}
          </Typography.Text>
          <div style={{ fontSize: 13 }}>
            公示期:{formatTime(item.startsAt, 'YYYY-MM-DD HH:mm')} 至 {formatTime(item.endsAt, 'YYYY-MM-DD HH:mm')}
          </div>
        </div>
        <Button onClick={onObject}>提出异议</Button>
      </Flex>
    </Card>
  );
}

/** The public 公示 page (no login): items in their window with masked names, and the objection form. */
export function PublicPublicityPage() {
  const { systemInfo } = useSession();
  const [objecting, setObjecting] = useState<PublicityItem | null>(null);
  const list = useQuery({ queryKey: queryKeys.publicity, queryFn: publicityApi.list, staleTime: 0 });
  const org = federationName(systemInfo?.cityName);

  useEffect(() => {
    document.title = `公示 - ${org}`;
  }, [org]);

  return (
    <div className="gh-public">
      <header className="gh-public-header">
        <div className="gh-public-org">{org}</div>
        <Typography.Title level={3} style={{ margin: 0, color: '#fff' }} data-testid="page-title">
          公示
        </Typography.Title>
      </header>
      <main className="gh-public-body">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="以下事项正在公示。为保护个人隐私,姓名已作脱敏处理。如有异议,请在公示期内点击「提出异议」如实反映,工会将重新核实。"
        />
        {list.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
        {list.data && list.data.length === 0 ? <Empty description="当前没有公示中的事项" style={{ marginTop: 48 }} /> : null}
        <Row gutter={[12, 12]}>
          {(list.data ?? []).map((item) => (
            <Col xs={24} md={12} key={item.id}>
              <PublicityCard item={item} onObject={() => setObjecting(item)} />
            </Col>
          ))}
        </Row>
      </main>
      <ObjectionModal item={objecting} onClose={() => setObjecting(null)} />
    </div>
  );
}
