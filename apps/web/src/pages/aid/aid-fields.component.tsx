import { Form, Input, Select } from 'antd';
import { CATEGORY_HELP, CATEGORY_OPTIONS } from './aid-labels';
import { YuanInput } from '../../components/yuan-input.component';
import type { AidCategory } from '@gonghui/contracts';

export interface AidFieldValues {
  category: AidCategory;
  amountYuan: number;
  reason: string;
}

/** 帮扶类别, 申请金额 (元), 申请理由: the fields 代职工申请 and 修改 share. */
export function AidFields() {
  return (
    <>
      <Form.Item label="帮扶类别" name="category" tooltip={CATEGORY_HELP} rules={[{ required: true, message: '请选择帮扶类别' }]}>
        <Select options={CATEGORY_OPTIONS} placeholder="请选择" />
      </Form.Item>
      <Form.Item
        label="申请金额"
        name="amountYuan"
        rules={[{ required: true, message: '请填写申请金额' }]}
        extra="单位:元,最多两位小数;超过市总审批金额的申请须报市总工会审批"
      >
        <YuanInput max={100_000} placeholder="如 3000" />
      </Form.Item>
      <Form.Item label="申请理由" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '申请理由至少2个字' }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder="家庭情况、致困原因、已获得的其他帮助等" />
      </Form.Item>
    </>
  );
}
