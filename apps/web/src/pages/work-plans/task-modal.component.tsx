import { App, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { WorkPlan } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { planApi } from '../../api/work-plan.api';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

interface TaskValues {
  title: string;
  description?: string;
  ownerOrgIds: string[];
  deadline: string;
}

/** 增加重点任务 under a principle: one or more owner orgs, a deadline. */
export function TaskModal({ planId, principleId, onClose, onSaved }: { planId: string; principleId: string | null; onClose: () => void; onSaved: (p: WorkPlan) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskValues>();
  const save = useMutation({
    mutationFn: (v: TaskValues) => planApi.addTask(planId, { ...v, description: v.description, principleId: principleId! }),
    onSuccess: (p) => {
      void message.success('已增加重点任务');
      onSaved(p);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['title', 'description', 'ownerOrgIds', 'deadline']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal title="增加重点任务" open={principleId !== null} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label="重点任务" rules={[{ required: true, message: '请填写重点任务' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="description" label="任务要求"><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="ownerOrgIds" label="责任单位" rules={[{ required: true, message: '请选择至少一个责任单位' }]} extra="可选多个下级工会,各自报告进展"><OrgTreeSelect multiple aria-label="责任单位" /></Form.Item>
        <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请填写完成时限' }]}><Input type="date" /></Form.Item>
      </Form>
    </Modal>
  );
}
