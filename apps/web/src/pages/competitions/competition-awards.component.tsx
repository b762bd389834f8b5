import { App, Button, Form, Select, Table } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { AWARD_FOR, AWARD_KINDS, AWARD_KIND_LABELS, type Award, type AwardKind, type Competition } from '@gonghui/contracts';
import { competitionApi } from '../../api/competition.api';
import { applyServerErrors } from '../../api/form-errors';
import { formatTime } from '../../app/time';

interface Values {
  participantId: string;
  kind: AwardKind;
}

/** 表彰: 先进集体、工人先锋号 (units, teams), 先进个人 and 立功 levels (individuals); each with a PDF certificate. */
export function CompetitionAwards({ c, onChanged }: { c: Competition; onChanged: (next: Competition) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const participantId = Form.useWatch('participantId', form);
  const p = c.participantList.find((x) => x.id === participantId);
  const kinds = AWARD_KINDS.filter((k) => (!p || (AWARD_FOR[k] === 'individual') === (p.kind === 'individual')) && (c.kind === 'merit' || !k.startsWith('merit_')));
  const award = useMutation({
    mutationFn: (v: Values) => competitionApi.award(c.id, v),
    onSuccess: (next) => {
      onChanged(next);
      form.resetFields();
      void message.success('已评定表彰');
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['participantId', 'kind']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <>
      {c.abilities.canAward ? (
        <Form<Values> form={form} layout="inline" onFinish={(v) => award.mutate(v)} style={{ marginBottom: 12 }} data-testid="award-form">
          <Form.Item name="participantId" rules={[{ required: true, message: '请选择表彰对象' }]}>
            <Select placeholder="表彰对象" style={{ width: 220 }} options={c.participantList.map((x) => ({ value: x.id, label: `${x.name}(${x.kindLabel})` }))} />
          </Form.Item>
          <Form.Item name="kind" rules={[{ required: true, message: '请选择表彰类别' }]}>
            <Select placeholder="表彰类别" style={{ width: 150 }} options={kinds.map((k) => ({ value: k, label: AWARD_KIND_LABELS[k] }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={award.isPending}>
            评定
          </Button>
        </Form>
      ) : null}
      <Table<Award>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.awards}
        locale={{ emptyText: '尚未评定表彰' }}
        columns={[
          { title: '表彰对象', dataIndex: 'participantName' },
          { title: '表彰类别', dataIndex: 'kindLabel', width: 120 },
          { title: '证书编号', dataIndex: 'certificateNo', width: 180 },
          { title: '评定时间', dataIndex: 'awardedAt', width: 170, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
          { title: '证书', key: 'pdf', width: 90, render: (_v, a) => <a href={competitionApi.certificateHref(a.id)} target="_blank" rel="noreferrer">荣誉证书</a> },
        ]}
        data-testid="award-table"
      />
    </>
  );
}
