import type { ActivityType, EligibilityRules, EnrolmentMode } from '@gonghui/contracts';

export interface DemoActivity {
  title: string;
  type: ActivityType;
  /** the organising union, by name */
  org: string;
  capacity: number;
  mode: EnrolmentMode;
  waitlist: boolean;
  /** days from today (negative: in the past) */
  opensInDays: number;
  closesInDays: number;
  cancelUntilDays?: number;
  startsInDays?: number;
  endsInDays?: number;
  venue: string;
  description: string;
  rules?: EligibilityRules;
  state: 'draft' | 'published' | 'drawn' | 'cancelled';
  quotas?: { org: string; places: number; returnInDays?: number }[];
  /** members of the organiser's subtree who sign up */
  signups: number;
  workerSignsUp?: boolean;
  cancelFirst?: boolean;
  checkIns?: number;
  seed?: string;
}

/** Activities of every kind and state, in Hangzhou. */
export const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    title: '2027年春节平安返乡爱心专车(杭州—安徽阜阳)',
    type: 'homeward',
    org: '杭州市总工会',
    capacity: 45,
    mode: 'fcfs',
    waitlist: true,
    opensInDays: -3,
    closesInDays: 40,
    cancelUntilDays: 50,
    startsInDays: 62,
    endsInDays: 62,
    venue: '杭州汽车客运中心站(九堡)',
    description: '市总工会包车送外来务工职工回家过年:往返车票全免,每车配随车志愿者和应急药箱。报名成功后请在乘车当天凭签到二维码上车。',
    state: 'published',
    quotas: [
      { org: '上城区总工会', places: 20, returnInDays: 30 },
      { org: '西湖区总工会', places: 10, returnInDays: 30 },
    ],
    signups: 15,
  },
  {
    title: '2027年春节平安返乡爱心专车(杭州—河南信阳)',
    type: 'homeward',
    org: '上城区总工会',
    capacity: 10,
    mode: 'fcfs',
    waitlist: true,
    opensInDays: -5,
    closesInDays: 35,
    startsInDays: 61,
    endsInDays: 61,
    venue: '杭州火车东站东广场',
    description: '上城区总工会包车,名额已满,可登记候补:有人取消时按候补顺序自动递补并短信通知。',
    state: 'published',
    signups: 14,
    cancelFirst: true,
  },
  {
    title: '2026年“小候鸟”暑期爱心托管班(上城区)',
    type: 'summer_class',
    org: '上城区总工会',
    capacity: 30,
    mode: 'fcfs',
    waitlist: false,
    opensInDays: -160,
    closesInDays: -140,
    startsInDays: -130,
    endsInDays: -110,
    venue: '上城区职工服务中心三楼活动室',
    description: '为在杭务工人员6至14周岁子女开设,为期三周,课业辅导、安全教育、参观科技馆。孩子信息须由监护人签署同意书后登记。',
    state: 'published',
    signups: 24,
    checkIns: 22,
  },
  {
    title: '2026年杭州市职工集体婚礼',
    type: 'group_wedding',
    org: '杭州市总工会',
    capacity: 12,
    mode: 'lottery',
    waitlist: true,
    opensInDays: -30,
    closesInDays: -5,
    startsInDays: 20,
    endsInDays: 20,
    venue: '西湖国宾馆草坪',
    description: '新人中至少一方为工会会员;报名截止后公开抽签,种子与结果摘要当场公布,任何人可复核。',
    state: 'drawn',
    signups: 30,
    seed: '2026520a5eed0c0ffee0b0a7d3c1f00d',
  },
  {
    title: '2026年农民工“圆梦计划”学历提升(专升本)',
    type: 'education',
    org: '杭州市总工会',
    capacity: 60,
    mode: 'fcfs',
    waitlist: false,
    opensInDays: -7,
    closesInDays: 23,
    venue: '杭州广播电视大学(线上报名,线下面试)',
    description: '本科资助7000元(一次性);须在杭有劳动合同、连续缴纳社保满6个月、年龄18至45周岁,本科须已有大专学历;取得高级工及以上证书的毕业前可再退学费的90%。',
    rules: { ageMin: 18, ageMax: 45, minMembershipMonths: 6, requireFlags: ['migrantWorker'], maxPerYear: 1 },
    state: 'published',
    signups: 40,
    workerSignsUp: true,
  },
  {
    title: '2027年职工春季健步走(西溪湿地)',
    type: 'general',
    org: '杭州市总工会',
    capacity: 500,
    mode: 'fcfs',
    waitlist: false,
    opensInDays: 60,
    closesInDays: 80,
    startsInDays: 90,
    endsInDays: 90,
    venue: '西溪湿地周家村入口',
    description: '草稿:路线与保险待定。',
    state: 'draft',
    signups: 0,
  },
  {
    title: '湖滨街道职工读书分享会',
    type: 'general',
    org: '上城区总工会',
    capacity: 40,
    mode: 'fcfs',
    waitlist: false,
    opensInDays: -10,
    closesInDays: 5,
    startsInDays: 8,
    endsInDays: 8,
    venue: '湖滨街道职工书屋',
    description: '因场地检修取消,另行通知。',
    state: 'cancelled',
    signups: 12,
  },
];
