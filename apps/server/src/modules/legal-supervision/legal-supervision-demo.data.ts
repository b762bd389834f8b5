import type { DeliveryMethod, LegalNoticeCategory, LegalNoticeKind } from '@gonghui/contracts';

/** The state a demo instrument is left in. */
export type DemoState = 'draft' | 'issued' | 'delivered' | 'due_passed' | 'overdue' | 'unsatisfied' | 'closed' | 'escalated';

export interface DemoStep {
  kind: LegalNoticeKind;
  state: DemoState;
  /** issued this many days ago */
  ago: number;
  method?: DeliveryMethod;
  receiver?: string;
  reply?: { content: string; rectification?: string; note?: string };
}

export interface DemoChain {
  issuer: string;
  enterprise: string;
  category: LegalNoticeCategory;
  problem: string;
  steps: DemoStep[];
}

const SC = '上城区总工会';
const XH = '西湖区总工会';

/** 25 instruments in 18 chains across the districts, in every state. */
export const LEGAL_DEMO: DemoChain[] = [
  {
    issuer: SC, enterprise: '杭州湖滨餐饮管理有限公司', category: 'contract',
    problem: '该公司后厨及门店服务员共23人入职超过一个月仍未订立书面劳动合同,其中9人已工作满半年。',
    steps: [
      { kind: 'reminder', state: 'escalated', ago: 62, method: 'direct', receiver: '行政主管 陈雪梅' },
      { kind: 'opinion', state: 'closed', ago: 40, method: 'direct', receiver: '总经理 吴国华', reply: { content: '已与23名职工补签书面劳动合同,并按月核发二倍工资差额共计4.6万元。', rectification: '建立入职当月签订合同制度,由人事专员每月5日前自查。' } },
    ],
  },
  {
    issuer: SC, enterprise: '杭州望江物业服务有限公司', category: 'wage_arrears',
    problem: '该公司拖欠保洁、秩序维护人员2026年8月至9月工资,涉及职工41人,金额约38.7万元。',
    steps: [
      { kind: 'reminder', state: 'escalated', ago: 75, method: 'direct', receiver: '项目经理 方志远' },
      { kind: 'opinion', state: 'escalated', ago: 50, method: 'post', receiver: '公司前台 代收' , reply: { content: '因业主方拖欠物业费,承诺10月底前支付8月工资。', note: '9月工资仍无支付计划,整改不到位' } },
      { kind: 'recommendation', state: 'closed', ago: 25, method: 'direct', receiver: '上城区劳动保障监察大队 周科长', reply: { content: '上城区人力社保局已于收到建议书后立案查处(上人社监立〔2026〕87号),责令限期支付。', rectification: '企业已于11月10日足额支付拖欠工资38.7万元。' } },
    ],
  },
  {
    issuer: SC, enterprise: '杭州闪送同城配送有限公司', category: 'social_insurance',
    problem: '该公司以“合作骑手”名义用工,对全职配送员112人未缴纳社会保险,亦未参加工伤保险。',
    steps: [
      { kind: 'reminder', state: 'escalated', ago: 45, method: 'electronic', receiver: '法务 林子涵' },
      { kind: 'opinion', state: 'overdue', ago: 30, method: 'direct', receiver: '运营总监 黄伟' },
    ],
  },
  {
    issuer: SC, enterprise: '杭州清河坊文创商贸有限公司', category: 'overtime',
    problem: '该公司“双十一”期间安排仓储及客服人员每日工作12小时,连续三周未安排休息日,未支付加班工资。',
    steps: [{ kind: 'reminder', state: 'delivered', ago: 4, method: 'direct', receiver: '店长 许婷' }],
  },
  {
    issuer: SC, enterprise: '杭州南宋御街小吃店', category: 'female_protection',
    problem: '该店安排怀孕八个月的女职工上夜班至凌晨1时,并以“工作量减少”为由将其工资下调30%。',
    steps: [{ kind: 'opinion', state: 'issued', ago: 1 }],
  },
  {
    issuer: '拱墅区总工会', enterprise: '杭州运河物流有限公司', category: 'overtime',
    problem: '该公司分拣中心夜班职工每月延长工作时间约60小时,超过法定上限。',
    steps: [{ kind: 'reminder', state: 'closed', ago: 35, method: 'direct', receiver: '人事经理 蒋丽', reply: { content: '已增招分拣员15名,实行四班三运转。', rectification: '10月起每月加班不超过36小时,加班工资按150%、200%足额支付。' } }],
  },
  {
    issuer: SC, enterprise: '杭州望江建设工程有限公司', category: 'wage_arrears',
    problem: '望江新城二期项目劳务分包单位拖欠农民工工资,涉及农民工67人,金额约152万元。',
    steps: [{ kind: 'opinion', state: 'due_passed', ago: 30, method: 'direct', receiver: '项目部 经理 郑国强' }],
  },
  {
    issuer: SC, enterprise: '杭州老字号茶庄有限公司', category: 'contract',
    problem: '该公司与采茶季节工签订的劳动合同缺少工作时间、劳动报酬等必备条款。',
    steps: [{ kind: 'reminder', state: 'draft', ago: 0 }],
  },
  {
    issuer: XH, enterprise: '杭州之江网约车服务有限公司', category: 'social_insurance',
    problem: '该公司对自有车辆驾驶员186人未缴纳社会保险费,以每月300元“社保补贴”代替。',
    steps: [
      { kind: 'reminder', state: 'escalated', ago: 58, method: 'electronic', receiver: '人力资源部 邮箱签收' },
      { kind: 'opinion', state: 'unsatisfied', ago: 38, method: 'direct', receiver: '副总经理 韩晓东', reply: { content: '已为驾驶员中的60人补缴社会保险。', note: '仍有126人未参保,整改不到位' } },
    ],
  },
  {
    issuer: XH, enterprise: '杭州西溪数智科技股份有限公司', category: 'wage_arrears',
    problem: '该公司以“项目未回款”为由,延期发放外包测试人员10月工资,涉及32人。',
    steps: [
      { kind: 'reminder', state: 'escalated', ago: 26, method: 'direct', receiver: '行政经理 朱琳' },
      { kind: 'opinion', state: 'draft', ago: 0 },
    ],
  },
  {
    issuer: '杭州市总工会', enterprise: '建德新安江水泥有限公司', category: 'overtime',
    problem: '该公司窑炉车间实行两班倒,每班12小时,每月延长工作时间超过70小时。',
    steps: [{ kind: 'reminder', state: 'delivered', ago: 2, method: 'post', receiver: '办公室 周红' }],
  },
  {
    issuer: XH, enterprise: '杭州西溪网络科技有限公司', category: 'overtime',
    problem: '该公司研发部门实行“996”工作制,每月延长工作时间超过80小时,未依法支付加班工资。',
    steps: [{ kind: 'opinion', state: 'delivered', ago: 6, method: 'direct', receiver: '人事总监 沈佳' }],
  },
  {
    issuer: XH, enterprise: '杭州文三路电子商行', category: 'contract',
    problem: '该商行8名营业员均未订立书面劳动合同,最长者已工作两年。',
    steps: [{ kind: 'reminder', state: 'overdue', ago: 28, method: 'post', receiver: '负责人 王建' }],
  },
  {
    issuer: XH, enterprise: '杭州龙井茶业有限公司', category: 'female_protection',
    problem: '该公司安排哺乳期未满一年的女职工从事夜间炒茶作业,且未安排哺乳时间。',
    steps: [{ kind: 'reminder', state: 'closed', ago: 30, method: 'direct', receiver: '工会主席 杨春茶', reply: { content: '已调整哺乳期女职工岗位至白班包装岗,每日安排1小时哺乳时间。' } }],
  },
  {
    issuer: '杭州市总工会', enterprise: '杭州萧山纺织印染有限公司', category: 'wage_arrears',
    problem: '该公司因停产整顿,拖欠一线职工三个月工资,涉及职工180人,金额约310万元,职工多次集体上访。',
    steps: [
      { kind: 'opinion', state: 'escalated', ago: 40, method: 'direct', receiver: '董事长 俞建明' },
      { kind: 'recommendation', state: 'delivered', ago: 2, method: 'direct', receiver: '萧山区劳动保障监察大队' },
    ],
  },
  {
    issuer: '余杭区总工会', enterprise: '杭州仓前跨境电商有限公司', category: 'social_insurance',
    problem: '该公司试用期职工21人未缴纳社会保险。',
    steps: [{ kind: 'reminder', state: 'delivered', ago: 3, method: 'electronic', receiver: '人事 邱敏' }],
  },
  {
    issuer: '滨江区总工会', enterprise: '杭州长河智能装备有限公司', category: 'overtime',
    problem: '该公司装配车间连续两个月安排职工每周工作六天、每天十小时。',
    steps: [{ kind: 'opinion', state: 'issued', ago: 2 }],
  },
  {
    issuer: '钱塘区总工会', enterprise: '杭州钱塘生物医药有限公司', category: 'contract',
    problem: '该公司与劳务派遣工签订的合同约定“怀孕即自动解除”,违反法律规定。',
    steps: [{ kind: 'reminder', state: 'closed', ago: 20, method: 'direct', receiver: '法务经理 傅强', reply: { content: '已删除违法条款并与派遣单位重新签订协议。' } }],
  },
];
