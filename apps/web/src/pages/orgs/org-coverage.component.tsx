import { Alert, Button, Card, Flex, Skeleton } from 'antd';
import { BankOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { coverageApi } from '../../api/coverage.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { CoverageCards } from '../coverage/coverage-cards.component';

/** The selected union's 建会率 / 入会率 and links to its members and its 未建会企业 (组织机构 detail). */
export function OrgCoverage({ orgId }: { orgId: string }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const allowed = hasPermission(user, 'coverage:coverage:view');
  const coverage = useQuery({ queryKey: queryKeys.orgCoverage(orgId), queryFn: () => coverageApi.get(orgId), enabled: allowed });
  const members = hasPermission(user, 'member:member:list');
  const enterprises = hasPermission(user, 'enterprise:enterprise:list');
  if (!allowed && !members) return null;

  return (
    <Card
      size="small"
      title="组织覆盖与会员"
      style={{ marginTop: 16 }}
      data-testid="org-coverage"
      extra={
        <Flex gap={8} wrap>
          {members ? (
            <Button size="small" icon={<TeamOutlined />} onClick={() => void navigate(`/members?orgId=${encodeURIComponent(orgId)}`)}>
              查看会员
            </Button>
          ) : null}
          {enterprises ? (
            <Button size="small" icon={<BankOutlined />} onClick={() => void navigate(`/enterprises?orgId=${encodeURIComponent(orgId)}&tab=ununionised`)}>
              未建会企业
            </Button>
          ) : null}
        </Flex>
      }
    >
      {!allowed ? null : coverage.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : coverage.isError ? (
        <Alert type="error" showIcon title={errorMessage(coverage.error)} />
      ) : (
        <CoverageCards coverage={coverage.data} compact />
      )}
    </Card>
  );
}
