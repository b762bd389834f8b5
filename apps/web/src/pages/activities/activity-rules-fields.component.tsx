import { Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { FLAG_OPTIONS, GENDER_OPTIONS } from './activity-labels';

/** 报名条件: the eligibility rules the server checks at sign-up (each unmet rule gives the member its reason). */
export function ActivityRulesFields() {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        报名条件
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        仅限在册会员;以下条件留空即不限。会员报名时由系统逐条核对,不符合的会告知具体原因。
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item label="最低年龄" name="ageMin">
            <InputNumber min={0} max={120} precision={0} suffix="周岁" style={{ width: '100%' }} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="最高年龄" name="ageMax">
            <InputNumber min={0} max={120} precision={0} suffix="周岁" style={{ width: '100%' }} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="入会满" name="minMembershipMonths">
            <InputNumber min={0} max={600} precision={0} suffix="个月" style={{ width: '100%' }} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="每人每年最多参加" name="maxPerYear" tooltip="同类活动在活动所在年度内已获名额的次数">
            <InputNumber min={0} max={100} precision={0} suffix="次" style={{ width: '100%' }} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="须具备的身份" name="requireFlags" tooltip="选择多项时须同时具备">
            <Select mode="multiple" allowClear options={FLAG_OPTIONS} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="性别" name="gender">
            <Select allowClear options={GENDER_OPTIONS} placeholder="不限" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
