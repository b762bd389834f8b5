import type { CraftsmanContest, CraftsmanStage } from '@gonghui/contracts';

/** Trades of Hangzhou's craftsmen, with an employer typical of each. */
export const DEMO_TRADES: { trade: string; employer: string }[] = [
  { trade: '数控车工', employer: '杭州汽轮动力集团股份有限公司' },
  { trade: '焊工', employer: '杭州锅炉集团股份有限公司' },
  { trade: '电工', employer: '国网浙江省电力有限公司杭州供电公司' },
  { trade: '茶艺师', employer: '杭州西湖龙井茶叶有限公司' },
  { trade: '西湖龙井炒茶', employer: '杭州西湖区龙井村茶叶专业合作社' },
  { trade: '丝绸织造', employer: '万事利集团有限公司' },
  { trade: '钳工', employer: '杭州制氧机集团股份有限公司' },
  { trade: '汽车维修工', employer: '杭州公交集团汽车修理有限公司' },
  { trade: '中式烹调师', employer: '杭州楼外楼实业有限公司' },
  { trade: '工具钳工', employer: '杭州杭氧股份有限公司' },
  { trade: '信息通信网络运行管理员', employer: '中国移动通信集团浙江有限公司杭州分公司' },
  { trade: '地铁列车司机', employer: '杭州市地铁集团有限责任公司' },
  { trade: '张小泉剪刀锻制', employer: '杭州张小泉集团有限公司' },
  { trade: '王星记制扇', employer: '杭州王星记扇业有限公司' },
  { trade: '建筑混凝土工', employer: '杭州望江建设工程有限公司' },
  { trade: '桥隧工', employer: '杭州市城市建设发展集团有限公司' },
];

export const DEMO_DEEDS = [
  '扎根生产一线二十余年,主持攻克关键零部件精密加工难题,累计提出合理化建议30余条,带徒15名,其中5人获技师职业资格。',
  '长期坚守岗位,以“工匠精神”推动工艺革新,牵头完成技术攻关项目4项,获实用新型专利3项,年创效益200余万元。',
  '传承非遗技艺,坚持手工工艺标准,培养青年技能人才20余名,多次参加国家级、省级技能竞赛并获佳绩。',
  '在亚运场馆保障、重点工程建设中勇挑重担,创新作业方法,缩短工期15%,被评为市级“金牌职工”。',
];

const national = (name: string, rank: number, year: number): CraftsmanContest => ({ name, level: 'national', rank, year });
const provincial = (name: string, rank: number, year: number): CraftsmanContest => ({ name, level: 'provincial', rank, year });

/** Contest results some nominees hold (a national top 3 or provincial 1st waives the 10 years in the trade). */
export const DEMO_CONTESTS: CraftsmanContest[][] = [
  [national('全国职工职业技能大赛数控车工决赛', 2, 2024)],
  [provincial('浙江省“技能浙江”职业技能大赛焊工项目', 1, 2025)],
  [provincial('浙江省茶艺职业技能竞赛', 3, 2023)],
  [national('全国行业职业技能竞赛电工赛项', 5, 2022), provincial('浙江省电力行业技能竞赛', 2, 2023)],
];

/** The 2026 call's nominations: who nominates, how far each has gone (every state once or more). */
export const DEMO_2026: { union: 'district' | 'xihu'; stage: CraftsmanStage | 'objection' }[] = [
  { union: 'district', stage: 'approved' },
  { union: 'xihu', stage: 'approved' },
  { union: 'district', stage: 'awaiting_approval' },
  { union: 'xihu', stage: 'not_selected' },
  { union: 'district', stage: 'publicity' },
  { union: 'xihu', stage: 'objection' },
  { union: 'district', stage: 'deciding' },
  { union: 'xihu', stage: 'scoring' },
  { union: 'district', stage: 'submitted' },
  { union: 'xihu', stage: 'returned' },
  { union: 'district', stage: 'draft' },
  { union: 'xihu', stage: 'withdrawn' },
];

