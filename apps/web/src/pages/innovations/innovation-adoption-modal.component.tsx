import { useEffect, useRef, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Innovation } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyMappedServerErrors } from '../../api/form-errors';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { innovationApi } from '../../api/innovation.api';
import { queryKeys } from '../../api/query-keys';
import { dayjs } from '../../app/time';
import { formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { useFundOptions } from '../aid/use-fund-options.hook';

interface AdoptionValues {
  adoptedBy: string;
  adoptedOn: dayjs.Dayjs;
  valueYuan: number;
  valueNote?: string;
}

interface Props {
  inv: Innovation;
  open: boolean;
  onClose: () => void;
  onDone: (next: Innovation) => void;
}

/** 登记采纳: the adopting enterprise, the date and the verified 年创效. */
export function InnovationAdoptionModal({ inv, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<AdoptionValues>();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue(inv.adoption ? { adoptedBy: inv.adoption.adoptedBy, adoptedOn: dayjs(inv.adoption.adoptedOn), valueYuan: inv.adoption.valueFen / 100, valueNote: inv.adoption.valueNote ?? undefined } : { adoptedBy: inv.orgName.replace(/工会$/, ''), adoptedOn: undefined, valueYuan: undefined, valueNote: undefined });
  }, [open, form, inv]);
  const save = useMutation({
    mutationFn: (v: AdoptionValues) => innovationApi.adopt(inv.id, { adoptedBy: v.adoptedBy, adoptedOn: v.adoptedOn.format('YYYY-MM-DD'), valueFen: yuanToFen(v.valueYuan), valueNote: v.valueNote?.trim() || undefined }),
    onSuccess: (next) => {
      void message.success('已登记采纳');
      onDone(next);
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, { adoptedBy: 'adoptedBy', adoptedOn: 'adoptedOn', valueFen: 'valueYuan', valueNote: 'valueNote' })),
  });
  return (
    <Modal open={open} title={`登记采纳:${inv.title}`} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<AdoptionValues> name="innovation-adoption-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="采纳单位" name="adoptedBy" rules={[{ required: true, whitespace: true, message: '请填写采纳单位' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="采纳日期" name="adoptedOn" rules={[{ required: true, message: '请选择采纳日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="核定年创效" name="valueYuan" rules={[{ required: true, message: '请填写核定年创效' }]} extra="经企业财务部门核定的年节约成本或新增效益(元);小建议等无直接经济效益的可填 0">
          <YuanInput min={0} placeholder="单位:元" />
        </Form.Item>
        <Form.Item label="核定说明" name="valueNote">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 发放创新奖励: the fund and the amount; one Idempotency-Key per fund and amount, so a retry pays once. */
export function InnovationRewardModal({ inv, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ fundId: string; rewardYuan: number }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const funds = useFundOptions(open);
  const key = useRef<{ sig: string; value: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    key.current = null;
    setFailure(null);
    form.resetFields();
  }, [open, form]);
  const pay = useMutation({
    mutationFn: (v: { fundId: string; rewardYuan: number }) => {
      const body = { fundId: v.fundId, rewardFen: yuanToFen(v.rewardYuan) };
      const sig = `${body.fundId}:${body.rewardFen}`;
      if (key.current?.sig !== sig) key.current = { sig, value: newIdempotencyKey() };
      return innovationApi.reward(inv.id, body, key.current.value);
    },
    onSuccess: ({ innovation, replayed }) => {
      void message.success(replayed ? '该项目此前已发放奖励,未重复支付' : `已发放奖励 ${formatYuan(innovation.reward?.amountFen ?? 0)}`);
      onDone(innovation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      onClose();
    },
    onError: (error) => setFailure(errorMessage(error)),
  });
  return (
    <Modal open={open} title={`发放创新奖励:${inv.title}`} okText="确认发放" confirmLoading={pay.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`收款人:${inv.memberName ?? '—'}${inv.teamName ? `(${inv.teamName}负责人)` : ''},按会员档案登记的银行卡代发;每个项目只发放一次。`} />
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form name="innovation-reward-form" form={form} layout="vertical" onFinish={(v) => pay.mutate(v)}>
        <Form.Item label="资金" name="fundId" rules={[{ required: true, message: '请选择资金' }]}>
          <Select loading={funds.isPending} options={(funds.data ?? []).map((f) => ({ value: f.id, label: `${f.name}(余额 ${formatYuan(f.balanceFen)})` }))} />
        </Form.Item>
        <Form.Item label="奖励金额" name="rewardYuan" rules={[{ required: true, message: '请填写奖励金额' }]}>
          <YuanInput max={50_000} placeholder="单位:元" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
