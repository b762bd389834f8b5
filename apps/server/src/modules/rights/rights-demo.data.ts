import type { RightsCategory, RightsOutcome, RightsSatisfaction, RightsStepKind } from '@gonghui/contracts';

/** Where a demo case ends up: the states of the list, plus cases left late for the SLA sweep to remind and escalate. */
export type DemoRightsState = 'new' | 'late_new' | 'accepted' | 'late_accepted' | 'mediation' | 'referred' | 'closed' | 'rejected' | 'withdrawn';

export interface DemoRightsCase {
  /** the demo worker (张建国, H5) or a 12351 caller */
  by: 'worker' | { caller: string; phone: string };
  category: RightsCategory;
  /** the employer: a registry name, with its district code and address for when it is not in the registry */
  employer: [name: string, divisionCode: string, address: string];
  workers: number;
  claimedYuan: number;
  text: string;
  state: DemoRightsState;
  daysAgo: number;
  steps?: [RightsStepKind, string][];
  close?: { outcome: RightsOutcome; recoveredYuan: number; paid: number; note: string; rating?: [RightsSatisfaction, string?] };
  reject?: string;
}

const caller = (name: string, tail: number) => ({ caller: name, phone: `1390571${String(tail).padStart(4, '0')}` });
const SITE = '钱江新城二期安置房项目';
const mediate = (n: string): [RightsStepKind, string] => ['mediation', n];
const consult = (n: string): [RightsStepKind, string] => ['consultation', n];

/** ~40 cases across districts and categories: 建筑工地, 餐饮, 快递, 制造 and the platforms. */
export const DEMO_RIGHTS_CASES: DemoRightsCase[] = [
  { by: 'worker', category: 'wage_arrears', employer: ['杭州湖滨文旅发展有限公司', '330102', '上城区湖滨街道东坡路8号'], workers: 1, claimedYuan: 6800, text: '国庆假期加班4天,公司按平时工资结算,少发加班工资约6800元', state: 'closed', daysAgo: 40,
    steps: [consult('解答法定节假日加班工资按300%支付的规定'), mediate('约谈企业人事部门,企业同意补发')], close: { outcome: 'resolved', recoveredYuan: 6800, paid: 1, note: '企业已随11月工资补发加班工资6800元' } },
  { by: 'worker', category: 'social_insurance', employer: ['杭州湖滨文旅发展有限公司', '330102', '上城区湖滨街道东坡路8号'], workers: 1, claimedYuan: 0, text: '转正后公司仍按试用期工资基数缴纳社保,要求按实际工资补缴', state: 'accepted', daysAgo: 3 },
  { by: caller('陈国平', 1), category: 'wage_arrears', employer: ['杭州望江建设工程有限公司', '330102', `上城区望江街道${SITE}`], workers: 23, claimedYuan: 486000, text: '分包班组23名钢筋工5个月工资未结,包工头失联', state: 'mediation', daysAgo: 12,
    steps: [consult('登记班组名单及考勤记录'), mediate('会同住建部门约谈总包单位,总包承诺先行垫付')] },
  { by: caller('刘海峰', 2), category: 'wage_arrears', employer: ['杭州望江建设工程有限公司', '330102', `上城区望江街道${SITE}`], workers: 8, claimedYuan: 152000, text: '木工班组8人工资被拖欠三个月', state: 'closed', daysAgo: 55,
    steps: [mediate('总包单位动用工资保证金支付')], close: { outcome: 'resolved', recoveredYuan: 152000, paid: 8, note: '工资保证金支付到位,8人全部领取', rating: ['satisfied', '工会帮了大忙'] } },
  { by: caller('王秀英', 3), category: 'wage_arrears', employer: ['杭州湖滨餐饮管理有限公司', '330102', '上城区湖滨街道平海路12号'], workers: 6, claimedYuan: 42000, text: '门店停业,服务员6人最后两个月工资未发', state: 'referred', daysAgo: 20,
    steps: [mediate('企业负责人拒绝调解'), ['legal_aid', '转介上城区法律援助中心代理劳动仲裁']] },
  { by: caller('孙丽', 4), category: 'contract', employer: ['杭州南宋御街小吃店', '330102', '上城区中山中路南宋御街'], workers: 1, claimedYuan: 0, text: '工作一年多未签订书面劳动合同,要求双倍工资', state: 'new', daysAgo: 0 },
  { by: caller('赵勇', 5), category: 'wage_arrears', employer: ['杭州闪送同城配送有限公司', '330102', '上城区凯旋街道景芳路'], workers: 14, claimedYuan: 63000, text: '站点更换承包商,14名骑手10月配送费未结算', state: 'late_new', daysAgo: 9 },
  { by: caller('黄超', 6), category: 'injury', employer: ['杭州闪送同城配送有限公司', '330102', '上城区凯旋街道景芳路'], workers: 1, claimedYuan: 0, text: '送餐途中摔伤骨折,站点不认可工伤,未参加工伤保险', state: 'referred', daysAgo: 30,
    steps: [consult('解答新就业形态职业伤害保障政策'), ['arbitration', '协助准备劳动关系确认仲裁材料']] },
  { by: caller('周敏', 7), category: 'other', employer: ['杭州清河坊文创商贸有限公司', '330102', '上城区清波街道河坊街'], workers: 1, claimedYuan: 0, text: '企业强制要求员工每天参加早操并扣考勤', state: 'rejected', daysAgo: 18, reject: '不属于劳动争议维权范围,已转企业工会建议协商' },
  { by: caller('钱海燕', 8), category: 'contract', employer: ['杭州望江物业服务有限公司', '330102', '上城区望江街道近江路'], workers: 12, claimedYuan: 0, text: '物业公司要求12名保安改签劳务外包合同', state: 'mediation', daysAgo: 6, steps: [mediate('召开职工代表与企业协商会')] },
  { by: caller('吴志强', 9), category: 'wage_arrears', employer: ['杭州西溪网络科技有限公司', '330106', '西湖区文新街道文三路'], workers: 5, claimedYuan: 110000, text: '公司资金链断裂,研发人员5人工资拖欠两个月', state: 'closed', daysAgo: 70,
    steps: [mediate('调解达成分两期支付协议')], close: { outcome: 'partly', recoveredYuan: 66000, paid: 5, note: '第一期已支付60%,余款协议于春节前支付', rating: ['basically', '拿到了一部分'] } },
  { by: caller('郑娟', 10), category: 'wage_arrears', employer: ['杭州之江网约车服务有限公司', '330106', '西湖区转塘街道'], workers: 35, claimedYuan: 210000, text: '平台下属车队扣押35名司机保证金和流水', state: 'mediation', daysAgo: 15,
    steps: [consult('核实保证金收取依据'), mediate('联合交通运输部门约谈平台企业')] },
  { by: caller('冯磊', 11), category: 'social_insurance', employer: ['杭州文三路电子商行', '330106', '西湖区文三路'], workers: 3, claimedYuan: 0, text: '商行未给店员缴纳社会保险', state: 'accepted', daysAgo: 4 },
  { by: caller('邓杰', 12), category: 'wage_arrears', employer: ['西湖区某装修队(未登记)', '330106', '西湖区留下街道'], workers: 4, claimedYuan: 36000, text: '装修队老板拖欠4名瓦工工资后不接电话', state: 'late_accepted', daysAgo: 50 },
  { by: caller('曹美玲', 13), category: 'injury', employer: ['杭州西溪数智科技股份有限公司', '330106', '西湖区蒋村街道'], workers: 1, claimedYuan: 0, text: '工伤认定后公司拒付停工留薪期工资', state: 'closed', daysAgo: 80,
    steps: [['arbitration', '协助申请劳动仲裁'], mediate('仲裁庭调解')], close: { outcome: 'resolved', recoveredYuan: 23000, paid: 1, note: '仲裁调解书履行完毕', rating: ['satisfied'] } },
  { by: caller('彭俊杰', 14), category: 'wage_arrears', employer: ['杭州长河智能装备有限公司', '330108', '滨江区长河街道'], workers: 18, claimedYuan: 270000, text: '车间18名操作工绩效工资被无故扣发', state: 'mediation', daysAgo: 10, steps: [mediate('与企业人事、职工代表三方协商')] },
  { by: caller('许春梅', 15), category: 'contract', employer: ['杭州长河智能装备有限公司', '330108', '滨江区长河街道'], workers: 1, claimedYuan: 0, text: '孕期被调岗降薪', state: 'closed', daysAgo: 45,
    steps: [consult('解答女职工劳动保护特别规定'), mediate('企业恢复原岗位')], close: { outcome: 'resolved', recoveredYuan: 4200, paid: 1, note: '恢复原岗位并补发差额工资', rating: ['satisfied', '谢谢工会'] } },
  { by: caller('韩立新', 16), category: 'wage_arrears', employer: ['杭州萧山纺织印染有限公司', '330109', '萧山区宁围街道'], workers: 40, claimedYuan: 520000, text: '印染厂停产,40名职工两个月工资和经济补偿未付', state: 'referred', daysAgo: 25,
    steps: [mediate('企业表示无力支付'), ['legal_aid', '转介萧山区法律援助中心集体代理']] },
  { by: caller('唐国平', 17), category: 'wage_arrears', employer: ['杭州萧山汽车零部件有限公司', '330109', '萧山区宁围街道'], workers: 2, claimedYuan: 18000, text: '离职后最后一个月工资未结', state: 'closed', daysAgo: 35,
    steps: [consult('电话沟通企业财务')], close: { outcome: 'resolved', recoveredYuan: 18000, paid: 2, note: '企业已结清' } },
  { by: caller('金晓红', 18), category: 'social_insurance', employer: ['萧山区某物流仓库(未登记)', '330109', '萧山区空港经济区'], workers: 9, claimedYuan: 0, text: '仓库分拣员9人入职半年未缴社保', state: 'new', daysAgo: 1 },
  { by: caller('叶文斌', 19), category: 'wage_arrears', employer: ['杭州仓前跨境电商有限公司', '330110', '余杭区仓前街道'], workers: 7, claimedYuan: 84000, text: '电商公司以业绩不达标为由扣发7名客服提成', state: 'accepted', daysAgo: 2 },
  { by: caller('汪鹏', 20), category: 'wage_arrears', employer: ['杭州未来科技城快递网点(未登记)', '330110', '余杭区五常街道'], workers: 11, claimedYuan: 57000, text: '快递网点转让,11名快递员派件费被拖欠', state: 'mediation', daysAgo: 8, steps: [mediate('快递行业工会参与调解')] },
  { by: caller('俞雨涵', 21), category: 'contract', employer: ['杭州富春江造纸有限公司', '330111', '富阳区银湖街道'], workers: 1, claimedYuan: 0, text: '被口头辞退未给经济补偿', state: 'closed', daysAgo: 60,
    steps: [mediate('企业同意支付经济补偿')], close: { outcome: 'resolved', recoveredYuan: 15600, paid: 1, note: '支付N+1经济补偿', rating: ['basically'] } },
  { by: caller('楼振华', 22), category: 'wage_arrears', employer: ['杭州临安山核桃食品有限公司', '330112', '临安区锦城街道'], workers: 16, claimedYuan: 96000, text: '季节工16人加工期工资未结清', state: 'closed', daysAgo: 28,
    steps: [mediate('镇街调解')], close: { outcome: 'resolved', recoveredYuan: 96000, paid: 16, note: '全部结清' } },
  { by: caller('应丽华', 23), category: 'injury', employer: ['杭州临平家纺有限公司', '330113', '临平区南苑街道'], workers: 1, claimedYuan: 0, text: '缝纫工手部受伤,企业拖延申报工伤', state: 'accepted', daysAgo: 5 },
  { by: caller('裘宇轩', 24), category: 'wage_arrears', employer: ['杭州临平家纺有限公司', '330113', '临平区南苑街道'], workers: 10, claimedYuan: 75000, text: '外发加工组10人计件工资拖欠', state: 'late_new', daysAgo: 7 },
  { by: caller('方娜娜', 25), category: 'social_insurance', employer: ['杭州钱塘生物医药有限公司', '330114', '钱塘区白杨街道'], workers: 1, claimedYuan: 0, text: '公积金缴存基数低于实际工资', state: 'closed', daysAgo: 90,
    steps: [consult('解答住房公积金缴存规定')], close: { outcome: 'referred', recoveredYuan: 0, paid: 0, note: '已移交住房公积金管理中心处理', rating: ['dissatisfied', '希望工会跟进结果'] } },
  { by: caller('蒋海峰', 26), category: 'wage_arrears', employer: ['钱塘区某建筑劳务公司(未登记)', '330114', '钱塘区下沙街道'], workers: 28, claimedYuan: 392000, text: '下沙某厂房工地劳务公司拖欠28名农民工工资', state: 'mediation', daysAgo: 14,
    steps: [consult('核对工资台账'), mediate('建设单位同意从工程款中直接代发')] },
  { by: caller('何建华', 27), category: 'wage_arrears', employer: ['桐庐某快递转运中心(未登记)', '330122', '桐庐县桐君街道'], workers: 5, claimedYuan: 30000, text: '转运中心装卸工5人工资被拖欠', state: 'new', daysAgo: 0 },
  { by: caller('罗欣怡', 28), category: 'contract', employer: ['淳安千岛湖旅游发展有限公司', '330127', '淳安县千岛湖镇'], workers: 1, claimedYuan: 0, text: '旺季结束被要求自愿离职', state: 'withdrawn', daysAgo: 11 },
  { by: caller('马明', 29), category: 'wage_arrears', employer: ['建德新安江水泥有限公司', '330182', '建德市新安江街道'], workers: 3, claimedYuan: 27000, text: '破碎车间3人夜班津贴未发', state: 'closed', daysAgo: 42,
    steps: [mediate('企业工会协调')], close: { outcome: 'resolved', recoveredYuan: 27000, paid: 3, note: '补发到位', rating: ['satisfied'] } },
  { by: caller('高宇', 30), category: 'other', employer: ['不详(来电人无法提供单位名称)', '', ''], workers: 1, claimedYuan: 0, text: '咨询灵活就业人员如何参加职工医疗互助', state: 'closed', daysAgo: 16,
    steps: [consult('解答医疗互助参保途径,建议通过户籍地街道工会办理')], close: { outcome: 'resolved', recoveredYuan: 0, paid: 0, note: '咨询已解答' } },
  { by: caller('谢勇', 31), category: 'wage_arrears', employer: ['拱墅区某餐馆(未登记)', '330105', '拱墅区大关街道'], workers: 4, claimedYuan: 22000, text: '餐馆关门,厨师和服务员4人工资未结', state: 'accepted', daysAgo: 1 },
  { by: caller('朱春梅', 32), category: 'wage_arrears', employer: ['拱墅区某服装加工厂(未登记)', '330105', '拱墅区祥符街道'], workers: 12, claimedYuan: 144000, text: '服装厂老板欠12名车工三个月工资', state: 'late_accepted', daysAgo: 45 },
  { by: caller('宋杰', 33), category: 'wage_arrears', employer: ['杭州望江建设工程有限公司', '330102', `上城区望江街道${SITE}`], workers: 31, claimedYuan: 558000, text: '去年春节前31名泥工工资被拖欠', state: 'closed', daysAgo: 300,
    steps: [mediate('春节前欠薪专项调解'), mediate('总包单位垫付')], close: { outcome: 'resolved', recoveredYuan: 558000, paid: 31, note: '春节前全部发放到位', rating: ['satisfied', '过了个安心年'] } },
  { by: caller('林国庆', 34), category: 'wage_arrears', employer: ['杭州萧山纺织印染有限公司', '330109', '萧山区宁围街道'], workers: 20, claimedYuan: 260000, text: '去年春节前20名挡车工年终工资未发', state: 'closed', daysAgo: 290,
    steps: [mediate('镇街联合调解')], close: { outcome: 'partly', recoveredYuan: 180000, paid: 20, note: '春节前先发七成,余款节后结清' } },
  { by: caller('梁佳怡', 35), category: 'contract', employer: ['杭州西溪网络科技有限公司', '330106', '西湖区文新街道文三路'], workers: 1, claimedYuan: 0, text: '竞业限制协议未约定补偿金', state: 'new', daysAgo: 0 },
  { by: caller('徐斌', 36), category: 'injury', employer: ['西湖区某建筑工地(未登记)', '330106', '西湖区三墩镇'], workers: 1, claimedYuan: 0, text: '工地高处坠落受伤,包工头只付了部分医药费', state: 'late_new', daysAgo: 6 },
];
