import type { CadrePosition, ElectionMethod } from '@gonghui/contracts';

/**
 * Demo 工会干部. Each union gets its committee (届次, dates relative to the demo day: `endInDays`),
 * and its cadres by position. Names are common Hangzhou names; 身份证 numbers are built from the
 * district's division code with a valid check character.
 */
export interface DemoCommittee {
  org: string;
  termNo: number;
  /** days from today to the end of the term: negative = already ended without 换届 */
  endInDays: number;
  years: 3 | 5;
  method: ElectionMethod;
  cadres: [position: CadrePosition, fullTime: boolean][];
}

const grassroots = (extra: [CadrePosition, boolean][] = []): [CadrePosition, boolean][] => [['chair', false], ['vice_chair', false], ['committee_member', false], ...extra];

export const DEMO_COMMITTEES: DemoCommittee[] = [
  { org: '杭州市总工会', termNo: 14, endInDays: 900, years: 5, method: 'competitive', cadres: [['chair', true], ['exec_vice_chair', true], ['vice_chair', true], ['vice_chair', true], ['audit_director', true], ['women_director', true]] },
  { org: '上城区总工会', termNo: 6, endInDays: 1200, years: 5, method: 'competitive', cadres: [['chair', true], ['exec_vice_chair', true], ['vice_chair', true], ['audit_director', true], ['officer', true]] },
  { org: '西湖区总工会', termNo: 5, endInDays: 640, years: 5, method: 'competitive', cadres: [['chair', true], ['exec_vice_chair', true], ['vice_chair', true], ['women_director', true]] },
  { org: '拱墅区总工会', termNo: 5, endInDays: 75, years: 5, method: 'competitive', cadres: [['chair', true], ['exec_vice_chair', true], ['vice_chair', true]] },
  { org: '滨江区总工会', termNo: 4, endInDays: 1500, years: 5, method: 'competitive', cadres: [['chair', true], ['exec_vice_chair', true]] },
  { org: '湖滨街道总工会', termNo: 3, endInDays: 420, years: 5, method: 'competitive', cadres: [['chair', true], ['vice_chair', false], ['officer', true]] },
  { org: '小营街道总工会', termNo: 3, endInDays: 38, years: 5, method: 'equal', cadres: [['chair', true], ['vice_chair', false]] },
  { org: '文新街道总工会', termNo: 4, endInDays: 760, years: 5, method: 'competitive', cadres: [['chair', true], ['officer', true]] },
  { org: '杭州湖滨文旅发展有限公司工会', termNo: 3, endInDays: 530, years: 5, method: 'competitive', cadres: grassroots([['women_director', false], ['audit_director', false]]) },
  { org: '杭州延安路商业管理有限公司工会', termNo: 2, endInDays: 60, years: 3, method: 'equal', cadres: grassroots() },
  { org: '湖滨街道商圈联合工会', termNo: 1, endInDays: -21, years: 3, method: 'appointed', cadres: grassroots() },
  { org: '杭州小营数字服务有限公司工会', termNo: 2, endInDays: 310, years: 5, method: 'competitive', cadres: grassroots([['audit_director', false]]) },
  { org: '小营街道楼宇区域性工会', termNo: 1, endInDays: 980, years: 3, method: 'equal', cadres: grassroots() },
  { org: '杭州清波丝绸文化有限公司工会', termNo: 4, endInDays: 15, years: 5, method: 'competitive', cadres: grassroots() },
  { org: '杭州望江建设工程有限公司工会', termNo: 3, endInDays: 1400, years: 5, method: 'competitive', cadres: grassroots([['women_director', false]]) },
  { org: '杭州运河物流有限公司工会', termNo: 2, endInDays: 690, years: 5, method: 'equal', cadres: grassroots() },
  { org: '杭州西溪数智科技股份有限公司工会', termNo: 2, endInDays: 860, years: 5, method: 'competitive', cadres: grassroots([['women_director', false], ['committee_member', false]]) },
  { org: '文新街道餐饮行业工会', termNo: 1, endInDays: 200, years: 3, method: 'equal', cadres: grassroots() },
  { org: '杭州龙井茶业有限公司工会', termNo: 5, endInDays: 1100, years: 5, method: 'competitive', cadres: grassroots() },
  { org: '杭州滨江云计算有限公司工会', termNo: 2, endInDays: 470, years: 5, method: 'competitive', cadres: grassroots([['women_director', false]]) },
  { org: '杭州萧山汽车零部件有限公司工会', termNo: 4, endInDays: 350, years: 5, method: 'competitive', cadres: grassroots([['exec_vice_chair', true]]) },
  { org: '杭州未来科技城快递行业工会', termNo: 1, endInDays: 560, years: 3, method: 'appointed', cadres: grassroots() },
];

const SURNAMES = ['王', '陈', '张', '李', '周', '吴', '徐', '沈', '朱', '俞', '胡', '杨', '钱', '孙', '金', '方', '蒋', '楼', '何', '郑'];
const GIVEN_MALE = ['建华', '国强', '志明', '伟东', '海波', '立新', '卫国', '浩然', '晓峰', '建军', '永康', '振宇', '杭生', '鹏飞', '文斌', '俊杰'];
const GIVEN_FEMALE = ['丽华', '秀英', '晓燕', '海燕', '美玲', '雅琴', '慧敏', '佳怡', '红梅', '静怡', '婷婷', '月娥', '素芳', '欣然', '晓红', '宇婷'];

/** The n-th demo cadre's name and gender: alternating, women in the 女职委 posts. */
export function demoCadrePerson(n: number, position: CadrePosition): { name: string; gender: 'male' | 'female' } {
  const female = position === 'women_director' || n % 3 === 1;
  const given = female ? GIVEN_FEMALE : GIVEN_MALE;
  return { name: `${SURNAMES[(n * 7) % SURNAMES.length]}${given[(n * 5 + Math.floor(n / 16)) % given.length]}`, gender: female ? 'female' : 'male' };
}

/** 2026 training sessions: organiser, title, day of year, 学时, place, who attends (by the organiser's subtree, first `share` of cadres). */
export interface DemoTraining {
  org: string;
  title: string;
  startsOn: string;
  days: number;
  hours: number;
  place: string;
  audience: string;
  /** which cadres (in the organiser's subtree) attend: full-timers, part-timers, or every k-th */
  attend: 'full_time' | 'part_time' | 'all';
  every: number;
}

export const DEMO_TRAININGS: DemoTraining[] = [
  { org: '杭州市总工会', title: '2026年全市工会干部学习贯彻全会精神专题培训班', startsOn: '2026-03-16', days: 3, hours: 16, place: '杭州市职工文化中心', audience: '市、区县(市)总工会和街道(乡镇)工会专职干部', attend: 'full_time', every: 1 },
  { org: '杭州市总工会', title: '基层工会主席履职能力提升培训', startsOn: '2026-05-20', days: 2, hours: 12, place: '杭州工运学院(西湖区转塘校区)', audience: '基层工会主席、副主席', attend: 'part_time', every: 2 },
  { org: '杭州市总工会', title: '工会经费审查与财务管理实务', startsOn: '2026-06-18', days: 1, hours: 6, place: '杭州市职工文化中心', audience: '经审委主任、工会财务人员', attend: 'all', every: 3 },
  { org: '上城区总工会', title: '上城区职工之家“五有”建设专题培训', startsOn: '2026-04-09', days: 1, hours: 4.5, place: '上城区职工服务中心', audience: '街道总工会、基层工会干部', attend: 'all', every: 1 },
  { org: '上城区总工会', title: '集体协商与劳动法律监督实务', startsOn: '2026-09-24', days: 1, hours: 6, place: '湖滨街道党群服务中心', audience: '街道、基层工会主席', attend: 'all', every: 2 },
  { org: '西湖区总工会', title: '新就业形态劳动者入会与服务工作培训', startsOn: '2026-07-08', days: 1, hours: 3.5, place: '西湖区职工之家(文新)', audience: '街道、行业工会干部', attend: 'all', every: 1 },
  { org: '杭州市总工会', title: '工会宣传与网上工作能力培训', startsOn: '2026-10-21', days: 2, hours: 10, place: '杭州市职工文化中心', audience: '专职工会干部', attend: 'full_time', every: 2 },
];
