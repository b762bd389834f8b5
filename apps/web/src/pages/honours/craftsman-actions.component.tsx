import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Radio, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CRAFTSMAN_DECISIONS, CRAFTSMAN_DECISION_LABELS, type CraftsmanNomination } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-error';
import { craftsmanApi, craftsmanKeys, type CraftsmanActionBody } from '../../api/craftsman.api';
import { applyServerErrors } from '../../api/form-errors';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { queryKeys } from '../../api/query-keys';
import { useFundOptions } from '../aid/use-fund-options.hook';

type Ask = { action: CraftsmanActionBody['action']; title: string; decide?: boolean; opinionRequired?: boolean } | null;

/** What the user may do with a nomination now (the server's abilities): workflow actions, decision, city approval, award. */
export function CraftsmanActions({ n, onEdit }: { n: CraftsmanNomination; onEdit: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [ask, setAsk] = useState<Ask>(null);
  const [paying, setPaying] = useState(false);
  const [form] = Form.useForm<{ opinion?: string; decision?: 'craftsman' | 'nominee' }>();
  const [payForm] = Form.useForm<{ fundId: string }>();
  const funds = useFundOptions(paying);
  const [key] = useState(newIdempotencyKey);
  const done = (next: CraftsmanNomination, text: string) => {
    void message.success(text);
    qc.setQueryData(craftsmanKeys.one(next.id), next);
    void qc.invalidateQueries({ queryKey: craftsmanKeys.all });
  };
  const act = useMutation({
    mutationFn: (body: CraftsmanActionBody) => craftsmanApi.act(n.id, body),
    onSuccess: (next) => {
      setAsk(null);
      done(next, `已${next.stageLabel === n.stageLabel ? '保存' : `转为“${next.stageLabel}”`}`);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['opinion', 'decision']);
      if (rest) void message.error(rest);
    },
  });
  const approveCity = useMutation({ mutationFn: () => craftsmanApi.cityApprove(n.id), onSuccess: (next) => done(next, '已记录市政府批准'), onError: (e) => void message.error(errorMessage(e)) });
  const pay = useMutation({
    mutationFn: (v: { fundId: string }) => craftsmanApi.payAward(n.id, v.fundId, key),
    onSuccess: ({ nomination, replayed }) => {
      setPaying(false);
      done(nomination, replayed ? '奖励此前已发放,未重复支付' : '奖励已发放');
      void qc.invalidateQueries({ queryKey: queryKeys.funds });
    },
    onError: (e) => {
      const rest = applyServerErrors(payForm, e, ['fundId']);
      if (rest) void message.error(rest);
    },
  });
  const a = n.abilities;
  const open = (next: NonNullable<Ask>) => {
    form.resetFields();
    setAsk(next);
  };
  return (
    <Space wrap>
      {a.canEdit ? <Button onClick={onEdit}>修改</Button> : null}
      {a.canSubmit ? <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ action: 'submit' })} data-testid="craftsman-submit">提交推荐</Button> : null}
      {a.canApprove ? <Button type="primary" onClick={() => open({ action: 'approve', title: '综合评审通过,提交领导小组审定' })} data-testid="craftsman-review-pass">评审通过</Button> : null}
      {a.canDecide ? <Button type="primary" onClick={() => open({ action: 'approve', title: '领导小组审定', decide: true })} data-testid="craftsman-decide">审定</Button> : null}
      {a.canReject ? <Button danger onClick={() => open({ action: 'reject', title: '未入选', opinionRequired: true })}>未入选</Button> : null}
      {a.canReturn ? <Button onClick={() => open({ action: 'return', title: '退回推荐单位修改', opinionRequired: true })}>退回修改</Button> : null}
      {a.canReopen ? <Button onClick={() => open({ action: 'reopen', title: '重新审核', opinionRequired: true })}>重新审核</Button> : null}
      {a.canWithdraw ? (
        <Popconfirm title="撤回该推荐?" description="撤回后名额退回本单位,推荐不能再提交。" okText="撤回" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => act.mutate({ action: 'withdraw' })}>
          <Button danger>撤回</Button>
        </Popconfirm>
      ) : null}
      {a.canCityApprove ? (
        <Popconfirm title="记录市政府批准?" description={n.decision === 'craftsman' ? '将编发杭州工匠证书号(D类人才)。' : '列入年度名录。'} okText="批准" cancelText="取消" onConfirm={() => approveCity.mutate()}>
          <Button type="primary" loading={approveCity.isPending} data-testid="craftsman-city-approve">市政府批准</Button>
        </Popconfirm>
      ) : null}
      {a.canPay ? <Button onClick={() => setPaying(true)} data-testid="craftsman-pay">发放奖励</Button> : null}
      {a.canCertificate ? <Button href={craftsmanApi.certificateHref(n.id)} target="_blank">杭州工匠证书(PDF)</Button> : null}
      <Modal open={ask !== null} title={ask?.title} okText="确定" cancelText="取消" onCancel={() => setAsk(null)} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="craftsman-action" onFinish={(v) => ask && act.mutate({ action: ask.action, opinion: v.opinion, decision: ask.decide ? v.decision : undefined })}>
          {ask?.decide ? (
            <Form.Item name="decision" label="审定结果" rules={[{ required: true, message: '请选择审定结果' }]} extra="审定后进入公示;不入选请点“未入选”">
              <Radio.Group options={CRAFTSMAN_DECISIONS.map((d) => ({ value: d, label: CRAFTSMAN_DECISION_LABELS[d] }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="opinion" label="意见" rules={ask?.opinionRequired ? [{ required: true, message: '请填写意见' }] : []}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={paying} title={`发放杭州工匠奖励:${n.memberName}`} okText="发放" cancelText="取消" onCancel={() => setPaying(false)} onOk={() => payForm.submit()} confirmLoading={pay.isPending} destroyOnHidden>
        <Form form={payForm} layout="vertical" name="craftsman-pay" onFinish={(v) => pay.mutate(v)}>
          <Form.Item name="fundId" label="支付资金" rules={[{ required: true, message: '请选择支付资金' }]} extra="同一人只支付一次,重复提交不会重复付款">
            <Select loading={funds.isFetching} options={(funds.data ?? []).map((f) => ({ value: f.id, label: f.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
