import type { RatingUnitCategory } from '@gonghui/contracts';

/**
 * Demo units of the 满意不满意单位评选 with a "quality" (0…100: how satisfied raters tend to be),
 * so the seeded results rank realistically; district unions link to the org of the same name.
 */
export const DEMO_UNITS: readonly { name: string; category: RatingUnitCategory; quality: number }[] = [
  { name: '市人力社保局', category: 'city_department', quality: 88 },
  { name: '市住保房管局', category: 'city_department', quality: 70 },
  { name: '市市场监管局', category: 'city_department', quality: 84 },
  { name: '市卫生健康委', category: 'city_department', quality: 79 },
  { name: '市教育局', category: 'city_department', quality: 86 },
  { name: '市民政局', category: 'city_department', quality: 91 },
  { name: '市交通运输局', category: 'city_department', quality: 74 },
  { name: '市城管局', category: 'city_department', quality: 66 },
  { name: '市公安局交警支队', category: 'city_department', quality: 77 },
  { name: '市医保局', category: 'city_department', quality: 83 },
  { name: '市司法局', category: 'city_department', quality: 89 },
  { name: '市规划和自然资源局', category: 'city_department', quality: 72 },
  { name: '上城区总工会', category: 'district_union', quality: 93 },
  { name: '拱墅区总工会', category: 'district_union', quality: 90 },
  { name: '西湖区总工会', category: 'district_union', quality: 92 },
  { name: '滨江区总工会', category: 'district_union', quality: 87 },
  { name: '萧山区总工会', category: 'district_union', quality: 85 },
  { name: '余杭区总工会', category: 'district_union', quality: 88 },
  { name: '市公交集团', category: 'public_service', quality: 73 },
  { name: '市水务集团', category: 'public_service', quality: 81 },
];

/** Unused invitation codes of the current campaign (documented in README.md: try them on /m/rate). */
export const DEMO_CODES: readonly { code: string; group: string }[] = [
  { code: 'HZMYA23KP2', group: '职工代表' },
  { code: 'HZMYB34KP3', group: '职工代表' },
  { code: 'HZMYC45KP4', group: '职工代表' },
  { code: 'HZMYD56KP5', group: '社区群众' },
  { code: 'HZMYE67KP6', group: '社区群众' },
  { code: 'HZMYF78KP7', group: '社区群众' },
  { code: 'HZMYG89KP8', group: '企业代表' },
  { code: 'HZMYH92KP9', group: '企业代表' },
  { code: 'HZMYJ23KQ2', group: '劳模' },
  { code: 'HZMYK34KQ3', group: '劳模' },
  { code: 'HZMYM45KQ4', group: '媒体' },
  { code: 'HZMYN56KQ5', group: '特邀监督员' },
];

export const DEMO_COMMENTS: readonly string[] = [
  '窗口办事效率明显提高,一次就办好了。',
  '公租房申请审核周期太长,希望缩短。',
  '网上办事平台操作复杂,老年人不会用。',
  '工作人员态度很好,耐心解释政策。',
  '欠薪投诉处理及时,为我们追回了工资。',
  '职工疗休养安排得很好,感谢工会。',
  '希望增加夜间和周末的服务时间。',
  '市场监管投诉电话打了三次才接通。',
  '困难职工帮扶申请材料太多,希望简化。',
  '公交线路调整前应多听听职工意见。',
];

/** Phones for the demo invitation batch's queued messages (fictitious 139 numbers). */
export const demoPhones = (n: number): string[] => Array.from({ length: n }, (_, i) => `1395712${String(3000 + i * 7).padStart(4, '0')}`);
