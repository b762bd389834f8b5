import type { ReactNode } from 'react';
import type { PermissionCode } from '@gonghui/contracts';
import {
  AccountBookOutlined,
  CalculatorOutlined,
  FundProjectionScreenOutlined,
  MoneyCollectOutlined,
  ReconciliationOutlined,
  WalletOutlined,
  AlertOutlined,
  CustomerServiceOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  BulbOutlined,
  CalendarOutlined,
  CameraOutlined,
  CarryOutOutlined,
  CoffeeOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FireOutlined,
  FundOutlined,
  HeartOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  EnvironmentOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ReadOutlined,
  FormOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ScanOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  TransactionOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';

export interface MenuEntry {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to users holding this code; no code: every staff user. */
  permission?: PermissionCode;
  description: string;
}

export interface MenuSection {
  key: string;
  label: string;
  icon: ReactNode;
  entries: MenuEntry[];
}

export const DASHBOARD_ENTRY: MenuEntry = {
  key: 'dashboard',
  path: '/',
  label: '工作台',
  icon: <DashboardOutlined />,
  description: '待办与快捷入口',
};

/** Business modules: top-level entries right after 工作台, in working order. */
export const MODULE_ENTRIES: MenuEntry[] = [
  { key: 'cockpit', path: '/cockpit', label: '工作驾驶舱', icon: <FundProjectionScreenOutlined />, permission: 'dashboard:cockpit:view', description: '本级及下级的年度工作数据:组织覆盖、职工之家、帮扶、活动、维权、满意度,同比、逐级下钻、年度统计导出' },
  { key: 'coverage', path: '/coverage', label: '组织覆盖', icon: <PieChartOutlined />, permission: 'coverage:coverage:view', description: '建会率、入会率,逐级下钻' },
  { key: 'enterprises', path: '/enterprises', label: '企业与建会', icon: <BankOutlined />, permission: 'enterprise:enterprise:list', description: '企业名录、未建会企业、代码核实' },
  { key: 'members', path: '/members', label: '会员管理', icon: <IdcardOutlined />, permission: 'member:member:list', description: '会员实名登记、查询、导入导出' },
  { key: 'member-transfers', path: '/member-transfers', label: '会员接转', icon: <SwapOutlined />, permission: 'member:transfer:list', description: '会员关系转入、转出与审批' },
  { key: 'union-homes', path: '/union-homes', label: '职工之家', icon: <ShopOutlined />, permission: 'union-home:home:list', description: '职工之家档案,"五有"考评:自评、评分、确认等级,待复评与各区县等级分布' },
  { key: 'csr', path: '/csr', label: '社会责任与和谐劳动关系', icon: <SafetyCertificateOutlined />, permission: 'csr:evaluation:list', description: '企业社会责任五维评价,区级、市级和谐劳动关系企业创建与年度公布名单' },
  { key: 'competitions', path: '/competitions', label: '劳动竞赛', icon: <TrophyOutlined />, permission: 'competition:campaign:list', description: '劳动竞赛、立功竞赛:指标与权重、阶段得分与佐证、排名、表彰与荣誉证书' },
  { key: 'wage-contracts', path: '/wage-contracts', label: '工资集体协商', icon: <FileDoneOutlined />, permission: 'wage:contract:list', description: '集体合同台账:协商、职代会表决、备案、续签提醒,覆盖率对照80%/90%目标' },
  { key: 'joint-meetings', path: '/joint-meetings', label: '政府与工会联席会议', icon: <TeamOutlined />, permission: 'joint:meeting:list', description: '联席会议、议题与议定事项:政府责任部门、工会责任单位、完成时限,进展报告、临期提醒、逾期督办,年度落实情况公开' },
  { key: 'work-plans', path: '/work-plans', label: '年度工作计划', icon: <ScheduleOutlined />, permission: 'plan:plan:list', description: '年度工作总结与计划:指导原则、重点任务分解到责任单位,进展报告与导出' },
  { key: 'supervision', path: '/supervision', label: '督办看板', icon: <AlertOutlined />, permission: 'plan:plan:list', description: '逾期、临期、正常推进的议定事项和重点任务,按责任单位统计' },
  { key: 'meeting-checklists', path: '/meeting-checklists', label: '会议筹备清单', icon: <UnorderedListOutlined />, permission: 'plan:plan:list', description: '全委会、职代会筹备事项:按模板生成,责任人、完成日期,逐项勾选' },
  { key: 'legal-supervision', path: '/legal-supervision', label: '劳动法律监督', icon: <AuditOutlined />, permission: 'legal:notice:list', description: '“一函两书”:提示函、意见书、建议书按模板起草、签发、送达、回复整改、逾期升级,企业监督记录' },
  { key: 'legal-supervision-settings', path: '/legal-supervision/settings', label: '法律监督期限设置', icon: <SettingOutlined />, permission: 'legal:settings:configure', description: '各辖区“一函两书”回复期限(工作日)与文号前缀' },
  { key: 'hazards', path: '/hazards', label: '安全隐患随手拍', icon: <CameraOutlined />, permission: 'hazard:report:list', description: '职工随手拍上报的安全隐患:审核定级、交办整改(工作日期限)、整改验收、销号,逾期提醒,导出Excel' },
  { key: 'hazard-stats', path: '/hazards/stats', label: '隐患统计', icon: <BarChartOutlined />, permission: 'hazard:report:list', description: '按区县(市)与隐患等级统计上报、受理、整改与逾期' },
  { key: 'rights-cases', path: '/rights', label: '维权案件', icon: <CustomerServiceOutlined />, permission: 'rights:case:list', description: '12351热线与职工网上维权求助:按用人单位所在地分派,工作日时限受理、调解、法律援助转介、结案追回金额,超期督办,导出Excel' },
  { key: 'rights-campaign', path: '/rights/campaign', label: '春节前欠薪专项', icon: <AlertOutlined />, permission: 'rights:case:list', description: '春节前两个月在办欠薪案件、涉及人数、诉求与追回金额,按区县(市)汇总' },
  { key: 'learning', path: '/learning', label: '学习园地', icon: <ReadOutlined />, permission: 'learning:course:list', description: '学习课程(图文课、链接、文档与测验):发布、指派给会员或工会干部并设截止日期,到期前提醒' },
  { key: 'learning-stats', path: '/learning/stats', label: '学习完成统计', icon: <BarChartOutlined />, permission: 'learning:course:list', description: '各课程按组织逐级统计指派、开始、完成、测验通过与平均分,导出Excel' },
];

/** The admin menu's groups (after the module entries); built per user from their permission codes (the server enforces the same codes). */
export const MENU_SECTIONS: MenuSection[] = [
  {
    key: 'aid',
    label: '春风行动',
    icon: <GiftOutlined />,
    entries: [
      { key: 'aid-campaigns', path: '/aid/campaigns', label: '年度活动', icon: <FireOutlined />, permission: 'aid:campaign:view', description: '年度春风行动:救助范围、区县目标、捐款登记与进度看板' },
      { key: 'aid-applications', path: '/aid/applications', label: '帮扶申请', icon: <SolutionOutlined />, permission: 'aid:application:list', description: '困难职工帮扶申请、逐级审核、入户调查与发放' },
      { key: 'aid-households', path: '/aid/households', label: '困难职工档案', icon: <HomeOutlined />, permission: 'aid:household:list', description: '困难职工家庭建档、年度复核与退出,低保标准' },
      { key: 'aid-publicity', path: '/aid/publicity', label: '公示管理', icon: <NotificationOutlined />, permission: 'aid:application:list', description: '公示中的帮扶、公示期满处理、审批金额与公示天数' },
    ],
  },
  {
    key: 'activity',
    label: '会员活动',
    icon: <CalendarOutlined />,
    entries: [
      { key: 'activities', path: '/activities', label: '活动报名', icon: <CarryOutOutlined />, permission: 'activity:activity:list', description: '平安返乡、小候鸟暑期班、集体婚礼、圆梦计划等限额活动:发布、名额分配、抽签与报名名单' },
      { key: 'activities-check-in', path: '/activities/check-in', label: '扫码签到', icon: <ScanOutlined />, permission: 'activity:checkin:scan', description: '扫描会员的签到二维码,现场签到' },
    ],
  },
  {
    key: 'recuperation',
    label: '疗休养',
    icon: <CoffeeOutlined />,
    entries: [
      { key: 'recuperation-batches', path: '/recuperation', label: '疗休养批次', icon: <CalendarOutlined />, permission: 'recuperation:batch:list', description: '职工疗休养批次:新建、发布、名额分配、推荐参加与报名名单' },
      { key: 'recuperation-catalogue', path: '/recuperation/catalogue', label: '基地与线路', icon: <EnvironmentOutlined />, permission: 'recuperation:batch:list', description: '疗休养基地、线路(含路途不超过5天,每人每天不超过600元)与年度计划' },
      { key: 'recuperation-rested', path: '/recuperation/rested', label: '已疗休养人员', icon: <TrophyOutlined />, permission: 'recuperation:batch:list', description: '本年度已疗休养人员名单、费用统计与导出' },
    ],
  },
  {
    key: 'condolence',
    label: '送温暖',
    icon: <HeartOutlined />,
    entries: [
      { key: 'condolence-plans', path: '/condolences', label: '送温暖计划', icon: <ScheduleOutlined />, permission: 'condolence:plan:list', description: '春节送温暖、夏季送清凉等慰问计划:类别与标准(只做加法)、审批、覆盖情况与登记慰问' },
      { key: 'condolence-visits', path: '/condolences/visits', label: '慰问名单', icon: <UnorderedListOutlined />, permission: 'condolence:visit:list', description: '已慰问人员名单、慰问品与慰问金,导出Excel' },
    ],
  },
  {
    key: 'mutual-aid',
    label: '医疗互助',
    icon: <MedicineBoxOutlined />,
    entries: [
      { key: 'mutual-aid-claims', path: '/mutual-aid/claims', label: '互助申请', icon: <FileDoneOutlined />, permission: 'mutual-aid:claim:list', description: '会员医疗互助补助申请:为他人申请、逐级审核、核算说明与支付' },
      { key: 'mutual-aid-enrolment', path: '/mutual-aid/enrolment', label: '团体参保', icon: <TeamOutlined />, permission: 'mutual-aid:enrolment:manage', description: '基层工会为在册会员团体参保、登记缴费收据、离会退出与名单导出' },
      { key: 'mutual-aid-periods', path: '/mutual-aid/periods', label: '年度方案', icon: <ProfileOutlined />, permission: 'mutual-aid:period:view', description: '保障年度、参保截止日与逾期规则,各保障项目的比例、起付线、限额与缴费' },
      { key: 'mutual-aid-reports', path: '/mutual-aid/reports', label: '互助统计', icon: <BarChartOutlined />, permission: 'mutual-aid:report:view', description: '医疗互助资金余额,各区县(市)按保障项目的申请与支付统计,导出Excel' },
    ],
  },
  {
    key: 'honours',
    label: '荣誉与创新',
    icon: <TrophyOutlined />,
    entries: [
      { key: 'model-workers', path: '/honours/model-workers', label: '劳模名册', icon: <IdcardOutlined />, permission: 'honours:model-worker:list', description: '全国、省、市、区县(市)劳模与五一劳动奖章获得者:荣誉、在世与退休、会员关联,导出Excel' },
      { key: 'model-worker-care', path: '/honours/model-worker-care', label: '老劳模关爱', icon: <HeartOutlined />, permission: 'honours:model-worker:list', description: '75岁以上、鳏寡独居老劳模名单与各区县统计,走访慰问,公益性养老机构优先入住申请' },
      { key: 'craftsman-calls', path: '/honours/craftsman', label: '杭州工匠评选', icon: <StarOutlined />, permission: 'honours:craftsman:list', description: '年度“杭州工匠”评选:名额与推荐单位配额、综合评审排名' },
      { key: 'craftsman-nominations', path: '/honours/craftsman/nominations', label: '杭州工匠推荐', icon: <SolutionOutlined />, permission: 'honours:craftsman:list', description: '推荐候选人(资格逐项核验)、推荐材料、专家评分、领导小组审定、公示、市政府批准、奖励与D类人才证书' },
      { key: 'craftsman-register', path: '/honours/craftsman/register', label: '杭州工匠名录', icon: <UnorderedListOutlined />, permission: 'honours:craftsman:list', description: '历年经批准的杭州工匠与提名奖名录,导出Excel' },
      { key: 'innovations', path: '/innovations', label: '职工创新', icon: <BulbOutlined />, permission: 'innovation:submission:list', description: '“五小”创新与合理化建议:逐级审核、市级认定、采纳与创效、奖励发放、成果证书' },
      { key: 'skill-contests', path: '/skill-contests', label: '技能比武', icon: <ToolOutlined />, permission: 'contest:contest:list', description: '技能比武与会员成绩,按成绩晋升技能等级' },
    ],
  },
  {
    key: 'proposals',
    label: '办实事项目',
    icon: <CarryOutOutlined />,
    entries: [
      { key: 'proposal-collections', path: '/proposals/collections', label: '办实事项目征集', icon: <BulbOutlined />, permission: 'proposal:proposal:list', description: '年度为职工办实事项目征集:职工与单位建议、审核、相似建议合并、可行性评估、入围与投票、采纳、实施节点与进度、结果公示' },
    ],
  },
  {
    key: 'ratings',
    label: '满意度测评',
    icon: <PieChartOutlined />,
    entries: [
      { key: 'rating-campaigns', path: '/ratings', label: '满意不满意单位评选', icon: <PieChartOutlined />, permission: 'rating:campaign:list', description: '满意不满意单位评选:被测评单位、测评群体与权重、短信测评码、答卷与异常标记、结果排名与导出、发布' },
      { key: 'rating-replies', path: '/ratings/replies', label: '测评意见答复', icon: <CustomerServiceOutlined />, permission: 'rating:reply:manage', description: '测评人要求回复的意见:被测评单位查看并答复' },
      { key: 'sms-outbox', path: '/ratings/sms-outbox', label: '短信发送队列', icon: <NotificationOutlined />, permission: 'notify:sms:list', description: '待发送与已发送的短信(号码与内容脱敏)' },
    ],
  },
  {
    key: 'notices',
    label: '通知公告',
    icon: <NotificationOutlined />,
    entries: [
      { key: 'notice-inbox', path: '/notice-inbox', label: '收文', icon: <FileDoneOutlined />, permission: 'notice:inbox:handle', description: '上级发给本单位的通知:阅读、签收、报送材料,未读、未签收、逾期筛选' },
      { key: 'notices-sent', path: '/notices', label: '发文管理', icon: <FormOutlined />, permission: 'notice:notice:list', description: '向下级组织下发通知、通报、函、会议通知:下发范围、签收期限、报送材料,签收矩阵、催办、导出' },
    ],
  },
  {
    key: 'news',
    label: '宣传',
    icon: <ReadOutlined />,
    entries: [
      { key: 'news-articles', path: '/news', label: '宣传稿件', icon: <FormOutlined />, permission: 'news:article:list', description: '工作动态、基层风采、劳模故事、工匠风采、维权在线、政策解读:撰写、上级工会审核发布、撤下、阅读量与导出' },
      { key: 'news-review', path: '/news/review', label: '稿件审核', icon: <AuditOutlined />, permission: 'news:article:review', description: '下级工会(市总工会含本级)提交的稿件:审核发布或退回' },
    ],
  },
  {
    key: 'cadres',
    label: '工会干部',
    icon: <IdcardOutlined />,
    entries: [
      { key: 'cadre-register', path: '/cadres', label: '干部名册', icon: <IdcardOutlined />, permission: 'cadre:cadre:list', description: '主席、副主席、经审委与女职委负责人、委员:专职/兼职、届次、任职与离任,身份证脱敏,导出Excel' },
      { key: 'cadre-committees', path: '/cadres/committees', label: '委员会与换届', icon: <ApartmentOutlined />, permission: 'cadre:cadre:list', description: '各工会本届委员会、届期与历届,办理换届' },
      { key: 'cadre-due', path: '/cadres/committees/due', label: '换届提醒', icon: <AlertOutlined />, permission: 'cadre:cadre:list', description: '即将届满与届满未换届的工会,按区县(市)' },
      { key: 'cadre-trainings', path: '/cadres/trainings', label: '干部培训', icon: <ReadOutlined />, permission: 'cadre:cadre:list', description: '培训班登记、批量签到与学时认定' },
      { key: 'cadre-stats', path: '/cadres/statistics', label: '学时统计', icon: <BarChartOutlined />, permission: 'cadre:cadre:list', description: '各工会干部人数、专职/兼职、年度学时与达标比例,学时目标设置' },
    ],
  },
  {
    key: 'finance',
    label: '会费与经费',
    icon: <WalletOutlined />,
    entries: [
      { key: 'dues-bases', path: '/finance/dues/bases', label: '会费核定', icon: <CalculatorOutlined />, permission: 'finance:dues:list', description: '会员工资基数(按单位类型计入的工资项目)、月缴会费核定与减免' },
      { key: 'dues-batches', path: '/finance/dues/batches', label: '会费收缴', icon: <MoneyCollectOutlined />, permission: 'finance:dues:list', description: '按月登记代扣或现金收缴批次,确认后入本会经费账户' },
      { key: 'dues-arrears', path: '/finance/dues/arrears', label: '会费欠缴', icon: <AlertOutlined />, permission: 'finance:dues:list', description: '按会员、按工会统计欠缴月份与金额' },
      { key: 'dues-report', path: '/finance/dues/report', label: '会费收缴报表', icon: <BarChartOutlined />, permission: 'finance:report:view', description: '按区县(市)和月份统计应缴、实缴、欠缴,导出Excel' },
      { key: 'contributions', path: '/finance/contributions', label: '经费拨缴', icon: <ReconciliationOutlined />, permission: 'finance:contribution:list', description: '企业按月申报工资总额,2%工会经费计算、分成入账、欠缴与催缴' },
      { key: 'contribution-report', path: '/finance/contributions/report', label: '经费拨缴报表', icon: <BarChartOutlined />, permission: 'finance:report:view', description: '按区县(市)和月份统计应拨、实拨、欠拨与分成,导出Excel' },
      { key: 'finance-settings', path: '/finance/settings', label: '经费分成设置', icon: <SettingOutlined />, permission: 'finance:settings:configure', description: '工会经费在基层工会与上级工会之间的分成比例、会费口径' },
      { key: 'budgets', path: '/finance/budgets', label: '预算与支出', icon: <FundOutlined />, permission: 'finance:budget:list', description: '年度预算(职工活动、维权、帮扶、职工之家建设……)、支出登记与凭证、余额与超支提醒' },
      { key: 'budget-report', path: '/finance/budgets/report', label: '预算执行报表', icon: <BarChartOutlined />, permission: 'finance:report:view', description: '各工会各类预算与支出、执行率,导出Excel' },
    ],
  },
  {
    key: 'ledger',
    label: '资金管理',
    icon: <AccountBookOutlined />,
    entries: [
      { key: 'funds', path: '/funds', label: '资金台账', icon: <FundOutlined />, permission: 'ledger:fund:list', description: '资金来源、年度预算、收入入账与收支台账' },
      { key: 'payout-batches', path: '/payout-batches', label: '代发批次', icon: <TransactionOutlined />, permission: 'ledger:fund:list', description: '银行代发批次的生成、下载与支付确认' },
    ],
  },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    entries: [
      { key: 'system-orgs', path: '/system/orgs', label: '组织机构', icon: <ApartmentOutlined />, permission: 'org:unit:list', description: '工会组织树、组织信息与调整' },
      { key: 'system-users', path: '/system/users', label: '用户管理', icon: <TeamOutlined />, permission: 'system:user:list', description: '账号、角色、停用、重置密码' },
      { key: 'system-roles', path: '/system/roles', label: '角色权限', icon: <SafetyCertificateOutlined />, permission: 'system:role:list', description: '角色、权限与数据范围' },
      { key: 'system-audit', path: '/system/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:log:list', description: '操作记录查询与日志链校验' },
    ],
  },
];

const allowed = (permissions: readonly string[]) => (e: MenuEntry) => !e.permission || permissions.includes(e.permission);

export function visibleModuleEntries(permissions: readonly string[]): MenuEntry[] {
  return MODULE_ENTRIES.filter(allowed(permissions));
}

export function visibleSections(permissions: readonly string[]): MenuSection[] {
  return MENU_SECTIONS.map((section) => ({
    ...section,
    entries: section.entries.filter(allowed(permissions)),
  })).filter((section) => section.entries.length > 0);
}

export function allEntries(): MenuEntry[] {
  return [DASHBOARD_ENTRY, ...MODULE_ENTRIES, ...MENU_SECTIONS.flatMap((s) => s.entries)];
}

/** Every entry this user may open (module entries, then the groups' entries), for quick links. */
export function visibleEntries(permissions: readonly string[]): MenuEntry[] {
  return [...visibleModuleEntries(permissions), ...visibleSections(permissions).flatMap((s) => s.entries)];
}

/** The menu entry a location belongs to (longest matching path). */
export function entryForPath(pathname: string): MenuEntry | undefined {
  return allEntries()
    .filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
