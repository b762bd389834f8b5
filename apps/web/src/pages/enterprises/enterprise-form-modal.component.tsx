import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createEnterpriseBodySchema, type Enterprise } from '@gonghui/contracts';
import { ApiError } from '../../api/api-client';
import { enterpriseApi } from '../../api/enterprise.api';
import { applyServerErrors, schemaRule } from '../../api/form-errors';
import { queryKeys } from '../../api/query-keys';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { creditCodeRules } from '../orgs/org-labels';
import { ENTERPRISE_FLAGS, ENTERPRISE_STATUS_LABELS, OWNERSHIP_OPTIONS } from './enterprise-labels';
import { createBody, FIELDS, onlyChecksumFails, updateBody, valuesOf, type EnterpriseFormValues } from './enterprise-form-values';

interface EnterpriseFormModalProps {
  /** 'create' for 登记企业, an enterprise for 编辑, null when closed */
  target: 'create' | Enterprise | null;
  onClose: () => void;
}

const shape = createEnterpriseBodySchema.shape;

/**
 * 登记企业 / 编辑企业. A credit code whose only fault is its check character (codes issued in early
 * pilot regions) can be accepted "on review" with a reason once the server has refused it.
 */
export function EnterpriseFormModal({ target, onClose }: EnterpriseFormModalProps) {
  const [form] = Form.useForm<EnterpriseFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [offerAccept, setOfferAccept] = useState(false);
  const editing = target !== null && target !== 'create' ? target : null;
  const creditCode = Form.useWatch('creditCode', form);
  const accept = Form.useWatch('acceptInvalidChecksum', form);
  const showAccept = !editing && offerAccept && onlyChecksumFails(creditCode);

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    setOfferAccept(false);
    form.resetFields();
    form.setFieldsValue(target === 'create' ? { flags: [] } : valuesOf(target));
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: EnterpriseFormValues): Promise<Enterprise> => (editing ? enterpriseApi.update(editing.id, updateBody(editing, v)) : enterpriseApi.create(createBody(v))),
    onSuccess: (e) => {
      void message.success(editing ? '企业信息已保存' : e.creditCodeReviewStatus === 'pending' ? `已登记 ${e.name},信用代码待核实` : `已登记 ${e.name}`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.enterprises });
      void queryClient.invalidateQueries({ queryKey: queryKeys.coverage });
      onClose();
    },
    onError: (error, v) => {
      if (error instanceof ApiError && error.status === 422 && error.fieldErrors.some((e) => e.path === 'creditCode') && onlyChecksumFails(v.creditCode)) {
        setOfferAccept(true);
      }
      if (error instanceof ApiError && error.status === 409) {
        form.setFields([{ name: 'creditCode', errors: [error.message] }]);
        setFailure(null);
        return;
      }
      setFailure(applyServerErrors(form, error, FIELDS));
    },
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? `编辑企业:${editing.name}` : '登记企业'}
      okText="保存"
      width={760}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<EnterpriseFormValues> name="enterprise-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)} autoComplete="off">
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="企业名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写企业名称' }, schemaRule(shape.name)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="统一社会信用代码"
              name="creditCode"
              rules={editing ? [] : [{ required: true, whitespace: true, message: '请填写统一社会信用代码' }, ...creditCodeRules]}
              extra={editing ? '信用代码登记后不能修改' : undefined}
            >
              <Input maxLength={18} disabled={!!editing} placeholder="18位" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="行政区划代码" name="divisionCode" rules={[{ required: true, message: '请填写行政区划代码' }, schemaRule(shape.divisionCode)]}>
              <Input maxLength={6} placeholder="6位数字,如 330106" inputMode="numeric" />
            </Form.Item>
          </Col>
          {showAccept ? (
            <Col xs={24}>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title="该代码格式正确,只有校验位(第18位)不符。"
                description="部分早期试点地区在国家标准实施前赋予的代码校验位与标准不一致。如已核对营业执照确认无误,可勾选“核实后接受”并说明理由;该企业将被标记,列入「待核实信用代码」,由区县(市)总工会核实。"
              />
              <Form.Item name="acceptInvalidChecksum" valuePropName="checked">
                <Checkbox>核实后接受此信用代码</Checkbox>
              </Form.Item>
              {accept ? (
                <Form.Item label="接受理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写接受理由' }]}>
                  <Input.TextArea maxLength={200} showCount rows={2} placeholder="如:已核对营业执照原件,代码为2014年试点期间赋码" />
                </Form.Item>
              ) : null}
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item label="职工人数" name="employeeCount" rules={[{ required: true, message: '请填写职工人数' }]}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="所有制" name="ownership">
              <Select allowClear options={OWNERSHIP_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="覆盖该企业的工会" name="unionOrgId" extra="本企业工会、联合工会或区域性/行业性工会;尚未建会的留空">
              <OrgTreeSelect selectableKinds={['grassroots']} placeholder="未建会" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="负责组建的组织" name="orgId" extra="留空:已建会的归覆盖工会,未建会的按行政区划或您的单位">
              <OrgTreeSelect placeholder="自动确定" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="行业" name="industry" rules={[schemaRule(shape.industry)]}>
              <Input maxLength={50} placeholder="如:制造业" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="地址" name="address" rules={[schemaRule(shape.address)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="类型标记" name="flags">
              <Checkbox.Group options={ENTERPRISE_FLAGS.map((f) => ({ value: f.key, label: f.label }))} />
            </Form.Item>
          </Col>
          {editing ? (
            <Col xs={24} md={12}>
              <Form.Item label="状态" name="status">
                <Select options={Object.entries(ENTERPRISE_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
