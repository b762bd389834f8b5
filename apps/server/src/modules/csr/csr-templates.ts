import { CSR_TEMPLATE_CODES, type Criterion, type GradeRule } from '@gonghui/contracts';
import { gateCriterion as gate, pointsCriterion as points, type TemplateSeed } from '../../platform/assessment/assessment-template.service.js';

/**
 * 企业社会责任评价 (version 1): two gates, the five dimensions 诚信、活力、绿色、和谐、爱心企业 out of
 * 100, a bonus and deductions; grades 达标 60 / 良好 75 / 优秀 90, a failed gate caps at 不达标.
 */
const csrCriteria: Criterion[] = [
  gate('gate_law', '必备条件', '守法经营', '近三年无重大劳动保障、安全生产、环境保护违法行为'),
  gate('gate_contract', '必备条件', '劳动合同与社保', '依法签订劳动合同,足额缴纳社会保险'),
  points('integrity', '诚信企业', '诚信经营', 20, '按时足额支付工资,无拖欠;纳税信用A级;合同履约'),
  points('vitality', '活力企业', '创新发展', 20, '研发投入、技能人才培养、职工创新工作室、五小创新'),
  points('green', '绿色企业', '绿色低碳', 20, '节能减排、清洁生产、环境信息公开'),
  points('harmony', '和谐企业', '和谐劳动关系', 25, '职代会、集体协商、厂务公开、劳动争议调解'),
  points('charity', '爱心企业', '公益慈善', 15, '参与帮扶救助、志愿服务、社会捐赠', false),
  { key: 'bonus_honours', kind: 'bonus', group: '加分项', title: '社会责任表彰', description: '获市级以上社会责任、慈善类表彰', maxPoints: 5, evidenceRequired: true },
  { key: 'complaints', kind: 'deduction', group: '扣分项', title: '职工投诉核实', description: '经核实的职工投诉,每起扣2分', maxPoints: 20, evidenceRequired: false },
];
const csrGrades: GradeRule[] = [
  { code: 'below', label: '不达标', minScore: 0 },
  { code: 'compliant', label: '达标', minScore: 60 },
  { code: 'good', label: '良好', minScore: 75 },
  { code: 'excellent', label: '优秀', minScore: 90 },
];

export const CSR_TEMPLATE: TemplateSeed = {
  code: CSR_TEMPLATE_CODES.csr,
  name: '企业社会责任评价',
  subjectKind: 'enterprise',
  cycleYears: 1,
  first: { criteria: csrCriteria, grades: csrGrades, gateCap: 'below', aggregation: 'trimmed_mean', note: '守法经营、劳动合同与社保为必备条件,任一项未达到即为不达标;五个维度满分100分。' },
};

/** 和谐劳动关系企业 (district and city level share the indicators; the city's line is higher). */
const harmonyCriteria: Criterion[] = [
  gate('gate_union', '必备条件', '依法建会', '依法建立工会,职工入会率达到规定要求'),
  gate('gate_congress', '必备条件', '职代会与集体合同', '建立职工代表大会制度,签订并履行集体合同'),
  gate('gate_dispute', '必备条件', '无重大劳动争议', '近两年无群体性劳动争议和重大安全事故'),
  points('contracts', '劳动标准', '劳动合同管理', 15, '劳动合同签订率100%,规章制度经民主程序'),
  points('wages', '劳动标准', '工资支付与增长', 15, '工资按时足额支付,建立正常增长机制'),
  points('hours', '劳动标准', '工时与休息休假', 10, '执行工时制度,落实带薪年休假'),
  points('insurance', '劳动标准', '社会保险', 15, '依法为全体职工缴纳五险一金'),
  points('safety', '劳动保护', '安全生产与职业卫生', 15, '安全生产责任落实,职业病防护到位'),
  points('democracy', '民主管理', '厂务公开与协商', 15, '厂务公开、工资集体协商、劳动争议调解委员会'),
  points('care', '人文关怀', '职工关爱', 15, '职工之家、困难帮扶、技能培训、文体活动', false),
  { key: 'disputes', kind: 'deduction', group: '扣分项', title: '劳动争议', description: '年度内发生劳动争议仲裁败诉的,每起扣3分', maxPoints: 15, evidenceRequired: false },
];

const harmony = (kind: 'harmony_district' | 'harmony_city', name: string, line: number, label: string): TemplateSeed => ({
  code: CSR_TEMPLATE_CODES[kind],
  name,
  subjectKind: 'enterprise',
  cycleYears: 3,
  first: {
    criteria: harmonyCriteria,
    grades: [
      { code: 'not_named', label: '未命名', minScore: 0 },
      { code: 'named', label, minScore: line },
    ],
    gateCap: 'not_named',
    aggregation: 'trimmed_mean',
    note: `三项必备条件任一项未达到不予命名;评分达到${line}分命名,有效期3年。`,
  },
});

export const HARMONY_DISTRICT_TEMPLATE = harmony('harmony_district', '区级和谐劳动关系企业创建', 85, '区级和谐劳动关系企业');
export const HARMONY_CITY_TEMPLATE = harmony('harmony_city', '市级和谐劳动关系企业创建', 90, '市级和谐劳动关系企业');
export const CSR_TEMPLATES = [CSR_TEMPLATE, HARMONY_DISTRICT_TEMPLATE, HARMONY_CITY_TEMPLATE];
