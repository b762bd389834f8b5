import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity, SignupResult } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { ApiError } from '../../api/api-client';
import { applyMappedServerErrors } from '../../api/form-errors';
import { needsSignupDetails } from '../../components/activity-programme';
import { MemberSelect } from '../../components/member-select.component';
import { SIGNUP_DETAILS_FIELD_OF, SignupDetailsFields, signupDetailsBody, type SignupDetailsValues } from '../../components/signup-details-fields.component';

interface NominateValues {
  memberId: string;
  details?: SignupDetailsValues;
}

interface NominateModalProps {
  activity: Activity | null;
  onClose: () => void;
}

function outcome(r: SignupResult): string {
  if (r.status === 'confirmed') return r.seatNo !== null ? `报名成功,名额序号 ${r.seatNo}` : '报名成功';
  if (r.status === 'waitlisted') return r.waitlistPosition !== null ? `名额已满,已进入候补第 ${r.waitlistPosition} 位` : '名额已满,已进入候补';
  return r.statusLabel;
}

/** 推荐报名: the union signs a member up, under the same rules and places as a member's own sign-up. */
export function NominateModal({ activity, onClose }: NominateModalProps) {
  const [form] = Form.useForm<NominateValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!activity) return;
    setRefusal(null);
    form.resetFields();
  }, [activity, form]);

  const nominate = useMutation({
    mutationFn: (v: NominateValues) => {
      if (!activity) throw new Error('没有选择活动');
      return activityApi.nominate(activity.id, v.memberId, signupDetailsBody(activity.type, v.details));
    },
    onSuccess: (r) => {
      void message.success(`推荐报名成功:${outcome(r)}`);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.fieldErrors.length === 0) {
        // the server's reason: not eligible, already signed up, no places, window closed …
        void message.error(error.message);
        setRefusal(error.message);
        return;
      }
      setRefusal(applyMappedServerErrors(form, error, { memberId: 'memberId', ...SIGNUP_DETAILS_FIELD_OF }));
    },
  });

  return (
    <Modal
      open={!!activity}
      title={`推荐报名:${activity?.title ?? ''}`}
      okText="推荐报名"
      confirmLoading={nominate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        由工会代本单位(或下级)会员报名,同样核对报名条件、占用名额;不能重复报名。会员会收到报名结果通知。
      </Typography.Paragraph>
      {refusal ? <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="nominate-error" /> : null}
      <Form<NominateValues>
        name="nominate-form"
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setRefusal(null);
          nominate.mutate(v);
        }}
      >
        <Form.Item label="会员" name="memberId" rules={[{ required: true, message: '请选择会员' }]}>
          <MemberSelect />
        </Form.Item>
        {activity && needsSignupDetails(activity.type) ? (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {activity.typeLabel}报名须填写以下信息:
            </Typography.Paragraph>
            <SignupDetailsFields type={activity.type} consentLabel="孩子的监护人已阅读并书面同意(同意书由工会留存)" />
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
