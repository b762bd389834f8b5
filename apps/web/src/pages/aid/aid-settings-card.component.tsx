import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Skeleton } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { aidApi } from '../../api/aid.api';
import { errorMessage } from '../../api/api-client';
import type { AidSettings } from '../../api/contract-types';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { fenToYuanNumber, formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { useAidSettings } from './use-aid-settings.hook';

interface SettingsValues {
  thresholdYuan: number;
  publicityDays: number;
}

/** 市总审批金额 and 公示天数: shown to every aid user, changed (with a confirmation) by holders of aid:settings:configure. */
export function AidSettingsCard() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useAidSettings();
  const [form] = Form.useForm<SettingsValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const canConfigure = hasPermission(user, 'aid:settings:configure');

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ thresholdYuan: fenToYuanNumber(settings.data.cityApprovalThresholdFen), publicityDays: settings.data.publicityDays });
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (body: AidSettings) => aidApi.saveSettings(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.aidSettings, saved);
      void message.success('帮扶设置已保存');
    },
    onError: (error) => setFailure(errorMessage(error)),
  });

  const confirm = (v: SettingsValues) => {
    setFailure(null);
    const body: AidSettings = { cityApprovalThresholdFen: yuanToFen(v.thresholdYuan), publicityDays: v.publicityDays };
    modal.confirm({
      title: '保存帮扶设置?',
      content: `市总审批金额 ${formatYuan(body.cityApprovalThresholdFen)}(超过此金额的申请须报市总工会审批),公示天数 ${body.publicityDays} 天。新设置对此后进入审批或公示的申请生效,已在公示中的申请按原期限。`,
      okText: '保存',
      onOk: () => save.mutateAsync(body).catch(() => undefined),
    });
  };

  return (
    <Card size="small" title="帮扶设置" data-testid="aid-settings">
      {settings.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {settings.isError ? <Alert type="error" showIcon title={errorMessage(settings.error)} /> : null}
      {settings.data && !canConfigure ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'threshold', label: '市总审批金额', children: `${formatYuan(settings.data.cityApprovalThresholdFen)} 以上` },
            { key: 'days', label: '公示天数', children: `${settings.data.publicityDays} 天` },
          ]}
        />
      ) : null}
      {settings.data && canConfigure ? (
        <>
          {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
          <Form<SettingsValues> name="aid-settings-form" form={form} layout="vertical" onFinish={confirm}>
            <Form.Item label="市总审批金额" name="thresholdYuan" rules={[{ required: true, message: '请填写市总审批金额' }]} extra="申请金额超过此数的,区县复审后须报市总工会审批">
              <YuanInput min={0} max={100_000} />
            </Form.Item>
            <Form.Item label="公示天数" name="publicityDays" rules={[{ required: true, message: '请填写公示天数' }]} extra="审批通过后在公示页面(姓名脱敏)公示的天数,0 表示不设公示期,可立即做公示期满处理">
              <InputNumber<number> min={0} max={30} precision={0} suffix="天" style={{ width: '100%' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存设置
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}
