import { useState } from 'react';
import { Alert, Button, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { LEARNING_CATEGORY_LABELS, type CourseListQuery, type CourseStatus, type CourseSummary, type LearningCategory } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { learningApi, learningKeys } from '../../api/learning.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';
import { CATEGORY_OPTIONS, COURSE_STATUS_OPTIONS, CourseStatusTag, minutesText } from './learning-labels';

type Filters = Omit<Partial<CourseListQuery>, 'page' | 'pageSize'>;

/** 学习园地: the courses of the caller's unions, with filters and paging. */
export function LearningCoursesPage() {
  const navigate = useNavigate();
  const { user } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = { ...filters, page, pageSize };
  const list = useQuery({ queryKey: learningKeys.list(query), queryFn: () => learningApi.list(query), placeholderData: keepPreviousData });
  const set = (next: Filters) => {
    setFilters({ ...filters, ...next });
    setPage(1);
  };
  const columns: TableColumnsType<CourseSummary> = [
    { title: '课程', dataIndex: 'title', width: 300, render: (v: string, r) => <Link to={`/learning/${r.id}`}>{v}</Link> },
    { title: '分类', dataIndex: 'category', width: 100, render: (v: LearningCategory) => LEARNING_CATEGORY_LABELS[v] },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: CourseStatus) => <CourseStatusTag status={v} /> },
    { title: '所属组织', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '资料', key: 'materials', width: 140, render: (_v, r) => `${r.materialCount}份 · ${minutesText(r.totalMinutes)}` },
    { title: '测验', dataIndex: 'hasQuiz', width: 70, render: (v: boolean) => (v ? '有' : '—') },
    { title: '指派/完成', key: 'done', width: 110, render: (_v, r) => `${r.assignedCount} / ${r.finishedCount}` },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
  ];
  return (
    <>
      <PageTitle
        title="学习园地"
        extra={
          hasPermission(user, 'learning:course:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/learning/new')} data-testid="course-new">
              新建课程
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        学习贯彻六中全会精神、系列讲话和工运理论,“笃学深悟、明理弘道、知行合一”。课程由图文课、链接和文档组成,可附测验;发布后指派给所选组织的会员或工会干部(或指定人员)并设截止日期,截止前自动提醒未完成的人员。职工在手机端“我的学习”中学习。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="状态" style={{ width: 120 }} options={COURSE_STATUS_OPTIONS} value={filters.status} onChange={(v: CourseStatus | undefined) => set({ status: v })} />
        <Select allowClear placeholder="分类" style={{ width: 130 }} options={CATEGORY_OPTIONS} value={filters.category} onChange={(v: LearningCategory | undefined) => set({ category: v })} />
        <Input.Search allowClear placeholder="课程名称" style={{ width: 240 }} onSearch={(v) => set({ q: v || undefined })} />
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<CourseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1200 }}
        locale={{ emptyText: '暂无课程' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 门`, onChange: (p, s) => { setPageSize(s); setPage(s === pageSize ? p : 1); } }}
      />
    </>
  );
}
