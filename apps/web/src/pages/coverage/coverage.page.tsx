import { useCallback, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-client';
import type { CoverageChild } from '../../api/contract-types';
import { coverageApi } from '../../api/coverage.api';
import { enterpriseApi } from '../../api/enterprise.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { PageTitle } from '../../components/page-title.component';
import { CoverageCards } from './coverage-cards.component';
import { CoverageChart } from './coverage-chart.component';
import { CoverageSettingsButton } from './coverage-settings.component';
import { CoverageTable } from './coverage-table.component';

interface Crumb {
  id: string;
  name: string;
}

/** 组织覆盖: 建会率 and 入会率 from the user's own org down, district → street → union, with the work lists. */
export function CoveragePage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [trail, setTrail] = useState<Crumb[]>(() => (user ? [{ id: user.orgId, name: user.orgName }] : []));
  const current = trail[trail.length - 1];
  const data = useQuery({
    queryKey: queryKeys.coverageChildren(current?.id ?? ''),
    queryFn: () => coverageApi.children(current?.id ?? ''),
    enabled: !!current,
  });

  const drill = useCallback(
    (child: CoverageChild) => {
      if (!child.hasChildren) {
        void message.info(`「${child.orgName}」没有下级组织`);
        return;
      }
      setTrail((t) => [...t, { id: child.orgId, name: child.orgName }]);
    },
    [message],
  );

  if (!user || !current) return null;
  const coverage = data.data?.org;
  const children = data.data?.children ?? [];
  const orgId = current.id;

  return (
    <>
      <PageTitle
        title="组织覆盖"
        extra={
          <>
            {hasPermission(user, 'enterprise:enterprise:list') ? (
              <Button icon={<UnorderedListOutlined />} onClick={() => void navigate(`/enterprises?orgId=${encodeURIComponent(orgId)}&tab=ununionised`)}>
                未建会企业
              </Button>
            ) : null}
            {hasPermission(user, 'member:member:list') ? (
              <Button icon={<TeamOutlined />} onClick={() => void navigate(`/members?orgId=${encodeURIComponent(orgId)}`)}>
                会员名册
              </Button>
            ) : null}
            {hasPermission(user, 'enterprise:enterprise:export') ? (
              <ExportButton
                label="导出未建会企业"
                title={`导出未建会企业:${current.name}`}
                fallbackName={`未建会企业-${current.name}.xlsx`}
                description={`导出「${current.name}」及下级负责的、职工 ${coverage?.minEmployees ?? '—'} 人及以上的未建会企业,作为组建工会的工作清单。`}
                disabled={!coverage}
                start={() => enterpriseApi.export({ orgId, unionised: false, minEmployees: coverage?.minEmployees })}
              />
            ) : null}
            {hasPermission(user, 'coverage:settings:configure') ? <CoverageSettingsButton /> : null}
          </>
        }
      />
      <Breadcrumb
        style={{ marginBottom: 16 }}
        data-testid="coverage-breadcrumb"
        items={trail.map((crumb, i) =>
          i === trail.length - 1
            ? { key: crumb.id, title: crumb.name }
            : {
                key: crumb.id,
                title: (
                  <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setTrail((t) => t.slice(0, i + 1))}>
                    {crumb.name}
                  </Button>
                ),
              },
        )}
      />
      {data.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(data.error)}
          action={
            <Button size="small" onClick={() => void data.refetch()}>
              重试
            </Button>
          }
        />
      ) : null}
      {data.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {coverage ? (
        <>
          <CoverageCards coverage={coverage} />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 16px', fontSize: 12 }}>
            建会率 = 职工 {coverage.minEmployees} 人及以上的已建会企业数 ÷ 同口径企业数;入会率 = 在册会员数 ÷ 已建会企业职工数。
          </Typography.Paragraph>
          {children.length === 0 ? (
            <Card>
              <Empty description={`「${current.name}」没有下级组织`} />
            </Card>
          ) : (
            <>
              <Card title="下级组织建会率、入会率" size="small" style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">点击柱形下钻</Typography.Text>}>
                <CoverageChart items={children} onPick={drill} />
              </Card>
              <CoverageTable items={children} loading={data.isFetching} onDrill={drill} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
