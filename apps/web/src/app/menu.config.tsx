import type { ReactNode } from 'react';
import type { PermissionCode } from '@gonghui/contracts';
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  CalendarOutlined,
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
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ScanOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
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
  { key: 'coverage', path: '/coverage', label: '组织覆盖', icon: <PieChartOutlined />, permission: 'coverage:coverage:view', description: '建会率、入会率,逐级下钻' },
  { key: 'enterprises', path: '/enterprises', label: '企业与建会', icon: <BankOutlined />, permission: 'enterprise:enterprise:list', description: '企业名录、未建会企业、代码核实' },
  { key: 'members', path: '/members', label: '会员管理', icon: <IdcardOutlined />, permission: 'member:member:list', description: '会员实名登记、查询、导入导出' },
  { key: 'member-transfers', path: '/member-transfers', label: '会员接转', icon: <SwapOutlined />, permission: 'member:transfer:list', description: '会员关系转入、转出与审批' },
  { key: 'union-homes', path: '/union-homes', label: '职工之家', icon: <ShopOutlined />, permission: 'union-home:home:list', description: '职工之家档案,"五有"考评:自评、评分、确认等级,待复评与各区县等级分布' },
  { key: 'csr', path: '/csr', label: '社会责任与和谐劳动关系', icon: <SafetyCertificateOutlined />, permission: 'csr:evaluation:list', description: '企业社会责任五维评价,区级、市级和谐劳动关系企业创建与年度公布名单' },
  { key: 'competitions', path: '/competitions', label: '劳动竞赛', icon: <TrophyOutlined />, permission: 'competition:campaign:list', description: '劳动竞赛、立功竞赛:指标与权重、阶段得分与佐证、排名、表彰与荣誉证书' },
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
