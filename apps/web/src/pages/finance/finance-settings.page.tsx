import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONTRIBUTION_LEVEL_LABELS, CONTRIBUTION_LEVELS, type ContributionLevel, type FinanceSettings } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { contributionApi, contributionKeys } from '../../api/contribution.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';

interface Values {
  ratePercent: number;
  dueDay: number;
  shares: Record<ContributionLevel, number>;
}

const toValues = (s: FinanceSettings): Values => ({ ratePercent: s.rateBp / 100, dueDay: s.dueDay, shares: Object.fromEntries(CONTRIBUTION_LEVELS.map((l) => [l, s.shares[l] / 100])) as Values['shares'] });
const bp = (percent: number | null | undefined) => Math.round((percent ?? 0) * 100);

/** 经费分成设置 (city): the 工会经费 rate, the split between the levels (summing to 100%), the due day. */
export function FinanceSettingsPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const settings = useQuery({ queryKey: contributionKeys.settings, queryFn: () => contributionApi.settings() });
  const shares = Form.useWatch('shares', form);
  const total = CONTRIBUTION_LEVELS.reduce((s, l) => s + bp(shares?.[l]), 0);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(toValues(settings.data));
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      contributionApi.saveSettings({ rateBp: bp(v.ratePercent), dueDay: v.dueDay, shares: Object.fromEntries(CONTRIBUTION_LEVELS.map((l) => [l, bp(v.shares[l])])) as Record<ContributionLevel, number>, version: settings.data?.version }),
    onSuccess: (s) => {
      qc.setQueryData(contributionKeys.settings, s);
      void message.success('已保存经费分成设置,此后确认到账的款项按新比例分成');
    },
    onError: (e) => {
      const rest = applyMappedServerErrors(form, e, { rateBp: 'ratePercent', dueDay: 'dueDay', ...Object.fromEntries(CONTRIBUTION_LEVELS.map((l) => [`shares.${l}`, `shares.${l}`])) });
      if (rest) void message.error(rest);
    },
  });
  const canConfigure = settings.data?.abilities.configure ?? false;
  return (
    <>
      <PageTitle title="经费分成设置" />
      <Typography.Paragraph type="secondary">
        工会经费按工资总额的2%拨缴。浙江省规定基层工会留成60%,其余40%按级上解:乡镇(街道)工会、区县(市)总工会、市总工会和上解省总工会。没有乡镇(街道)工会的基层工会,其街道分成计入区县(市)总工会。比例调整只影响此后确认到账的款项。
      </Typography.Paragraph>
      {settings.isError ? <Alert type="error" showIcon title={errorMessage(settings.error)} /> : null}
      {!settings.data ? <Skeleton active /> : (
        <Card style={{ maxWidth: 640 }}>
          <Form<Values> form={form} layout="horizontal" labelCol={{ span: 10 }} disabled={!canConfigure} onFinish={(v) => save.mutate(v)} data-testid="finance-settings-form">
            <Form.Item name="ratePercent" label="拨缴比例(占工资总额)" rules={[{ required: true, message: '请填写拨缴比例' }]}>
              <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: 160 }} />
            </Form.Item>
            {CONTRIBUTION_LEVELS.map((l) => (
              <Form.Item key={l} name={['shares', l]} label={CONTRIBUTION_LEVEL_LABELS[l]} rules={[{ required: true, message: `请填写${CONTRIBUTION_LEVEL_LABELS[l]}比例` }]}>
                <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 160 }} aria-label={CONTRIBUTION_LEVEL_LABELS[l]} />
              </Form.Item>
            ))}
            <Form.Item label="合计" help={total === 10_000 ? undefined : '各级分成比例合计应为100%'} validateStatus={total === 10_000 ? undefined : 'error'}>
              <Typography.Text strong data-testid="finance-settings-total">{(total / 100).toFixed(2)}%</Typography.Text>
            </Form.Item>
            <Form.Item name="dueDay" label="拨缴截止日(次月)" rules={[{ required: true, message: '请填写拨缴截止日' }]} extra="每月工会经费应于次月该日前到账,逾期计入欠缴并催缴。">
              <InputNumber min={1} max={28} suffix="日" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item wrapperCol={{ offset: 10 }}>
              <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
            </Form.Item>
            <Typography.Text type="secondary">{settings.data.updatedAt ? `最后修改:${formatTime(settings.data.updatedAt)}` : '当前为默认比例(尚未修改)'}</Typography.Text>
          </Form>
        </Card>
      )}
    </>
  );
}
