import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Form, Input, List, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHECKLIST_KINDS, CHECKLIST_KIND_LABELS, type ChecklistBody } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { planApi, planKeys } from '../../api/work-plan.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';

/** 会议筹备清单 (全委会, 职代会): ordered items with who is responsible and when, ticked off as done. */
export function MeetingChecklistsPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<ChecklistBody>();
  const lists = useQuery({ queryKey: planKeys.checklists, queryFn: planApi.checklists });
  const refresh = () => void qc.invalidateQueries({ queryKey: planKeys.checklists });
  const create = useMutation({
    mutationFn: (v: ChecklistBody) => planApi.createChecklist(v),
    onSuccess: () => {
      setCreating(false);
      refresh();
      void message.success('已按模板生成筹备清单');
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['kind', 'title', 'meetingDate']);
      if (rest) void message.error(rest);
    },
  });
  const tick = useMutation({ mutationFn: (a: { id: string; itemId: string; done: boolean }) => planApi.setDone(a.id, a.itemId, a.done), onSuccess: refresh, onError: () => void message.error('操作失败,请刷新后重试') });
  return (
    <>
      <PageTitle title="会议筹备清单" extra={hasPermission(user, 'plan:checklist:manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建清单</Button> : null} />
      <Typography.Paragraph type="secondary">全委会、职代会等会议的筹备事项,按模板生成(完成日期按会议日期倒排),逐项勾选完成。</Typography.Paragraph>
      {lists.data?.length === 0 ? <Empty description="暂无筹备清单" /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {lists.data?.map((c) => (
          <Card key={c.id} size="small" title={<span>{c.title} <Tag>{CHECKLIST_KIND_LABELS[c.kind]}</Tag></span>} extra={<span>会议日期 {c.meetingDate} · {c.orgName}</span>}>
            <Progress percent={c.total ? Math.round((c.done * 100) / c.total) : 0} format={() => `${c.done}/${c.total}`} />
            <List
              size="small"
              dataSource={c.items}
              renderItem={(i) => (
                <List.Item>
                  <Checkbox checked={i.done} disabled={!c.abilities.canEdit || tick.isPending} onChange={(e) => tick.mutate({ id: c.id, itemId: i.id, done: e.target.checked })}>
                    {i.position}. {i.title}
                  </Checkbox>
                  <span>
                    {i.responsible} · {i.dueDate ?? '—'} {i.overdue ? <Tag color="red">逾期</Tag> : null}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Space>
      <Modal title="新建筹备清单" open={creating} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ kind: 'plenary' }}>
          <Form.Item name="kind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}><Select options={CHECKLIST_KINDS.map((k) => ({ value: k, label: CHECKLIST_KIND_LABELS[k] }))} /></Form.Item>
          <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}><Input maxLength={120} placeholder="如:市总工会十四届九次全委会" /></Form.Item>
          <Form.Item name="meetingDate" label="会议日期" rules={[{ required: true, message: '请填写会议日期' }]}><Input type="date" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
