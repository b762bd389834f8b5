import { useEffect, useState } from 'react';
import { Alert, App, Divider, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { useSession } from '../../app/use-session.hook';
import { ActivityDetailsFields } from './activity-details-fields.component';
import { ActivityFormFields } from './activity-form-fields.component';
import { activityBody, activityValuesOf, applyActivityErrors, emptyActivityValues, type ActivityFormValues } from './activity-form-values';
import { QUOTA_HELP } from './activity-labels';
import { ActivityRulesFields } from './activity-rules-fields.component';

interface ActivityFormModalProps {
  /** 'create' for 新建, an activity (a draft) for 编辑, null when closed */
  target: 'create' | Activity | null;
  onClose: () => void;
  onSaved?: (activity: Activity) => void;
}

/** 新建活动 / 编辑草稿: saved as a draft; members see it only after 发布. */
export function ActivityFormModal({ target, onClose, onSaved }: ActivityFormModalProps) {
  const [form] = Form.useForm<ActivityFormValues>();
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'create' ? target : null;

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(target === 'create' ? emptyActivityValues(user?.orgId) : activityValuesOf(target));
  }, [target, form, user?.orgId]);

  const save = useMutation({
    mutationFn: (v: ActivityFormValues) => (editing ? activityApi.update(editing.id, activityBody(v)) : activityApi.create(activityBody(v))),
    onSuccess: (a) => {
      void message.success(editing ? '活动已保存' : `已新建活动「${a.title}」(草稿),核对无误后请发布`);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onSaved?.(a);
      onClose();
    },
    onError: (error) => setFailure(applyActivityErrors(form, error)),
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? `编辑活动:${editing.title}` : '新建活动'}
      width={860}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      destroyOnHidden={false}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`活动保存为草稿,发布后会员方可在手机端报名。${QUOTA_HELP}`} />
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="activity-form-error" /> : null}
      <Form<ActivityFormValues>
        name={editing ? 'activity-edit-form' : 'activity-create-form'}
        form={form}
        layout="vertical"
        autoComplete="off"
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <ActivityFormFields editing={!!editing} />
        <Divider style={{ margin: '4px 0 12px' }} />
        <ActivityDetailsFields />
        <ActivityRulesFields />
      </Form>
    </Modal>
  );
}
