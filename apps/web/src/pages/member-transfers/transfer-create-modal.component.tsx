import { useEffect, useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idCardSchema, type Member, type Transfer } from '@gonghui/contracts';
import { applyServerErrors, schemaRule } from '../../api/form-errors';
import { memberTransferApi } from '../../api/member-transfer.api';
import { queryKeys } from '../../api/query-keys';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

/** 转出 (from the member's own union) or 申请转入 (from the receiving union, by 身份证号). */
export type TransferTarget = { mode: 'out'; member: Member } | { mode: 'in'; idCard?: string; toOrgId?: string };

interface TransferValues {
  idCard?: string;
  toOrgId: string;
  reason: string;
}

interface TransferCreateModalProps {
  target: TransferTarget | null;
  onClose: () => void;
  onCreated?: (transfer: Transfer) => void;
  /** distinct per instance when several are mounted together (unique input ids) */
  formName?: string;
}

const FIELDS = ['idCard', 'toOrgId', 'reason', 'memberId'];

/** 发起会员关系接转: the other union confirms (and the receiving district when the districts differ). */
export function TransferCreateModal({ target, onClose, onCreated, formName = 'transfer-create-form' }: TransferCreateModalProps) {
  const [form] = Form.useForm<TransferValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const out = target?.mode === 'out' ? target.member : null;

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    if (target.mode === 'in') form.setFieldsValue({ idCard: target.idCard, toOrgId: target.toOrgId });
  }, [target, form]);

  const create = useMutation({
    mutationFn: (v: TransferValues) =>
      memberTransferApi.create(
        out
          ? { memberId: out.id, toOrgId: v.toOrgId, reason: v.reason.trim() }
          : { idCard: (v.idCard ?? '').trim(), toOrgId: v.toOrgId, reason: v.reason.trim() },
      ),
    onSuccess: (transfer) => {
      void message.success(`已发起接转申请,等待${out ? '转入' : '转出'}工会确认`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.transfers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.members });
      onCreated?.(transfer);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  return (
    <Modal
      open={!!target}
      title={out ? `转出会员:${out.name}` : '申请转入会员'}
      okText="提交申请"
      width={600}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {out
          ? '转出申请提交后,由转入工会确认;跨区县接转还须转入地区县(市)总工会审批。办结后会员关系转至新工会。'
          : '按身份证号申请把已在其他工会登记的会员转入本单位工会,由会员原工会确认后办结。'}
      </Typography.Paragraph>
      {out ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            { key: 'name', label: '会员', children: `${out.name}(${out.idCard})` },
            { key: 'org', label: '现所在工会', children: out.orgName },
          ]}
        />
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<TransferValues> name={formName} form={form} layout="vertical" onFinish={(v) => create.mutate(v)} autoComplete="off">
        {out ? null : (
          <Form.Item label="身份证号" name="idCard" rules={[{ required: true, whitespace: true, message: '请填写身份证号' }, schemaRule(idCardSchema)]}>
            <Input maxLength={18} placeholder="要转入会员的身份证号" />
          </Form.Item>
        )}
        <Form.Item
          label="转入工会"
          name="toOrgId"
          rules={[{ required: true, message: '请选择转入工会' }]}
          extra={out ? '转入工会不在您的管理范围时,可请转入工会按身份证号发起「申请转入」。' : undefined}
        >
          <OrgTreeSelect selectableKinds={['grassroots']} placeholder="请选择基层工会" />
        </Form.Item>
        <Form.Item label="接转原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写接转原因' }]}>
          <Input.TextArea maxLength={200} showCount rows={3} placeholder="如:工作调动至某某公司" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
