import type { HazardGrade } from '@gonghui/contracts';

export type DemoHazardState = 'draft' | 'reported' | 'rejected' | 'rectifying' | 'overdue' | 'rectified' | 'verified' | 'closed';

/** One demo report: the enterprise (registry name) or a place outside it (free text + district), and the state to drive it to. */
export interface DemoHazard {
  enterprise: string;
  /** the district union's name when the enterprise is typed in (not in the registry) */
  district?: string;
  description: string;
  address: string;
  lat?: number;
  lng?: number;
  state: DemoHazardState;
  grade?: HazardGrade;
  note?: string;
  daysAgo: number;
  /** reported by the demo worker 张建国 */
  byWorker?: boolean;
  photos?: number;
}

/** ~30 reports across the districts in every state, at the demo tree's enterprises. */
export const DEMO_HAZARDS: DemoHazard[] = [
  { enterprise: '杭州湖滨文旅发展有限公司', description: '游客中心二楼消防通道堆放宣传物料和折叠桌椅,安全出口被堵塞一半', address: '上城区湖滨路28号游客中心二楼', lat: 30.2598, lng: 120.1631, state: 'verified', grade: 'general', daysAgo: 40, byWorker: true, photos: 2, note: '物料已移至仓库,通道畅通' },
  { enterprise: '杭州湖滨文旅发展有限公司', description: '地下车库配电箱柜门损坏无法关闭,内部线路裸露,旁边有积水', address: '上城区湖滨路28号地下一层车库', lat: 30.2596, lng: 120.1629, state: 'draft', daysAgo: 0, byWorker: true },
  { enterprise: '杭州湖滨文旅发展有限公司', description: '游船码头护栏有两处松动,靠水一侧无警示标识', address: '上城区湖滨三公园游船码头', lat: 30.2577, lng: 120.1612, state: 'reported', daysAgo: 2 },
  { enterprise: '杭州延安路商业管理有限公司', description: '商场B1层灭火器过期半年未更换,压力表指针在红区', address: '上城区延安路98号B1层', state: 'rectifying', grade: 'general', daysAgo: 6 },
  { enterprise: '杭州望江建设工程有限公司', description: '在建住宅楼12层外脚手架未挂安全防护网,作业面下方为人行通道', address: '上城区望江路与秋涛路交叉口工地12号楼', lat: 30.2403, lng: 120.1879, state: 'overdue', grade: 'major', daysAgo: 30, photos: 3 },
  { enterprise: '杭州望江建设工程有限公司', description: '塔吊下方物料堆放区未设置隔离围挡,工人午休在下方乘凉', address: '上城区望江路工地塔吊3号', state: 'closed', grade: 'larger', daysAgo: 75, note: '已设置硬质围挡和警示标识' },
  { enterprise: '杭州望江建设工程有限公司', description: '临时用电电缆拖地经过积水区,未架空,接头用胶布缠绕', address: '上城区望江路工地生活区', state: 'rectified', grade: 'larger', daysAgo: 12, note: '电缆已架空,接头更换为防水接线盒' },
  { enterprise: '杭州清波丝绸文化有限公司', description: '染色车间化学品(双氧水、冰醋酸)混放在同一货架,无安全技术说明书', address: '上城区清波街12号染色车间', state: 'verified', grade: 'larger', daysAgo: 28, note: '分区分柜存放,张贴MSDS' },
  { enterprise: '杭州小营数字服务有限公司', description: '机房UPS电池间温度过高,空调故障一周未修,门口堆放纸箱', address: '上城区小营巷36号5楼机房', state: 'rejected', daysAgo: 20, note: '经现场核查,空调已于上报前一日修复,纸箱已清理' },
  { enterprise: '杭州湖滨餐饮管理有限公司', description: '后厨液化气钢瓶与灶台距离不足1米,软管老化开裂', address: '上城区东坡路12号后厨', lat: 30.2621, lng: 120.1658, state: 'closed', grade: 'larger', daysAgo: 60, note: '改用管道燃气,更换金属软管' },
  { enterprise: '杭州望江物业服务有限公司', description: '小区地下室电动自行车集中充电,私拉电线,无喷淋设施', address: '上城区望江东路某小区地下室', state: 'rectifying', grade: 'larger', daysAgo: 8 },
  { enterprise: '杭州运河物流有限公司', description: '叉车作业区与人行通道无隔离,地面标线磨损看不清', address: '拱墅区湖墅南路运河物流园2号库', state: 'closed', grade: 'general', daysAgo: 55, note: '重新划线并安装隔离护栏' },
  { enterprise: '杭州运河物流有限公司', description: '冷库门内侧应急开门装置损坏,人员可能被困', address: '拱墅区湖墅南路运河物流园冷库', state: 'overdue', grade: 'larger', daysAgo: 35 },
  { enterprise: '湖墅街道小微企业', description: '沿街店铺共用楼梯间堆放杂物,应急照明灯不亮', address: '拱墅区湖墅街道信义坊12号楼梯间', state: 'reported', daysAgo: 1 },
  { enterprise: '杭州西溪数智科技股份有限公司', description: '办公区插线板串接使用,员工桌下多个取暖器同时工作', address: '西湖区文三路90号8楼', state: 'verified', grade: 'general', daysAgo: 25, note: '更换为墙插,取暖器统一管理' },
  { enterprise: '杭州西溪网络科技有限公司', description: '夜间加班区域安全出口指示灯损坏,疏散通道上放置快递柜', address: '西湖区文二西路西溪创意园3号楼', state: 'rectified', grade: 'general', daysAgo: 10, note: '快递柜移至一楼大厅,更换指示灯' },
  { enterprise: '杭州龙井茶业有限公司', description: '炒茶车间电炒锅外壳带电,有员工反映被电麻', address: '西湖区龙井村茶叶加工厂', lat: 30.2265, lng: 120.1236, state: 'closed', grade: 'major', daysAgo: 90, note: '更换电炒锅并加装漏电保护器' },
  { enterprise: '杭州之江网约车服务有限公司', description: '车辆集中停放场夜间无照明,司机休息室无灭火器', address: '西湖区转塘街道之江路停车场', state: 'rectifying', grade: 'general', daysAgo: 4 },
  { enterprise: '文三路临时夜市摊位', district: '西湖区总工会', description: '夜市摊位私接电线挂在行道树上,雨天有漏电风险', address: '西湖区文三路与学院路口', state: 'reported', daysAgo: 1 },
  { enterprise: '杭州滨江云计算有限公司', description: '数据中心柴油发电机房储油罐附近有人吸烟,地上有烟头', address: '滨江区长河街道江南大道588号', state: 'rejected', daysAgo: 18, note: '监控核查为外来施工人员,已清退并加强门禁,不属于企业安全隐患' },
  { enterprise: '杭州长河智能装备有限公司', description: '冲压机光电保护装置被人为屏蔽,操作工为赶产量手工送料', address: '滨江区长河街道建业路工业园5号厂房', state: 'closed', grade: 'major', daysAgo: 80, note: '恢复光电保护,开展专项安全培训' },
  { enterprise: '杭州萧山汽车零部件有限公司', description: '喷漆房排风系统故障,车间内有明显刺鼻气味,工人未戴防毒口罩', address: '萧山区宁围街道鸿达路155号喷漆车间', state: 'verified', grade: 'larger', daysAgo: 22, note: '修复排风系统,配发防毒面具' },
  { enterprise: '杭州萧山纺织印染有限公司', description: '印染车间蒸汽管道保温层脱落,高温管道裸露在通道旁', address: '萧山区新塘街道印染园区', state: 'rectified', grade: 'general', daysAgo: 9, note: '重新包裹保温层,加装防护罩' },
  { enterprise: '杭州未来科技城快递', description: '快递分拣中心传送带急停按钮失效,夜班人员疲劳作业', address: '余杭区五常街道快递分拣中心', state: 'rectifying', grade: 'larger', daysAgo: 5 },
  { enterprise: '杭州仓前跨境电商有限公司', description: '仓库货架超高堆放,顶层纸箱倾斜,无防坠落措施', address: '余杭区仓前街道文一西路仓储中心', state: 'closed', grade: 'general', daysAgo: 45, note: '降低堆放高度,加装防坠网' },
  { enterprise: '杭州富春江造纸有限公司', description: '废水池周边护栏缺失一段,夜间无照明', address: '富阳区银湖街道造纸工业园', state: 'overdue', grade: 'general', daysAgo: 28 },
  { enterprise: '杭州临安山核桃食品有限公司', description: '炒制车间粉尘较多,除尘设备停用,电气设备非防爆型', address: '临安区锦城街道农副产品加工园', state: 'reported', daysAgo: 3 },
  { enterprise: '杭州临平家纺有限公司', description: '缝纫车间消防栓被成品布料遮挡,水带缺失', address: '临平区南苑街道家纺城B区', state: 'verified', grade: 'general', daysAgo: 19, note: '清理消防栓周边,补齐水带' },
  { enterprise: '杭州钱塘生物医药有限公司', description: '实验室危化品柜未上锁,领用无登记,易制毒试剂混放', address: '钱塘区白杨街道医药港小镇7号楼', state: 'closed', grade: 'major', daysAgo: 70, note: '双人双锁管理,建立领用台账' },
  { enterprise: '杭州南宋御街小吃店', description: '店内油烟管道油垢很厚,从未清洗,灶台紧挨木质隔断', address: '上城区河坊街御街中段', state: 'rejected', daysAgo: 15, note: '重复上报:同一隐患已由市场监管部门立案处理' },
  { enterprise: '杭州闪送同城配送有限公司', description: '骑手电池集中充电点设在办公楼一楼大堂,无隔离', address: '上城区凯旋路站点', state: 'reported', daysAgo: 0 },
];
