import { useState } from 'react';
import { AutoComplete, Form, Input, InputNumber, Radio, Select, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { RIGHTS_GROUP_WORKERS, type HazardEnterpriseOption } from '@gonghui/contracts';
import { rightsKeys } from '../../api/rights.api';
import { yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { RIGHTS_CATEGORY_OPTIONS } from './rights-labels';

/** What both intake forms (H5 and the 12351 hotline) ask about the case and the employer. */
export interface RightsFactValues {
  category: string;
  description: string;
  enterpriseName: string;
  enterpriseId?: string;
  enterpriseAddress?: string;
  districtOrgId?: string;
  workersAffected: number;
  amountClaimedYuan?: number;
  urgency?: 'normal' | 'urgent';
}

export const RIGHTS_FACT_FIELDS = ['category', 'description', 'enterpriseName', 'enterpriseId', 'enterpriseAddress', 'districtOrgId', 'workersAffected', 'amountClaimedFen', 'urgency'];

interface Props {
  form: FormInstance;
  lookup: { enterprises: (q: string) => Promise<HazardEnterpriseOption[]>; options: () => Promise<{ districts: { id: string; name: string }[] }> };
  /** staff may mark a case 紧急 themselves */
  withUrgency?: boolean;
}

/** Category, description, the employer (from the registry or typed with its district), workers affected, amount (欠薪). */
export function RightsCaseFields({ form, lookup, withUrgency = false }: Props) {
  const [search, setSearch] = useState('');
  const options = useQuery({ queryKey: rightsKeys.options, queryFn: lookup.options, staleTime: 10 * 60_000 });
  const found = useQuery({ queryKey: rightsKeys.enterprises(search), queryFn: () => lookup.enterprises(search), enabled: search.trim().length >= 2, staleTime: 60_000 });
  const enterpriseId = Form.useWatch('enterpriseId', form) as string | undefined;
  const category = Form.useWatch('category', form) as string | undefined;
  const enterpriseOptions = (found.data ?? []).map((e) => ({ value: e.id, label: `${e.name}${e.districtName ? `(${e.districtName})` : ''}`, name: e.name, address: e.address }));
  return (
    <>
      <Form.Item label="求助类别" name="category" rules={[{ required: true, message: '请选择求助类别' }]}>
        <Radio.Group options={RIGHTS_CATEGORY_OPTIONS} optionType="button" buttonStyle="solid" data-testid="rights-category" />
      </Form.Item>
      <Form.Item label="情况描述" name="description" rules={[{ required: true, whitespace: true, message: '请描述遇到的问题' }, { min: 10, message: '情况描述至少10个字' }]}>
        <Input.TextArea rows={4} maxLength={1000} showCount placeholder="何时何地、什么问题、找过谁、对方怎么说" data-testid="rights-description" />
      </Form.Item>
      <Form.Item name="enterpriseId" hidden><Input /></Form.Item>
      <Form.Item label="用人单位" name="enterpriseName" extra={enterpriseId ? '已从企业名录选定,按单位所在地分派区县(市)总工会' : '输入名称或统一社会信用代码查找;找不到可直接填写'} rules={[{ required: true, whitespace: true, message: '请选择或填写用人单位' }]}>
        <AutoComplete
          options={enterpriseOptions}
          onSearch={(v) => { setSearch(v); form.setFieldValue('enterpriseId', undefined); }}
          onSelect={(id: string, o: { name: string; address: string | null }) => form.setFieldsValue({ enterpriseId: id, enterpriseName: o.name, enterpriseAddress: o.address ?? undefined })}
          placeholder="单位名称或信用代码"
          data-testid="rights-enterprise"
        />
      </Form.Item>
      <Form.Item label="单位地址(工地、门店)" name="enterpriseAddress">
        <Input maxLength={120} placeholder="区、街道、路名门牌或项目名称" />
      </Form.Item>
      {!enterpriseId ? (
        <Form.Item label="单位所在区县(市)" name="districtOrgId" extra="不清楚可不选,由市总工会分派">
          <Select allowClear options={(options.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))} placeholder="选择区县(市)" data-testid="rights-district" />
        </Form.Item>
      ) : null}
      <Form.Item label="涉及人数" name="workersAffected" extra={`${RIGHTS_GROUP_WORKERS}人及以上为群体性事件,按紧急办理`} rules={[{ required: true, message: '请填写涉及人数' }]}>
        <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} suffix="人" data-testid="rights-workers" />
      </Form.Item>
      <Form.Item label={category === 'wage_arrears' ? '被拖欠金额' : '诉求金额(如有)'} name="amountClaimedYuan" rules={category === 'wage_arrears' ? [{ required: true, message: '请填写被拖欠的工资金额' }] : []}>
        <YuanInput min={0} data-testid="rights-amount" />
      </Form.Item>
      {withUrgency ? (
        <Form.Item label="紧急程度" name="urgency" extra="群体性、春节前两个月内的欠薪自动按紧急办理">
          <Radio.Group options={[{ value: 'normal', label: '一般(30个工作日内办结)' }, { value: 'urgent', label: '紧急(15个工作日内办结)' }]} />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The form's values as the API takes them (元 → 分; the typed name and district only without a registry pick). */
export function factsBody(v: RightsFactValues) {
  return {
    category: v.category as 'wage_arrears',
    description: v.description,
    enterpriseId: v.enterpriseId,
    enterpriseName: v.enterpriseId ? undefined : v.enterpriseName,
    enterpriseAddress: v.enterpriseAddress?.trim() || undefined,
    districtOrgId: v.enterpriseId ? undefined : v.districtOrgId,
    workersAffected: v.workersAffected,
    amountClaimedFen: v.amountClaimedYuan ? yuanToFen(v.amountClaimedYuan) : 0,
    urgency: v.urgency,
  };
}
