import { Checkbox, Col, Divider, Form, Input, InputNumber, Row } from 'antd';
import { YuanInput } from '../../components/yuan-input.component';
import { HouseholdFamilyFields } from './household-family-fields.component';
import { HouseholdIncomeFields } from './household-income-fields.component';
import { CAUSE_OPTIONS, EVIDENCE_OPTIONS } from './household-labels';

/** The facts a tier is computed from, shared by 建档, 修改 and 复核. */
export function HouseholdFactsFields() {
  return (
    <>
      <Divider titlePlacement="start" plain>
        家庭成员
      </Divider>
      <HouseholdFamilyFields />
      <Divider titlePlacement="start" plain>
        近12个月家庭净收入
      </Divider>
      <HouseholdIncomeFields />
      <Divider titlePlacement="start" plain>
        家庭资产与致困原因
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="机动车价值" name="carValueYuan" extra="家庭所有机动车中价值最高的一辆;没有填 0">
            <YuanInput min={0} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="商品房套数" name="commercialHomes" extra="不含房改房、拆迁安置房、保障性住房">
            <InputNumber min={0} max={50} precision={0} suffix="套" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="致困原因" name="causes" rules={[{ required: true, message: '请至少选择一项致困原因' }]}>
            <Checkbox.Group options={CAUSE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="致困情况说明" name="causeNote">
            <Input.TextArea rows={2} maxLength={500} showCount placeholder="如:妻子确诊乳腺癌,年自付医疗费约4.6万元" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="已收取的证明材料" name="evidenceTypes">
            <Checkbox.Group options={EVIDENCE_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
