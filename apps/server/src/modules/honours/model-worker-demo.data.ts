import type { HonourBody } from '@gonghui/contracts';

/** Honour shorthands of the demo registry. */
const H: Record<string, Omit<HonourBody, 'year'>> = {
  QG: { level: 'national', title: '全国劳动模范' },
  QX: { level: 'national', title: '全国先进工作者' },
  WY: { level: 'national', title: '全国五一劳动奖章' },
  ZJ: { level: 'provincial', title: '浙江省劳动模范' },
  ZW: { level: 'provincial', title: '浙江省五一劳动奖章' },
  HZ: { level: 'city', title: '杭州市劳动模范' },
  HW: { level: 'city', title: '杭州市五一劳动奖章' },
  QL: { level: 'district', title: '区县(市)劳动模范' },
};

export interface DemoModelWorker {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  /** the district's division code (GB/T 2260) */
  district: string;
  unit: string;
  address: string;
  /** e.g. 'HZ1989 ZJ1995' */
  honours: string;
  retired: boolean;
  alone?: string;
  deceasedOn?: string;
}

export const demoHonours = (spec: string): HonourBody[] =>
  spec.split(' ').map((s) => ({ ...H[s.slice(0, 2)]!, year: Number(s.slice(2)) }));

const d = (name: string, gender: 'male' | 'female', birthDate: string, district: string, unit: string, address: string, honours: string, extra: Partial<DemoModelWorker> = {}): DemoModelWorker => ({
  name, gender, birthDate, district, unit, address, honours, retired: birthDate < '1966-01-01', ...extra,
});

/** ~40 Hangzhou 劳模 across the districts and levels: elderly ones (≥ 75), some 鳏寡独居, a few deceased, today's working ones. */
export const DEMO_MODEL_WORKERS: DemoModelWorker[] = [
  d('沈阿根', 'male', '1938-03-12', '330102', '杭州第一棉纺织厂', '上城区清波街道劳动路社区', 'HZ1979 ZJ1982 QG1989', { alone: '老伴2019年去世,子女在外地,独居' }),
  d('周桂英', 'female', '1941-08-05', '330102', '杭州丝绸印染联合厂', '上城区湖滨街道东坡路社区', 'HZ1981 ZJ1985'),
  d('陈福林', 'male', '1944-01-20', '330102', '杭州锅炉厂', '上城区望江街道近江社区', 'HZ1984 WY1990'),
  d('王秀娣', 'female', '1948-11-02', '330102', '杭州解百商场', '上城区小营街道金钱巷社区', 'HZ1986', { alone: '丧偶,无子女,独居' }),
  d('李建华', 'male', '1951-11-28', '330102', '杭州市公交公司', '上城区南星街道', 'HZ1990 ZJ1997'),
  d('赵国强', 'male', '1979-06-18', '330102', '杭州湖滨文旅发展有限公司', '上城区湖滨街道', 'HZ2020 HW2018', { retired: false }),
  d('钱美芳', 'female', '1935-04-09', '330105', '杭州大运河航运公司', '拱墅区米市巷街道', 'HZ1977 ZJ1979', { deceasedOn: '2025-12-03' }),
  d('孙德明', 'male', '1943-07-27', '330105', '杭州钢铁厂', '拱墅区半山街道', 'ZJ1983 QG1985 WY1985'),
  d('吴彩凤', 'female', '1946-02-14', '330105', '杭州红雷丝织厂', '拱墅区湖墅街道', 'HZ1982', { alone: '老伴去世,女儿定居国外,独居' }),
  d('郑伟', 'male', '1972-10-30', '330105', '杭州运河物流有限公司', '拱墅区米市巷街道', 'HZ2015 ZW2019', { retired: false }),
  d('冯志刚', 'male', '1940-12-01', '330106', '西湖龙井茶场', '西湖区西湖街道龙井村', 'HZ1980 ZJ1984 QG1989'),
  d('蒋丽华', 'female', '1949-05-22', '330106', '浙江大学附属医院', '西湖区文新街道', 'QX1995 ZJ1993'),
  d('韩金土', 'male', '1937-09-15', '330106', '杭州之江水泥厂', '西湖区转塘街道', 'HZ1978', { alone: '丧偶独居,子女每周探望一次' }),
  d('杨春燕', 'female', '1981-03-08', '330106', '杭州龙井茶业有限公司', '西湖区灵隐街道', 'HZ2021 QL2018', { retired: false }),
  d('朱晓东', 'male', '1976-12-12', '330108', '杭州滨江云计算有限公司', '滨江区长河街道', 'HZ2018 ZJ2023 WY2024', { retired: false }),
  d('秦海鹰', 'male', '1950-01-30', '330108', '杭州制氧机厂', '滨江区西兴街道', 'HZ1992 ZJ1996'),
  d('许阿三', 'male', '1945-06-06', '330109', '萧山棉纺厂', '萧山区城厢街道', 'HZ1983 ZJ1986'),
  d('何杏娟', 'female', '1942-10-18', '330109', '萧山花边厂', '萧山区宁围街道', 'QL1980 HZ1985', { alone: '老伴去世,无子女,独居', retired: true }),
  d('吕国平', 'male', '1968-04-25', '330109', '杭州萧山汽车零部件有限公司', '萧山区宁围街道', 'HZ2010 ZJ2015 QG2020', { retired: false }),
  d('施永祥', 'male', '1939-02-28', '330110', '余杭水泥厂', '余杭区五常街道', 'HZ1980 ZJ1983', { deceasedOn: '2024-08-17' }),
  d('张雪芬', 'female', '1947-09-09', '330110', '余杭丝绸厂', '余杭区仓前街道', 'HZ1988'),
  d('孔令杰', 'male', '1985-07-19', '330110', '杭州未来科技城快递行业', '余杭区五常街道', 'HZ2023 HW2021', { retired: false }),
  d('曹金宝', 'male', '1944-11-11', '330111', '富春江造纸厂', '富阳区银湖街道', 'HZ1985 ZJ1989'),
  d('严桂香', 'female', '1952-03-03', '330111', '富阳竹编工艺厂', '富阳区富春街道', 'QL1990 HZ1995', { alone: '离异独居,儿子在上海工作' }),
  d('华建国', 'male', '1943-12-24', '330112', '临安山核桃加工厂', '临安区锦城街道', 'HZ1986', { deceasedOn: '2026-03-09' }),
  d('金水根', 'male', '1947-08-08', '330112', '临安林场', '临安区天目山镇', 'QL1982 HZ1987 ZJ1991'),
  d('魏玉兰', 'female', '1950-06-16', '330113', '临平家纺厂', '临平区南苑街道', 'HZ1994', { alone: '丧偶,独居' }),
  d('陶根法', 'male', '1938-10-10', '330113', '杭州钢铁厂临平分厂', '临平区临平街道', 'HZ1980 WY1986'),
  d('姜涛', 'male', '1983-01-27', '330114', '杭州钱塘生物医药有限公司', '钱塘区白杨街道', 'HZ2022 ZJ2025', { retired: false }),
  d('戚凤珍', 'female', '1944-04-04', '330114', '下沙纺织厂', '钱塘区下沙街道', 'HZ1987'),
  d('谢炳荣', 'male', '1941-05-05', '330122', '桐庐制笔厂', '桐庐县桐君街道', 'HZ1982 ZJ1988'),
  d('邹小英', 'female', '1953-07-07', '330122', '桐庐快递物流产业', '桐庐县桐君街道', 'QL1996 HZ2001'),
  d('喻德胜', 'male', '1936-08-21', '330127', '新安江水电站', '淳安县千岛湖镇', 'HZ1976 ZJ1978 QG1979', { alone: '老伴去世,独居山区,交通不便' }),
  d('柏春花', 'female', '1949-12-30', '330127', '淳安千岛湖旅游发展公司', '淳安县千岛湖镇', 'HZ1991'),
  d('水长林', 'male', '1945-02-17', '330182', '建德新安江水泥厂', '建德市新安江街道', 'HZ1984 ZJ1990'),
  d('窦丽萍', 'female', '1970-09-28', '330182', '建德新安江水泥有限公司', '建德市新安江街道', 'HZ2012 ZW2016', { retired: false }),
  d('章荣华', 'male', '1946-03-21', '330102', '杭州第二棉纺织厂', '上城区清波街道', 'HZ1985 QG1995'),
  d('云美玲', 'female', '1951-11-20', '330106', '杭州保俶塔实验学校', '西湖区北山街道', 'QX2000 HZ1996'),
  d('苏建明', 'male', '1960-05-01', '330105', '杭州重型机械厂', '拱墅区和睦街道', 'HZ1998 ZJ2004', { alone: '丧偶,独居' }),
];

/** Placement applications of the demo (by person), one per status. */
export const DEMO_PLACEMENTS: { name: string; homeName: string; steps: ('recommended' | 'admitted' | 'unsuccessful')[]; reason?: string }[] = [
  { name: '沈阿根', homeName: '杭州市社会福利中心', steps: ['recommended', 'admitted'] },
  { name: '王秀娣', homeName: '上城区颐养中心', steps: ['recommended'] },
  { name: '韩金土', homeName: '西湖区转塘街道养老服务中心', steps: [] },
  { name: '喻德胜', homeName: '淳安县千岛湖镇中心敬老院', steps: ['unsuccessful'], reason: '本人意愿留在家中,由村里安排结对照护' },
  { name: '孙德明', homeName: '杭州市第三社会福利院', steps: ['recommended'] },
  { name: '吴彩凤', homeName: '拱墅区湖墅颐养院', steps: ['unsuccessful'], reason: '床位已满,已登记轮候' },
];

/** Who visited whom under this year's 春节 plan of the city (goods only). */
export const DEMO_MODEL_WORKER_VISITS = ['沈阿根', '周桂英', '冯志刚', '喻德胜', '韩金土', '何杏娟', '孙德明'];
