import {
  ACTIVITY_TYPES,
  ACTIVITY_TYPE_LABELS,
  ENROLMENT_MODES,
  ENROLMENT_MODE_LABELS,
  MEMBER_FLAGS,
  MEMBER_FLAG_LABELS,
  OFFERING_STATUSES,
  OFFERING_STATUS_LABELS,
  type Activity,
  type ActivityType,
  type EnrolmentMode,
  type EnrolmentStatus,
  type MemberFlag,
  type OfferingStatus,
} from '@gonghui/contracts';

export type ActivityPhase = Activity['phase'];

export const TYPE_OPTIONS: { value: ActivityType; label: string }[] = ACTIVITY_TYPES.map((value) => ({ value, label: ACTIVITY_TYPE_LABELS[value] }));
export const STATUS_OPTIONS: { value: OfferingStatus; label: string }[] = OFFERING_STATUSES.map((value) => ({ value, label: OFFERING_STATUS_LABELS[value] }));
export const MODE_OPTIONS: { value: EnrolmentMode; label: string }[] = ENROLMENT_MODES.map((value) => ({ value, label: ENROLMENT_MODE_LABELS[value] }));
export const FLAG_OPTIONS: { value: MemberFlag; label: string }[] = MEMBER_FLAGS.map((value) => ({ value, label: MEMBER_FLAG_LABELS[value] }));
export const GENDER_OPTIONS: { value: 'male' | 'female'; label: string }[] = [
  { value: 'female', label: '限女职工' },
  { value: 'male', label: '限男职工' },
];

export const STATUS_COLORS: Record<OfferingStatus, string> = { draft: 'default', published: 'green', cancelled: 'red' };

export const PHASE_LABELS: Record<ActivityPhase, string> = { not_open: '未开始', open: '报名中', closed: '已截止' };
export const PHASE_COLORS: Record<ActivityPhase, string> = { not_open: 'blue', open: 'processing', closed: 'default' };

export const ENROLMENT_STATUS_COLORS: Record<EnrolmentStatus, string> = {
  confirmed: 'green',
  waitlisted: 'gold',
  pending_lottery: 'blue',
  not_selected: 'default',
  cancelled: 'red',
};

export const SOURCE_LABELS: Record<'self' | 'nominated', string> = { self: '本人', nominated: '推荐' };

export const MODE_HELP =
  '先到先得:报名开始后按提交先后占用名额,名额满后可进入候补,有人取消时候补按顺序自动递补。' +
  '报名后抽签:报名期间只登记,截止后由主办单位抽签,按公布的随机种子决定中签顺序,未中签者进入候补或不予录取。';

export const QUOTA_HELP =
  '名额属于主办单位;可把部分名额分配给下级工会,该单位(及其下级)的会员优先占用分到的名额。' +
  '设置收回时间后,到期未用完的名额自动退回上级,供其他单位会员报名。';

export const LOTTERY_HELP =
  '抽签顺序可由任何人复核:对每位报名会员计算 SHA-256(种子:报名批次编号:会员编号),按结果从小到大排序,依次占用名额;' +
  '摘要是中签会员编号(按抽签顺序逐行排列)的 SHA-256,用于核对公布的结果未被改动。';
