import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Household } from '@gonghui/contracts';
import { ApiError } from '../../api/api-client';
import { householdApi, householdKeys } from '../../api/household.api';
import { MemberSelect } from '../../components/member-select.component';
import { HouseholdFactsFields } from './household-facts-fields.component';
import { applyHouseholdErrors, emptyFacts, FACT_FIELDS, factsBody, factsValuesOf, type HouseholdFactsValues } from './household-form-values';
import { TIER_RULES_HELP } from './household-labels';
import { HouseholdTierPreview } from './household-tier-preview.component';

interface FormValues extends HouseholdFactsValues {
  headMemberId?: string;
  note?: string;
}

interface HouseholdFormModalProps {
  /** 'create' for 建档, a household for 修改, null when closed */
  target: 'create' | Household | null;
  onClose: () => void;
  onSaved?: (household: Household) => void;
}

/** 建档 / 修改档案: the facts, with the server's live tier preview; the server decides the tier on save. */
export function HouseholdFormModal({ target, onClose, onSaved }: HouseholdFormModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const editing = target !== null && target !== 'create' ? target : null;
  const headMemberId = Form.useWatch('headMemberId', form);

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    setStale(false);
    form.resetFields();
    form.setFieldsValue(target === 'create' ? emptyFacts() : { ...factsValuesOf(target, false), note: target.note ?? undefined });
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const facts = factsBody(v);
      const note = v.note?.trim() || undefined;
      if (editing) return householdApi.update(editing.id, { ...facts, note, version: editing.version });
      return householdApi.create({ ...facts, headMemberId: v.headMemberId ?? '', note });
    },
    onSuccess: (h) => {
      void message.success(editing ? '档案已保存,困难类型已重新认定' : `已为 ${h.headName} 建档`);
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
      onSaved?.(h);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setStale(true);
        setFailure(null);
        return;
      }
      setFailure(applyHouseholdErrors(form, error, ['headMemberId', 'note', ...FACT_FIELDS]));
    },
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? `修改档案:${editing.headName}` : '困难职工建档'}
      width={1080}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      destroyOnHidden={false}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={TIER_RULES_HELP} />
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="household-form-error" /> : null}
      {stale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该档案已被他人修改,请关闭后刷新档案再修改。"
          action={
            <Button size="small" onClick={onClose}>
              关闭
            </Button>
          }
        />
      ) : null}
      <Form<FormValues> name={editing ? 'household-edit-form' : 'household-create-form'} form={form} layout="vertical" onFinish={(v) => save.mutate(v)} autoComplete="off">
        {editing ? null : (
          <Form.Item label="户主(在册会员)" name="headMemberId" rules={[{ required: true, message: '请选择户主' }]} extra="户主须为本单位(或下级)的在册会员;档案归属户主所在的基层工会">
            <MemberSelect />
          </Form.Item>
        )}
        <HouseholdFactsFields />
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <HouseholdTierPreview headMemberId={editing ? editing.headMemberId : headMemberId} householdId={editing?.id} />
      </Form>
    </Modal>
  );
}
