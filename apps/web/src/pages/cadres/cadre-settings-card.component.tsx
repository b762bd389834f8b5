import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_CADRE_HOUR_TARGETS, DEFAULT_TERM_REMINDER_DAYS, type CadreSettings } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { applyServerErrors } from '../../api/form-errors';

/** 设置: yearly 学时 targets per year, the 换届 reminder window and the default term (city staff only). */
export function CadreSettingsCard() {
  const [form] = Form.useForm<CadreSettings>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const q = useQuery({ queryKey: cadreKeys.settings, queryFn: () => cadreApi.settings() });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: CadreSettings) => cadreApi.saveSettings({ ...v, hourTargets: v.hourTargets ?? [] }),
    onSuccess: () => {
      setFailure(null);
      void message.success('设置已保存');
      void client.invalidateQueries({ queryKey: cadreKeys.all });
    },
    onError: (e) => setFailure(applyServerErrors(form, e, ['termReminderDays', 'defaultTermYears', 'hourTargets'])),
  });
  return (
    <Card size="small" title="学时目标与换届提醒设置">
      <Typography.Paragraph type="secondary">
        未设置的年度按默认:专职干部每年 {DEFAULT_CADRE_HOUR_TARGETS.fullTime} 学时、兼职干部 {DEFAULT_CADRE_HOUR_TARGETS.partTime} 学时;换届提醒默认届满前 {DEFAULT_TERM_REMINDER_DAYS} 天。这些默认值是本系统的取值,可按本地要求调整。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<CadreSettings> name="cadre-settings" form={form} layout="inline" onFinish={(v) => save.mutate(v)}>
        <Flex vertical gap={8}>
          <Flex gap={12} wrap>
            <Form.Item label="换届提醒(届满前天数)" name="termReminderDays" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={7} max={365} addonAfter="天" />
            </Form.Item>
            <Form.Item label="默认届期" name="defaultTermYears" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={1} max={5} addonAfter="年" />
            </Form.Item>
          </Flex>
          <Form.List name="hourTargets">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="center">
                    <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: '年度' }]}>
                      <InputNumber min={2000} max={2100} addonAfter="年" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item label="专职" name={[f.name, 'fullTime']} rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber min={0} max={500} step={0.5} precision={1} addonAfter="学时" />
                    </Form.Item>
                    <Form.Item label="兼职" name={[f.name, 'partTime']} rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber min={0} max={500} step={0.5} precision={1} addonAfter="学时" />
                    </Form.Item>
                    <MinusCircleOutlined aria-label="删除" onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} style={{ width: 220 }} onClick={() => add({ year: new Date().getFullYear(), ...DEFAULT_CADRE_HOUR_TARGETS })}>
                  添加年度学时目标
                </Button>
              </Flex>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={save.isPending} style={{ width: 100 }}>
            保存设置
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
