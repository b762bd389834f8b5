import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { MUTUAL_AID_ENROLMENT_STATE_LABELS, MUTUAL_AID_FILER_TYPE_LABELS, MUTUAL_AID_PARTS, MUTUAL_AID_PART_LABELS, type MutualAidClaim, type MutualAidClaimListItem, type MutualAidEnrolmentState } from '@gonghui/contracts';

export const PART_OPTIONS = MUTUAL_AID_PARTS.map((p) => ({ value: p, label: MUTUAL_AID_PART_LABELS[p] }));
export const FILER_OPTIONS = Object.entries(MUTUAL_AID_FILER_TYPE_LABELS).map(([value, label]) => ({ value, label }));

export const ENROLMENT_STATE_COLORS: Record<MutualAidEnrolmentState, string> = { not_enrolled: 'default', unpaid: 'orange', covered: 'green', waiting: 'gold', withdrawn: 'default' };
export const ENROLMENT_STATE_OPTIONS = Object.entries(MUTUAL_AID_ENROLMENT_STATE_LABELS).map(([value, label]) => ({ value, label }));

/** Ratios are basis points: 6000 → 60%. */
export const percentOf = (bp: number): string => `${bp / 100}%`;

export const MUTUAL_AID_HELP =
  '医疗互助(杭州市在职职工医疗互助保障):基层工会每年在参保截止日(默认上年12月15日)前为在册会员团体参保并缴纳互助金;会员住院、规定病种门诊、重大疾病(含住院生活补助)和女职工特殊疾病(仅女职工)的个人自付费用,扣除起付线后按比例补助,受分项限额和每人每年度累计限额(默认65,200元)限制。比例、起付线、限额和缴费标准是年度方案的配置;有会员参保后方案冻结。';

/** Where a claim waits, or how it ended. */
export function claimStage(c: Pick<MutualAidClaimListItem, 'status' | 'payout' | 'workflow'>): string {
  if (c.payout) return '已支付';
  if (c.status === 'in_review') return `${c.workflow.stepLabel ?? '审核中'}${c.workflow.assigneeOrgName ? ` · ${c.workflow.assigneeOrgName}` : ''}`;
  if (c.status === 'approved') return '已批准,待支付';
  return c.workflow.statusLabel;
}

/** The facts of a claim for a Descriptions list (staff detail and H5). */
export const claimItems = (c: MutualAidClaim) => [
  { key: 'member', label: '会员', children: `${c.memberName}(${c.memberIdCard})` },
  { key: 'org', label: '所在工会', children: c.orgName },
  { key: 'period', label: '保障年度', children: c.periodName },
  { key: 'part', label: '保障项目', children: c.partLabel },
  { key: 'hospital', label: '就诊医院', children: c.hospital },
  { key: 'dates', label: '入院/出院', children: `${c.admissionDate}${c.dischargeDate ? ` 至 ${c.dischargeDate}` : '(门诊)'}` },
  { key: 'diagnosis', label: '诊断', children: c.diagnosis },
  { key: 'filer', label: '申请方式', children: `${c.filerTypeLabel}:${c.filerName}${c.filerRelation ? `(${c.filerRelation})` : ''}` },
  { key: 'paid', label: '支付', children: c.payout ? `${formatYuan(c.payout.amountFen)},${c.payout.fundName},${formatTime(c.payout.createdAt, 'YYYY-MM-DD HH:mm')}` : '未支付' },
];
