import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Form, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { MemberActivity, SignupResult } from '@gonghui/contracts';
import { memberActivityApi } from '../api/activity-member.api';
import { ApiError } from '../api/api-client';
import { applyMappedServerErrors } from '../api/form-errors';
import { SIGNUP_DETAILS_FIELD_OF, SignupDetailsFields, signupDetailsBody, type SignupDetailsValues } from '../components/signup-details-fields.component';

interface SignupDrawerProps {
  activity: MemberActivity;
  open: boolean;
  onClose: () => void;
  onSignedUp: (result: SignupResult) => void;
}

const INTRO: Partial<Record<MemberActivity['type'], string>> = {
  summer_class: '请填写参加暑期班的孩子信息。孩子的信息须由监护人阅读并同意下方的同意书后才能提交。',
  group_wedding: '请填写配偶信息,报名人与配偶为一对新人。',
  education: '请如实填写以下信息,工会将据此核对资助条件(须在杭连续缴纳社保满6个月并签订劳动合同)。',
};

/**
 * 报名 for 小候鸟 / 集体婚礼 / 圆梦计划 on the phone: the details the type asks for, checked by the
 * server; a field's problem shows on the field, a rule not met (409 NOT_ELIGIBLE) in an alert.
 */
export function MobileActivitySignupDrawer({ activity, open, onClose, onSignedUp }: SignupDrawerProps) {
  const [form] = Form.useForm<{ details?: SignupDetailsValues }>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (open) setFailure(null);
  }, [open]);

  const submit = useMutation({
    mutationFn: (v: { details?: SignupDetailsValues }) => memberActivityApi.signUp(activity.id, signupDetailsBody(activity.type, v.details)),
    onSuccess: (r) => {
      form.resetFields();
      onSignedUp(r);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.fieldErrors.length === 0) {
        // not eligible (the reasons), already signed up, full, closed …
        setFailure(error.message);
        return;
      }
      setFailure(applyMappedServerErrors(form, error, SIGNUP_DETAILS_FIELD_OF));
    },
  });

  return (
    <Drawer
      open={open}
      placement="bottom"
      size="92vh"
      styles={{ body: { paddingTop: 12 } }}
      title={`报名:${activity.title}`}
      onClose={onClose}
      forceRender
      data-testid="signup-drawer"
    >
      {INTRO[activity.type] ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {INTRO[activity.type]}
        </Typography.Paragraph>
      ) : null}
      <Form<{ details?: SignupDetailsValues }>
        name="activity-signup-form"
        form={form}
        layout="vertical"
        autoComplete="off"
        scrollToFirstError
        onFinish={(v) => {
          setFailure(null);
          submit.mutate(v);
        }}
      >
        <SignupDetailsFields type={activity.type} />
        {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failure} data-testid="signup-form-error" /> : null}
        <Button type="primary" htmlType="submit" block size="large" autoInsertSpace={false} loading={submit.isPending} style={{ height: 48, fontSize: 17 }} data-testid="signup-submit">
          提交报名
        </Button>
      </Form>
    </Drawer>
  );
}
