import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { CondolenceCategory, CondolencePlan, CondolenceVisitTarget } from '@gonghui/contracts';
import { condolenceApi, condolenceKeys } from '../../api/condolence.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { fenToYuanNumber, formatYuan, yuanToFen } from '../../components/money';
import { MemberSelect } from '../../components/member-select.component';
import { YuanInput } from '../../components/yuan-input.component';
import { TARGET_OPTIONS } from './condolence-labels';
import { HouseholdSelect } from './household-select.component';
import { ModelWorkerSelect } from '../honours/model-worker-select.component';

interface VisitValues {
  target: CondolenceVisitTarget;
  memberId?: string | null;
  householdId?: string | null;
  modelWorkerId?: string | null;
  personName?: string;
  personPhone?: string;
  category?: CondolenceCategory;
  visitedOn?: Dayjs;
  place?: string;
  visitors?: string;
  goodsDescription?: string;
  goodsYuan?: number | null;
  moneyYuan?: number | null;
  fundId?: string;
  note?: string;
}

const FIELD_OF: Record<string, string> = {
  memberId: 'memberId', householdId: 'householdId', modelWorkerId: 'modelWorkerId', personName: 'personName', personPhone: 'personPhone', category: 'category', visitedOn: 'visitedOn',
  place: 'place', visitors: 'visitors', goodsDescription: 'goodsDescription', goodsValueFen: 'goodsYuan', moneyFen: 'moneyYuan', fundId: 'fundId', note: 'note',
};

/** 登记慰问 under an approved plan: whom (member, household or another person), when, where, who visited, goods and 慰问金 (paid from a fund of the plan's union through the ledger). */
export function CondolenceVisitFormModal({ plan, open, onClose }: { plan: CondolencePlan; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<VisitValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const target = Form.useWatch('target', form);
  const category = Form.useWatch('category', form);
  const modelWorkerId = Form.useWatch('modelWorkerId', form);
  const money = Form.useWatch('moneyYuan', form);
  const standard = plan.categories.find((c) => c.category === category);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
  }, [open, form]);
  useEffect(() => {
    if (standard) form.setFieldsValue({ moneyYuan: fenToYuanNumber(standard.moneyPerHeadFen), goodsYuan: fenToYuanNumber(standard.goodsValuePerHeadFen), goodsDescription: standard.goodsDescription ?? undefined });
  }, [standard, form]);

  const save = useMutation({
    mutationFn: (v: VisitValues) =>
      condolenceApi.recordVisit({
        planId: plan.id,
        target: v.target,
        memberId: v.target === 'member' ? (v.memberId ?? undefined) : undefined,
        householdId: v.target === 'household' ? (v.householdId ?? undefined) : undefined,
        modelWorkerId: v.category === 'model_worker' ? (v.modelWorkerId ?? undefined) : undefined,
        personName: v.target === 'person' ? v.personName?.trim() || undefined : undefined,
        personPhone: v.target === 'person' ? v.personPhone?.trim() : undefined,
        category: v.category ?? 'hardship_family',
        visitedOn: (v.visitedOn ?? dayjs()).format('YYYY-MM-DD'),
        place: v.place?.trim() ?? '',
        visitors: v.visitors?.trim() ?? '',
        goodsDescription: v.goodsDescription?.trim() || undefined,
        goodsValueFen: yuanToFen(v.goodsYuan ?? 0),
        moneyFen: yuanToFen(v.moneyYuan ?? 0),
        fundId: (v.moneyYuan ?? 0) > 0 ? v.fundId : undefined,
        note: v.note?.trim() || undefined,
      }),
    onSuccess: (visit) => {
      void message.success(`已登记慰问:${visit.personName}${visit.moneyFen > 0 ? `,慰问金 ${formatYuan(visit.moneyFen)} 已记入资金台账` : ''}`);
      void client.invalidateQueries({ queryKey: condolenceKeys.all });
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, FIELD_OF)),
  });

  const today = dayjs().tz(APP_TIME_ZONE);
  return (
    <Modal open={open} width={720} title={`登记慰问:${plan.title}`} okText="登记" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden>
      <Typography.Paragraph type="secondary">慰问金经资金台账发放,记入会员的受助记录(防止重复救助);同一计划每人只发放一次。</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<VisitValues> name="condolence-visit-form" form={form} layout="vertical" initialValues={{ target: 'member', visitedOn: today }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label="慰问对象" name="target">
          <Radio.Group options={TARGET_OPTIONS} optionType="button" />
        </Form.Item>
        {target === 'member' ? (
          <Form.Item label="会员" name="memberId" rules={[{ required: true, message: '请选择会员' }]}>
            <MemberSelect placeholder="输入姓名、拼音或身份证号查找会员" />
          </Form.Item>
        ) : target === 'household' ? (
          <Form.Item label="困难职工家庭" name="householdId" rules={[{ required: true, message: '请选择困难职工档案' }]}>
            <HouseholdSelect />
          </Form.Item>
        ) : (
          <Space size={12} wrap>
            <Form.Item label="姓名" name="personName" rules={[{ required: !modelWorkerId, whitespace: true, message: '请填写慰问对象姓名' }]} extra={modelWorkerId ? '留空则取劳模名册中的姓名' : '不在会员库中的人员,如离退休老干部'}>
              <Input maxLength={40} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="手机号" name="personPhone" extra="只保存脱敏后的号码">
              <Input maxLength={11} style={{ width: 200 }} />
            </Form.Item>
          </Space>
        )}
        <Space size={12} wrap>
          <Form.Item label="类别" name="category" rules={[{ required: true, message: '请选择慰问对象类别' }]}>
            <Select style={{ width: 180 }} options={plan.categories.map((c) => ({ value: c.category, label: c.categoryLabel }))} placeholder="本计划的类别" />
          </Form.Item>
          <Form.Item label="慰问日期" name="visitedOn" rules={[{ required: true, message: '请选择慰问日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
        </Space>
        {category === 'model_worker' ? (
          <Form.Item label="劳模名册" name="modelWorkerId" extra="选择后,本次慰问记入该劳模的档案和老劳模关爱名单(最近慰问)">
            <ModelWorkerSelect />
          </Form.Item>
        ) : null}
        <Form.Item label="慰问地点" name="place" rules={[{ required: true, whitespace: true, message: '请填写慰问地点' }]}>
          <Input maxLength={200} placeholder="如:上城区湖滨街道东坡路某小区家中" />
        </Form.Item>
        <Form.Item label="慰问人员" name="visitors" rules={[{ required: true, whitespace: true, message: '请填写慰问人员' }]}>
          <Input maxLength={200} placeholder="如:区总工会 王海燕、李明" />
        </Form.Item>
        <Space size={12} wrap>
          <Form.Item label="慰问品" name="goodsDescription">
            <Input maxLength={200} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="慰问品价值" name="goodsYuan">
            <YuanInput min={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="慰问金" name="moneyYuan" extra={standard ? `本类别标准 ${formatYuan(standard.moneyPerHeadFen)}/人` : undefined}>
            <YuanInput min={0} max={standard ? standard.moneyPerHeadFen / 100 : undefined} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        {(money ?? 0) > 0 ? (
          <Form.Item label="支出资金" name="fundId" rules={[{ required: true, message: '发放慰问金须选择支出资金' }]} extra={plan.funds.length ? undefined : `${plan.orgName}尚无在用资金`}>
            <Select options={plan.funds.map((f) => ({ value: f.id, label: `${f.name}(余额 ${formatYuan(f.balanceFen)})` }))} placeholder={`${plan.orgName}的资金`} />
          </Form.Item>
        ) : null}
        <Form.Item label="备注" name="note">
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
