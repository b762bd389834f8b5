import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { WorkPlan, WorkPlanBody, WorkPlanTask } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { planApi, planKeys } from '../../api/work-plan.api';
import { PageTitle } from '../../components/page-title.component';
import { DeadlineTag } from '../../components/tracking-panel.component';
import { TaskModal } from './task-modal.component';

type Values = Pick<WorkPlanBody, 'title' | 'summary' | 'principles'>;

/** The plan editor: summary, ordered principles (add, move, remove), key tasks under each with owners and state. */
export function WorkPlanEditorPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [taskFor, setTaskFor] = useState<string | null>(null);
  const q = useQuery({ queryKey: planKeys.one(id), queryFn: () => planApi.get(id) });
  const saved = (p: WorkPlan) => {
    qc.setQueryData(planKeys.one(id), p);
    void qc.invalidateQueries({ queryKey: planKeys.all });
    form.setFieldsValue({ principles: p.principleList.map((x) => ({ id: x.id, title: x.title, description: x.description })) });
  };
  const save = useMutation({
    mutationFn: (v: Values) => planApi.update(id, { ...v, year: q.data!.year }),
    onSuccess: (p) => {
      saved(p);
      void message.success('计划已保存');
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['title', 'summary', 'principles']);
      if (rest) void message.error(rest);
    },
  });
  if (q.isError) return <Alert type="error" message={errorMessage(q.error)} />;
  const p = q.data;
  if (!p) return <Card loading />;
  const submit = (v: Values) => {
    const removed = p.principleList.filter((x) => !v.principles.some((y) => y.id === x.id) && x.tasks.length > 0);
    if (removed.length === 0) return save.mutate(v);
    modal.confirm({ title: '删除原则', content: `删除「${removed.map((x) => x.title).join('、')}」将同时删除其下的重点任务和进展记录,确定吗?`, okText: '删除并保存', okButtonProps: { danger: true }, onOk: () => save.mutate(v) });
  };
  return (
    <>
      <PageTitle title={`${p.year}年 ${p.title}`} />
      <Form form={form} layout="vertical" disabled={!p.abilities.canEdit} onFinish={submit} initialValues={{ title: p.title, summary: p.summary, principles: p.principleList.map((x) => ({ id: x.id, title: x.title, description: x.description })) }}>
        <Card size="small" title="总结与思路" style={{ marginBottom: 16 }}>
          <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}><Input maxLength={120} /></Form.Item>
          <Form.Item name="summary" label="上年度工作总结"><Input.TextArea rows={5} maxLength={20000} /></Form.Item>
        </Card>
        <Card size="small" title="指导原则(按顺序)" style={{ marginBottom: 16 }} extra={p.abilities.canEdit ? <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>保存计划</Button> : null}>
          <Form.List name="principles">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Typography.Text>{i + 1}.</Typography.Text>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写原则' }]}><Input placeholder="如:以服务职工为中心" style={{ width: 300 }} /></Form.Item>
                    <Form.Item name={[f.name, 'description']}><Input placeholder="说明" style={{ width: 360 }} /></Form.Item>
                    <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                    <Button size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="下移" />
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })}>增加原则</Button>
              </>
            )}
          </Form.List>
        </Card>
      </Form>
      {p.principleList.map((pr) => (
        <Card key={pr.id} size="small" title={`${pr.position}. ${pr.title}`} style={{ marginBottom: 12 }} extra={p.abilities.canEdit ? <Button size="small" icon={<PlusOutlined />} onClick={() => setTaskFor(pr.id)}>重点任务</Button> : null}>
          {pr.description ? <Typography.Paragraph type="secondary">{pr.description}</Typography.Paragraph> : null}
          <Table<WorkPlanTask>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={pr.tasks}
            locale={{ emptyText: '暂无重点任务' }}
            columns={[
              { title: '重点任务', dataIndex: 'title', render: (v: string, r) => <Link to={`/work-plans/tasks/${r.id}`}>{v}</Link> },
              { title: '责任单位与进度', render: (_, r) => <Space wrap>{r.owners.map((o) => <span key={o.id}>{o.ownerOrgName} {o.percent}% <DeadlineTag state={o.deadlineState} /></span>)}</Space> },
              { title: '完成时限', width: 110, render: (_, r) => r.owners[0]?.deadline ?? '—' },
            ]}
          />
        </Card>
      ))}
      {p.principleList.length === 0 ? <Tag>先增加并保存指导原则,再在原则下增加重点任务</Tag> : null}
      <TaskModal planId={p.id} principleId={taskFor} onClose={() => setTaskFor(null)} onSaved={(x) => { saved(x); setTaskFor(null); }} />
    </>
  );
}
