import { App, Button, Form, Input, InputNumber, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Competition, CompetitionScore } from '@gonghui/contracts';
import { competitionApi } from '../../api/competition.api';
import { applyMappedServerErrors } from '../../api/form-errors';

interface Values {
  participantId: string;
  periodKey: string;
  points: Record<string, number>;
  note?: string;
}

/** 填报得分: one participant, one period, each indicator within its maximum; the weighted score is computed by the server. */
export function CompetitionScoreForm({ c, onSaved }: { c: Competition; onSaved: (s: CompetitionScore) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: Values) => competitionApi.submitScore(c.id, { participantId: v.participantId, periodKey: v.periodKey, note: v.note || undefined, values: c.indicators.map((i) => ({ key: i.key, points: v.points[i.key] ?? 0 })) }),
    onSuccess: (s) => {
      void message.success(`已填报:${s.participantName} ${s.periodLabel} 得分 ${s.score}`);
      onSaved(s);
    },
    onError: (e) => {
      const fieldOf: Record<string, string> = { participantId: 'participantId', periodKey: 'periodKey', note: 'note' };
      c.indicators.forEach((ind, i) => (fieldOf[`values.${i}`] = `points.${ind.key}`));
      const rest = applyMappedServerErrors(form, e, fieldOf);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Form<Values> form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginBottom: 12, rowGap: 8 }} data-testid="score-form">
      <Form.Item name="participantId" label="参赛对象" rules={[{ required: true, message: '请选择参赛对象' }]}>
        <Select placeholder="参赛对象" style={{ width: 200 }} options={c.participantList.map((p) => ({ value: p.id, label: `${p.name}(${p.kindLabel})` }))}/>
      </Form.Item>
      <Form.Item name="periodKey" label="评比阶段" rules={[{ required: true, message: '请选择阶段' }]}>
        <Select placeholder="评比阶段" style={{ width: 130 }} options={c.periods.map((p) => ({ value: p.key, label: p.label }))}/>
      </Form.Item>
      {c.indicators.map((i) => (
        <Form.Item key={i.key} name={['points', i.key]} label={`${i.title}(×${i.weight})`} rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={0} max={i.maxPoints} placeholder={`≤${i.maxPoints}`} style={{ width: 90 }}/>
        </Form.Item>
      ))}
      <Form.Item name="note">
        <Input placeholder="说明(可选)" style={{ width: 180 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="submit-score">
        提交得分
      </Button>
    </Form>
  );
}
