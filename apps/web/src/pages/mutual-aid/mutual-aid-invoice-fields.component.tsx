import { Button, Card, Form, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { MutualAidClaim, MutualAidPart } from '@gonghui/contracts';
import { yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';

export interface InvoiceValues {
  invoiceNo: string;
  invoiceDate: string;
  totalYuan: number;
  selfPayYuan: number;
}

export interface ClaimFormValues {
  part: MutualAidPart;
  hospital: string;
  admissionDate: string;
  dischargeDate?: string;
  diagnosis: string;
  invoices: InvoiceValues[];
}

/** The claim's facts as the server takes them (amounts in 分). */
export const claimFacts = (v: ClaimFormValues) => ({
  part: v.part,
  hospital: v.hospital.trim(),
  admissionDate: v.admissionDate,
  dischargeDate: v.dischargeDate || undefined,
  diagnosis: v.diagnosis.trim(),
  invoices: v.invoices.map((i) => ({ invoiceNo: i.invoiceNo.trim(), invoiceDate: i.invoiceDate, totalFen: yuanToFen(i.totalYuan), selfPayFen: yuanToFen(i.selfPayYuan) })),
});

/** A saved claim as the form's values (amounts in 元), to edit it. */
export const claimFormValues = (c: MutualAidClaim): ClaimFormValues => ({
  part: c.part,
  hospital: c.hospital,
  admissionDate: c.admissionDate,
  dischargeDate: c.dischargeDate ?? undefined,
  diagnosis: c.diagnosis,
  invoices: c.invoices.map((i) => ({ invoiceNo: i.invoiceNo, invoiceDate: i.invoiceDate, totalYuan: i.totalFen / 100, selfPayYuan: i.selfPayFen / 100 })),
});

/** Server paths → form fields, for the invoices too (`invoices.2.selfPayFen` → the third invoice's 自付 field). */
export const CLAIM_FIELD_MAP: Record<string, string> = {
  memberId: 'memberId',
  part: 'part',
  hospital: 'hospital',
  admissionDate: 'admissionDate',
  dischargeDate: 'dischargeDate',
  diagnosis: 'diagnosis',
  filerRelation: 'filerRelation',
  familyName: 'familyName',
  familyRelation: 'familyRelation',
  sensitiveConsent: 'sensitiveConsent',
  invoices: 'invoices',
  ...Object.fromEntries(
    Array.from({ length: 30 }, (_v, i) => [
      [`invoices.${i}.invoiceNo`, `invoices.${i}.invoiceNo`],
      [`invoices.${i}.invoiceDate`, `invoices.${i}.invoiceDate`],
      [`invoices.${i}.totalFen`, `invoices.${i}.totalYuan`],
      [`invoices.${i}.selfPayFen`, `invoices.${i}.selfPayYuan`],
    ]).flat(),
  ),
};

/** 发票: number (unique across all claims), date, amount on the invoice and the out-of-pocket part. */
export function InvoiceFields({ compact = false }: { compact?: boolean }) {
  return (
    <Form.List name="invoices" rules={[{ validator: async (_r, v: unknown[] | undefined) => { if (!v?.length) throw new Error('请至少填写一张发票'); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card key={field.key} size="small" title={`发票 ${index + 1}`} style={{ marginBottom: 8 }} extra={fields.length > 1 ? <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除发票" onClick={() => remove(field.name)} /> : null}>
              <Space wrap={!compact} direction={compact ? 'vertical' : 'horizontal'} style={{ width: '100%' }} align="start">
                <Form.Item label="发票号码" name={[field.name, 'invoiceNo']} rules={[{ required: true, whitespace: true, message: '请填写发票号码' }]}>
                  <Input maxLength={40} placeholder="医疗收费票据号码" data-testid={`invoice-no-${index}`} />
                </Form.Item>
                <Form.Item label="开票日期" name={[field.name, 'invoiceDate']} rules={[{ required: true, message: '请填写开票日期' }]}>
                  <Input type="date" data-testid={`invoice-date-${index}`} />
                </Form.Item>
                <Form.Item label="票面金额(元)" name={[field.name, 'totalYuan']} rules={[{ required: true, message: '请填写票面金额' }]}>
                  <YuanInput inputMode="decimal" data-testid={`invoice-total-${index}`} />
                </Form.Item>
                <Form.Item label="个人自付(元)" name={[field.name, 'selfPayYuan']} rules={[{ required: true, message: '请填写个人自付金额' }]} tooltip="医保结算后个人负担的部分(含自付、自费)">
                  <YuanInput min={0} inputMode="decimal" data-testid={`invoice-self-${index}`} />
                </Form.Item>
              </Space>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
            添加发票
          </Button>
        </>
      )}
    </Form.List>
  );
}
