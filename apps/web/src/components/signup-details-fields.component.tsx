import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  EDUCATIONS,
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_LABELS,
  GUARDIAN_CONSENT_VERSION,
  type ActivityType,
  type EducationLevel,
} from '@gonghui/contracts';
import { dayjs } from '../app/time';

/**
 * What a sign-up carries for 小候鸟 (the child, with the guardian's consent), 集体婚礼 (the partner)
 * and 圆梦计划 (the applicant's declarations): the same fields on the phone and in 推荐报名.
 * Values live under `details` in the form; `signupDetailsBody` turns them into the request's `details`.
 */
export interface SignupDetailsValues {
  child?: { name?: string; gender?: 'male' | 'female'; birthDate?: Dayjs | null; school?: string };
  consent?: boolean;
  partner?: { name?: string; idCard?: string };
  marriageRegisteredOn?: Dayjs | null;
  level?: EducationLevel;
  currentEducation?: (typeof EDUCATIONS)[number];
  socialInsuranceMonths?: number | null;
  hasContract?: boolean;
}

/** The server's paths (`details.child.name` …) → the form's fields, for `applyMappedServerErrors`. */
export const SIGNUP_DETAILS_FIELD_OF: Readonly<Record<string, string>> = {
  'details.child.name': 'details.child.name',
  'details.child.gender': 'details.child.gender',
  'details.child.birthDate': 'details.child.birthDate',
  'details.child.school': 'details.child.school',
  'details.guardianConsent.agreed': 'details.consent',
  'details.partner.name': 'details.partner.name',
  'details.partner.idCard': 'details.partner.idCard',
  'details.marriageRegisteredOn': 'details.marriageRegisteredOn',
  'details.level': 'details.level',
  'details.currentEducation': 'details.currentEducation',
  'details.socialInsuranceMonths': 'details.socialInsuranceMonths',
  'details.hasContract': 'details.hasContract',
};

const DATE = 'YYYY-MM-DD';
const day = (v: Dayjs | null | undefined): string | undefined => (v ? v.format(DATE) : undefined);
const trimmed = (v: string | undefined): string | undefined => v?.trim() || undefined;

/** The request's `details` for this type of activity (undefined when the type needs none). */
export function signupDetailsBody(type: ActivityType, v: SignupDetailsValues | undefined): Record<string, unknown> | undefined {
  const d = v ?? {};
  if (type === 'summer_class') {
    return {
      child: { name: trimmed(d.child?.name), gender: d.child?.gender, birthDate: day(d.child?.birthDate), school: trimmed(d.child?.school) },
      guardianConsent: { version: GUARDIAN_CONSENT_VERSION, agreed: d.consent === true },
    };
  }
  if (type === 'group_wedding') {
    return { partner: { name: trimmed(d.partner?.name), idCard: trimmed(d.partner?.idCard)?.toUpperCase() }, marriageRegisteredOn: day(d.marriageRegisteredOn) };
  }
  if (type === 'education') {
    return { level: d.level, currentEducation: d.currentEducation, socialInsuranceMonths: d.socialInsuranceMonths ?? undefined, hasContract: d.hasContract };
  }
  return undefined;
}

export const GUARDIAN_CONSENT_TITLE = '《未成年人信息处理同意书》';

/** The consent a guardian reads before a child's details are saved (version GUARDIAN_CONSENT_VERSION). */
export const GUARDIAN_CONSENT_PARAGRAPHS: readonly string[] = [
  '一、目的:为组织小候鸟暑期班(安排分班、看护、接送及紧急联系),工会需要处理您孩子的个人信息。',
  '二、收集的信息:孩子的姓名、性别、出生日期和就读学校;不收集孩子的身份证号、照片或健康信息。',
  '三、使用与保存:上述信息仅用于本期暑期班,仅主办工会及班级工作人员可以查看,暑期班结束后不再用于其他用途,按规定期限届满后删除。',
  '四、对外提供:上述信息默认不导出、不向第三方提供;确因安全保障(如办理保险)需要提供的,仅提供必要信息。',
  '五、您的权利:您可以查询、更正孩子的信息;也可以撤回同意(取消报名或联系主办工会),撤回后我们将停止处理并删除孩子的信息,但不影响撤回前已进行的处理。',
];

const birthDateRule = {
  validator: async (_r: unknown, v: Dayjs | null | undefined) => {
    if (v && v.isAfter(dayjs())) throw new Error('出生日期不能晚于今天');
  },
};

/**
 * The per-type fields (none for 平安返乡 / 集体婚礼 … types without sign-up details).
 * `consentLabel` is what the guardian (or, in 推荐报名, the union on the guardian's written consent) ticks.
 */
export function SignupDetailsFields({ type, consentLabel = '我是孩子的监护人,已阅读并同意' }: { type: ActivityType; consentLabel?: string }) {
  const datePicker = (placeholder: string) => <DatePicker format={DATE} inputReadOnly style={{ width: '100%' }} placeholder={placeholder} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />;
  if (type === 'summer_class') {
    return (
      <>
        <Form.Item label="孩子姓名" name={['details', 'child', 'name']} rules={[{ required: true, whitespace: true, min: 2, message: '请填写孩子姓名' }]}>
          <Input maxLength={20} placeholder="与户口本一致" />
        </Form.Item>
        <Form.Item label="孩子性别" name={['details', 'child', 'gender']} rules={[{ required: true, message: '请选择孩子性别' }]}>
          <Radio.Group
            options={[
              { value: 'male', label: '男' },
              { value: 'female', label: '女' },
            ]}
          />
        </Form.Item>
        <Form.Item label="出生日期" name={['details', 'child', 'birthDate']} rules={[{ required: true, message: '请选择孩子出生日期' }, birthDateRule]}>
          {datePicker('选择出生日期')}
        </Form.Item>
        <Form.Item label="就读学校(可选)" name={['details', 'child', 'school']}>
          <Input maxLength={40} placeholder="如:XX县实验小学" />
        </Form.Item>
        <div data-testid="guardian-consent" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 12, background: '#fafafa' }}>
          <Typography.Text strong>{GUARDIAN_CONSENT_TITLE}</Typography.Text>
          <div style={{ maxHeight: 200, overflowY: 'auto', marginTop: 6 }}>
            {GUARDIAN_CONSENT_PARAGRAPHS.map((p) => (
              <Typography.Paragraph key={p} style={{ fontSize: 13, marginBottom: 6 }}>
                {p}
              </Typography.Paragraph>
            ))}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            版本 {GUARDIAN_CONSENT_VERSION}
          </Typography.Text>
        </div>
        <Form.Item
          name={['details', 'consent']}
          valuePropName="checked"
          rules={[{ validator: async (_r, v: unknown) => { if (v !== true) throw new Error('须由监护人阅读并同意《未成年人信息处理同意书》后才能报名'); } }]}
        >
          <Checkbox data-testid="guardian-consent-checkbox">{consentLabel}</Checkbox>
        </Form.Item>
      </>
    );
  }
  if (type === 'group_wedding') {
    return (
      <>
        <Form.Item label="配偶姓名" name={['details', 'partner', 'name']} rules={[{ required: true, whitespace: true, min: 2, message: '请填写配偶姓名' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="配偶身份证号" name={['details', 'partner', 'idCard']} rules={[{ required: true, whitespace: true, message: '请填写配偶身份证号' }]} extra="将加密保存,仅显示部分号码">
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item label="结婚登记日期" name={['details', 'marriageRegisteredOn']} rules={[{ required: true, message: '请选择结婚登记日期' }]} extra="以结婚证上的登记日期为准">
          {datePicker('选择登记日期')}
        </Form.Item>
      </>
    );
  }
  if (type === 'education') {
    return (
      <>
        <Form.Item label="报读层次" name={['details', 'level']} rules={[{ required: true, message: '请选择报读层次' }]}>
          <Radio.Group options={EDUCATION_LEVELS.map((value) => ({ value, label: EDUCATION_LEVEL_LABELS[value] }))} />
        </Form.Item>
        <Form.Item label="现有学历" name={['details', 'currentEducation']} rules={[{ required: true, message: '请选择现有学历' }]} extra="报读本科须已取得大专学历">
          <Select options={EDUCATIONS.map((value) => ({ value, label: value }))} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="在杭连续缴纳社保" name={['details', 'socialInsuranceMonths']} rules={[{ required: true, message: '请填写连续缴纳社保月数' }]} extra="须满6个月">
          <InputNumber min={0} max={600} precision={0} suffix="个月" style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        <Form.Item label="是否与在杭单位签订劳动合同" name={['details', 'hasContract']} rules={[{ required: true, message: '请选择是否签订劳动合同' }]}>
          <Radio.Group
            options={[
              { value: true, label: '是' },
              { value: false, label: '否' },
            ]}
          />
        </Form.Item>
      </>
    );
  }
  return null;
}
