import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { idCardSchema } from '@gonghui/contracts';
import { schemaRule } from '../../api/form-errors';
import { YuanInput } from '../../components/yuan-input.component';
import { EMPLOYMENT_OPTIONS, HEALTH_OPTIONS, RELATION_OPTIONS } from './household-labels';
import type { FamilyMemberValues } from './household-form-values';

/** 家庭成员: the people living with the head (the head is counted in the household size already). */
export function HouseholdFamilyFields() {
  const form = Form.useFormInstance();
  const family = Form.useWatch<FamilyMemberValues[] | undefined>('familyMembers', form) ?? [];
  return (
    <Form.List name="familyMembers">
      {(rows, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            登记与户主共同生活的家庭成员(户主本人不必登记)。家庭人口:<strong data-testid="household-size">{1 + family.length}</strong> 人(含户主)。
          </Typography.Paragraph>
          {rows.map((row) => {
            // display only (not a form field): the stored 身份证, masked
            const masked = form.getFieldValue(['familyMembers', row.name, 'idCardMasked']) as FamilyMemberValues['idCardMasked'];
            return (
              <Row key={row.key} gutter={8} align="top" wrap>
                <Form.Item name={[row.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Col xs={12} md={4}>
                  <Form.Item name={[row.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                    <Input placeholder="姓名" maxLength={30} aria-label="家庭成员姓名" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item name={[row.name, 'relation']} rules={[{ required: true, message: '请选择关系' }]}>
                    <Select placeholder="与户主关系" options={RELATION_OPTIONS} aria-label="与户主关系" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[row.name, 'idCard']} rules={[schemaRule(idCardSchema)]} extra={masked ? `已登记 ${masked},留空不变` : undefined}>
                    <Input placeholder={masked ? '重新填写身份证号' : '身份证号(选填)'} maxLength={18} aria-label="家庭成员身份证号" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[row.name, 'monthlyIncomeYuan']}>
                    <YuanInput min={0} placeholder="月收入" aria-label="家庭成员月收入" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item name={[row.name, 'employment']} rules={[{ required: true, message: '请选择就业状况' }]}>
                    <Select placeholder="就业状况" options={EMPLOYMENT_OPTIONS} aria-label="就业状况" />
                  </Form.Item>
                </Col>
                <Col xs={20} md={4}>
                  <Form.Item name={[row.name, 'health']} rules={[{ required: true, message: '请选择健康状况' }]}>
                    <Select placeholder="健康状况" options={HEALTH_OPTIONS} aria-label="健康状况" />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该家庭成员" onClick={() => remove(row.name)} />
                </Col>
              </Row>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined />} disabled={rows.length >= 15} onClick={() => add({ monthlyIncomeYuan: 0, health: 'healthy' })} style={{ marginBottom: 16 }}>
            添加家庭成员
          </Button>
        </>
      )}
    </Form.List>
  );
}
