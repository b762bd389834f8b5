import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { applyServerErrors } from '../api/form-errors';
import { myRightsApi, rightsKeys } from '../api/rights.api';
import { RIGHTS_FACT_FIELDS, RightsCaseFields, factsBody, type RightsFactValues } from '../pages/rights/rights-case-fields.component';

interface ApplyValues extends RightsFactValues {
  contactPhone?: string;
}

/** 我要求助 (H5): the problem, the employer and the amount owed; sent to the district union of the employer's location. */
export function MobileRightsApplyPage() {
  const [form] = Form.useForm<ApplyValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (v: ApplyValues) => myRightsApi.create({ ...factsBody(v), urgency: undefined, contactPhone: v.contactPhone?.trim() || undefined }),
    onSuccess: (c) => {
      void message.success(`已提交,${c.orgName}将尽快受理`);
      void queryClient.invalidateQueries({ queryKey: rightsKeys.mine });
      void navigate(`/m/rights/${c.id}`, { replace: true });
    },
    onError: (e) => setFailure(applyServerErrors(form, e, [...RIGHTS_FACT_FIELDS, 'contactPhone'])),
  });
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        我要求助
      </Typography.Title>
      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          请如实填写。被拖欠工资的,写明拖欠的月份和金额;多人被拖欠的,填写涉及人数(10人及以上按紧急办理)。
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="rights-apply-error" /> : null}
        <Form<ApplyValues> form={form} layout="vertical" name="mobile-rights-form" initialValues={{ category: 'wage_arrears', workersAffected: 1 }} onFinish={(v) => send.mutate(v)}>
          <RightsCaseFields form={form} lookup={{ enterprises: myRightsApi.enterprises, options: myRightsApi.options }} />
          <Form.Item label="联系电话" name="contactPhone" extra="不填则使用会员档案中的手机号" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '联系电话应为11位手机号' }]}>
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={send.isPending} data-testid="rights-submit">
            提交
          </Button>
        </Form>
      </Card>
    </>
  );
}
