/**
 * Permission codes `module:resource:action`. Routes declare one; roles hold them; the web menu and
 * buttons are built from the same codes. `public` marks a route that needs no login,
 * `authenticated` one that any logged-in user may call (e.g. /auth/me).
 */
export const PERMISSIONS = {
  'system:user:list': '查看用户',
  'system:user:create': '新建用户',
  'system:user:update': '编辑、停用、重置用户,授予业务角色',
  'system:user:grant-platform': '授予平台管理角色(三权分立)',
  'system:role:list': '查看角色',
  'system:role:manage': '定义角色与数据范围',
  'org:unit:list': '查看组织树',
  'org:unit:create': '新建工会组织',
  'org:unit:update': '编辑、移动工会组织',
  'audit:log:list': '查阅审计日志',
  'audit:log:verify': '校验审计日志链',
  'job:job:read': '查看后台任务进度',
  'dashboard:home:view': '查看工作台',
  'dashboard:cockpit:view': '查看工作驾驶舱(本级及下级统计)',
  'dashboard:report:export': '导出年度工作统计(Excel、PDF)',
  'finance:dues:list': '查看会费核定与收缴',
  'finance:dues:manage': '核定工资基数、登记会费收缴批次与减免',
  'finance:dues:self': '查看本人会费缴纳记录',
  'finance:contribution:list': '查看工会经费拨缴',
  'finance:contribution:manage': '登记企业工会经费申报与拨缴、发送催缴',
  'finance:settings:configure': '设置会费口径与工会经费分成比例',
  'finance:budget:list': '查看工会预算与支出',
  'finance:budget:manage': '编制年度预算、登记经费支出',
  'finance:report:view': '查看经费收缴与预算执行报表',
  'member:member:list': '查看会员',
  'member:member:create': '登记会员',
  'member:member:update': '修改会员信息与状态',
  'member:member:reveal': '查看会员敏感信息明文(须填写原因)',
  'member:member:import': '批量导入会员',
  'member:member:export': '导出会员(脱敏)',
  'member:member:export-unmasked': '导出会员明文(须填写原因)',
  'member:transfer:list': '查看会员接转',
  'member:transfer:create': '发起会员接转',
  'member:transfer:approve': '审批会员接转',
  'enterprise:enterprise:list': '查看企业',
  'enterprise:enterprise:create': '登记企业',
  'enterprise:enterprise:update': '修改企业',
  'enterprise:enterprise:review': '核实信用代码',
  'enterprise:enterprise:import': '批量导入企业',
  'enterprise:enterprise:export': '导出企业',
  'coverage:coverage:view': '查看建会率、入会率',
  'coverage:settings:configure': '设置建会率统计口径(企业规模下限)',
  'aid:application:list': '查看帮扶申请',
  'aid:application:create': '代职工提交帮扶申请、修改、撤回',
  'aid:application:approve': '审核帮扶申请(初审、复审、审批)',
  'aid:application:disburse': '发放帮扶资金',
  'aid:application:apply': '本人申请帮扶(移动端)',
  'aid:household:list': '查看困难职工档案',
  'aid:household:manage': '困难职工建档、复核、退出',
  'aid:campaign:view': '查看春风行动',
  'aid:campaign:manage': '设置春风行动(年度、救助类别、目标)',
  'aid:donation:record': '登记春风行动捐款',
  'aid:settings:configure': '设置低保标准、市总审批金额与公示天数',
  'ledger:fund:list': '查看资金、预算与台账',
  'ledger:fund:manage': '设立资金、编制预算、收入入账',
  'ledger:payout:export': '生成并导出银行代发批次(含账号明文)',
  'ledger:payout:confirm': '确认代发批次已支付',
  'activity:activity:list': '查看活动、名额与报名名单',
  'activity:activity:manage': '发布活动,设置名额、报名条件与方式',
  'activity:quota:allocate': '向下级工会分配名额',
  'activity:enrolment:manage': '推荐会员报名、取消报名、抽签',
  'activity:checkin:scan': '扫码签到',
  'activity:signup:self': '本人报名活动(移动端)',
  'activity:subsidy:pay': '发放活动补贴(返乡车票、圆梦计划资助)',
  'member:profile:self': '本人查看会员信息(移动端)',
  'recuperation:batch:list': '查看疗休养基地、线路、批次、报名名单与已疗休养人员',
  'recuperation:batch:manage': '组织疗休养批次(新建、修改、发布)',
  'recuperation:plan:manage': '管理疗休养基地、线路与年度计划(每人每年费用上限)',
  'mutual-aid:period:view': '查看医疗互助年度方案',
  'mutual-aid:period:manage': '设置医疗互助年度方案(保障项目、比例、起付线、限额、缴费)',
  'mutual-aid:enrolment:manage': '医疗互助团体参保登记、缴费登记、退出',
  'mutual-aid:claim:list': '查看医疗互助申请',
  'mutual-aid:claim:create': '为他人申请医疗互助、修改、撤回',
  'mutual-aid:claim:approve': '审核医疗互助申请(初审、复核)',
  'mutual-aid:claim:pay': '支付医疗互助金',
  'mutual-aid:report:view': '查看医疗互助统计报表',
  'mutual-aid:claim:self': '本人查看保障、申请医疗互助(移动端)',
  'condolence:plan:list': '查看送温暖计划与覆盖情况',
  'condolence:plan:manage': '制定、修改、提交送温暖计划',
  'condolence:plan:approve': '审核、审批送温暖计划',
  'condolence:plan:override': '特批低于上年标准的送温暖计划(须写明理由)',
  'condolence:visit:record': '登记送温暖慰问(含发放慰问金)',
  'condolence:visit:list': '查看、导出慰问名单',
  'assessment:template:manage': '管理考评模板(指标、等级线、评分规则的新版本)',
  'union-home:home:list': '查看职工之家与考评',
  'union-home:home:manage': '维护本单位职工之家档案、自评并提交',
  'union-home:assessment:review': '审核职工之家考评(逐项评分、退回)',
  'union-home:assessment:confirm': '确认职工之家等级、撤销命名',
  'csr:evaluation:list': '查看企业社会责任评价与和谐劳动关系企业、公布名单',
  'csr:evaluation:manage': '企业工会填报社会责任自评、申报和谐劳动关系企业',
  'csr:evaluation:review': '审核企业社会责任评价与和谐劳动关系企业申报(逐项评分、退回)',
  'csr:harmony:confirm-district': '命名区级和谐劳动关系企业、撤销命名',
  'csr:evaluation:confirm': '确认企业社会责任等级、命名市级和谐劳动关系企业、撤销',
  'competition:campaign:list': '查看劳动竞赛、立功竞赛与排名',
  'competition:campaign:manage': '发起、维护劳动竞赛(指标、权重、参赛单位与个人)',
  'competition:score:submit': '填报参赛得分与佐证材料',
  'competition:score:verify': '核定、退回参赛得分',
  'competition:award:manage': '评定竞赛表彰(先进集体、先进个人、工人先锋号、立功)',
  'honours:model-worker:list': '查看劳模名册、关爱名单(75岁以上、鳏寡独居)、慰问记录与养老机构入住申请,导出',
  'honours:model-worker:manage': '登记、修改劳模信息与荣誉,登记公益性养老机构优先入住申请及其进展',
  'honours:craftsman:list': '查看杭州工匠年度评选、推荐、排名与工匠名录、导出',
  'honours:craftsman-call:manage': '发布杭州工匠年度评选,设置名额与推荐单位配额',
  'honours:craftsman:nominate': '推荐杭州工匠候选人(区县(市)总工会、产业工会):填报、上传材料、提交、撤回',
  'honours:craftsman:score': '杭州工匠综合评审专家评分',
  'honours:craftsman:approve': '杭州工匠综合评审、领导小组审定、市政府批准、奖励发放与D类人才证书',
  'legal:notice:list': '查看劳动法律监督“一函两书”、企业监督记录、导出',
  'legal:notice:manage': '制发提示函、意见书、建议书,登记送达、回复整改,升级',
  'legal:settings:configure': '设置本辖区劳动法律监督回复期限与文号',
  'innovation:submission:list': '查看五小创新与合理化建议、导出',
  'innovation:submission:create': '代职工或班组填报五小创新与合理化建议、修改、提交、撤回',
  'innovation:review:grassroots': '基层工会初审五小创新与合理化建议',
  'innovation:review:district': '区县(市)总工会审核五小创新与合理化建议',
  'innovation:review:city': '市总工会认定五小创新与合理化建议(市级)',
  'innovation:adoption:record': '登记采纳、核定创造价值、发放创新奖励',
  'innovation:submission:self': '本人提交五小创新与合理化建议(移动端)',
  'contest:contest:list': '查看技能比武与成绩',
  'contest:contest:manage': '组织技能比武、登记成绩、据成绩晋升技能等级',
  'wage:contract:list': '查看集体合同、协商记录与工资集体协商覆盖率',
  'wage:contract:manage': '登记集体合同,记录协商、职代会表决、备案与续签',
  'hazard:report:list': '查看安全隐患随手拍、统计与导出',
  'hazard:report:review': '审核安全隐患报告(受理定级、不予受理)',
  'hazard:report:rectify': '交办隐患整改(整改期限)、登记整改情况',
  'hazard:report:verify': '验收隐患整改(通过或退回整改)、销号',
  'hazard:report:self': '随手拍上报安全隐患、查看本人上报与积分(移动端)',
  'rights:case:list': '查看维权案件、春节前欠薪专项统计、导出',
  'rights:case:intake': '登记12351热线维权求助',
  'rights:case:handle': '受理维权案件,登记咨询、调解、法律援助转介、仲裁支持,结案',
  'rights:case:self': '本人网上维权求助、查看进度、评价(移动端)',
  'cadre:cadre:list': '查看工会干部名册、委员会届次与换届提醒、培训班与学时统计,导出(脱敏)',
  'cadre:cadre:manage': '登记、修改工会干部,登记离任',
  'cadre:committee:manage': '登记工会委员会届次、办理换届',
  'cadre:training:manage': '登记培训班,录入签到与学时',
  'cadre:settings:configure': '设置年度学时目标与换届提醒天数、届期年限',
  'rating:campaign:list': '查看满意不满意测评活动、被测评单位、测评群体与结果,导出结果',
  'rating:campaign:manage': '组织满意不满意测评:新建、设置单位与群体权重、开始、结束、发布结果',
  'rating:invite:manage': '生成测评邀请码(经短信发送队列)',
  'rating:ballot:review': '查看测评答卷与异常标记,剔除或恢复答卷',
  'rating:reply:manage': '查看并答复测评中要求回复的意见(被测评单位)',
  'rating:ballot:self': '会员本人参加满意不满意测评(移动端)',
  'notify:sms:list': '查看短信发送队列(号码脱敏)',
  'learning:course:list': '查看学习园地课程、指派与完成统计,导出',
  'learning:course:manage': '新建、编辑、发布、下架学习课程(资料与测验)',
  'learning:assignment:manage': '指派学习课程(按组织的会员或干部、指定人员,截止日期)',
  'learning:study:self': '学习指派给本人或向本单位公开的课程、参加测验(移动端;工会干部学习指派给干部的课程)',
  'proposal:proposal:list': '查看办实事项目征集、职工建议、重复建议与实施进度,导出',
  'proposal:proposal:file': '以单位名义填报办实事项目建议',
  'proposal:proposal:moderate': '审核职工建议(公开、屏蔽),合并重复建议',
  'proposal:collection:manage': '设置办实事项目征集活动,评估建议、确定入围、采纳为办实事项目',
  'proposal:project:manage': '登记办实事项目实施节点与进展',
  'proposal:proposal:self': '本人提出办实事建议、附议、参加投票(移动端)',
  'news:article:list': '查看宣传稿件、审核队列与阅读量,导出',
  'news:article:write': '撰写、修改宣传稿件,上传封面,提交审核、撤回',
  'news:article:review': '审核下级工会(市总工会含本级)的宣传稿件:发布、退回,撤下已发布稿件',
  'news:feed:self': '阅读工会新闻(移动端)',
  'notice:notice:list': '查看本单位发文及下级单位发文(只读)、签收与报送情况,导出',
  'notice:notice:send': '起草、下发、撤回通知公告,催办,审核报送材料(接受、退回)',
  'notice:inbox:handle': '查看本单位收文,签收,报送材料',
  'joint:meeting:list': '查看政府与工会联席会议、议定事项与落实进展,导出',
  'joint:meeting:manage': '登记联席会议、议题与议定事项,关闭议定事项(督办单位)',
  'joint:commitment:report': '报告议定事项落实进展(工会责任单位)',
  'plan:plan:list': '查看年度工作总结与计划、重点任务、督办看板与会议筹备清单,导出',
  'plan:plan:manage': '编制年度工作计划(原则、重点任务、责任单位),关闭任务(督办单位)',
  'plan:task:report': '报告重点任务进展(责任单位)',
  'plan:checklist:manage': '编制会议筹备清单(全委会、职代会),勾选完成',
} as const;

export type PermissionCode = keyof typeof PERMISSIONS;
export type RoutePermission = PermissionCode | 'public' | 'authenticated';
export const ALL_PERMISSION_CODES = Object.keys(PERMISSIONS) as PermissionCode[];

export const DATA_SCOPES = ['all', 'custom', 'unit', 'unit_and_below', 'self'] as const;
export type DataScopeKind = (typeof DATA_SCOPES)[number];
export const DATA_SCOPE_LABELS: Record<DataScopeKind, string> = {
  all: '全部数据',
  custom: '指定组织及下级',
  unit: '本单位',
  unit_and_below: '本单位及下级',
  self: '仅本人',
};

export const PLATFORM_ROLE_CODES = ['sys_admin', 'security_admin', 'audit_admin'] as const;
export type PlatformRoleCode = (typeof PLATFORM_ROLE_CODES)[number];
export const BUSINESS_ROLE_CODES = ['city_admin', 'district_admin', 'street_admin', 'grassroots_admin', 'member'] as const;
export type BuiltinRoleCode = PlatformRoleCode | (typeof BUSINESS_ROLE_CODES)[number];

export interface BuiltinRoleDefinition {
  code: BuiltinRoleCode;
  name: string;
  kind: 'platform' | 'business';
  scope: DataScopeKind;
  mfaRequired: boolean;
  passwordExpires: boolean;
  permissions: PermissionCode[];
  description: string;
}

const BUSINESS_STAFF: PermissionCode[] = ['org:unit:list', 'job:job:read', 'dashboard:home:view'];
/** Members, enterprises and coverage, as every staff level works them (reveal and unmasked export are added per level). */
const REGISTRY_STAFF: PermissionCode[] = [
  'member:member:list', 'member:member:create', 'member:member:update', 'member:member:import', 'member:member:export',
  'member:transfer:list', 'member:transfer:create', 'member:transfer:approve',
  'enterprise:enterprise:list', 'enterprise:enterprise:create', 'enterprise:enterprise:update', 'enterprise:enterprise:import', 'enterprise:enterprise:export',
  'coverage:coverage:view',
];
/** 春风行动 and hardship households, as every staff level works them (disbursement and settings are added per level). */
const AID_STAFF: PermissionCode[] = [
  'aid:application:list', 'aid:application:create', 'aid:application:approve',
  'aid:household:list', 'aid:household:manage', 'aid:campaign:view',
];
/** Funds: who holds money (city and districts). */
/** Activities with limited places: every staff level runs its own and signs its members up (allocation is added where there are sub-orgs). */
const ACTIVITY_STAFF: PermissionCode[] = ['activity:activity:list', 'activity:activity:manage', 'activity:enrolment:manage', 'activity:checkin:scan'];
/** 疗休养: every staff level organises batches for its members and nominates them (bases, routes and the year's plan are the city's). */
const RECUPERATION_STAFF: PermissionCode[] = ['recuperation:batch:list', 'recuperation:batch:manage'];
/** 送温暖: city and districts draw up plans for their trees; every staff level records its visits. */
const CONDOLENCE_VISITS: PermissionCode[] = ['condolence:plan:list', 'condolence:visit:record', 'condolence:visit:list'];
const CONDOLENCE_PLANS: PermissionCode[] = [...CONDOLENCE_VISITS, 'condolence:plan:manage', 'condolence:plan:approve'];
/** 医疗互助: every staff level enrols its unions' members and files and reviews claims (the plan, payouts and reports are added per level). */
const MUTUAL_AID_STAFF: PermissionCode[] = ['mutual-aid:period:view', 'mutual-aid:enrolment:manage', 'mutual-aid:claim:list', 'mutual-aid:claim:create', 'mutual-aid:claim:approve'];
/** 职工之家: grassroots unions keep their own home and self-assess; street and district rate and review; the city confirms. */
const UNION_HOME_STAFF: PermissionCode[] = ['union-home:home:list', 'union-home:home:manage'];
const UNION_HOME_REVIEW: PermissionCode[] = ['union-home:home:list', 'union-home:assessment:review'];
/** 企业社会责任 / 和谐劳动关系: enterprise unions apply; street and district review; the district names its own, the city confirms. */
const CSR_STAFF: PermissionCode[] = ['csr:evaluation:list', 'csr:evaluation:manage'];
const CSR_REVIEW: PermissionCode[] = ['csr:evaluation:list', 'csr:evaluation:review'];
/** Competitions: every staff level runs its own and submits its participants' scores; grassroots units submit theirs. */
const COMPETITION_STAFF: PermissionCode[] = ['competition:campaign:list', 'competition:score:submit'];
const COMPETITION_ORGANISER: PermissionCode[] = [...COMPETITION_STAFF, 'competition:campaign:manage', 'competition:score:verify', 'competition:award:manage'];
/** 劳动法律监督 一函两书: the city's and districts' legal-work staff issue them and set their jurisdiction's reply periods. */
const LEGAL_STAFF: PermissionCode[] = ['legal:notice:list', 'legal:notice:manage', 'legal:settings:configure'];
/** 工资集体协商: every staff level records the contracts its unions negotiate. */
const WAGE_STAFF: PermissionCode[] = ['wage:contract:list', 'wage:contract:manage'];
/** 五小创新 and 合理化建议: every staff level files for its workers and reviews at its own level; 技能比武: every staff level organises its own. */
const INNOVATION_STAFF: PermissionCode[] = ['innovation:submission:list', 'innovation:submission:create', 'innovation:adoption:record', 'contest:contest:list', 'contest:contest:manage'];
/** 安全隐患随手拍: every staff level reviews, assigns, records and verifies the hazards its unions are responsible for. */
const HAZARD_STAFF: PermissionCode[] = ['hazard:report:list', 'hazard:report:review', 'hazard:report:rectify', 'hazard:report:verify'];
/** 维权 (欠薪 and labour disputes): the city and district unions take 12351 calls and handle the cases of their employers' locations. */
const RIGHTS_STAFF: PermissionCode[] = ['rights:case:list', 'rights:case:intake', 'rights:case:handle'];
/** 杭州工匠: the city runs the call, reviews, decides and approves; district/county and industry unions nominate; experts score. */
const CRAFTSMAN_NOMINATORS: PermissionCode[] = ['honours:craftsman:list', 'honours:craftsman:nominate'];
const CRAFTSMAN_CITY: PermissionCode[] = ['honours:craftsman:list', 'honours:craftsman-call:manage', 'honours:craftsman:approve', 'honours:craftsman:score'];
/** 劳模 registry and care: the city and the districts keep their 劳模, visit the elderly and apply for care-home places. */
const MODEL_WORKER_STAFF: PermissionCode[] = ['honours:model-worker:list', 'honours:model-worker:manage'];
/** 学习园地: every staff level builds courses, assigns them and follows completion in its subtree; cadres study what they are assigned. */
const LEARNING_STAFF: PermissionCode[] = ['learning:course:list', 'learning:course:manage', 'learning:assignment:manage', 'learning:study:self'];
/** 工会干部: each union keeps its committee, cadres and the training they attended. */
const CADRE_STAFF: PermissionCode[] = ['cadre:cadre:list', 'cadre:cadre:manage', 'cadre:committee:manage', 'cadre:training:manage'];
/** 宣传: every staff level writes its union's news; a union's articles are reviewed by its parent union (the city reviews its own). */
const NEWS_STAFF: PermissionCode[] = ['news:article:list', 'news:article:write'];
/** 通知公告: every staff level sends notices down its tree and receives, signs and answers those addressed to its union. */
const NOTICE_STAFF: PermissionCode[] = ['notice:notice:list', 'notice:notice:send', 'notice:inbox:handle'];
/** 办实事项目征集: every staff level reads and files for its unions; the city and districts moderate and run collections of their own (the city's is citywide). */
const PROPOSAL_STAFF: PermissionCode[] = ['proposal:proposal:list', 'proposal:proposal:file'];
const PROPOSAL_MODERATORS: PermissionCode[] = [...PROPOSAL_STAFF, 'proposal:proposal:moderate', 'proposal:project:manage', 'proposal:collection:manage'];
/** 满意不满意测评: the city and the districts organise campaigns; every union with a rated unit answers the reply requests. */
const RATING_STAFF: PermissionCode[] = ['rating:campaign:list', 'rating:campaign:manage', 'rating:invite:manage', 'rating:ballot:review', 'rating:reply:manage', 'notify:sms:list'];
/** 联席会议 and 年度计划/督办: the city and the districts hold meetings and issue plans (and report on what the level above gave them); streets report. */
const SUPERVISION_STAFF: PermissionCode[] = ['joint:meeting:list', 'joint:meeting:manage', 'joint:commitment:report', 'plan:plan:list', 'plan:plan:manage', 'plan:task:report', 'plan:checklist:manage'];
const SUPERVISION_REPORTERS: PermissionCode[] = ['joint:meeting:list', 'joint:commitment:report', 'plan:plan:list', 'plan:task:report'];
/** 会费、工会经费、预算: every union keeps its own dues, budget and spending; streets and above also follow their tree's reports and enterprises' contributions. */
const FINANCE_UNION: PermissionCode[] = ['finance:dues:list', 'finance:dues:manage', 'finance:contribution:list', 'finance:budget:list', 'finance:budget:manage'];
const FINANCE_TREE: PermissionCode[] = [...FINANCE_UNION, 'finance:contribution:manage', 'finance:report:view'];
/** 工作驾驶舱 and the annual report: the city, the districts and the streets see their tree's figures. */
const COCKPIT: PermissionCode[] = ['dashboard:cockpit:view', 'dashboard:report:export'];
const FUND_STAFF: PermissionCode[] = ['activity:subsidy:pay', 'aid:application:disburse', 'aid:donation:record', 'ledger:fund:list', 'ledger:fund:manage', 'ledger:payout:export', 'ledger:payout:confirm'];

export const BUILTIN_ROLES: readonly BuiltinRoleDefinition[] = [
  {
    code: 'sys_admin', name: '系统管理员', kind: 'platform', scope: 'all', mfaRequired: true, passwordExpires: true,
    permissions: ['system:user:list', 'system:user:create', 'system:user:update', 'system:role:list', 'org:unit:list', 'org:unit:create', 'org:unit:update', 'job:job:read'],
    description: '管理用户、组织树与系统配置;不能查阅审计日志,不能授予平台管理角色',
  },
  {
    code: 'security_admin', name: '安全管理员', kind: 'platform', scope: 'all', mfaRequired: true, passwordExpires: true,
    permissions: ['system:role:list', 'system:role:manage', 'system:user:list', 'system:user:grant-platform'],
    description: '定义角色、权限与数据范围,授予平台管理角色;不能新建用户,不能接触业务数据',
  },
  {
    code: 'audit_admin', name: '审计管理员', kind: 'platform', scope: 'all', mfaRequired: true, passwordExpires: true,
    permissions: ['audit:log:list', 'audit:log:verify'],
    description: '只能查阅和校验审计日志',
  },
  {
    code: 'city_admin', name: '市总工会管理员', kind: 'business', scope: 'all', mfaRequired: true, passwordExpires: true,
    permissions: [...COCKPIT, ...FINANCE_TREE, 'finance:settings:configure', ...SUPERVISION_STAFF, ...RATING_STAFF, ...PROPOSAL_MODERATORS, ...BUSINESS_STAFF, ...REGISTRY_STAFF, 'org:unit:create', 'org:unit:update', 'member:member:reveal', 'member:member:export-unmasked', 'enterprise:enterprise:review', 'coverage:settings:configure',
      ...AID_STAFF, ...FUND_STAFF, 'aid:campaign:manage', 'aid:settings:configure', ...ACTIVITY_STAFF, 'activity:quota:allocate', ...RECUPERATION_STAFF, 'recuperation:plan:manage', ...CONDOLENCE_PLANS, 'condolence:plan:override',
      ...MUTUAL_AID_STAFF, 'mutual-aid:period:manage', 'mutual-aid:claim:pay', 'mutual-aid:report:view',
      ...UNION_HOME_REVIEW, 'union-home:assessment:confirm', 'assessment:template:manage', ...CSR_REVIEW, 'csr:evaluation:confirm', ...COMPETITION_ORGANISER, ...CRAFTSMAN_CITY, ...MODEL_WORKER_STAFF, ...WAGE_STAFF, ...HAZARD_STAFF, ...INNOVATION_STAFF, 'innovation:review:city', ...LEGAL_STAFF, ...RIGHTS_STAFF, ...CADRE_STAFF, 'cadre:settings:configure', ...NEWS_STAFF, 'news:article:review', ...LEARNING_STAFF, ...NOTICE_STAFF],
    description: '市总工会工作人员:全市数据,终审,发布公示',
  },
  {
    code: 'district_admin', name: '区县(市)总工会管理员', kind: 'business', scope: 'unit_and_below', mfaRequired: false, passwordExpires: true,
    permissions: [...COCKPIT, ...FINANCE_TREE, ...SUPERVISION_STAFF, ...RATING_STAFF, ...PROPOSAL_MODERATORS, ...BUSINESS_STAFF, ...REGISTRY_STAFF, 'org:unit:create', 'org:unit:update', 'member:member:reveal', 'enterprise:enterprise:review', ...AID_STAFF, ...FUND_STAFF, ...ACTIVITY_STAFF, 'activity:quota:allocate', ...RECUPERATION_STAFF, ...CONDOLENCE_PLANS, ...MUTUAL_AID_STAFF, 'mutual-aid:report:view', ...UNION_HOME_REVIEW, ...CSR_REVIEW, 'csr:harmony:confirm-district', ...COMPETITION_ORGANISER, ...CRAFTSMAN_NOMINATORS, ...MODEL_WORKER_STAFF, ...WAGE_STAFF, ...HAZARD_STAFF, ...INNOVATION_STAFF, 'innovation:review:district', ...LEGAL_STAFF, ...RIGHTS_STAFF, ...CADRE_STAFF, ...NEWS_STAFF, 'news:article:review', ...LEARNING_STAFF, ...NOTICE_STAFF],
    description: '区县(市)总工会工作人员:本区县及下级数据,复审,分配名额',
  },
  {
    code: 'street_admin', name: '街道(乡镇)/产业工会管理员', kind: 'business', scope: 'unit_and_below', mfaRequired: false, passwordExpires: true,
    permissions: [...COCKPIT, ...FINANCE_TREE, ...SUPERVISION_REPORTERS, 'rating:reply:manage', ...PROPOSAL_STAFF, ...BUSINESS_STAFF, ...REGISTRY_STAFF, 'org:unit:create', 'org:unit:update', ...AID_STAFF, ...ACTIVITY_STAFF, 'activity:quota:allocate', ...RECUPERATION_STAFF, ...CONDOLENCE_VISITS, ...MUTUAL_AID_STAFF, 'mutual-aid:report:view', ...UNION_HOME_REVIEW, ...CSR_REVIEW, ...COMPETITION_ORGANISER, ...CRAFTSMAN_NOMINATORS, ...WAGE_STAFF, ...HAZARD_STAFF, ...INNOVATION_STAFF, ...CADRE_STAFF, ...NEWS_STAFF, 'news:article:review', ...LEARNING_STAFF, ...NOTICE_STAFF],
    description: '街道、乡镇总工会或产业工会工作人员:本单位及下级数据,一线审核,组建工会',
  },
  {
    code: 'grassroots_admin', name: '基层工会管理员', kind: 'business', scope: 'unit', mfaRequired: false, passwordExpires: true,
    permissions: [...FINANCE_UNION, 'rating:reply:manage', ...PROPOSAL_STAFF, ...BUSINESS_STAFF, ...REGISTRY_STAFF, ...AID_STAFF, ...ACTIVITY_STAFF, ...RECUPERATION_STAFF, ...CONDOLENCE_VISITS, ...MUTUAL_AID_STAFF, ...UNION_HOME_STAFF, ...CSR_STAFF, ...COMPETITION_STAFF, ...WAGE_STAFF, ...HAZARD_STAFF, ...INNOVATION_STAFF, 'innovation:review:grassroots', ...CADRE_STAFF, ...NEWS_STAFF, ...LEARNING_STAFF, ...NOTICE_STAFF],
    description: '基层工会主席或干事:本单位会员、申请与职工之家',
  },
  {
    code: 'member', name: '职工会员', kind: 'business', scope: 'self', mfaRequired: false, passwordExpires: false,
    permissions: ['finance:dues:self', 'rating:ballot:self', 'proposal:proposal:self', 'job:job:read', 'aid:application:apply', 'activity:signup:self', 'member:profile:self', 'mutual-aid:claim:self', 'hazard:report:self', 'innovation:submission:self', 'rights:case:self', 'news:feed:self', 'learning:study:self'],
    description: '会员本人:报名、申请、投票、建议、随手拍(移动端)',
  },
];

export function builtinRole(code: string): BuiltinRoleDefinition | undefined {
  return BUILTIN_ROLES.find((r) => r.code === code);
}
