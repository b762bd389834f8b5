import type { MemberFlag, RecuperationBaseBody, RecuperationPriorityGroup } from '@gonghui/contracts';

export interface DemoRoute {
  name: string;
  days: number;
  /** 分 per person per day */
  allowancePerDay: number;
  description: string;
  itinerary: string;
}

export interface DemoBase extends RecuperationBaseBody {
  routes: DemoRoute[];
}

/** 杭州市总工会's bases, in the places Hangzhou's unions really send members to. */
export const DEMO_BASES: DemoBase[] = [
  {
    name: '千岛湖职工疗休养基地',
    location: '淳安千岛湖',
    address: '淳安县千岛湖镇环湖北路',
    contactName: '方志刚',
    contactPhone: '0571-65012345',
    capacityNote: '客房120间,每批可接待80人',
    description: '市总工会定点疗休养基地,临湖而建,配有职工健康体检室和职工书屋。',
    routes: [
      { name: '千岛湖山水康养4日', days: 4, allowancePerDay: 55_000, description: '健康体检、湖区游览、森林步道。', itinerary: '第1天:杭州出发,入住基地,健康讲座\n第2天:中心湖区游船、梅峰揽胜\n第3天:森林氧吧步道、职工书屋读书会\n第4天:体检报告解读,返杭' },
      { name: '千岛湖环湖骑行3日', days: 3, allowancePerDay: 45_000, description: '绿道骑行与农家体验,适合中青年职工。', itinerary: '第1天:杭州出发,入住基地\n第2天:环湖绿道骑行(约30公里)\n第3天:下姜村参观,返杭' },
    ],
  },
  {
    name: '桐庐富春江职工疗休养基地',
    location: '桐庐',
    address: '桐庐县富春江镇七里泷',
    contactName: '叶晓燕',
    contactPhone: '0571-64512346',
    capacityNote: '客房80间,每批可接待60人',
    description: '富春江畔,以中医康养和文化体验为主。',
    routes: [
      { name: '富春江慢生活5日(含路途)', days: 5, allowancePerDay: 48_000, description: '中医理疗、江上游览、古村落。', itinerary: '第1天:杭州出发\n第2天:中医体质辨识与理疗\n第3天:富春江游船、严子陵钓台\n第4天:深澳古村、荻浦花海\n第5天:返杭' },
      { name: '严子陵钓台文化3日', days: 3, allowancePerDay: 40_000, description: '人文之旅,含劳模事迹分享会。', itinerary: '第1天:杭州出发,劳模事迹分享会\n第2天:严子陵钓台、桐君山\n第3天:返杭' },
    ],
  },
  {
    name: '临安天目山职工疗休养基地',
    location: '临安天目山',
    address: '临安区天目山镇',
    contactName: '俞建平',
    contactPhone: '0571-63712347',
    capacityNote: '客房60间,每批可接待40人',
    description: '天目山国家级自然保护区旁,夏季清凉,森林康养。',
    routes: [{ name: '天目山森林康养4日', days: 4, allowancePerDay: 60_000, description: '森林浴、禅茶体验、健康体检。', itinerary: '第1天:杭州出发,入住基地\n第2天:天目山森林步道\n第3天:禅茶体验、健康讲座\n第4天:返杭' }],
  },
  {
    name: '建德新安江职工疗休养基地',
    location: '建德新安江',
    address: '建德市新安江街道',
    contactName: '邵卫东',
    contactPhone: '0571-64712348',
    capacityNote: '装修改造中,暂停接待',
    description: '改造期间停用。',
    active: false,
    routes: [],
  },
];

export type DemoBatchState = 'finished' | 'open' | 'full' | 'draft';

export interface DemoBatch {
  /** after "{year}年" */
  title: string;
  route: string;
  /** the organising union, by name */
  org: string;
  places: number;
  /** days from today; a finished batch is kept within this year */
  startInDays: number;
  opensInDays: number;
  closesInDays: number;
  state: DemoBatchState;
  priorityGroups?: RecuperationPriorityGroup[];
  priorityOnly?: boolean;
  selfSignup?: boolean;
  description: string;
  quotas?: { org: string; places: number }[];
  /** members of the organiser's subtree who sign up (or are nominated), optionally holding a flag */
  signups: number;
  nominated?: boolean;
  flag?: MemberFlag;
  checkIns?: boolean;
}

/** This year's batches in every state. */
export const DEMO_BATCHES: DemoBatch[] = [
  {
    title: '千岛湖山水康养第1批(一线职工)',
    route: '千岛湖山水康养4日',
    org: '杭州市总工会',
    places: 30,
    startInDays: -75,
    opensInDays: -110,
    closesInDays: -85,
    state: 'finished',
    priorityGroups: ['frontline', 'modelWorker', 'newEmploymentForm'],
    description: '市总工会出资的免费疗休养,面向一线非管理岗位职工,名额按区县分配。',
    quotas: [
      { org: '上城区总工会', places: 10 },
      { org: '西湖区总工会', places: 8 },
    ],
    signups: 24,
    checkIns: true,
  },
  {
    title: '富春江慢生活劳模专批',
    route: '富春江慢生活5日(含路途)',
    org: '上城区总工会',
    places: 10,
    startInDays: -40,
    opensInDays: -70,
    closesInDays: -50,
    state: 'finished',
    priorityGroups: ['frontline', 'modelWorker'],
    priorityOnly: true,
    selfSignup: false,
    description: '上城区总工会组织,由基层工会推荐一线职工和劳模参加。',
    signups: 8,
    nominated: true,
    flag: 'frontline',
    checkIns: true,
  },
  {
    title: '千岛湖环湖骑行第3批',
    route: '千岛湖环湖骑行3日',
    org: '杭州市总工会',
    places: 40,
    startInDays: 20,
    opensInDays: -3,
    closesInDays: 10,
    state: 'open',
    priorityGroups: ['frontline', 'newEmploymentForm'],
    description: '名额已分配至上城区、西湖区,其余名额全市职工可报名;家属可随行,费用自理。',
    quotas: [
      { org: '上城区总工会', places: 12 },
      { org: '西湖区总工会', places: 8 },
    ],
    signups: 14,
  },
  {
    title: '天目山森林康养第2批',
    route: '天目山森林康养4日',
    org: '西湖区总工会',
    places: 8,
    startInDays: 15,
    opensInDays: -6,
    closesInDays: 8,
    state: 'full',
    description: '西湖区总工会组织,名额已满。',
    signups: 8,
  },
  {
    title: '富春江新就业形态劳动者专批',
    route: '富春江慢生活5日(含路途)',
    org: '杭州市总工会',
    places: 20,
    startInDays: 25,
    opensInDays: -2,
    closesInDays: 12,
    state: 'open',
    priorityGroups: ['newEmploymentForm'],
    priorityOnly: true,
    selfSignup: false,
    description: '面向快递员、外卖骑手、网约车司机等新就业形态劳动者,由所在工会推荐报名。',
    signups: 5,
    nominated: true,
    flag: 'newEmploymentForm',
  },
  {
    title: '严子陵钓台文化第1批',
    route: '严子陵钓台文化3日',
    org: '杭州市总工会',
    places: 40,
    startInDays: 32,
    opensInDays: 5,
    closesInDays: 20,
    state: 'draft',
    description: '草稿:行程待基地确认。',
    signups: 0,
  },
];

export const DEMO_COMPANION_NAMES = ['李秀英', '王丽华', '陈志明', '刘小雨', '张子涵', '周美玲', '吴国强', '徐欣怡'];
