import type { InnovationKind, SkillContestLevel } from '@gonghui/contracts';

/** Where a demo innovation stands: the review step it waits at, or how far it went after. */
export type DemoState = 'draft' | 'grassroots' | 'returned' | 'district' | 'city' | 'recognised' | 'adopted' | 'rewarded' | 'rejected';

export interface DemoInnovation {
  union: string;
  kind: InnovationKind;
  title: string;
  problem: string;
  proposal: string;
  state: DemoState;
  /** 核定年创效 (万元) when adopted */
  valueWan?: number;
  /** the reward (元) when paid */
  rewardYuan?: number;
  team?: string[];
  /** filed by the demo worker on the phone */
  byWorker?: boolean;
}

const HB = '杭州湖滨文旅发展有限公司工会';
const YA = '杭州延安路商业管理有限公司工会';
const XY = '杭州小营数字服务有限公司工会';
const QB = '杭州清波丝绸文化有限公司工会';
const WJ = '杭州望江建设工程有限公司工会';
const YH = '杭州运河物流有限公司工会';
const XX = '杭州西溪数智科技股份有限公司工会';
const LJ = '杭州龙井茶业有限公司工会';
const BJ = '杭州滨江云计算有限公司工会';
const XS = '杭州萧山汽车零部件有限公司工会';
const FC = '杭州富春江造纸有限公司工会';
const LA = '杭州临安山核桃食品有限公司工会';
const LP = '杭州临平家纺有限公司工会';
const QT = '杭州钱塘生物医药有限公司工会';
const QD = '淳安千岛湖旅游发展有限公司工会';
const JD = '建德新安江水泥有限公司工会';

/** ~40 五小 and 合理化建议 of Hangzhou workers, in every state of their review. */
export const DEMO_INNOVATIONS: DemoInnovation[] = [
  { union: HB, kind: 'suggestion', title: '西湖游船码头错峰候船提示建议', problem: '节假日断桥码头候船排队超过一小时,游客投诉多', proposal: '在公众号和码头屏幕实时显示各码头候船人数,引导游客错峰前往', state: 'grassroots', byWorker: true },
  { union: HB, kind: 'renovation', title: '景区电瓶车充电桩防雨罩改进', problem: '雨天充电桩进水跳闸,电瓶车无法按时出车', proposal: '加装可翻转不锈钢防雨罩和排水槽,充电口朝下安装', state: 'returned', byWorker: true },
  { union: HB, kind: 'invention', title: '游船缆绳快速系泊钩', problem: '游船靠岸系缆需两人配合,大风天存在落水风险', proposal: '设计带弹簧锁舌的快速系泊钩,一人即可完成系泊', state: 'rewarded', valueWan: 18.6, rewardYuan: 3000, byWorker: true },
  { union: HB, kind: 'rationalisation', title: '游客服务中心失物招领线上登记', problem: '失物登记靠纸质台账,游客查询需电话反复确认', proposal: '建立线上失物登记和扫码认领流程,照片留档', state: 'recognised' },
  { union: YA, kind: 'design', title: '延安路商圈导视牌多语种改版设计', problem: '原导视牌只有中英文,亚运后外籍游客增多', proposal: '重新设计导视牌版式,增加日韩文和二维码语音导览', state: 'adopted', valueWan: 6.2 },
  { union: YA, kind: 'suggestion', title: '商场夜间照明分区控制建议', problem: '闭店后公共区域照明全开,电费支出大', proposal: '按安保巡逻路线分区控制照明,其余区域自动关闭', state: 'district' },
  { union: YA, kind: 'renovation', title: '自动扶梯梳齿板异物检测改造', problem: '梳齿板卡入异物时扶梯不能及时停梯', proposal: '加装红外异物检测和联动停梯装置', state: 'city' },
  { union: XY, kind: 'creation', title: '机房巡检机器人温湿度告警联动', problem: '人工巡检每两小时一次,夜间故障发现不及时', proposal: '巡检机器人采集温湿度异常时自动推送告警并联动空调', state: 'rewarded', valueWan: 42.5, rewardYuan: 5000, team: ['运维一班'] },
  { union: XY, kind: 'rationalisation', title: '工单系统自动派单规则优化', problem: '报修工单人工分派,高峰期积压', proposal: '按技能标签和距离自动派单,超时自动升级', state: 'grassroots' },
  { union: QB, kind: 'renovation', title: '丝绸织机断经自动停机装置', problem: '断经后织机继续运转,产生大量次品', proposal: '在经轴加装断经感应片,断经即停机并亮灯', state: 'adopted', valueWan: 23.8 },
  { union: QB, kind: 'design', title: '真丝围巾包装盒可回收设计', problem: '原包装盒内衬为塑料,不符合环保要求', proposal: '改为一体折叠纸盒,内衬使用再生纸浆模塑', state: 'recognised' },
  { union: QB, kind: 'suggestion', title: '染色车间废水余热回收建议', problem: '染色废水温度达60度直接排放,能源浪费', proposal: '增设板式换热器预热进水', state: 'rejected' },
  { union: WJ, kind: 'invention', title: '钢筋笼定位卡具', problem: '钻孔灌注桩钢筋笼下放时偏位,保护层厚度不合格', proposal: '制作可调节定位卡具,下放过程自动居中', state: 'rewarded', valueWan: 56.0, rewardYuan: 8000, team: ['桩基施工班'] },
  { union: WJ, kind: 'renovation', title: '塔吊吊钩可视化改造', problem: '塔吊司机视线盲区大,吊装依赖指挥口令', proposal: '吊钩加装摄像头,驾驶室显示实时画面', state: 'city' },
  { union: WJ, kind: 'rationalisation', title: '工地临时用电巡检表电子化', problem: '纸质巡检表易丢失,隐患整改不闭环', proposal: '扫码巡检,隐患拍照上传并跟踪整改', state: 'draft' },
  { union: YH, kind: 'rationalisation', title: '分拣中心夜班波次合并建议', problem: '夜班小波次多,分拣线频繁启停', proposal: '按线路合并波次,减少启停次数', state: 'adopted', valueWan: 31.4 },
  { union: YH, kind: 'creation', title: '托盘防滑垫回收再利用', problem: '破损防滑垫整块报废,耗材费用高', proposal: '裁切破损垫重新拼接用于小托盘', state: 'returned' },
  { union: YH, kind: 'suggestion', title: '货车司机休息室预约建议', problem: '夜间到站司机无处休息,疲劳驾驶风险大', proposal: '开放休息室线上预约,配热水和充电', state: 'grassroots' },
  { union: XX, kind: 'invention', title: '代码评审自动检查敏感信息工具', problem: '代码提交中偶有密钥明文,人工评审难以发现', proposal: '开发提交前自动扫描工具,命中即阻止提交', state: 'recognised', team: ['研发一组'] },
  { union: XX, kind: 'design', title: '工位显示器支架共享设计', problem: '轮岗工位显示器高度不可调,职工颈椎不适', proposal: '设计快拆式可调支架,随人移动', state: 'district' },
  { union: XX, kind: 'rationalisation', title: '测试环境夜间自动关机建议', problem: '测试云主机夜间空转,费用高', proposal: '按标签夜间自动关机,早上自动开机', state: 'adopted', valueWan: 12.9 },
  { union: LJ, kind: 'renovation', title: '龙井茶炒锅温控改造', problem: '手工炒茶锅温凭经验控制,品质不稳', proposal: '加装数显温控和超温报警', state: 'rewarded', valueWan: 15.3, rewardYuan: 2000 },
  { union: LJ, kind: 'suggestion', title: '茶园采摘工人遮阳休息棚建议', problem: '采摘季高温,采茶工中暑风险高', proposal: '在茶园主干道设置移动遮阳棚和饮水点', state: 'city' },
  { union: BJ, kind: 'creation', title: '数据中心冷通道封闭改造', problem: '冷热气流混合,制冷能耗高', proposal: '采用阻燃帘封闭冷通道,调整送风量', state: 'adopted', valueWan: 88.0 },
  { union: BJ, kind: 'rationalisation', title: '值班交接电子看板', problem: '交接靠口头和纸条,遗漏事项多', proposal: '交接事项上电子看板,接班人逐项确认', state: 'rejected' },
  { union: XS, kind: 'invention', title: '总装线螺栓拧紧防漏装置', problem: '人工拧紧偶有漏拧,出厂检验返工', proposal: '拧紧枪与工位计数器联动,未拧够不放行', state: 'rewarded', valueWan: 64.7, rewardYuan: 10000, team: ['总装班'] },
  { union: XS, kind: 'renovation', title: '冲压模具快速换模台车', problem: '换模一次四十分钟,设备利用率低', proposal: '制作带滚轮定位的换模台车', state: 'recognised' },
  { union: XS, kind: 'design', title: '零部件周转箱通用化设计', problem: '周转箱规格多达十七种,混用易磕碰', proposal: '统一为三种规格,内衬可调隔板', state: 'grassroots' },
  { union: FC, kind: 'renovation', title: '造纸机真空泵节水改造', problem: '真空泵密封水直排,每日耗水量大', proposal: '密封水经过滤后循环使用', state: 'adopted', valueWan: 27.5 },
  { union: FC, kind: 'suggestion', title: '原料堆场喷淋降尘建议', problem: '刮风天堆场扬尘大,周边居民投诉', proposal: '加装定时雾化喷淋', state: 'district' },
  { union: LA, kind: 'creation', title: '山核桃破壳机进料口改进', problem: '进料不均导致破壳率低、碎仁多', proposal: '增加振动均料板和分级筛', state: 'returned' },
  { union: LA, kind: 'rationalisation', title: '电商包装线称重复核', problem: '包装净重偏差引起客户投诉', proposal: '封箱前自动称重,偏差超限报警', state: 'recognised' },
  { union: LP, kind: 'renovation', title: '家纺缝纫机吸线头装置', problem: '线头散落,成品需人工二次清理', proposal: '缝纫机加装负压吸线头装置', state: 'adopted', valueWan: 9.8 },
  { union: LP, kind: 'suggestion', title: '车间高温时段调整作息建议', problem: '夏季午后车间温度高,效率下降', proposal: '夏季提前上班,午间延长休息', state: 'rejected' },
  { union: QT, kind: 'invention', title: '洁净区物料传递窗互锁改进', problem: '传递窗两侧门可同时开启,洁净度受影响', proposal: '加装电子互锁和紫外消毒计时', state: 'city', team: ['无菌制剂班'] },
  { union: QT, kind: 'design', title: '实验记录模板标准化设计', problem: '各实验室记录格式不一,审计查阅困难', proposal: '设计统一电子记录模板,关键数据必填', state: 'grassroots' },
  { union: QD, kind: 'suggestion', title: '游船码头无障碍通道建议', problem: '轮椅游客登船困难', proposal: '增设可调坡度登船板和专人引导', state: 'recognised' },
  { union: QD, kind: 'rationalisation', title: '景区票务高峰预售分时段', problem: '高峰时段入园排队长', proposal: '预售按半小时分时段入园', state: 'draft' },
  { union: JD, kind: 'renovation', title: '水泥磨机衬板更换工装', problem: '更换衬板需吊装配合,耗时两天', proposal: '制作专用翻转工装,单班完成更换', state: 'rewarded', valueWan: 46.2, rewardYuan: 6000 },
  { union: JD, kind: 'suggestion', title: '矿山运输道路洒水时段优化', problem: '洒水车按固定时间作业,午后扬尘仍大', proposal: '按湿度传感器数据动态安排洒水', state: 'district' },
];

/** Opinions the demo reviewers leave. */
export const RETURN_OPINION = '请补充改进前后的对比数据和效益测算依据';
export const REJECT_OPINION = '与本单位已实施项目重复,不予推荐';

export interface DemoContest {
  name: string;
  trade: string;
  level: SkillContestLevel;
  heldOn: string;
  organiser: string;
  results: { union: string; nth: number; rank: number; score: number; award: string; raiseTo?: '技师' | '高级技师' | '高级工' }[];
}

export const DEMO_CONTESTS: DemoContest[] = [
  {
    name: '2026年“技能杭州”职工焊工技能比武', trade: '焊工', level: 'city', heldOn: '2026-09-26', organiser: '杭州市总工会',
    results: [
      { union: WJ, nth: 2, rank: 1, score: 96.5, award: '一等奖', raiseTo: '技师' },
      { union: XS, nth: 2, rank: 2, score: 94, award: '二等奖', raiseTo: '技师' },
      { union: JD, nth: 2, rank: 3, score: 92.5, award: '三等奖' },
    ],
  },
  {
    name: '2026年上城区电工技能比武', trade: '电工', level: 'district', heldOn: '2026-06-18', organiser: '上城区总工会',
    results: [
      { union: YA, nth: 2, rank: 1, score: 95, award: '一等奖', raiseTo: '高级工' },
      { union: HB, nth: 2, rank: 2, score: 91, award: '二等奖' },
    ],
  },
  {
    name: '2025年浙江省数控车工职业技能大赛', trade: '数控车工', level: 'province', heldOn: '2025-10-20', organiser: '杭州市总工会',
    results: [{ union: XS, nth: 3, rank: 1, score: 97, award: '一等奖', raiseTo: '高级技师' }],
  },
  {
    name: '第二届全国技能大赛(精细木工)', trade: '精细木工', level: 'national', heldOn: '2025-09-15', organiser: '杭州市总工会',
    results: [{ union: WJ, nth: 3, rank: 2, score: 93.2, award: '银牌' }],
  },
];
