import { App, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { JointMeeting } from '@gonghui/contracts';
import { jointApi } from '../../api/joint-meeting.api';
import { applyServerErrors } from '../../api/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

interface Props {
  meetingId: string;
  onClose: () => void;
  onSaved: (m: JointMeeting) => void;
}

function useSave<V>(form: ReturnType<typeof Form.useForm<V>>[0], fields: string[], fn: (v: V) => Promise<JointMeeting>, onSaved: (m: JointMeeting) => void) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: (m) => {
      void message.success('已保存');
      onSaved(m);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, fields);
      if (rest) void message.error(rest);
    },
  });
}

/** 增加议题. */
export function AgendaItemModal({ meetingId, open, onClose, onSaved }: Props & { open: boolean }) {
  const [form] = Form.useForm<{ topic: string; background?: string }>();
  const save = useSave(form, ['topic', 'background'], (v) => jointApi.addAgendaItem(meetingId, { topic: v.topic, background: v.background }), onSaved);
  return (
    <Modal title="增加议题" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="topic" label="议题" rules={[{ required: true, message: '请填写议题' }]}><Input maxLength={200} data-testid="agenda-topic" /></Form.Item>
        <Form.Item name="background" label="背景情况"><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

interface CommitmentValues {
  content: string;
  governmentDepartment: string;
  ownerOrgId: string;
  deadline: string;
}

/** 增加议定事项: content, responsible government department, union owner, deadline. */
export function CommitmentModal({ meetingId: _m, agendaId, onClose, onSaved }: Props & { agendaId: string | null }) {
  const [form] = Form.useForm<CommitmentValues>();
  const save = useSave(form, ['content', 'governmentDepartment', 'ownerOrgId', 'deadline'], (v) => jointApi.addCommitment(agendaId!, v), onSaved);
  return (
    <Modal title="增加议定事项" open={agendaId !== null} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="content" label="议定事项" rules={[{ required: true, message: '请填写议定事项' }]}><Input.TextArea rows={3} maxLength={1000} data-testid="commitment-content" /></Form.Item>
        <Form.Item name="governmentDepartment" label="政府责任部门" rules={[{ required: true, message: '请填写责任部门' }]} extra="如 市人力社保局、市民政局"><Input maxLength={80} data-testid="commitment-department" /></Form.Item>
        <Form.Item name="ownerOrgId" label="工会责任单位" rules={[{ required: true, message: '请选择工会责任单位' }]} extra="负责跟进并报告进展的工会"><OrgTreeSelect aria-label="工会责任单位" /></Form.Item>
        <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请填写完成时限' }]}><Input type="date" data-testid="commitment-deadline" /></Form.Item>
      </Form>
    </Modal>
  );
}
