import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { InnovationKind } from '@gonghui/contracts';
import { applyServerErrors } from '../api/form-errors';
import { innovationKeys, myInnovationApi } from '../api/innovation.api';
import { InnovationFields } from '../pages/innovations/innovation-fields.component';

interface Values {
  kind: InnovationKind;
  title: string;
  problem: string;
  proposal: string;
  expectedBenefit: string;
}

/** 提交创新项目 (H5): submitted at once to the worker's grassroots union; `/:id/edit` corrects a returned one and submits it again. */
export function MobileInnovationApplyPage() {
  const { id } = useParams();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const current = useQuery({ queryKey: innovationKeys.myDetail(id ?? ''), queryFn: () => myInnovationApi.get(id ?? ''), enabled: !!id });
  useEffect(() => {
    const c = current.data;
    if (c) form.setFieldsValue({ kind: c.kind, title: c.title, problem: c.problem, proposal: c.proposal, expectedBenefit: c.expectedBenefit });
  }, [current.data, form]);
  const submit = useMutation({
    mutationFn: async (v: Values) => {
      if (!id) return myInnovationApi.submit({ ...v, submit: true });
      await myInnovationApi.update(id, v);
      return myInnovationApi.act(id, 'submit');
    },
    onSuccess: (inv) => {
      void message.success(id ? '已修改并重新提交' : '已提交,等待工会初审');
      queryClient.setQueryData(innovationKeys.myDetail(inv.id), inv);
      void queryClient.invalidateQueries({ queryKey: innovationKeys.mine });
      void navigate(`/m/innovations/${inv.id}`, { replace: true });
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['kind', 'title', 'problem', 'proposal', 'expectedBenefit'])),
  });
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        {id ? '修改并重新提交' : '提交创新项目'}
      </Typography.Title>
      {id && current.isPending ? <Skeleton active /> : null}
      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          提交后由所在基层工会初审,区县(市)总工会审核,优秀项目报市总工会认定;被企业采纳并核定效益的,按规定发放奖励。
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<Values> name="mobile-innovation-form" form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
          <InnovationFields compact />
          <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
            {id ? '重新提交' : '提交'}
          </Button>
        </Form>
      </Card>
    </>
  );
}
