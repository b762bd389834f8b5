import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity, SignupResult } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { ApiError } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { MemberSelect } from '../../components/member-select.component';

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
  const [form] = Form.useForm<{ memberId: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!activity) return;
    setRefusal(null);
    form.resetFields();
  }, [activity, form]);

  const nominate = useMutation({
    mutationFn: (memberId: string) => {
      if (!activity) throw new Error('没有选择活动');
      return activityApi.nominate(activity.id, memberId);
    },
    onSuccess: (r) => {
      void message.success(`推荐报名成功:${outcome(r)}`);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        // the server's reason: not eligible, already signed up, no places, window closed …
        void message.error(error.message);
        setRefusal(error.message);
        return;
      }
      setRefusal(applyServerErrors(form, error, ['memberId']));
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
      <Form<{ memberId: string }>
        name="nominate-form"
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setRefusal(null);
          nominate.mutate(v.memberId);
        }}
      >
        <Form.Item label="会员" name="memberId" rules={[{ required: true, message: '请选择会员' }]}>
          <MemberSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
