import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MutualAidClaim } from '@gonghui/contracts';
import { applyMappedServerErrors } from '../../api/form-errors';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';
import { ClaimFields } from './mutual-aid-claim-fields.component';
import { CLAIM_FIELD_MAP, claimFacts, claimFormValues, type ClaimFormValues } from './mutual-aid-invoice-fields.component';


/** 修改 a draft or returned claim: the same fields as filing; the payout is computed again on save. */
export function MutualAidClaimEditModal({ claim, open, onClose }: { claim: MutualAidClaim; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ClaimFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(claimFormValues(claim));
  }, [open, claim, form]);
  const save = useMutation({
    mutationFn: (v: ClaimFormValues) => mutualAidApi.update(claim.id, claimFacts(v)),
    onSuccess: (next) => {
      queryClient.setQueryData(mutualAidKeys.claim(next.id), next);
      void queryClient.invalidateQueries({ queryKey: ['mutual-aid', 'claims'] });
      void message.success('已保存并重新核算');
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, CLAIM_FIELD_MAP)),
  });
  return (
    <Modal open={open} width={900} title={`修改申请:${claim.claimNo}`} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ClaimFormValues> name="mutual-aid-claim-edit-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <ClaimFields />
      </Form>
    </Modal>
  );
}
