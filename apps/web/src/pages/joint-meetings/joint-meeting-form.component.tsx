import { App, Button, Col, Form, Input, Modal, Row, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { JointMeeting, JointMeetingBody } from '@gonghui/contracts';
import { jointApi } from '../../api/joint-meeting.api';
import { applyServerErrors } from '../../api/form-errors';

function Participants({ name, label, testId }: { name: 'governmentParticipants' | 'unionParticipants'; label: string; testId: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <Typography.Text strong>{label}</Typography.Text>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}><Input placeholder="姓名" style={{ width: 100 }} /></Form.Item>
              <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写职务' }]}><Input placeholder="职务" style={{ width: 120 }} /></Form.Item>
              <Form.Item name={[f.name, 'organisation']} rules={[{ required: true, message: '请填写单位' }]}><Input placeholder="单位" style={{ width: 220 }} /></Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
            </Space>
          ))}
          <Form.Item><Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid={testId}>添加{label}</Button></Form.Item>
        </>
      )}
    </Form.List>
  );
}

/** 登记 / 修改 联席会议: name, date, place, both sides' participants (name, title, organisation). */
export function JointMeetingFormModal({ open, meeting, onClose, onSaved }: { open: boolean; meeting?: JointMeeting; onClose: () => void; onSaved: (m: JointMeeting) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<JointMeetingBody>();
  const save = useMutation({
    mutationFn: (v: JointMeetingBody) => (meeting ? jointApi.update(meeting.id, v) : jointApi.create(v)),
    onSuccess: (m) => {
      void message.success('已保存');
      onSaved(m);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['title', 'meetingDate', 'place', 'governmentParticipants', 'unionParticipants']);
      if (rest) void message.error(rest);
    },
  });
  const initial: JointMeetingBody = meeting
    ? { title: meeting.title, meetingDate: meeting.meetingDate, place: meeting.place, governmentParticipants: meeting.governmentParticipants, unionParticipants: meeting.unionParticipants }
    : { title: '', meetingDate: '', place: '', governmentParticipants: [], unionParticipants: [] };
  return (
    <Modal title={meeting ? '修改联席会议' : '登记联席会议'} open={open} width={760} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate({ ...v, governmentParticipants: v.governmentParticipants ?? [], unionParticipants: v.unionParticipants ?? [] })}>
        <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}><Input maxLength={120} data-testid="meeting-title" /></Form.Item>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="meetingDate" label="会议日期" rules={[{ required: true, message: '请填写会议日期' }]}><Input type="date" data-testid="meeting-date" /></Form.Item></Col>
          <Col span={16}><Form.Item name="place" label="会议地点" rules={[{ required: true, message: '请填写会议地点' }]}><Input maxLength={120} data-testid="meeting-place" /></Form.Item></Col>
        </Row>
        <Participants name="governmentParticipants" label="政府方参会人员" testId="add-gov" />
        <Participants name="unionParticipants" label="工会方参会人员" testId="add-union" />
      </Form>
    </Modal>
  );
}
