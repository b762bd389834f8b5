import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MutualAidClaim } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { mutualAidApi, mutualAidKeys, type MutualAidAction } from '../../api/mutual-aid.api';
import { formatYuan } from '../../components/money';
import { MutualAidClaimEditModal } from './mutual-aid-claim-edit-modal.component';

const TEXT: Record<MutualAidAction, { label: string; done: string; opinion: boolean; danger?: boolean }> = {
  submit: { label: '提交', done: '已提交初审', opinion: false },
  approve: { label: '同意', done: '已同意', opinion: false },
  return: { label: '退回修改', done: '已退回', opinion: true },
  reject: { label: '不同意', done: '已办结(不同意)', opinion: true, danger: true },
  withdraw: { label: '撤回', done: '已撤回', opinion: false, danger: true },
  reopen: { label: '重新审核', done: '已重新进入审核', opinion: true },
};

/** The buttons the claim's abilities allow, an opinion dialog for the workflow actions, and 支付 (once, with an Idempotency-Key per click). */
export function MutualAidClaimActions({ claim }: { claim: MutualAidClaim }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ opinion?: string }>();
  const [action, setAction] = useState<MutualAidAction | null>(null);
  const [editing, setEditing] = useState(false);
  const done = (c: MutualAidClaim) => {
    queryClient.setQueryData(mutualAidKeys.claim(c.id), c);
    void queryClient.invalidateQueries({ queryKey: ['mutual-aid', 'claims'] });
  };
  const act = useMutation({
    mutationFn: (v: { opinion?: string }) => mutualAidApi.act(claim.id, action!, v.opinion?.trim() || undefined),
    onSuccess: (c) => { void message.success(TEXT[action!].done); done(c); setAction(null); },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const pay = useMutation({
    mutationFn: (key: string) => mutualAidApi.payClaim(claim.id, key),
    onSuccess: (r) => { void message.success(r.replayed ? '该申请此前已支付' : `已支付 ${formatYuan(r.claim.payout?.amountFen)}`); done(r.claim); },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const a = claim.abilities;
  const open = (x: MutualAidAction) => () => { form.resetFields(); setAction(x); };
  const confirmPay = () => {
    const key = newIdempotencyKey();
    modal.confirm({ title: `支付 ${formatYuan(claim.computedFen)}?`, content: `从${claim.periodName}医疗互助资金支付给 ${claim.memberName}(银行代发),同一申请只支付一次。`, okText: '支付', onOk: () => pay.mutateAsync(key).catch(() => undefined) });
  };
  return (
    <>
      <Flex gap={8} wrap data-testid="ma-actions">
        {a.canEdit ? <Button onClick={() => setEditing(true)}>修改</Button> : null}
        {a.canSubmit ? <Button type="primary" onClick={open('submit')}>提交</Button> : null}
        {a.canApprove ? <Button type="primary" onClick={open('approve')}>同意</Button> : null}
        {a.canReturn ? <Button onClick={open('return')}>退回修改</Button> : null}
        {a.canReject ? <Button danger onClick={open('reject')}>不同意</Button> : null}
        {a.canWithdraw ? <Button danger onClick={open('withdraw')}>撤回</Button> : null}
        {a.canReopen ? <Button onClick={open('reopen')}>重新审核</Button> : null}
        {a.canPay ? <Button type="primary" loading={pay.isPending} onClick={confirmPay}>支付</Button> : null}
      </Flex>
      {a.canEdit ? <MutualAidClaimEditModal claim={claim} open={editing} onClose={() => setEditing(false)} /> : null}
      <Modal
        open={!!action}
        title={action ? `${TEXT[action].label}:${claim.claimNo}` : ''}
        okText={action ? TEXT[action].label : '确定'}
        okButtonProps={{ danger: action ? TEXT[action].danger : false }}
        confirmLoading={act.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        forceRender
      >
        <Form form={form} layout="vertical" name="ma-action-form" onFinish={(v) => act.mutate(v)}>
          {action === 'approve' || action === 'submit' || action === 'reopen' ? <p>核算金额 {formatYuan(claim.computedFen)}(提交时按会员本年度其他申请重新核算)。</p> : null}
          <Form.Item label={action && TEXT[action].opinion ? '意见(必填)' : '意见'} name="opinion" rules={action && TEXT[action].opinion ? [{ required: true, whitespace: true, message: '请写明理由' }] : []}>
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
