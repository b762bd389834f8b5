import { App, Button, Flex, Form, Input, Select, Table } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { PARTICIPANT_KINDS, PARTICIPANT_KIND_LABELS, type Competition, type Participant } from '@gonghui/contracts';
import { competitionApi, type ParticipantBody } from '../../api/competition.api';
import { applyServerErrors } from '../../api/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

/** 参赛对象: units, teams (班组) and individuals; the organiser adds them until the campaign ends. */
export function CompetitionParticipants({ c, onChanged }: { c: Competition; onChanged: (next: Competition) => void }) {
  const [form] = Form.useForm<ParticipantBody>();
  const { message } = App.useApp();
  const add = useMutation({
    mutationFn: (v: ParticipantBody) => competitionApi.addParticipant(c.id, v),
    onSuccess: (next) => {
      onChanged(next);
      form.resetFields(['name']);
      void message.success('已添加参赛对象');
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['kind', 'name', 'orgId']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <>
      {c.abilities.canAddParticipant ? (
        <Form<ParticipantBody> form={form} layout="inline" initialValues={{ kind: 'team' }} onFinish={(v) => add.mutate(v)} style={{ marginBottom: 12, rowGap: 8 }} data-testid="participant-form">
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select style={{ width: 110 }} options={PARTICIPANT_KINDS.map((k) => ({ value: k, label: PARTICIPANT_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, message: '请填写名称' }]}>
            <Input placeholder="单位、班组名称或姓名" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="orgId" rules={[{ required: true, message: '请选择所属工会' }]}>
            <OrgTreeSelect placeholder="所属工会" style={{ width: 260 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            添加
          </Button>
        </Form>
      ) : null}
      <Flex vertical>
        <Table<Participant>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.participantList}
          locale={{ emptyText: '尚无参赛对象' }}
          columns={[
            { title: '类别', dataIndex: 'kindLabel', width: 100 },
            { title: '名称', dataIndex: 'name' },
            { title: '所属工会', dataIndex: 'orgName' },
          ]}
          data-testid="participant-table"
        />
      </Flex>
    </>
  );
}
