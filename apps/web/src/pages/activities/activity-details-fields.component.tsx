import { useEffect } from 'react';
import { Alert, Col, Divider, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import {
  BACHELOR_SUBSIDY_FEN,
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_LABELS,
  HOMEWARD_TRANSPORTS,
  HOMEWARD_TRANSPORT_LABELS,
  type ActivityType,
  type EducationLevel,
} from '@gonghui/contracts';
import { fenToYuanNumber } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import type { ActivityFormValues } from './activity-form-values';

const BACHELOR_YUAN = fenToYuanNumber(BACHELOR_SUBSIDY_FEN);

export const SUMMER_CLASS_HELP = '每班不少于20名儿童(名额不少于20)、开班不少于两周(须填写活动开始和结束时间);孩子的信息须由监护人阅读并同意《未成年人信息处理同意书》后方可提交。';

/** What the activity's type adds, under `details`: 平安返乡 route and ticket subsidy, 小候鸟 children's ages, 圆梦计划 level and grant. */
export function ActivityDetailsFields() {
  const form = Form.useFormInstance<ActivityFormValues>();
  const type = Form.useWatch('type', form) as ActivityType | undefined;
  const level = Form.useWatch(['details', 'level'], form) as EducationLevel | undefined;

  // a bachelor's grant is fixed (domain.md): prefilled and locked
  useEffect(() => {
    if (type === 'education' && level === 'bachelor') form.setFieldValue(['details', 'subsidyYuan'], BACHELOR_YUAN);
  }, [type, level, form]);

  if (type !== 'homeward' && type !== 'summer_class' && type !== 'education') return null;
  return (
    <div data-testid="activity-details-fields">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {type === 'homeward' ? '返乡线路与补贴' : type === 'summer_class' ? '暑期班信息' : '资助信息'}
      </Typography.Title>
      {type === 'homeward' ? (
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="出发地" name={['details', 'from']}>
              <Input maxLength={40} placeholder="如:杭州东站" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="目的地" name={['details', 'to']}>
              <Input maxLength={40} placeholder="如:安徽阜阳" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="交通方式" name={['details', 'transport']}>
              <Select allowClear options={HOMEWARD_TRANSPORTS.map((value) => ({ value, label: HOMEWARD_TRANSPORT_LABELS[value] }))} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="出发日期" name={['details', 'departureDate']}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="每人车票补贴" name={['details', 'subsidyYuan']} tooltip="报名成功的会员每人一次,由主办工会从所选资金发放到会员登记的银行卡;不补贴填0">
              <YuanInput min={0} max={2000} placeholder="不超过2000元" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              线路和补贴可稍后补充;填写时出发地、目的地、交通方式、出发日期和补贴须一并填写。
            </Typography.Paragraph>
          </Col>
        </Row>
      ) : null}
      {type === 'summer_class' ? (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={SUMMER_CLASS_HELP} data-testid="summer-class-help" />
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item label="儿童最小年龄" name={['details', 'childAgeMin']}>
                <InputNumber min={3} max={16} precision={0} suffix="周岁" style={{ width: '100%' }} placeholder="3-16" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="儿童最大年龄" name={['details', 'childAgeMax']}>
                <InputNumber min={3} max={16} precision={0} suffix="周岁" style={{ width: '100%' }} placeholder="3-16" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Typography.Paragraph type="secondary" style={{ marginTop: 30 }}>
                按开班日的周岁核对;留空时按6至14周岁。
              </Typography.Paragraph>
            </Col>
          </Row>
        </>
      ) : null}
      {type === 'education' ? (
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="报读层次" name={['details', 'level']}>
              <Select allowClear options={EDUCATION_LEVELS.map((value) => ({ value, label: EDUCATION_LEVEL_LABELS[value] }))} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="资助金额(每人)" name={['details', 'subsidyYuan']} extra={level === 'bachelor' ? '本科资助为固定7000元' : '不超过20000元'}>
              <YuanInput min={0} max={20000} disabled={level === 'bachelor'} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      <Divider style={{ margin: '4px 0 12px' }} />
    </div>
  );
}
