import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { applyMappedServerErrors } from '../../api/form-errors';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';
import { MemberSelect } from '../../components/member-select.component';
import { PageTitle } from '../../components/page-title.component';
import { ClaimFields } from './mutual-aid-claim-fields.component';
import { ClaimConsentField } from './mutual-aid-consent.component';
import { CLAIM_FIELD_MAP, claimFacts, type ClaimFormValues } from './mutual-aid-invoice-fields.component';

interface CreateValues extends ClaimFormValues {
  memberId: string;
  filerRelation?: string;
  sensitiveConsent: boolean;
}

/** 为他人申请: staff file a claim for a member of their scope (the filer and relation are recorded); saved as a draft to check, then submitted. */
export function MutualAidClaimCreatePage() {
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (v: CreateValues) => mutualAidApi.create({ memberId: v.memberId, filerRelation: v.filerRelation?.trim() || undefined, sensitiveConsent: true, ...claimFacts(v) }),
    onSuccess: (c) => {
      void message.success(`已保存草稿 ${c.claimNo},请核对核算结果后提交`);
      void queryClient.invalidateQueries({ queryKey: mutualAidKeys.all });
      void navigate(`/mutual-aid/claims/${c.id}`, { replace: true });
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, CLAIM_FIELD_MAP)),
  });
  return (
    <>
      <PageTitle title="为他人申请医疗互助" />
      <Card>
        <Typography.Paragraph type="secondary">
          工会工作人员代会员申请(如会员住院期间无法自行办理)。保存后按年度方案自动核算补助金额,核对无误后提交基层工会初审。会员须已参保缴费并过了等待期,就诊日期须在保障期内。
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<CreateValues> name="mutual-aid-claim-form" form={form} layout="vertical" initialValues={{ invoices: [{}], sensitiveConsent: false }} onFinish={(v) => create.mutate(v)} style={{ maxWidth: 900 }}>
          <Form.Item label="会员" name="memberId" rules={[{ required: true, message: '请选择会员' }]}>
            <MemberSelect placeholder="输入姓名、拼音或身份证号查找" />
          </Form.Item>
          <Form.Item label="代办人与会员关系" name="filerRelation" extra="如 工会干事、工会主席;不填记为「工会工作人员」">
            <Input maxLength={20} />
          </Form.Item>
          <ClaimFields />
          <ClaimConsentField staff />
          <Button type="primary" htmlType="submit" loading={create.isPending}>保存草稿并核算</Button>
        </Form>
      </Card>
    </>
  );
}
