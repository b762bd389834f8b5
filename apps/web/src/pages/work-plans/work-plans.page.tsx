import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { DashboardOutlined, OrderedListOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { WorkPlanListItem } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { planApi, planKeys } from '../../api/work-plan.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { PageTitle } from '../../components/page-title.component';

/** 年度工作总结与计划 in scope; 新建 starts a plan of the caller's union for a year. */
export function WorkPlansPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ year: number; title: string }>();
  const list = useQuery({ queryKey: planKeys.list(year), queryFn: () => planApi.list(year) });
  const create = useMutation({
    mutationFn: (v: { year: number; title: string }) => planApi.create({ ...v, summary: undefined, principles: [] }),
    onSuccess: (p) => void navigate(`/work-plans/${p.id}`),
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['year', 'title']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <>
      <PageTitle
        title="年度工作计划"
        extra={
          <>
            <Button icon={<DashboardOutlined />} onClick={() => void navigate('/supervision')}>督办看板</Button>
            <Button icon={<OrderedListOutlined />} onClick={() => void navigate('/meeting-checklists')}>会议筹备清单</Button>
            <ExportButton title="导出重点任务" fallbackName="年度重点任务.xlsx" description="导出所选年度的重点任务、责任单位、时限、进度与状态。" start={() => planApi.exportTasks({ year })} />
            {hasPermission(user, 'plan:plan:manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-plan">新建计划</Button> : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary">年度工作总结与计划按指导原则分解重点任务,落实到责任单位;责任单位报告进展,临期提醒、逾期报上级督办。</Typography.Paragraph>
      <Flex style={{ marginBottom: 12 }}><InputNumber placeholder="年度" min={2000} max={2100} style={{ width: 110 }} onChange={(v) => setYear(v ?? undefined)} /></Flex>
      <Table<WorkPlanListItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        locale={{ emptyText: '暂无工作计划' }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '计划', dataIndex: 'title', render: (v: string, r) => <Link to={`/work-plans/${r.id}`}>{v}</Link> },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '单位', dataIndex: 'orgName', width: 160 },
          { title: '原则', dataIndex: 'principles', width: 70 },
          { title: '重点任务', dataIndex: 'tasks', width: 90 },
          { title: '逾期', dataIndex: 'overdue', width: 70, render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
        ]}
      />
      <Modal title="新建年度工作计划" open={creating} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ year: new Date().getFullYear() + 1 }}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}><Input maxLength={120} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
