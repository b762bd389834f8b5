import { Alert, Breadcrumb, Button, Empty, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { LearningStatsRow } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { learningApi, learningKeys } from '../../api/learning.api';
import { PageTitle } from '../../components/page-title.component';

const rate = (r: LearningStatsRow) => (r.assigned ? `${((r.finished / r.assigned) * 100).toFixed(1)}%` : '—');

/** 学习完成统计: one course, the chosen org and each sub-org (click to drill down), export of the level shown. */
export function LearningStatsPage() {
  const [params, setParams] = useSearchParams();
  const courseId = params.get('courseId') ?? undefined;
  const rootOrgId = params.get('rootOrgId') ?? undefined;
  const courses = useQuery({ queryKey: learningKeys.list({ status: 'published', pageSize: 200 }), queryFn: () => learningApi.list({ status: 'published', pageSize: 200 }) });
  const stats = useQuery({ queryKey: learningKeys.stats(courseId ?? '', rootOrgId), queryFn: () => learningApi.stats(courseId!, rootOrgId), enabled: !!courseId });
  const exporting = useMutation({ mutationFn: () => learningApi.exportStats(courseId!, rootOrgId) });
  const go = (next: { courseId?: string; rootOrgId?: string }) => {
    const p = new URLSearchParams();
    if (next.courseId) p.set('courseId', next.courseId);
    if (next.rootOrgId) p.set('rootOrgId', next.rootOrgId);
    setParams(p);
  };
  const columns: TableColumnsType<LearningStatsRow> = [
    {
      title: '组织', dataIndex: 'orgName', render: (v: string, r) => (r.hasChildren && r.orgId !== stats.data?.root.orgId ? <a onClick={() => go({ courseId, rootOrgId: r.orgId })} data-testid="stats-drill">{v}</a> : v),
    },
    { title: '指派人数', dataIndex: 'assigned', align: 'right', width: 100 },
    { title: '已开始', dataIndex: 'started', align: 'right', width: 100 },
    { title: '已完成', dataIndex: 'finished', align: 'right', width: 100 },
    { title: '测验通过', dataIndex: 'passed', align: 'right', width: 100 },
    { title: '完成率', key: 'rate', align: 'right', width: 100, render: (_v, r) => rate(r) },
    { title: '平均分', dataIndex: 'averageScore', align: 'right', width: 100, render: (v: number | null) => v ?? '—' },
  ];
  const data = stats.data;
  return (
    <>
      <PageTitle
        title="学习完成统计"
        extra={courseId ? <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>导出Excel</Button> : null}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        每行统计该组织及其全部下级:指派人数按指派时的名单;已开始为打开过课程的人数;已完成为学完全部资料并通过测验(如有)的人数;平均分为各人多次作答中的最高分的平均。点击组织名称逐级下钻。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select showSearch optionFilterProp="label" placeholder="选择课程" style={{ width: 420 }} value={courseId} loading={courses.isFetching}
          options={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} onChange={(v: string) => go({ courseId: v })} data-testid="stats-course" />
      </Flex>
      {stats.isError ? <Alert type="error" showIcon title={errorMessage(stats.error)} style={{ marginBottom: 12 }} /> : null}
      {exporting.isError ? <Alert type="error" showIcon title={errorMessage(exporting.error)} style={{ marginBottom: 12 }} /> : null}
      {!courseId ? <Empty description="请选择课程" /> : null}
      {data ? (
        <>
          <Breadcrumb style={{ marginBottom: 8 }} items={data.path.map((p) => ({ title: p.orgId === data.root.orgId ? p.orgName : <a onClick={() => go({ courseId, rootOrgId: p.orgId })}>{p.orgName}</a> }))} />
          <Table<LearningStatsRow>
            rowKey="orgId"
            size="middle"
            loading={stats.isFetching}
            columns={columns}
            dataSource={[{ ...data.root, orgName: `${data.root.orgName}(合计)` }, ...data.rows]}
            pagination={false}
            data-testid="learning-stats"
            rowClassName={(r) => (r.orgId === data.root.orgId ? 'ant-table-row-selected' : '')}
          />
        </>
      ) : null}
    </>
  );
}
