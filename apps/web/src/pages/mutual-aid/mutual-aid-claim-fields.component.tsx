import { Form, Input, Radio, Select } from 'antd';
import { PART_OPTIONS } from './mutual-aid-labels';
import { InvoiceFields } from './mutual-aid-invoice-fields.component';

/** The facts of a claim (part, hospital, dates, diagnosis, invoices), shared by the staff form and the H5 form. */
export function ClaimFields({ compact = false }: { compact?: boolean }) {
  return (
    <>
      <Form.Item label="保障项目" name="part" rules={[{ required: true, message: '请选择保障项目' }]} extra="女职工特殊疾病仅限女职工;重大疾病另按住院天数发放住院生活补助。">
        {compact ? <Radio.Group options={PART_OPTIONS} style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="claim-part" /> : <Select options={PART_OPTIONS} placeholder="请选择" data-testid="claim-part" />}
      </Form.Item>
      <Form.Item label="就诊医院" name="hospital" rules={[{ required: true, whitespace: true, message: '请填写就诊医院' }]}>
        <Input maxLength={60} placeholder="如 浙江大学医学院附属第一医院" data-testid="claim-hospital" />
      </Form.Item>
      <Form.Item label="入院(就诊)日期" name="admissionDate" rules={[{ required: true, message: '请填写入院或就诊日期' }]}>
        <Input type="date" data-testid="claim-admission" />
      </Form.Item>
      <Form.Item label="出院日期" name="dischargeDate" extra="门诊可不填;住院天数按出院日减入院日计算">
        <Input type="date" data-testid="claim-discharge" />
      </Form.Item>
      <Form.Item label="诊断" name="diagnosis" rules={[{ required: true, whitespace: true, message: '请填写诊断' }]}>
        <Input.TextArea rows={2} maxLength={200} placeholder="出院小结或病历上的诊断" data-testid="claim-diagnosis" />
      </Form.Item>
      <InvoiceFields compact={compact} />
    </>
  );
}
