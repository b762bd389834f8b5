import { EDUCATIONS, MEMBER_STATUS_LABELS, MEMBER_STATUSES, SKILL_LEVELS, type Member, type MemberStatus } from '@gonghui/contracts';
import type { ImportColumn } from '../../components/import-dialog.component';

export { MEMBER_STATUS_LABELS };

export const MEMBER_STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  transferred_out: 'blue',
  retired: 'gold',
  withdrawn: 'default',
  deceased: 'default',
};

export const STATUS_FILTER_OPTIONS = [
  ...MEMBER_STATUSES.map((value) => ({ value, label: MEMBER_STATUS_LABELS[value] })),
  { value: 'all' as const, label: '全部状态' },
];

export const GENDER_LABELS: Record<Member['gender'], string> = { male: '男', female: '女' };

export const SKILL_LEVEL_OPTIONS = SKILL_LEVELS.map((value) => ({ value, label: value }));
export const EDUCATION_OPTIONS = EDUCATIONS.map((value) => ({ value, label: value }));

export type MemberFlag = 'migrantWorker' | 'frontline' | 'newEmploymentForm' | 'modelWorker';
export const MEMBER_FLAGS: readonly { key: MemberFlag; label: string }[] = [
  { key: 'migrantWorker', label: '农民工' },
  { key: 'frontline', label: '一线职工' },
  { key: 'newEmploymentForm', label: '新就业形态' },
  { key: 'modelWorker', label: '劳模' },
];
/** The flags the list can filter on (the server's query has no 劳模 filter). */
export const FILTER_FLAGS = MEMBER_FLAGS.filter((f) => f.key !== 'modelWorker');

export const SEARCH_HINT = '可输入:姓名(1-2个字也可)、拼音或首字母(如 zhangsan、zs)、完整身份证号、11位手机号或手机后4位、会员卡号';

/** The statuses a member can be moved to by 状态变更 (转出 here means leaving the system, not a 接转). */
export function statusTargets(current: MemberStatus): { value: MemberStatus; label: string }[] {
  if (current === 'deceased') return [];
  const targets: { value: MemberStatus; label: string }[] = [
    { value: 'retired', label: '退休' },
    { value: 'withdrawn', label: '退会' },
    { value: 'deceased', label: '去世' },
    { value: 'transferred_out', label: '转出(转往本市以外,非系统内接转)' },
    { value: 'active', label: '恢复在册' },
  ];
  return targets.filter((t) => t.value !== current);
}

export const MEMBER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: '姓名', required: true, note: '与身份证一致' },
  { name: '身份证号', required: true, note: '18位,末位X大小写均可;15位旧号自动转换为18位' },
  { name: '手机号', required: true, note: '11位中国大陆手机号' },
  { name: '工会组织编码', required: true, note: '会员所在基层工会的组织编码(见「组织机构」页)' },
  { name: '入会日期', note: '格式 YYYY-MM-DD,如 2024-05-01' },
  { name: '银行卡号', note: '12-19位数字' },
  { name: '会员卡号', note: '6-20位字母或数字;留空由系统生成' },
  { name: '农民工', note: '填“是”或“否”,留空为否' },
  { name: '一线职工', note: '一线、非管理岗位职工填“是”(疗休养等按此认定),否则填“否”,留空为否' },
  { name: '新就业形态', note: '填“是”或“否”,留空为否' },
  { name: '技能等级', note: SKILL_LEVELS.join('、') },
  { name: '学历', note: EDUCATIONS.join('、') },
];

export const HISTORY_ACTION_LABELS: Record<string, string> = {
  create: '登记会员',
  update: '修改信息',
  status: '变更状态',
  transfer: '会员接转',
  import: '批量导入',
};

/** Field names in history entries, in the order they are listed. */
export const HISTORY_FIELD_LABELS: Record<string, string> = {
  status: '状态',
  date: '日期',
  reason: '原因',
  fromOrg: '转出工会',
  toOrg: '转入工会',
  name: '姓名',
  idCard: '身份证号',
  phone: '手机号',
  bankAccount: '银行卡号',
  joinedAt: '入会日期',
  enterpriseId: '工作单位',
  migrantWorker: '农民工',
  frontline: '一线职工',
  newEmploymentForm: '新就业形态',
  modelWorker: '劳模',
  skillLevel: '技能等级',
  education: '学历',
  cardNo: '会员卡号',
};
