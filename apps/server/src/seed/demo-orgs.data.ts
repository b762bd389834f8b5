/**
 * Demo organisations: real street (乡镇) names of Hangzhou's districts, with fictitious but
 * realistic grassroots unions. Keys are district division codes.
 */
export interface DemoGrassroots {
  name: string;
  unionType: 'enterprise' | 'joint' | 'regional' | 'industry';
  creditCode?: string;
  industry?: string;
}
export interface DemoStreet {
  name: string;
  unions: DemoGrassroots[];
}

export const DEMO_STREETS: Record<string, DemoStreet[]> = {
  '330102': [
    {
      name: '湖滨街道总工会',
      unions: [
        { name: '杭州湖滨文旅发展有限公司工会', unionType: 'enterprise' },
        { name: '杭州延安路商业管理有限公司工会', unionType: 'enterprise' },
        { name: '湖滨街道商圈联合工会', unionType: 'joint' },
      ],
    },
    {
      name: '小营街道总工会',
      unions: [
        { name: '杭州小营数字服务有限公司工会', unionType: 'enterprise' },
        { name: '小营街道楼宇区域性工会', unionType: 'regional' },
      ],
    },
    { name: '清波街道总工会', unions: [{ name: '杭州清波丝绸文化有限公司工会', unionType: 'enterprise' }] },
    { name: '望江街道总工会', unions: [{ name: '杭州望江建设工程有限公司工会', unionType: 'enterprise', industry: '上城区建筑业产业工会' }] },
  ],
  '330105': [
    { name: '米市巷街道总工会', unions: [{ name: '杭州运河物流有限公司工会', unionType: 'enterprise' }] },
    { name: '湖墅街道总工会', unions: [{ name: '湖墅街道小微企业联合工会', unionType: 'joint' }] },
  ],
  '330106': [
    {
      name: '文新街道总工会',
      unions: [
        { name: '杭州西溪数智科技股份有限公司工会', unionType: 'enterprise' },
        { name: '文新街道餐饮行业工会', unionType: 'industry' },
      ],
    },
    { name: '灵隐街道总工会', unions: [{ name: '杭州龙井茶业有限公司工会', unionType: 'enterprise' }] },
    { name: '转塘街道总工会', unions: [{ name: '杭州之江文创园区域性工会', unionType: 'regional' }] },
  ],
  '330108': [
    { name: '长河街道总工会', unions: [{ name: '杭州滨江云计算有限公司工会', unionType: 'enterprise' }] },
    { name: '西兴街道总工会', unions: [{ name: '杭州物联网产业园联合工会', unionType: 'joint' }] },
  ],
  '330109': [{ name: '宁围街道总工会', unions: [{ name: '杭州萧山汽车零部件有限公司工会', unionType: 'enterprise' }] }],
  '330110': [{ name: '五常街道总工会', unions: [{ name: '杭州未来科技城快递行业工会', unionType: 'industry' }] }],
  '330111': [{ name: '银湖街道总工会', unions: [{ name: '杭州富春江造纸有限公司工会', unionType: 'enterprise' }] }],
  '330112': [{ name: '锦城街道总工会', unions: [{ name: '杭州临安山核桃食品有限公司工会', unionType: 'enterprise' }] }],
  '330113': [{ name: '南苑街道总工会', unions: [{ name: '杭州临平家纺有限公司工会', unionType: 'enterprise' }] }],
  '330114': [{ name: '白杨街道总工会', unions: [{ name: '杭州钱塘生物医药有限公司工会', unionType: 'enterprise' }] }],
  '330122': [{ name: '桐君街道总工会', unions: [{ name: '桐庐快递物流产业联合工会', unionType: 'joint' }] }],
  '330127': [{ name: '千岛湖镇总工会', unions: [{ name: '淳安千岛湖旅游发展有限公司工会', unionType: 'enterprise' }] }],
  '330182': [{ name: '新安江街道总工会', unions: [{ name: '建德新安江水泥有限公司工会', unionType: 'enterprise' }] }],
};

/** Industry unions under districts (second, industry parent of some grassroots unions). */
export const DEMO_INDUSTRY_UNIONS: Record<string, string[]> = {
  '330102': ['上城区建筑业产业工会'],
  '330106': ['西湖区教育工会'],
};

export const DEMO_PASSWORD = 'Demo@Hz2026';

export interface DemoAccount {
  username: string;
  name: string;
  role: string;
  /** org by name */
  org: string;
  note: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'city', name: '陈立群', role: 'city_admin', org: '杭州市总工会', note: '市总工会管理员(全市数据)' },
  { username: 'district', name: '王海燕', role: 'district_admin', org: '上城区总工会', note: '上城区总工会管理员' },
  { username: 'xihu', name: '孙丽', role: 'district_admin', org: '西湖区总工会', note: '西湖区总工会管理员' },
  { username: 'street', name: '刘志强', role: 'street_admin', org: '湖滨街道总工会', note: '湖滨街道总工会管理员' },
  { username: 'grassroots', name: '赵敏', role: 'grassroots_admin', org: '杭州湖滨文旅发展有限公司工会', note: '基层工会主席' },
  { username: 'worker', name: '张建国', role: 'member', org: '杭州湖滨文旅发展有限公司工会', note: '职工会员(手机端 /m)' },
];
