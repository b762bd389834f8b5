import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { AidCategory } from '@gonghui/contracts';
import { applyServerErrors } from '../api/form-errors';
import { MobileEvidencePicker, submitWithEvidence, type PickedEvidence } from './mobile-aid-evidence.component';
import { queryKeys } from '../api/query-keys';
import { yuanToFen } from '../components/money';
import { YuanInput } from '../components/yuan-input.component';
import { ConsentField } from '../components/consent-field.component';
import { CATEGORY_HELP, CATEGORY_OPTIONS } from '../pages/aid/aid-labels';

interface ApplyValues {
  category: AidCategory;
  amountYuan: number;
  reason: string;
  sensitiveConsent: boolean;
}

const FIELDS = ['category', 'reason', 'sensitiveConsent'] as const;

const CONSENT_TEXT =
  '为审核您的帮扶申请,您所在的工会及上级工会需要收集、使用您及家庭成员的收入、健康(病历、医疗费用)、住房、家庭成员等敏感个人信息,' +
  '并可能向民政、人社、医保等部门核实。上述信息仅用于本次帮扶的审核、公示(姓名脱敏)、发放和档案管理,不作其他用途;您可以随时撤回申请。' +
  '根据《个人信息保护法》第二十九条,处理敏感个人信息须取得您的单独同意。';

/** 申请帮扶 (H5): category, amount, reason, 证明材料 and the separate consent for sensitive personal data; submitted at once. */
export function MobileAidApplyPage() {
  const [form] = Form.useForm<ApplyValues>();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [picked, setPicked] = useState<PickedEvidence[]>([]);

  const apply = useMutation({
    mutationFn: (v: ApplyValues) => submitWithEvidence({ category: v.category, amountFen: yuanToFen(v.amountYuan), reason: v.reason.trim(), sensitiveConsent: true }, picked),
    onSuccess: ({ app, failed }) => {
      if (failed.length === 0) void message.success('申请已提交,等待工会初审');
      else void modal.warning({ title: '申请已保存为草稿,尚未提交', content: `${failed.join(';')}。请在申请进度页重新上传后提交。` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.myAid });
      void navigate(`/m/aid/${app.id}`, { replace: true });
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        申请帮扶
      </Typography.Title>
      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          春风行动帮扶:提交后由所在基层工会初审,经入户调查、区县(市)总工会复审(金额较大的报市总工会审批)、公示后发放。
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<ApplyValues> name="mobile-aid-apply-form" form={form} layout="vertical" initialValues={{ sensitiveConsent: false }} onFinish={(v) => apply.mutate(v)}>
          <Form.Item label="帮扶类别" name="category" rules={[{ required: true, message: '请选择帮扶类别' }]} extra={CATEGORY_HELP}>
            <Radio.Group options={CATEGORY_OPTIONS} optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} />
          </Form.Item>
          <Form.Item label="申请金额" name="amountYuan" rules={[{ required: true, message: '请填写申请金额' }]}>
            <YuanInput max={100_000} inputMode="decimal" placeholder="单位:元" />
          </Form.Item>
          <Form.Item label="申请理由" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '申请理由至少2个字' }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount placeholder="请说明家庭情况、困难原因、已获得的其他帮助等" />
          </Form.Item>
          <Form.Item label="证明材料(可选)" extra="收入证明、病历及医疗费用票据、事故证明等的照片或扫描件;也可以提交后由工会补充。">
            <MobileEvidencePicker picked={picked} onChange={setPicked} />
          </Form.Item>
          <ConsentField document="《个人敏感信息使用授权》" text={CONSENT_TEXT} label="我已阅读并单独同意《个人敏感信息使用授权》" message="请阅读并同意《个人敏感信息使用授权》" testId="aid-consent" />
          <Button type="primary" htmlType="submit" block size="large" loading={apply.isPending}>
            提交申请
          </Button>
        </Form>
      </Card>
    </>
  );
}
