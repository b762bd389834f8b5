import { useCallback, useMemo } from 'react';
import { Alert, Button, Card, Empty, Select, Skeleton, Space, Spin, Tag, Typography } from 'antd';
import { ArrowUpOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ORG_KIND_LABELS, type CockpitChild, type OrgKind } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { cockpitApi, cockpitKeys } from '../../api/cockpit.api';
import { dayjs, formatTime, APP_TIME_ZONE } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { CockpitBreadcrumb } from './cockpit-breadcrumb.component';
import { CockpitChangeChart, comparableFigures } from './cockpit-change-chart.component';
import { CockpitChildren } from './cockpit-children.component';
import { CockpitExport } from './cockpit-export.component';
import { CockpitGroups } from './cockpit-groups.component';

const FIRST_YEAR = 2020;

const isOrgKind = (kind: string): kind is OrgKind => kind in ORG_KIND_LABELS;

/** The year in the address when it is a sensible one, else this year (Beijing time). */
function yearOf(text: string | null, thisYear: number): number {
  const year = Number(text);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear;
}

/** 工作驾驶舱: the year's figures of an org subtree by group, 同比, targets, the children to drill into, the annual report. */
export function CockpitPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const thisYear = dayjs().tz(APP_TIME_ZONE).year();
  const orgId = params.get('orgId') ?? undefined;
  const year = yearOf(params.get('year'), thisYear);
  const data = useQuery({ queryKey: cockpitKeys.view({ orgId, year }), queryFn: () => cockpitApi.view({ orgId, year }), placeholderData: keepPreviousData });
  const view = data.data;

  const hrefOf = useCallback((id: string, y = year) => `/cockpit?orgId=${encodeURIComponent(id)}&year=${y}`, [year]);
  const drill = useCallback((child: CockpitChild) => void navigate(hrefOf(child.orgId)), [navigate, hrefOf]);
  const years = useMemo(() => Array.from({ length: Math.max(thisYear, year) - FIRST_YEAR + 1 }, (_, i) => Math.max(thisYear, year) - i), [thisYear, year]);
  const comparable = useMemo(() => comparableFigures(view?.figures ?? []), [view]);

  if (!user) return null;
  const shownId = view?.org.id ?? orgId ?? user.orgId;

  return (
    <>
      <PageTitle
        title="工作驾驶舱"
        extra={
          <>
            <Select
              aria-label="年度"
              style={{ width: 110 }}
              value={year}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(y: number) => void navigate(hrefOf(shownId, y))}
              data-testid="cockpit-year"
            />
            {view?.abilities.canExportReport ? <CockpitExport orgId={view.org.id} orgName={view.org.name} year={view.year} /> : null}
          </>
        }
      />
      {data.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`驾驶舱数据加载失败:${errorMessage(data.error)}`}
          action={
            <Space>
              <Button size="small" onClick={() => void data.refetch()}>
                重试
              </Button>
              {orgId ? (
                <Link to="/cockpit">
                  <Button size="small">回到本级</Button>
                </Link>
              ) : null}
            </Space>
          }
        />
      ) : null}
      {data.isPending ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {view ? (
        <Spin spinning={data.isPlaceholderData} description="正在读取…" delay={200}>
          <CockpitBreadcrumb view={view} ownOrgId={user.orgId} hrefOf={hrefOf} />
          <Space wrap style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="cockpit-heading">
              {view.org.name} {view.year}年工作数据
            </Typography.Title>
            <Tag>{isOrgKind(view.org.kind) ? ORG_KIND_LABELS[view.org.kind] : view.org.kind}</Tag>
            {view.abilities.canDrillUp && view.org.parentId ? (
              <Link to={hrefOf(view.org.parentId)} data-testid="cockpit-drill-up">
                <ArrowUpOutlined /> 返回上一级
              </Link>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              数据截至 {formatTime(view.generatedAt, 'YYYY-MM-DD HH:mm')};金额 1 万元以上以万元显示;点击指标查看明细清单。
            </Typography.Text>
          </Space>
          {view.figures.length === 0 ? (
            <Card style={{ marginBottom: 16 }}>
              <Empty description={`「${view.org.name}」${view.year}年暂无统计数据`} />
            </Card>
          ) : (
            <>
              <CockpitGroups figures={view.figures} />
              {comparable.length > 0 ? (
                <Card size="small" title={`同比变化(${view.year}年对比${view.year - 1}年)`} style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">比率类指标以百分点计</Typography.Text>}>
                  <CockpitChangeChart figures={view.figures} />
                </Card>
              ) : null}
              <CockpitChildren view={view} onDrill={drill} />
            </>
          )}
        </Spin>
      ) : null}
    </>
  );
}
