/** The city union's 2017 work plan as the speech lays it out: six principles, key tasks for the district unions. */
export interface DemoTask {
  title: string;
  owners: string[];
  /** deadline in days from today (negative: past) */
  dueIn: number;
  /** per owner: progress reports [days ago, text, percent]; a closing note closes it */
  reports?: [number, string, number][];
  closingNote?: string;
}

export const PLAN_DEMO = {
  year: 2017,
  title: '杭州市总工会2017年工作思路与重点任务',
  summary:
    '2016年,全市工会紧紧围绕服务保障G20这个圆心,坚持服务科学发展、服务职工群众、服务和谐社会的有机统一,奋发进取、开拓创新,各项工作取得新成效:理念有创新、服务有实效、维权有力度、改革有突破、基层有活力、队伍严要求。2017年,全市工会以党的十八届六中全会精神为指针,以提高劳动者素质为主线,以服务职工为中心,以深化改革为动力,以夯实基层基础为重点,以提升能力为关键,推动工会工作再上新台阶。',
  principles: [
    { title: '以党的十八届六中全会精神为指针', description: '紧跟核心、主动看齐,做党放心、职工信赖的工会干部:笃学深悟、明理弘道、知行合一。', tasks: [
      { title: '开展六中全会精神“进企业、进车间”宣讲活动', owners: ['上城区总工会', '西湖区总工会'], dueIn: -20, reports: [[60, '已组织宣讲18场', 70], [25, '宣讲全部完成,覆盖职工3200人', 100]] },
    ] as DemoTask[] },
    { title: '以提高劳动者素质为主线', description: '在思想上教育引导,争做“五爱职工”;在素质上培养提高,弘扬劳模精神、工匠精神,建功“十三五”。', tasks: [
      { title: '组织“五小五技”职工技能比武,选树区级工匠', owners: ['上城区总工会'], dueIn: 25, reports: [[15, '已完成初赛,报名职工560人', 45]] },
      { title: '推进职工素质提升工程,年内培训一线职工2万人次', owners: ['西湖区总工会', '拱墅区总工会'], dueIn: -8, reports: [[40, '已培训1.2万人次', 60]] },
    ] as DemoTask[] },
    { title: '以服务职工为中心', description: '理念上坚守、权益上维护、生活上关心、制度上保证、举措上落实。', tasks: [
      { title: '落实“五进五送”、医疗互助和平安返乡,做好春风行动救助', owners: ['上城区总工会'], dueIn: 6, reports: [[10, '春风行动救助已发放第一批,平安返乡包车方案已定', 65]] },
      { title: '召开区政府与工会联席会议,推动职工疗休养、休息休假制度落实', owners: ['西湖区总工会'], dueIn: 4 },
    ] as DemoTask[] },
    { title: '以深化改革为动力', description: '强身瘦体、强化基层,转变职能、改进作风,克服“四化”,依法建会、管会、履职、维权。', tasks: [
      { title: '完成区总工会机关改革方案,挂职兼职副主席配备到位', owners: ['上城区总工会', '拱墅区总工会'], dueIn: 75, reports: [[5, '改革方案已报区委审定', 30]] },
    ] as DemoTask[] },
    { title: '以夯实基层基础为重点', description: '“两新组织”和新业态组织全覆盖;按“五有”要求建好职工之家;深化党建带工建。', tasks: [
      { title: '新建区域性、行业性联合工会,新业态企业建会率达到85%', owners: ['西湖区总工会'], dueIn: 120, reports: [[3, '已摸排新业态企业146家', 15]] },
      { title: '按“五有”标准新建和提升职工之家30家', owners: ['上城区总工会'], dueIn: -40, reports: [[50, '已验收28家', 90]], closingNote: '28家通过验收,其余2家因企业搬迁调整至下年度' },
    ] as DemoTask[] },
    { title: '以提升能力为关键', description: '打造绝对忠诚、干事担当、干净自律、充满活力的工会干部队伍:有为职工服务之心、之力、之责、之法。', tasks: [
      { title: '举办基层工会主席轮训班,全年轮训不少于300人', owners: ['西湖区总工会'], dueIn: 45 },
    ] as DemoTask[] },
  ],
};

/** The 市总工会十四届八次全委会 (about 10 January): which preparation steps are done. */
export const CHECKLIST_DEMO = { title: '杭州市总工会十四届八次全委会', meetingDate: '2017-01-10', done: 5 };
