import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bankAccountSchema, createMemberBodySchema, mobileSchema, parseIdCard, type Member } from '@gonghui/contracts';
import { ApiError } from '../../api/api-client';
import { applyServerErrors, schemaRule } from '../../api/form-errors';
import { memberApi } from '../../api/member.api';
import { queryKeys } from '../../api/query-keys';
import { dayjs } from '../../app/time';
import { EnterpriseSelect } from '../../components/enterprise-select.component';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { EDUCATION_OPTIONS, GENDER_LABELS, MEMBER_FLAGS, SKILL_LEVEL_OPTIONS } from './member-labels';
import { createBody, FIELDS, updateBody, valuesOf, type MemberFormValues } from './member-form-values';

const shape = createMemberBodySchema.shape;

export interface TransferInRequest {
  idCard: string;
  toOrgId?: string;
}

interface MemberFormModalProps {
  /** 'create' for 登记会员, a member for 编辑, null when closed */
  target: 'create' | Member | null;
  /** the union preselected when registering (the list's org filter) */
  defaultOrgId?: string;
  onClose: () => void;
  onSaved?: (member: Member) => void;
  /** 409 DUPLICATE: the 身份证号 is an active member elsewhere; offer 申请转入 */
  onTransferIn?: (request: TransferInRequest) => void;
  /** distinct per instance (the list's 登记 and the drawer's 编辑 are mounted together): unique input ids */
  formName: string;
}

/** 登记会员 / 编辑会员: every field of the registry; the server's checks decide, the 身份证 check gives instant feedback. */
export function MemberFormModal({ target, defaultOrgId, onClose, onSaved, onTransferIn, formName }: MemberFormModalProps) {
  const [form] = Form.useForm<MemberFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<TransferInRequest | null>(null);
  const [stale, setStale] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const creating = target === 'create';
  const idCard = Form.useWatch('idCard', form);
  const parsed = creating && idCard ? parseIdCard(idCard) : null;

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    setDuplicate(null);
    setStale(false);
    form.resetFields();
    if (target === 'create') {
      setEditing(null);
      form.setFieldsValue({ flags: [], orgId: defaultOrgId });
    } else {
      setEditing(target);
      form.setFieldsValue(valuesOf(target));
    }
  }, [target, defaultOrgId, form]);

  const save = useMutation({
    mutationFn: async (v: MemberFormValues): Promise<Member | null> => {
      if (!editing) return memberApi.create(createBody(v));
      const body = updateBody(editing, v);
      return body ? memberApi.update(editing.id, body) : null;
    },
    onSuccess: (member) => {
      if (!member) {
        void message.info('没有修改任何信息');
        onClose();
        return;
      }
      void message.success(editing ? '会员信息已保存' : `已登记会员 ${member.name}`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.members });
      void queryClient.invalidateQueries({ queryKey: queryKeys.coverage });
      onSaved?.(member);
      onClose();
    },
    onError: (error, v) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'VERSION_CONFLICT') {
        setStale(true);
        setFailure(null);
        return;
      }
      if (error instanceof ApiError && error.status === 409 && error.code === 'DUPLICATE' && !editing && error.message.includes('身份证')) {
        setDuplicate({ idCard: (v.idCard ?? '').trim(), toOrgId: v.orgId });
        setFailure(null);
        return;
      }
      if (error instanceof ApiError && error.status === 409 && error.message.includes('卡号')) {
        form.setFields([{ name: 'cardNo', errors: [error.message] }]);
        setFailure(null);
        return;
      }
      setFailure(applyServerErrors(form, error, FIELDS));
    },
  });

  const reload = useMutation({
    mutationFn: () => memberApi.get(editing?.id ?? ''),
    onSuccess: (fresh) => {
      setEditing(fresh);
      setStale(false);
      form.resetFields();
      form.setFieldsValue(valuesOf(fresh));
      queryClient.setQueryData(queryKeys.member(fresh.id), fresh);
      void message.info('已载入最新信息,请重新修改');
    },
  });

  return (
    <Modal
      open={target !== null}
      title={creating ? '登记会员' : `编辑会员:${editing?.name ?? ''}`}
      okText="保存"
      width={760}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      {stale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该会员信息已被他人修改,请刷新后重新修改。"
          action={
            <Button size="small" loading={reload.isPending} onClick={() => reload.mutate()}>
              刷新
            </Button>
          }
        />
      ) : null}
      {duplicate ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该身份证号已是其他工会的在册会员,不能重复登记。"
          description="如该职工已到本单位工作,请发起会员关系接转(申请转入),经原工会同意后转入。"
          action={
            onTransferIn ? (
              <Button size="small" type="primary" onClick={() => onTransferIn(duplicate)}>
                申请转入
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form<MemberFormValues> name={formName} form={form} layout="vertical" onFinish={(v) => save.mutate(v)} autoComplete="off">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, schemaRule(shape.name)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          {creating ? (
            <Col xs={24} md={12}>
              <Form.Item
                label="身份证号"
                name="idCard"
                rules={[{ required: true, whitespace: true, message: '请填写身份证号' }, schemaRule(shape.idCard)]}
                extra={parsed?.ok ? `性别:${GENDER_LABELS[parsed.id.gender]},出生日期:${parsed.id.birthDate}` : '性别和出生日期由身份证号自动得出'}
              >
                <Input maxLength={18} placeholder="18位,末位可为X;15位旧号自动转换" />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item
              label="手机号"
              name="phone"
              rules={[...(creating ? [{ required: true, whitespace: true, message: '请填写手机号' }] : []), schemaRule(mobileSchema)]}
              extra={!creating && editing?.phone ? `当前 ${editing.phone};留空则不修改` : undefined}
            >
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
          {creating ? (
            <Col xs={24} md={12}>
              <Form.Item label="所在基层工会" name="orgId" rules={[{ required: true, message: '请选择所在基层工会' }]}>
                <OrgTreeSelect selectableKinds={['grassroots']} placeholder="请选择基层工会" />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item label="入会日期" name="joinedAt">
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="银行卡号"
              name="bankAccount"
              rules={[schemaRule(bankAccountSchema)]}
              extra={!creating && editing?.bankAccount ? `当前 ${editing.bankAccount};留空则不修改` : '用于发放慰问金、补助(可不填)'}
            >
              <Input maxLength={19} inputMode="numeric" />
            </Form.Item>
          </Col>
          {!creating && editing?.bankAccount ? (
            <Col xs={24} md={12}>
              <Form.Item name="clearBankAccount" valuePropName="checked" label=" ">
                <Checkbox>清除银行卡号</Checkbox>
              </Form.Item>
            </Col>
          ) : null}
          {creating ? (
            <Col xs={24} md={12}>
              <Form.Item label="会员卡号" name="cardNo" rules={[schemaRule(shape.cardNo)]} extra="留空由系统生成">
                <Input maxLength={20} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item label="工作单位" name="enterpriseId">
              <EnterpriseSelect currentLabel={editing?.enterpriseName} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="技能等级" name="skillLevel">
              <Select allowClear options={SKILL_LEVEL_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="学历" name="education">
              <Select allowClear options={EDUCATION_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="人员标记" name="flags">
              <Checkbox.Group options={MEMBER_FLAGS.map((f) => ({ value: f.key, label: f.label }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
