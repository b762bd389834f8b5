import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { AidApplication } from '@gonghui/contracts';
import { aidApi } from '../../api/aid.api';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ConsentField } from '../../components/consent-field.component';
import { MemberSelect } from '../../components/member-select.component';
import { yuanToFen } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { AidFields, type AidFieldValues } from './aid-fields.component';
import { useAidChanged } from './use-aid-changed.hook';
import { useCampaignOptions } from './use-campaign-options.hook';

interface CreateValues extends AidFieldValues {
  memberId: string;
  campaignId?: string;
  sensitiveConsent: boolean;
}

const FIELDS = ['memberId', 'category', 'reason', 'campaignId', 'sensitiveConsent'] as const;

/** 代职工申请: union staff file for a member (the filer is recorded); saved as a draft, optionally submitted at once. */
export function AidCreatePage() {
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const changed = useAidChanged();
  const { user } = useSession();
  const campaigns = useCampaignOptions(hasPermission(user, 'aid:campaign:view'));
  const [failure, setFailure] = useState<string | null>(null);
  const [submitAfter, setSubmitAfter] = useState(false);

  const create = useMutation({
    mutationFn: async ({ v, submit }: { v: CreateValues; submit: boolean }): Promise<{ app: AidApplication; submitError: string | null }> => {
      const app = await aidApi.create({
        memberId: v.memberId,
        category: v.category,
        amountFen: yuanToFen(v.amountYuan),
        reason: v.reason.trim(),
        campaignId: v.campaignId,
        sensitiveConsent: v.sensitiveConsent,
      });
      if (!submit) return { app, submitError: null };
      try {
        return { app: await aidApi.act(app.id, { action: 'submit' }), submitError: null };
      } catch (error) {
        return { app, submitError: errorMessage(error) };
      }
    },
    onSuccess: ({ app, submitError }) => {
      changed(app);
      if (submitError) void message.warning(`申请已保存为草稿,但提交失败:${submitError}`);
      else void message.success(app.status === 'draft' ? '申请已保存为草稿' : '申请已提交,进入基层工会初审');
      void navigate(`/aid/applications/${app.id}`, { replace: true });
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  const save = (submit: boolean) => {
    setSubmitAfter(submit);
    setFailure(null);
    form
      .validateFields()
      .then((v) => create.mutate({ v, submit }))
      .catch(() => undefined);
  };

  return (
    <>
      <PageTitle
        title="代职工申请"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/aid/applications')}>
            返回列表
          </Button>
        }
      />
      <Card style={{ maxWidth: 720 }}>
        <Typography.Paragraph type="secondary">
          职工不便使用手机申请时,由所在工会代为填报;系统记录填报人。保存后为草稿,可补充修改,提交后进入基层工会初审。
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<CreateValues> name="aid-create-form" form={form} layout="vertical" initialValues={{ sensitiveConsent: false }}>
          <Form.Item label="申请职工" name="memberId" rules={[{ required: true, message: '请选择申请职工' }]} extra="只能为本单位及下级工会的在册会员申请">
            <MemberSelect />
          </Form.Item>
          <AidFields />
          {campaigns.data && campaigns.data.length > 0 ? (
            <Form.Item label="所属活动" name="campaignId" extra="计入该年度春风行动的统计">
              <Select allowClear placeholder="不属于专项活动" options={campaigns.data} />
            </Form.Item>
          ) : null}
          <ConsentField
            document="《个人敏感信息使用授权》"
            label="已取得申请人签字的《个人敏感信息使用授权》"
            message="代为申请须取得申请人签字的《个人敏感信息使用授权》"
            extra="申请涉及收入、健康、家庭等敏感个人信息,须由职工本人书面单独同意(个人信息保护法第二十九条),授权书由工会留存;提交审核前必须勾选。"
          />
          <Flex gap={8}>
            <Button onClick={() => save(false)} loading={create.isPending && !submitAfter}>
              保存草稿
            </Button>
            <Button type="primary" onClick={() => save(true)} loading={create.isPending && submitAfter}>
              保存并提交
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
