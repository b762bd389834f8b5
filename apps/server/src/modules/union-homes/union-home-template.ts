import { UNION_HOME_TEMPLATE_CODE, type Criterion, type GradeRule } from '@gonghui/contracts';
import { gateCriterion, pointsCriterion as points, type TemplateSeed } from '../../platform/assessment/assessment-template.service.js';

const gate = (key: string, title: string, description: string): Criterion => gateCriterion(key, '五有', title, description);

/**
 * The city's default 职工之家 standard (version 1): the "五有" as pass/fail gates, a scored list of
 * 100, bonus and spot-check deductions; grades 合格 60 / 先进 80 / 模范 90, each needing 入会率 ≥ 95%.
 * All of it is configuration: the city publishes a new version from the template page.
 */
const criteria: Criterion[] = [
  gate('gate_org', '有组织', '依法建立工会组织,按期换届,工会主席、委员配备齐全(有人干事)'),
  gate('gate_venue', '有载体', '有固定的职工之家活动阵地和职工议事场所(有屋议事)'),
  gate('gate_rules', '有制度', '职代会、厂务公开、会员管理、经费管理等制度健全(有章理事)'),
  gate('gate_funds', '有经费', '工会经费足额拨缴、独立核算,有年度活动经费(有钱办事)'),
  gate('gate_results', '有成效', '开展经常性活动,职工群众满意'),
  points('org_building', '组织建设', '依法建会与换届', 10, '工会组建规范,按期换届选举,委员分工明确'),
  points('membership', '组织建设', '会员发展与实名制', 10, '会员应入尽入,实名制信息完整准确'),
  points('congress', '民主管理', '职工代表大会', 10, '每年至少召开一次职代会,审议事项落实'),
  points('openness', '民主管理', '厂务公开与集体协商', 10, '厂务公开栏定期更新,签订工资集体协议'),
  points('venue', '阵地建设', '阵地面积与设施', 10, '职工之家面积、职工书屋、文体设施、爱心妈咪小屋等'),
  points('activities', '阵地建设', '文体活动', 10, '全年组织文体、读书等活动,职工参与面广'),
  points('funds_use', '经费保障', '经费使用与管理', 10, '经费收支有台账,主要用于职工活动和服务'),
  points('funds_audit', '经费保障', '经费审查', 5, '经审委员会按期审查并报告', false),
  points('care', '服务职工', '帮扶慰问', 10, '困难职工建档帮扶、送温暖、金秋助学等'),
  points('skills', '服务职工', '劳动竞赛与技能提升', 8, '开展劳动竞赛、技能培训和五小创新'),
  points('satisfaction', '服务职工', '职工满意度', 7, '职工满意度测评不低于85%', false),
  { key: 'bonus_honours', kind: 'bonus', group: '加分项', title: '上级表彰', description: '年度内获区县级以上工会表彰,每项加2分', maxPoints: 5, evidenceRequired: true },
  { key: 'bonus_innovation', kind: 'bonus', group: '加分项', title: '特色创新', description: '工作有创新,被上级工会推广', maxPoints: 3, evidenceRequired: false },
  { key: 'spot_check', kind: 'deduction', group: '扣分项', title: '抽查扣分', description: '上级工会实地抽查发现与申报不符的,每处扣2分', maxPoints: 20, evidenceRequired: false },
  { key: 'incident', kind: 'deduction', group: '扣分项', title: '重大事件', description: '发生重大安全事故、群体性劳动争议未妥善处置的', maxPoints: 20, evidenceRequired: false },
];

const rate = { membershipRate: 0.95 };
const grades: GradeRule[] = [
  { code: 'unqualified', label: '不合格', minScore: 0 },
  { code: 'qualified', label: '合格职工之家', minScore: 60, minFacts: rate },
  { code: 'advanced', label: '先进职工之家', minScore: 80, minFacts: rate },
  { code: 'model', label: '模范职工之家', minScore: 90, minFacts: rate },
];

export const UNION_HOME_TEMPLATE: TemplateSeed = {
  code: UNION_HOME_TEMPLATE_CODE,
  name: '职工之家建设考评',
  subjectKind: 'union',
  cycleYears: 3,
  first: { criteria, grades, gateCap: 'unqualified', aggregation: 'trimmed_mean', note: '"五有"为必备条件,任一项未达到即评为不合格;评分满分100分,另有加分、抽查扣分;命名有效期3年,期满复评。' },
};
