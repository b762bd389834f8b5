import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Row, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecuperationBase } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { recuperationApi, recuperationKeys, type RecuperationBaseBody } from '../../api/recuperation.api';

interface BaseValues {
  name: string;
  location: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  capacityNote?: string;
  description?: string;
  active: boolean;
}
const FIELDS = ['name', 'location', 'address', 'contactName', 'contactPhone', 'capacityNote', 'description', 'active'] as const;
const text = (v: string | undefined): string | undefined => v?.trim() || undefined;

function bodyOf(v: BaseValues): RecuperationBaseBody {
  return {
    name: v.name.trim(),
    location: v.location.trim(),
    address: text(v.address),
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    capacityNote: text(v.capacityNote),
    description: text(v.description),
    active: v.active,
  };
}

/** 新增 / 修改疗休养基地 (千岛湖、桐庐、临安 …); 停用 keeps it out of new routes. */
export function RecuperationBaseFormModal({ target, onClose }: { target: 'create' | RecuperationBase | null; onClose: () => void }) {
  const [form] = Form.useForm<BaseValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'create' ? target : null;

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      target === 'create'
        ? { active: true }
        : {
            name: target.name,
            location: target.location,
            address: target.address ?? undefined,
            contactName: target.contactName ?? undefined,
            contactPhone: target.contactPhone ?? undefined,
            capacityNote: target.capacityNote ?? undefined,
            description: target.description ?? undefined,
            active: target.active,
          },
    );
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: BaseValues) => (editing ? recuperationApi.updateBase(editing.id, bodyOf(v)) : recuperationApi.createBase(bodyOf(v))),
    onSuccess: (b) => {
      void message.success(editing ? '基地已保存' : `已新增基地「${b.name}」`);
      void queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  return (
    <Modal open={target !== null} title={editing ? `修改基地:${editing.name}` : '新增基地'} width={720} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="base-form-error" /> : null}
      <Form<BaseValues>
        name="recuperation-base-form"
        form={form}
        layout="vertical"
        autoComplete="off"
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="基地名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写基地名称' }]}>
              <Input maxLength={60} placeholder="如:千岛湖职工疗休养基地" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="所在地" name="location" rules={[{ required: true, whitespace: true, message: '请填写所在地' }]}>
              <Input maxLength={60} placeholder="如:淳安千岛湖、桐庐、临安" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="地址" name="address">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系人" name="contactName">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系电话" name="contactPhone">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="接待能力" name="capacityNote">
              <Input maxLength={200} placeholder="如:每批次可接待80人" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="基地介绍" name="description">
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="启用" name="active" valuePropName="checked" extra="停用的基地不能再新增线路,已有批次不受影响">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
