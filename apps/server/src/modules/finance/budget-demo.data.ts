import type { BudgetCategory } from '@gonghui/contracts';

/** Each category's share of a demo union's yearly budget (whole yuan per line). */
export const DEMO_SHARES: Record<BudgetCategory, number> = { activity: 0.4, home: 0.2, aid: 0.14, rights: 0.06, training: 0.12, other: 0.08 };

/** What a union in Hangzhou spends on, per category: payee and purpose. */
export const DEMO_SPENDS: Record<BudgetCategory, { payee: string; purpose: string }[]> = {
  activity: [
    { payee: '杭州西湖风景名胜区管理服务中心', purpose: '职工西湖健步走活动场地及饮用水' },
    { payee: '杭州新华书店解放路购书中心', purpose: '职工读书月图书采购' },
    { payee: '杭州黄龙体育中心', purpose: '职工羽毛球赛场地租用' },
  ],
  home: [
    { payee: '杭州健耀体育器材有限公司', purpose: '职工之家健身器材购置' },
    { payee: '杭州宜家家居有限公司', purpose: '爱心妈咪小屋家具添置' },
  ],
  aid: [
    { payee: '杭州联华华商集团有限公司', purpose: '困难职工节日慰问品' },
    { payee: '浙江省立同德医院', purpose: '职工健康体检(困难职工补助部分)' },
  ],
  rights: [
    { payee: '浙江之江律师事务所', purpose: '劳动法律顾问服务费' },
    { payee: '杭州市职工法律援助中心', purpose: '职工维权普法讲座资料' },
  ],
  training: [
    { payee: '杭州市总工会职工学校', purpose: '工会干部业务培训费' },
    { payee: '浙江工业大学继续教育学院', purpose: '职工技能提升培训班' },
  ],
  other: [
    { payee: '杭州顺丰速运有限公司', purpose: '工会文件资料快递费' },
    { payee: '杭州印象图文设计有限公司', purpose: '厂务公开栏制作' },
  ],
};

/** The demo account's union: the richest history (last year executed, this year near and over budget, a reversal, next year's draft). */
export const DEMO_MAIN_UNION = '杭州湖滨文旅发展有限公司工会';
/** How much of each line the first unions have spent this year (the rest have an approved budget and no spending yet). */
export const DEMO_EXECUTION = [0.82, 0.64, 0.71, 0.45, 0.9, 0.58, 0.37, 0.76, 0.52, 0.66, 0.3, 0.88];
