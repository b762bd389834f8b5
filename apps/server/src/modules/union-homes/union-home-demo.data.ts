/**
 * Demo 职工之家: venues of real Hangzhou streets with fictitious unions, and their assessments in
 * every state. `share` is the part of each criterion's points the union (and the raters) give.
 */
import type { DemoState } from '../../platform/assessment/assessment-demo.js';

export type { DemoState };

export interface DemoAssessment {
  year: number;
  state: DemoState;
  share: number;
  failGates?: string[];
  deduct?: number;
}

export interface DemoHome {
  org: string;
  /** a new grassroots union under this street (the demo tree has ~20; the home list wants ~30) */
  newUnder?: string;
  venue: string;
  address: string;
  area: number;
  facilities: string[];
  fundsYuan: number;
  activities: number;
  staff: number;
  chair: string;
  rate: number;
  history: DemoAssessment[];
}

const RULES = ['职工代表大会制度', '厂务公开制度', '工会经费收支管理办法', '会员实名制管理制度'];
export const demoRules = (n: number): string[] => RULES.slice(0, n);

const F = { all: ['reading_room', 'gym', 'activity_room', 'meeting_room', 'mother_room'], mid: ['reading_room', 'activity_room', 'meeting_room'], min: ['meeting_room'] };

export const DEMO_HOMES: DemoHome[] = [
  { org: '杭州湖滨文旅发展有限公司工会', venue: '湖滨文旅职工之家', address: '上城区湖滨路23号3楼', area: 260, facilities: F.mid, fundsYuan: 86_000, activities: 18, staff: 3, chair: '赵敏', rate: 0.96, history: [{ year: 2023, state: 'confirmed', share: 0.85 }] },
  { org: '杭州延安路商业管理有限公司工会', venue: '延安路商圈职工驿站', address: '上城区延安路258号B1', area: 180, facilities: F.mid, fundsYuan: 64_000, activities: 15, staff: 2, chair: '沈建平', rate: 0.97, history: [{ year: 2026, state: 'submitted', share: 0.88 }] },
  { org: '湖滨街道商圈联合工会', venue: '湖滨商圈联合工会会员之家', address: '上城区东坡路7号', area: 150, facilities: F.mid, fundsYuan: 42_000, activities: 12, staff: 2, chair: '周晓燕', rate: 0.95, history: [{ year: 2026, state: 'rated', share: 0.8 }] },
  { org: '杭州小营数字服务有限公司工会', venue: '小营数字职工之家', address: '上城区建国中路99号', area: 120, facilities: F.mid, fundsYuan: 38_000, activities: 10, staff: 2, chair: '吴国栋', rate: 0.96, history: [{ year: 2026, state: 'returned', share: 0.75 }] },
  { org: '小营街道楼宇区域性工会', venue: '小营楼宇职工服务站', address: '上城区庆春路136号', area: 90, facilities: F.min, fundsYuan: 20_000, activities: 8, staff: 1, chair: '钱丽华', rate: 0.95, history: [{ year: 2026, state: 'draft', share: 0.7 }] },
  { org: '杭州清波丝绸文化有限公司工会', venue: '清波丝绸职工之家', address: '上城区河坊街180号', area: 210, facilities: F.all, fundsYuan: 72_000, activities: 20, staff: 3, chair: '许静', rate: 0.98, history: [{ year: 2026, state: 'reviewed', share: 0.93 }] },
  { org: '杭州望江建设工程有限公司工会', venue: '望江建设工地职工之家', address: '上城区望江东路332号', area: 160, facilities: F.mid, fundsYuan: 55_000, activities: 14, staff: 2, chair: '马永强', rate: 0.97, history: [{ year: 2025, state: 'revoked', share: 0.86 }] },
  { org: '杭州运河物流有限公司工会', venue: '运河物流司机之家', address: '拱墅区湖墅南路88号', area: 200, facilities: F.mid, fundsYuan: 58_000, activities: 16, staff: 2, chair: '陆卫东', rate: 0.96, history: [{ year: 2024, state: 'confirmed', share: 0.82 }] },
  { org: '湖墅街道小微企业联合工会', venue: '湖墅小微企业职工之家', address: '拱墅区湖墅南路320号', area: 80, facilities: F.min, fundsYuan: 15_000, activities: 6, staff: 1, chair: '唐美玲', rate: 0.91, history: [{ year: 2025, state: 'confirmed', share: 0.72 }] },
  { org: '杭州西溪数智科技股份有限公司工会', venue: '西溪数智职工之家', address: '西湖区文二西路588号', area: 420, facilities: F.all, fundsYuan: 160_000, activities: 30, staff: 4, chair: '林海波', rate: 0.99, history: [{ year: 2023, state: 'confirmed', share: 0.9 }, { year: 2026, state: 'reviewed', share: 0.96 }] },
  { org: '文新街道餐饮行业工会', venue: '文新餐饮行业职工驿站', address: '西湖区文一西路76号', area: 70, facilities: F.min, fundsYuan: 12_000, activities: 6, staff: 1, chair: '郑小红', rate: 0.95, history: [{ year: 2026, state: 'submitted', share: 0.66 }] },
  { org: '杭州龙井茶业有限公司工会', venue: '龙井茶园职工之家', address: '西湖区龙井路1号', area: 240, facilities: F.all, fundsYuan: 90_000, activities: 22, staff: 3, chair: '翁建新', rate: 0.98, history: [{ year: 2025, state: 'confirmed', share: 0.95 }] },
  { org: '杭州之江文创园区域性工会', venue: '之江文创园职工之家', address: '西湖区之江路1号', area: 300, facilities: F.all, fundsYuan: 75_000, activities: 19, staff: 2, chair: '杨帆', rate: 0.96, history: [{ year: 2025, state: 'confirmed', share: 0.86 }] },
  { org: '杭州滨江云计算有限公司工会', venue: '滨江云职工之家', address: '滨江区江南大道3588号', area: 380, facilities: F.all, fundsYuan: 140_000, activities: 28, staff: 3, chair: '黄磊', rate: 0.99, history: [{ year: 2024, state: 'confirmed', share: 0.94 }] },
  { org: '杭州物联网产业园联合工会', venue: '物联网产业园职工服务中心', address: '滨江区西兴路2008号', area: 260, facilities: F.mid, fundsYuan: 68_000, activities: 15, staff: 2, chair: '何晓东', rate: 0.95, history: [{ year: 2025, state: 'confirmed', share: 0.7 }] },
  { org: '杭州萧山汽车零部件有限公司工会', venue: '萧山汽配职工之家', address: '萧山区宁围街道市心北路1018号', area: 350, facilities: F.all, fundsYuan: 110_000, activities: 24, staff: 3, chair: '韩国强', rate: 0.97, history: [{ year: 2023, state: 'confirmed', share: 0.83 }] },
  { org: '杭州未来科技城快递行业工会', venue: '未来科技城快递小哥驿站', address: '余杭区五常大道181号', area: 110, facilities: F.min, fundsYuan: 30_000, activities: 9, staff: 1, chair: '邱峰', rate: 0.93, history: [{ year: 2026, state: 'draft', share: 0.6 }] },
  { org: '杭州富春江造纸有限公司工会', venue: '富春江造纸职工之家', address: '富阳区银湖街道富闲路9号', area: 280, facilities: F.mid, fundsYuan: 60_000, activities: 12, staff: 2, chair: '孙卫国', rate: 0.96, history: [{ year: 2025, state: 'confirmed', share: 0.95, failGates: ['gate_funds'] }] },
  { org: '杭州临安山核桃食品有限公司工会', venue: '山核桃职工之家', address: '临安区锦城街道钱王街398号', area: 190, facilities: F.mid, fundsYuan: 46_000, activities: 11, staff: 2, chair: '章丽', rate: 0.96, history: [{ year: 2026, state: 'confirmed', share: 0.84, deduct: 4 }] },
  { org: '杭州临平家纺有限公司工会', venue: '临平家纺职工之家', address: '临平区南苑街道迎宾路501号', area: 230, facilities: F.mid, fundsYuan: 52_000, activities: 13, staff: 2, chair: '俞芳', rate: 0.97, history: [{ year: 2024, state: 'confirmed', share: 0.78 }] },
  { org: '杭州钱塘生物医药有限公司工会', venue: '钱塘生物医药职工之家', address: '钱塘区白杨街道6号大街452号', area: 330, facilities: F.all, fundsYuan: 98_000, activities: 21, staff: 3, chair: '蒋涛', rate: 0.98, history: [{ year: 2026, state: 'confirmed', share: 0.91 }] },
  { org: '桐庐快递物流产业联合工会', venue: '桐庐快递之乡职工之家', address: '桐庐县桐君街道迎春南路188号', area: 170, facilities: F.mid, fundsYuan: 36_000, activities: 10, staff: 2, chair: '叶春林', rate: 0.95, history: [{ year: 2026, state: 'submitted', share: 0.8 }] },
  { org: '淳安千岛湖旅游发展有限公司工会', venue: '千岛湖旅游职工之家', address: '淳安县千岛湖镇新安东路1号', area: 220, facilities: F.all, fundsYuan: 70_000, activities: 17, staff: 2, chair: '方志明', rate: 0.96, history: [{ year: 2025, state: 'confirmed', share: 0.87 }] },
  { org: '建德新安江水泥有限公司工会', venue: '新安江水泥职工之家', address: '建德市新安江街道江滨中路66号', area: 260, facilities: F.mid, fundsYuan: 48_000, activities: 12, staff: 2, chair: '严小军', rate: 0.96, history: [{ year: 2023, state: 'confirmed', share: 0.76 }] },
  { org: '杭州望江智慧物业服务有限公司工会', newUnder: '望江街道总工会', venue: '望江物业职工之家', address: '上城区秋涛路258号', area: 100, facilities: F.min, fundsYuan: 18_000, activities: 7, staff: 1, chair: '潘秀英', rate: 0.95, history: [] },
  { org: '杭州大兜路历史街区商户联合工会', newUnder: '米市巷街道总工会', venue: '大兜路商户会员之家', address: '拱墅区大兜路98号', area: 95, facilities: F.min, fundsYuan: 16_000, activities: 8, staff: 1, chair: '曹建明', rate: 0.94, history: [{ year: 2026, state: 'draft', share: 0.7 }] },
  { org: '杭州文新数字出版有限公司工会', newUnder: '文新街道总工会', venue: '文新数字出版职工书屋', address: '西湖区古墩路616号', area: 150, facilities: F.mid, fundsYuan: 40_000, activities: 14, staff: 2, chair: '冯雅琴', rate: 0.97, history: [{ year: 2026, state: 'confirmed', share: 0.62 }] },
  { org: '杭州长河智能装备有限公司工会', newUnder: '长河街道总工会', venue: '长河智能装备职工之家', address: '滨江区长河路475号', area: 290, facilities: F.all, fundsYuan: 88_000, activities: 18, staff: 3, chair: '董建华', rate: 0.98, history: [{ year: 2026, state: 'rated', share: 0.9 }] },
  { org: '杭州宁围空港物流有限公司工会', newUnder: '宁围街道总工会', venue: '空港物流职工之家', address: '萧山区宁围街道保亭路8号', area: 200, facilities: F.mid, fundsYuan: 50_000, activities: 12, staff: 2, chair: '袁平', rate: 0.96, history: [{ year: 2026, state: 'returned', share: 0.7 }] },
  { org: '杭州下沙电子商务产业园联合工会', newUnder: '白杨街道总工会', venue: '下沙电商园职工驿站', address: '钱塘区白杨街道科技园路57号', area: 140, facilities: F.mid, fundsYuan: 32_000, activities: 11, staff: 2, chair: '卢晓峰', rate: 0.95, history: [{ year: 2025, state: 'confirmed', share: 0.81 }] },
];
