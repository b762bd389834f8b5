import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { RecuperationRested } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { recuperationApi, recuperationKeys, type RecuperationRestedQuery } from '../../api/recuperation.api';
import { APP_TIME_ZONE, dayjs, formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { SOURCE_LABELS } from '../activities/activity-labels';

interface FilterValues {
  year?: Dayjs | null;
  orgId?: string;
  q?: string;
}
type Filters = Omit<RecuperationRestedQuery, 'page' | 'pageSize'>;

const thisYear = (): number => dayjs().tz(APP_TIME_ZONE).year();

/** 已疗休养人员: the members whose stays are confirmed in a year, with totals, paging and a masked xlsx export (audited). */
export function RecuperationRestedPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>(() => ({ year: thisYear() }));
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: recuperationKeys.rested(query), queryFn: () => recuperationApi.rested(query), placeholderData: keepPreviousData });
  const exporter = useMutation({
    mutationFn: () => recuperationApi.exportRested(filters),
    onSuccess: () => void message.success('已开始下载(身份证号已脱敏)'),
    onError: (error) => void message.error(`导出失败:${errorMessage(error)}`),
  });

  const columns: TableColumnsType<RecuperationRested> = [
    { title: '姓名', dataIndex: 'memberName', width: 100, fixed: 'left' },
    { title: '身份证号', dataIndex: 'memberIdCard', width: 175 },
    { title: '所在工会', dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: '批次', dataIndex: 'batchTitle', ellipsis: true, render: (t: string, r) => <Link to={`/recuperation/batches/${r.batchId}`}>{t}</Link> },
    { title: '基地 / 线路', key: 'route', width: 200, ellipsis: true, render: (_v, r) => `${r.baseName} · ${r.routeName}` },
    { title: '行程', key: 'stay', width: 200, render: (_v, r) => `${r.startDate} 至 ${r.endDate}(${r.days}天)` },
    { title: '费用', dataIndex: 'cost', width: 110, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '随行家属', dataIndex: 'companions', width: 90, align: 'right', render: (v: number) => (v > 0 ? `${v} 人` : '—') },
    { title: '来源', dataIndex: 'source', width: 70, render: (s: RecuperationRested['source']) => SOURCE_LABELS[s] },
    { title: '签到', dataIndex: 'checkedInAt', width: 130, render: (v: string | null) => (v ? formatTime(v, 'MM-DD HH:mm') : <Tag>未签到</Tag>) },
  ];

  const applyFilters = (v: FilterValues) => {
    setFilters({ year: v.year ? v.year.year() : thisYear(), orgId: v.orgId ?? undefined, q: v.q?.trim() || undefined });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const data = list.data;

  return (
    <>
      <PageTitle
        title="已疗休养人员"
        extra={
          <Button icon={<ExportOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate()} data-testid="rested-export">
            导出
          </Button>
        }
      />
      <Form<FilterValues> name="recuperation-rested-filter" form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} initialValues={{ year: dayjs(`${thisYear()}-01-01`) }} onFinish={applyFilters}>
        <Form.Item name="year" label="年度">
          <DatePicker picker="year" allowClear={false} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="orgId" label="所在工会">
          <OrgTreeSelect style={{ width: 220 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="q" label="姓名">
          <Input allowClear placeholder="会员姓名" style={{ width: 150 }} maxLength={30} aria-label="查找会员" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              applyFilters({});
            }}
          >
            重置
          </Button>
        </Form.Item>
      </Form>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        <Col flex="1 1 180px">
          <Card size="small">
            <Statistic title="年度" value={data?.year ?? filters.year ?? thisYear()} suffix="年" groupSeparator="" />
          </Card>
        </Col>
        <Col flex="1 1 180px">
          <Card size="small" data-testid="rested-persons">
            <Statistic title="已疗休养人数" value={data?.persons ?? 0} suffix="人" />
          </Card>
        </Col>
        <Col flex="1 1 180px">
          <Card size="small" data-testid="rested-cost">
            <Statistic title="费用合计" value={formatYuan(data?.totalCost ?? 0, '')} suffix="元" />
          </Card>
        </Col>
      </Row>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<RecuperationRested>
        rowKey="enrolmentId"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1450 }}
        data-testid="recuperation-rested"
        locale={{ emptyText: '本年度暂无已疗休养人员' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
    </>
  );
}
