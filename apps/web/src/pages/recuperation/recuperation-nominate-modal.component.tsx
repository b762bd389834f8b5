import { useEffect, useState } from 'react';
import { Alert, App, Divider, Form, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecuperationBatch } from '@gonghui/contracts';
import { ApiError } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import type { CompanionInput } from '../../api/recuperation-member.api';
import { recuperationApi, recuperationKeys } from '../../api/recuperation.api';
import { MemberSelect } from '../../components/member-select.component';
import { formatYuan } from '../../components/money';
import { enrolmentText } from '../../mobile/mobile-activity-labels';
import { RecuperationCompanionsFields } from './recuperation-companions-fields.component';

interface NominateValues {
  memberId: string;
  companions?: CompanionInput[];
}

/** 推荐参加: the union signs a member up (same rules, places and yearly cap), with companions at their own cost. */
export function RecuperationNominateModal({ batch, onClose }: { batch: RecuperationBatch | null; onClose: () => void }) {
  const [form] = Form.useForm<NominateValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!batch) return;
    setRefusal(null);
    form.resetFields();
  }, [batch, form]);

  const nominate = useMutation({
    mutationFn: (v: NominateValues) => {
      if (!batch) throw new Error('没有选择批次');
      const companions = (v.companions ?? []).map((c) => ({ name: c.name.trim(), relation: c.relation }));
      return recuperationApi.nominate(batch.id, { memberId: v.memberId, companions: companions.length > 0 ? companions : undefined });
    },
    onSuccess: (r) => {
      void message.success(`推荐成功:${enrolmentText(r)}`);
      void queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        // the server's reason: not eligible, over the yearly cap, already signed up, no places …
        setRefusal(error.message);
        return;
      }
      setRefusal(applyServerErrors(form, error, ['memberId', 'companions']));
    },
  });

  return (
    <Modal
      open={!!batch}
      title={`推荐参加:${batch?.title ?? ''}`}
      okText="推荐参加"
      width={640}
      confirmLoading={nominate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        由工会推荐本单位(或下级)会员参加,同样核对报名条件、占用名额,并受每人每年疗休养费用上限约束。本批次每人费用 {formatYuan(batch?.costPerPerson)}。
      </Typography.Paragraph>
      {refusal ? <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="nominate-error" /> : null}
      <Form<NominateValues>
        name="recuperation-nominate-form"
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
        <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
          随行家属(可选)
        </Divider>
        <RecuperationCompanionsFields costPerPerson={batch?.costPerPerson ?? 0} />
      </Form>
    </Modal>
  );
}
