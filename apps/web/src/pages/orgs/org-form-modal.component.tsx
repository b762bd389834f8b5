import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createOrgBodySchema, type CreateOrgBody, type Org, type OrgKind, type UnionType } from '@gonghui/contracts';
import { orgApi } from '../../api/org.api';
import { applyServerErrors, schemaRule } from '../../api/form-errors';
import type { UpdateOrgBody } from '../../api/contract-types';
import { queryKeys } from '../../api/query-keys';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { creditCodeRules, ORG_KIND_OPTIONS, ORG_STATUS_LABELS, suggestedChildKind, UNION_TYPE_OPTIONS } from './org-labels';

interface OrgFormValues {
  name: string;
  kind: OrgKind;
  unionType?: UnionType | null;
  code?: string;
  creditCode?: string;
  divisionCode?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  industryParentId?: string;
  status?: 'active' | 'dissolved';
}

export type OrgFormMode = { mode: 'create'; parent: Org } | { mode: 'edit'; org: Org };

interface OrgFormModalProps {
  target: OrgFormMode | null;
  onClose: () => void;
  onSaved: (org: Org) => void;
}

const FIELDS = ['name', 'kind', 'unionType', 'code', 'creditCode', 'divisionCode', 'address', 'contactName', 'contactPhone', 'industryParentId', 'status', 'parentId'];
const shape = createOrgBodySchema.shape;

const blank = (v: string | undefined | null): string | undefined => (v === undefined || v === null || v.trim() === '' ? undefined : v.trim());

function createBody(parent: Org, v: OrgFormValues): CreateOrgBody {
  return {
    parentId: parent.id,
    name: v.name.trim(),
    kind: v.kind,
    unionType: v.unionType ?? undefined,
    code: blank(v.code),
    creditCode: blank(v.creditCode)?.toUpperCase(),
    divisionCode: blank(v.divisionCode),
    address: blank(v.address),
    contactName: blank(v.contactName),
    contactPhone: blank(v.contactPhone),
    industryParentId: v.industryParentId || undefined,
  };
}

function updateBody(v: OrgFormValues): UpdateOrgBody {
  return {
    name: v.name.trim(),
    unionType: v.unionType ?? null,
    creditCode: blank(v.creditCode)?.toUpperCase() ?? null,
    address: blank(v.address) ?? null,
    contactName: blank(v.contactName) ?? null,
    contactPhone: blank(v.contactPhone) ?? null,
    status: v.status,
  };
}

/** 新建下级 / 编辑 an org. Editing changes the descriptive fields; the place in the tree moves via 调整上级. */
export function OrgFormModal({ target, onClose, onSaved }: OrgFormModalProps) {
  const [form] = Form.useForm<OrgFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const editing = target?.mode === 'edit';

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    if (target.mode === 'create') {
      form.setFieldsValue({ kind: suggestedChildKind(target.parent.kind) });
    } else {
      const { org } = target;
      form.setFieldsValue({
        name: org.name,
        kind: org.kind,
        unionType: org.unionType,
        code: org.code,
        creditCode: org.creditCode ?? undefined,
        divisionCode: org.divisionCode ?? undefined,
        address: org.address ?? undefined,
        contactName: org.contactName ?? undefined,
        contactPhone: org.contactPhone ?? undefined,
        status: org.status === 'dissolved' ? 'dissolved' : 'active',
      });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (values: OrgFormValues): Promise<Org> => {
      if (!target) throw new Error('没有要保存的组织');
      return target.mode === 'create' ? orgApi.create(createBody(target.parent, values)) : orgApi.update(target.org.id, updateBody(values));
    },
    onSuccess: (org) => {
      void message.success(editing ? '组织信息已保存' : '组织已创建');
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgs });
      onSaved(org);
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  const title = !target ? '' : target.mode === 'create' ? `新建下级组织(上级:${target.parent.name})` : `编辑组织:${target.org.name}`;
  const showDivision = kind === 'district' || kind === 'street';

  return (
    <Modal
      open={!!target}
      title={title}
      width={720}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<OrgFormValues> name="org-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="组织名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写组织名称' }, schemaRule(shape.name)]}>
              <Input maxLength={100} placeholder="如:杭州某某科技有限公司工会委员会" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="组织类型" name="kind" rules={[{ required: true, message: '请选择组织类型' }]}>
              <Select options={ORG_KIND_OPTIONS} disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="工会类型" name="unionType">
              <Select options={UNION_TYPE_OPTIONS} allowClear placeholder="请选择(基层工会必填)" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="组织编码" name="code" rules={[schemaRule(shape.code)]} extra={editing ? undefined : '留空由系统生成'}>
              <Input maxLength={32} disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="统一社会信用代码" name="creditCode" rules={creditCodeRules}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          {showDivision && !editing ? (
            <Col xs={24} md={12}>
              <Form.Item label="行政区划代码" name="divisionCode" rules={[schemaRule(shape.divisionCode)]}>
                <Input maxLength={6} placeholder="6位数字,如 330102" />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24}>
            <Form.Item label="地址" name="address" rules={[schemaRule(shape.address)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系人" name="contactName" rules={[schemaRule(shape.contactName)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系电话" name="contactPhone" rules={[schemaRule(shape.contactPhone)]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          {!editing && kind === 'grassroots' ? (
            <Col xs={24}>
              <Form.Item label="所属产业工会" name="industryParentId" extra="基层工会可同时隶属一个产业工会(可不选)">
                <OrgTreeSelect selectableKinds={['industry']} placeholder="请选择产业工会" />
              </Form.Item>
            </Col>
          ) : null}
          {editing ? (
            <Col xs={24} md={12}>
              <Form.Item label="状态" name="status">
                <Select options={Object.entries(ORG_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
