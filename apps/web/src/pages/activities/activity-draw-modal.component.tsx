import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lotteryDrawBodySchema, type Activity } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { applyServerErrors, schemaRule } from '../../api/form-errors';

interface DrawValues {
  seed?: string;
}

interface ActivityDrawModalProps {
  activity: Activity | null;
  onClose: () => void;
}

const seedSchema = lotteryDrawBodySchema.shape.seed.unwrap();

/** 抽签: once, after sign-up closed; the seed (given or generated) and the result digest are published with the activity. */
export function ActivityDrawModal({ activity, onClose }: ActivityDrawModalProps) {
  const [form] = Form.useForm<DrawValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!activity) return;
    setFailure(null);
    form.resetFields();
  }, [activity, form]);

  const draw = useMutation({
    mutationFn: (v: DrawValues) => {
      if (!activity) throw new Error('没有选择活动');
      const seed = v.seed?.trim().toLowerCase();
      return activityApi.draw(activity.id, seed ? { seed } : {});
    },
    onSuccess: (a) => {
      void message.success(a.lottery ? `抽签完成:中签 ${a.lottery.selected} 人` : '抽签完成');
      queryClient.setQueryData(activityKeys.detail(a.id), a);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['seed'])),
  });

  return (
    <Modal
      open={!!activity}
      title={`抽签:${activity?.title ?? ''}`}
      okText="确认抽签"
      confirmLoading={draw.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`共 ${activity?.pendingLottery ?? 0} 人待抽签,名额 ${activity?.capacity ?? 0} 个。抽签只能进行一次,结果立即通知会员,不能撤销。`}
      />
      <Typography.Paragraph type="secondary">
        抽签顺序只取决于公布的随机种子和报名名单,与报名先后无关。可留空由系统生成种子;如需当场公开产生(如现场摇号得到的数字),可填写16-64位十六进制数字。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="draw-error" /> : null}
      <Form<DrawValues> name="activity-draw-form" form={form} layout="vertical" onFinish={(v) => draw.mutate(v)}>
        <Form.Item label="随机种子(可选)" name="seed" normalize={(v: string | undefined) => v?.trim().toLowerCase()} rules={[schemaRule(seedSchema)]}>
          <Input placeholder="留空由系统生成" maxLength={64} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
