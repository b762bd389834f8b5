import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { applyServerErrors } from '../../api/form-errors';
import { rightsApi, rightsKeys } from '../../api/rights.api';
import { PageTitle } from '../../components/page-title.component';
import { RIGHTS_FACT_FIELDS, RightsCaseFields, factsBody, type RightsFactValues } from './rights-case-fields.component';

interface HotlineValues extends RightsFactValues {
  callerName: string;
  callerPhone: string;
}

/** 12351 来电登记: the caller, the employer and the problem; the case goes to the district union of the employer's location. */
export function RightsIntakePage() {
  const [form] = Form.useForm<HotlineValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: HotlineValues) => rightsApi.intake({ ...factsBody(v), callerName: v.callerName, callerPhone: v.callerPhone.trim() }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: rightsKeys.all });
      void message.success(`已登记 ${c.caseNo},分派${c.orgName}受理`);
      void navigate(`/rights/${c.id}`, { replace: true });
    },
    onError: (e) => setFailure(applyServerErrors(form, e, [...RIGHTS_FACT_FIELDS, 'callerName', 'callerPhone'])),
  });
  return (
    <>
      <PageTitle title="12351来电登记" />
      <Card style={{ maxWidth: 760 }}>
        <Typography.Paragraph type="secondary">
          来电号码加密保存,列表和导出中只显示前三后四位。选定企业名录中的单位时按其所在地分派;名录中没有的,请填写单位名称并选择所在区县(市),不清楚的由市总工会办理。
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<HotlineValues> form={form} layout="vertical" name="rights-intake" initialValues={{ category: 'wage_arrears', workersAffected: 1, urgency: 'normal' }} onFinish={(v) => save.mutate(v)}>
          <Form.Item label="来电人姓名" name="callerName" rules={[{ required: true, whitespace: true, message: '请填写来电人姓名' }]}>
            <Input maxLength={30} style={{ maxWidth: 240 }} data-testid="rights-caller-name" />
          </Form.Item>
          <Form.Item label="来电号码" name="callerPhone" rules={[{ required: true, message: '请填写来电号码' }, { pattern: /^1[3-9]\d{9}$/, message: '来电号码应为11位手机号' }]}>
            <Input maxLength={11} style={{ maxWidth: 240 }} data-testid="rights-caller-phone" />
          </Form.Item>
          <RightsCaseFields form={form} lookup={{ enterprises: rightsApi.enterprises, options: rightsApi.options }} withUrgency />
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rights-intake-submit">
            登记并分派
          </Button>
        </Form>
      </Card>
    </>
  );
}
