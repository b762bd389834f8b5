import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { dayjs } from '../../app/time';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { MODE_HELP, MODE_OPTIONS, TYPE_OPTIONS } from './activity-labels';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const timePicker = <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />;

/** The activity's own fields: name, type, organiser, places, the sign-up window and the event (times in Beijing time). */
export function ActivityFormFields({ editing }: { editing: boolean }) {
  return (
    <Row gutter={12}>
      <Col xs={24} md={16}>
        <Form.Item label="活动名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}>
          <Input maxLength={80} showCount placeholder="如:2025年春节平安返乡专车" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="活动类型" name="type" rules={[{ required: true, message: '请选择活动类型' }]}>
          <Select options={TYPE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item label="主办工会" name="orgId" rules={[{ required: true, message: '请选择主办工会' }]} extra={editing ? '主办工会创建后不能修改' : '名额属于主办工会,可再分配给其下级工会'}>
          <OrgTreeSelect disabled={editing} allowClear={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="名额" name="capacity" rules={[{ required: true, message: '请填写名额' }]}>
          <InputNumber min={1} max={100000} precision={0} suffix="人" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="报名开始时间" name="signupOpensAt" rules={[{ required: true, message: '请选择报名开始时间' }]}>
          {timePicker}
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label="报名截止时间"
          name="signupClosesAt"
          dependencies={['signupOpensAt']}
          rules={[
            { required: true, message: '请选择报名截止时间' },
            ({ getFieldValue }) => ({
              validator: async (_r, value: unknown) => {
                const opens: unknown = getFieldValue('signupOpensAt');
                if (dayjs.isDayjs(value) && dayjs.isDayjs(opens) && !value.isAfter(opens)) throw new Error('报名截止时间应晚于报名开始时间');
              },
            }),
          ]}
        >
          {timePicker}
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="报名方式" name="mode" rules={[{ required: true, message: '请选择报名方式' }]} extra={MODE_HELP}>
          <Select options={MODE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="允许候补" name="waitlist" valuePropName="checked" tooltip="名额满(或未中签)后进入候补,有人取消时按顺序自动递补">
          <Switch checkedChildren="候补" unCheckedChildren="不候补" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="取消报名截止" name="cancelUntil" tooltip="会员在此之前可自行取消报名;留空则不能自行取消">
          {timePicker}
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="活动开始时间" name="startsAt">
          {timePicker}
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="活动结束时间" name="endsAt">
          {timePicker}
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="活动地点" name="venue">
          <Input maxLength={120} placeholder="如:杭州东站西广场集合" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="活动说明" name="description">
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="行程、费用承担、需携带的材料等" />
        </Form.Item>
      </Col>
    </Row>
  );
}
