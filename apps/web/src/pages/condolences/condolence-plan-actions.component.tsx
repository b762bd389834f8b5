import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CondolencePlan } from '@gonghui/contracts';
import { condolenceApi, condolenceKeys } from '../../api/condolence.api';
import { applyServerErrors } from '../../api/form-errors';

type PlanAction = 'submit' | 'approve' | 'override' | 'return' | 'withdraw';

const TEXT: Record<PlanAction, { title: string; ok: string; opinion: 'none' | 'optional' | 'required'; danger?: boolean; explain: string }> = {
  submit: { title: '提交审核', ok: '提交', opinion: 'none', explain: '区县(市)总工会的计划先由本级审核,再报市总工会审批;市总工会的计划由市总工会审批。' },
  approve: { title: '同意', ok: '同意', opinion: 'optional', explain: '同意后计划进入下一环节;最后一个环节同意即为批准,批准后可登记慰问。' },
  override: { title: '特批(低于上年标准)', ok: '特批同意', opinion: 'none', danger: true, explain: '本计划低于上年标准。特批将记入审计日志,并在计划上显示特批人、时间、理由和当时的减少项。' },
  return: { title: '退回修改', ok: '退回', opinion: 'required', danger: true, explain: '退回后由制定单位修改并重新提交。' },
  withdraw: { title: '撤回', ok: '撤回', opinion: 'optional', danger: true, explain: '撤回后计划作废,不能再提交;如需重新制定,请新建计划。' },
};

interface ActionValues {
  opinion?: string;
  overrideReason?: string;
}

/** The plan's buttons, from its abilities, each with a confirmation dialog (opinion; the override asks for its reason). */
export function CondolencePlanActions({ plan, onEdit }: { plan: CondolencePlan; onEdit: () => void }) {
  const [form] = Form.useForm<ActionValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [action, setAction] = useState<PlanAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const text = action ? TEXT[action] : null;
  const a = plan.abilities;

  useEffect(() => {
    setFailure(null);
    form.resetFields();
  }, [action, form]);

  const act = useMutation({
    mutationFn: (v: ActionValues) =>
      condolenceApi.act(plan.id, action === 'override' ? { action: 'approve', override: true, overrideReason: v.overrideReason?.trim() } : { action: action ?? 'submit', opinion: v.opinion?.trim() || undefined }),
    onSuccess: (next) => {
      void message.success(`${text?.ok ?? '已处理'}:${next.title}(${next.statusLabel})`);
      void client.invalidateQueries({ queryKey: condolenceKeys.all });
      setAction(null);
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['opinion', 'overrideReason'])),
  });

  const blocked = plan.shortfalls.length > 0 && plan.workflow.stepKey === 'city_approval';
  return (
    <>
      {a.canEdit ? <Button onClick={onEdit} data-testid="plan-edit">修改</Button> : null}
      {a.canSubmit ? <Button type="primary" onClick={() => setAction('submit')} data-testid="plan-submit">提交审核</Button> : null}
      {a.canApprove ? <Button type="primary" onClick={() => setAction('approve')} disabled={blocked} title={blocked ? '低于上年标准,不能直接批准' : undefined} data-testid="plan-approve">同意</Button> : null}
      {a.canOverride ? <Button danger onClick={() => setAction('override')} data-testid="plan-override">特批</Button> : null}
      {a.canReturn ? <Button onClick={() => setAction('return')} data-testid="plan-return">退回修改</Button> : null}
      {a.canWithdraw ? <Button danger onClick={() => setAction('withdraw')} data-testid="plan-withdraw">撤回</Button> : null}
      <Modal open={!!action} title={text ? `${text.title}:${plan.title}` : ''} okText={text?.ok} okButtonProps={{ danger: text?.danger }} confirmLoading={act.isPending} onOk={() => form.submit()} onCancel={() => setAction(null)} forceRender>
        {text ? <Typography.Paragraph type="secondary">{text.explain}</Typography.Paragraph> : null}
        {action === 'override' ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="减少项" description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{plan.shortfalls.map((s) => <li key={`${s.category}-${s.kind}`}>{s.message}</li>)}</ul>} />
        ) : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<ActionValues> name="condolence-plan-action" form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
          {action === 'override' ? (
            <Form.Item label="特批理由(必填,至少10个字)" name="overrideReason" rules={[{ required: true, whitespace: true, min: 10, message: '特批须写明理由(至少10个字)' }]}>
              <Input.TextArea maxLength={1000} showCount rows={4} placeholder="如:困难家庭稳定脱困退出档案,人数减少不属于降低标准" />
            </Form.Item>
          ) : text && text.opinion !== 'none' ? (
            <Form.Item label={text.opinion === 'required' ? '意见(必填)' : '意见'} name="opinion" rules={text.opinion === 'required' ? [{ required: true, whitespace: true, message: '请填写意见' }] : []}>
              <Input.TextArea maxLength={1000} showCount rows={3} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
