import { Form, Input, Radio } from 'antd';
import { KIND_HELP, KIND_OPTIONS } from './innovation-labels';

/** The proposal's own fields, shared by the staff form and the phone form. */
export function InnovationFields({ compact = false }: { compact?: boolean }) {
  return (
    <>
      <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]} extra={KIND_HELP}>
        <Radio.Group options={KIND_OPTIONS} optionType="button" buttonStyle="solid" style={compact ? { display: 'flex', flexWrap: 'wrap', gap: 8 } : undefined} />
      </Form.Item>
      <Form.Item label="项目名称" name="title" rules={[{ required: true, whitespace: true, min: 4, message: '项目名称至少4个字' }]}>
        <Input maxLength={60} showCount placeholder="如:数控车床快速换刀夹具" />
      </Form.Item>
      <Form.Item label="存在问题" name="problem" rules={[{ required: true, whitespace: true, min: 5, message: '存在问题至少5个字' }]}>
        <Input.TextArea rows={compact ? 3 : 3} maxLength={2000} showCount placeholder="现场存在什么问题,造成什么影响" />
      </Form.Item>
      <Form.Item label="改进方案" name="proposal" rules={[{ required: true, whitespace: true, min: 5, message: '改进方案至少5个字' }]}>
        <Input.TextArea rows={compact ? 4 : 5} maxLength={4000} showCount placeholder="怎么改:原理、做法、所需材料" />
      </Form.Item>
      <Form.Item label="预期效益" name="expectedBenefit" rules={[{ required: true, whitespace: true, min: 5, message: '预期效益至少5个字' }]}>
        <Input.TextArea rows={2} maxLength={1000} showCount placeholder="节约成本、提高效率、保障安全等,能估算的请写出金额" />
      </Form.Item>
    </>
  );
}
