import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { WageContract } from '@gonghui/contracts';
import { wageContractApi } from '../../api/wage-contract.api';
import { applyServerErrors } from '../../api/form-errors';
import { dayjs } from '../../app/time';

type Action = 'round' | 'vote' | 'filing';
interface Values {
  heldOn?: Dayjs;
  place?: string;
  topics?: string;
  outcome?: string;
  body?: 'congress' | 'assembly';
  representatives?: number;
  present?: number;
  votesFor?: number;
  votesAgainst?: number;
  filedOn?: Dayjs;
  bureau?: string;
  reference?: string;
}
const FIELDS = ['heldOn', 'place', 'topics', 'outcome', 'body', 'representatives', 'present', 'votesFor', 'votesAgainst', 'filedOn', 'bureau', 'reference'] as const;
const TITLES: Record<Action, string> = { round: '记录协商', vote: '记录职代会表决', filing: '登记备案' };
const day = (d: Dayjs | undefined) => (d ?? dayjs()).format('YYYY-MM-DD');

/** What the vote would give, by the rule the server applies (≥ 2/3 present; more than half of ALL for it). */
function VotePreview({ representatives = 0, present = 0, votesFor = 0 }: Pick<Values, 'representatives' | 'present' | 'votesFor'>) {
  if (!representatives) return null;
  const quorum = present * 3 >= representatives * 2;
  const majority = votesFor * 2 > representatives;
  const text = `出席 ${present}/${representatives}(须至少 ${Math.ceil((representatives * 2) / 3)} 人)${quorum ? '✓' : '✗'};赞成 ${votesFor} 票(须至少 ${Math.floor(representatives / 2) + 1} 票)${majority ? '✓' : '✗'}`;
  return <Alert type={quorum && majority ? 'success' : 'warning'} showIcon message={quorum && majority ? '按此结果,草案通过' : '按此结果,草案不能通过(表决结果仍会记录)'} description={text} data-testid="vote-preview" />;
}

/** 记录协商 / 记录表决 / 登记备案 on a contract the user negotiates. */
export function WageContractActions({ c, onChanged }: { c: WageContract; onChanged: (next: WageContract) => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const counts = Form.useWatch([], form);
  const save = useMutation({
    mutationFn: (v: Values): Promise<WageContract> => {
      if (action === 'round') return wageContractApi.addRound(c.id, { heldOn: day(v.heldOn), place: v.place ?? '', topics: v.topics ?? '', outcome: v.outcome ?? '' });
      if (action === 'vote') return wageContractApi.vote(c.id, { heldOn: day(v.heldOn), body: v.body ?? 'congress', representatives: v.representatives ?? 0, present: v.present ?? 0, votesFor: v.votesFor ?? 0, votesAgainst: v.votesAgainst ?? 0 });
      return wageContractApi.file(c.id, { filedOn: day(v.filedOn), bureau: v.bureau ?? '', reference: v.reference });
    },
    onSuccess: (next) => {
      void message.success(action === 'vote' ? (next.status === 'passed' ? '表决通过,请报送备案' : '表决未通过,已记录') : '已保存');
      setAction(null);
      form.resetFields();
      onChanged(next);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, FIELDS);
      if (rest) void message.error(rest);
    },
  });
  return (
    <>
      <Space>
        {c.abilities.addRound ? <Button onClick={() => setAction('round')} data-testid="wage-add-round">记录协商</Button> : null}
        {c.abilities.vote ? <Button type="primary" disabled={c.rounds.length === 0} title={c.rounds.length === 0 ? '须先记录至少一轮协商' : undefined} onClick={() => setAction('vote')} data-testid="wage-vote">记录表决</Button> : null}
        {c.abilities.file ? <Button type="primary" onClick={() => setAction('filing')} data-testid="wage-file">登记备案</Button> : null}
      </Space>
      <Modal open={action !== null} title={action ? TITLES[action] : ''} okText="保存" cancelText="取消" confirmLoading={save.isPending} onCancel={() => setAction(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" initialValues={{ heldOn: dayjs(), filedOn: dayjs(), body: 'congress' }} onFinish={(v) => save.mutate(v)} data-testid="wage-action-form">
          {action === 'round' ? (
            <>
              <Form.Item name="heldOn" label="协商日期" rules={[{ required: true, message: '请选择协商日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
              <Form.Item name="place" label="协商地点" rules={[{ required: true, message: '请填写协商地点' }]}><Input maxLength={60} /></Form.Item>
              <Form.Item name="topics" label="协商议题" rules={[{ required: true, message: '请填写协商议题' }]}><Input.TextArea rows={2} maxLength={300} placeholder="如:年度工资增长幅度、最低工资标准、加班工资计算基数" /></Form.Item>
              <Form.Item name="outcome" label="协商结果" rules={[{ required: true, message: '请填写协商结果' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
            </>
          ) : null}
          {action === 'vote' ? (
            <>
              <Form.Item name="heldOn" label="表决日期" rules={[{ required: true, message: '请选择表决日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
              <Form.Item name="body" label="表决方式"><Radio.Group options={[{ value: 'congress', label: '职工代表大会' }, { value: 'assembly', label: '全体职工大会' }]} /></Form.Item>
              <Space wrap>
                <Form.Item name="representatives" label="应到人数" rules={[{ required: true, message: '请填写' }]}><InputNumber<number> min={1} precision={0} /></Form.Item>
                <Form.Item name="present" label="实到人数" rules={[{ required: true, message: '请填写' }]}><InputNumber<number> min={0} precision={0} /></Form.Item>
                <Form.Item name="votesFor" label="赞成" rules={[{ required: true, message: '请填写' }]}><InputNumber<number> min={0} precision={0} /></Form.Item>
                <Form.Item name="votesAgainst" label="反对" rules={[{ required: true, message: '请填写' }]}><InputNumber<number> min={0} precision={0} /></Form.Item>
              </Space>
              <VotePreview representatives={counts?.representatives} present={counts?.present} votesFor={counts?.votesFor} />
            </>
          ) : null}
          {action === 'filing' ? (
            <>
              <Form.Item name="filedOn" label="报送备案日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
              <Form.Item name="bureau" label="备案的人力资源和社会保障部门" rules={[{ required: true, message: '请填写备案部门' }]}><Input maxLength={60} placeholder="如:上城区人力资源和社会保障局" /></Form.Item>
              <Form.Item name="reference" label="备案文号"><Input maxLength={40} /></Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
