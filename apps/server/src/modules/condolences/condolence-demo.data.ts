import type { CondolenceCategory, CondolenceOccasion, CondolencePlanCategoryInput } from '@gonghui/contracts';

const c = (category: CondolenceCategory, headcount: number, moneyYuan: number, goodsYuan: number, goodsDescription?: string): CondolencePlanCategoryInput => ({
  category,
  headcount,
  moneyPerHeadFen: moneyYuan * 100,
  goodsValuePerHeadFen: goodsYuan * 100,
  goodsDescription,
});

/** Where a demo plan ends up. */
export type DemoPlanState = 'draft' | 'district_review' | 'returned' | 'approved' | 'blocked' | 'override';

export interface DemoPlan {
  org: string;
  /** the demo account drawing it up */
  by: 'city' | 'district' | 'xihu';
  /** 0 = this year, -1 = last year */
  yearOffset: 0 | -1;
  occasion: CondolenceOccasion;
  state: DemoPlanState;
  note: string;
  categories: CondolencePlanCategoryInput[];
  opinion?: string;
  overrideReason?: string;
}

const CITY_2025 = [c('hardship_family', 800, 1000, 300, '米、油、棉被'), c('retired_cadre', 120, 1000, 400, '慰问品礼盒'), c('veteran_union_worker', 80, 800, 300, '慰问品礼盒'), c('model_worker', 150, 1000, 300, '年货礼包')];
const SHANG_2025 = [c('hardship_family', 260, 800, 300, '米、油、年货礼包'), c('vulnerable', 60, 600, 200, '米、油'), c('retired_cadre', 40, 600, 300, '慰问品礼盒'), c('frontline', 500, 0, 150, '年货礼包'), c('migrant_worker', 300, 0, 120, '返乡大礼包')];
const XIHU_2025 = [c('hardship_family', 220, 800, 300, '米、油、年货礼包'), c('retired_cadre', 50, 600, 300, '慰问品礼盒'), c('veteran_union_worker', 30, 500, 200, '慰问品礼盒'), c('frontline', 400, 0, 150, '年货礼包')];

export const DEMO_PLANS: DemoPlan[] = [
  { org: '杭州市总工会', by: 'city', yearOffset: -1, occasion: 'spring_festival', state: 'approved', note: '市总工会春节走访慰问困难职工、老干部、老工会工作者和劳模', categories: CITY_2025 },
  { org: '上城区总工会', by: 'district', yearOffset: -1, occasion: 'spring_festival', state: 'approved', note: '上城区总工会春节送温暖', categories: SHANG_2025 },
  { org: '西湖区总工会', by: 'xihu', yearOffset: -1, occasion: 'spring_festival', state: 'approved', note: '西湖区总工会春节送温暖', categories: XIHU_2025 },
  {
    org: '杭州市总工会', by: 'city', yearOffset: 0, occasion: 'spring_festival', state: 'approved',
    note: '慰问只能做加法:困难家庭、老干部、老工会工作者标准提高,新增新就业形态劳动者',
    categories: [c('hardship_family', 850, 1200, 300, '米、油、棉被'), c('retired_cadre', 120, 1200, 400, '慰问品礼盒'), c('veteran_union_worker', 85, 1000, 300, '慰问品礼盒'), c('model_worker', 160, 1000, 300, '年货礼包'), c('new_employment', 300, 300, 100, '暖心包')],
  },
  {
    org: '上城区总工会', by: 'district', yearOffset: 0, occasion: 'spring_festival', state: 'override',
    note: '困难家庭因脱困减少,其余类别均不低于上年',
    categories: [c('hardship_family', 240, 1000, 300, '米、油、年货礼包'), c('vulnerable', 60, 600, 200, '米、油'), c('retired_cadre', 45, 800, 300, '慰问品礼盒'), c('frontline', 520, 0, 150, '年货礼包'), c('migrant_worker', 320, 0, 150, '返乡大礼包')],
    overrideReason: '上城区2025年有20户困难家庭经帮扶稳定脱困、退出困难职工档案,人数减少不属于降低标准;人均慰问金由800元提高到1000元,同意按此执行。',
  },
  {
    org: '西湖区总工会', by: 'xihu', yearOffset: 0, occasion: 'spring_festival', state: 'blocked',
    note: '老干部、老工会工作者慰问并入街道走访',
    categories: [c('hardship_family', 230, 800, 300, '米、油、年货礼包'), c('retired_cadre', 40, 500, 300, '慰问品礼盒'), c('frontline', 420, 0, 150, '年货礼包')],
  },
  { org: '上城区总工会', by: 'district', yearOffset: 0, occasion: 'five_visits', state: 'district_review', note: '进企业、进工地、进园区、进社区、进家庭,送政策、送温暖、送服务、送健康、送文化', categories: [c('frontline', 600, 0, 100, '防暑降温用品'), c('migrant_worker', 400, 0, 100, '爱心礼包')] },
  { org: '杭州市总工会', by: 'city', yearOffset: 0, occasion: 'summer_cool', state: 'returned', note: '高温季节慰问户外劳动者', categories: [c('frontline', 2000, 0, 80, '清凉包(藿香正气水、毛巾、饮料)'), c('new_employment', 1000, 0, 80, '清凉包')], opinion: '请补充各区县分配人数和采购方式后重新提交' },
  { org: '西湖区总工会', by: 'xihu', yearOffset: 0, occasion: 'autumn_study', state: 'draft', note: '金秋助学:困难职工子女考入大学', categories: [c('hardship_family', 60, 3000, 0)] },
];

export const DEMO_VISITORS: Record<string, string[]> = {
  city: ['市总工会 陈立群、周晓东', '市总工会 陈立群、沈佳怡', '市总工会领导 何建平、周晓东'],
  district: ['上城区总工会 王海燕、李明', '上城区总工会 王海燕、吴振华', '街道总工会 刘志强、陈芳'],
  grassroots: ['工会主席 赵敏、干事 钱丽', '工会主席 赵敏'],
};

export const DEMO_PLACES = ['上城区湖滨街道东坡路', '上城区小营街道马市街', '上城区清波街道河坊街', '上城区望江街道近江家园', '上城区湖滨街道青年路', '上城区小营街道建国中路'];

/** People outside the registry: retired cadres and veteran union workers visited at home. */
export const DEMO_PERSONS: { name: string; phone: string; category: CondolenceCategory; place: string }[] = [
  { name: '沈德明', phone: '13805710231', category: 'retired_cadre', place: '上城区湖滨街道劳动路离休干部家中' },
  { name: '周桂芳', phone: '13906510872', category: 'veteran_union_worker', place: '拱墅区米市巷街道家中' },
  { name: '陆志远', phone: '13588120431', category: 'retired_cadre', place: '西湖区文新街道莫干山路家中' },
  { name: '郑秀英', phone: '13757130915', category: 'veteran_union_worker', place: '上城区清波街道劳动路家中' },
  { name: '钱国华', phone: '13967180264', category: 'retired_cadre', place: '滨江区长河街道家中' },
  { name: '许宝林', phone: '13868090357', category: 'veteran_union_worker', place: '西湖区灵隐街道家中' },
  { name: '孙美娟', phone: '13600512786', category: 'retired_cadre', place: '上城区望江街道家中' },
  { name: '王伯年', phone: '13989470123', category: 'retired_cadre', place: '上城区小营街道家中' },
];
