import type { DonorType } from '@gonghui/contracts';

/**
 * The city's 春风行动 fund. The ledger's demo seed creates the same fund by this code; whichever
 * seed runs first creates it, the other finds it (by code, or by name at the city).
 */
export const CITY_CAMPAIGN_FUND = { code: 'ZJ-CFXD-CITY', name: '市总工会春风行动专项资金' } as const;

/**
 * Demo targets per district (行政区划代码): households to help and 元, sized to the demo's few
 * unions (a real city sets thousands), so the dashboard shows a campaign part-way through.
 */
export const DEMO_TARGETS: Record<string, { households: number; yuan: number }> = {
  '330102': { households: 10, yuan: 30_000 },
  '330105': { households: 9, yuan: 27_000 },
  '330106': { households: 9, yuan: 27_000 },
  '330108': { households: 6, yuan: 18_000 },
  '330109': { households: 12, yuan: 36_000 },
  '330110': { households: 11, yuan: 33_000 },
  '330111': { households: 8, yuan: 24_000 },
  '330112': { households: 7, yuan: 21_000 },
  '330113': { households: 7, yuan: 21_000 },
  '330114': { households: 6, yuan: 18_000 },
  '330122': { households: 7, yuan: 21_000 },
  '330127': { households: 8, yuan: 24_000 },
  '330182': { households: 7, yuan: 21_000 },
};

export interface DemoDonation {
  donorName: string;
  donorType: DonorType;
  yuan: number;
  /** days after the campaign's launch (capped at today) */
  day: number;
  /** the receiving union by name; the city federation when absent */
  org?: string;
  note?: string;
}

/** Fictitious Hangzhou donors (企业、个人、单位). */
export const DEMO_DONATIONS: DemoDonation[] = [
  { donorName: '杭州钱江数智科技股份有限公司', donorType: 'enterprise', yuan: 50_000, day: 3, note: '春风行动启动仪式现场捐赠' },
  { donorName: '浙江之江建设集团有限公司', donorType: 'enterprise', yuan: 30_000, day: 3 },
  { donorName: '杭州西溪湿地文旅集团有限公司', donorType: 'enterprise', yuan: 20_000, day: 8, org: '西湖区总工会' },
  { donorName: '杭州湖滨文旅发展有限公司', donorType: 'enterprise', yuan: 12_000, day: 10, org: '上城区总工会', note: '定向用于上城区困难职工' },
  { donorName: '杭州运河物流有限公司', donorType: 'enterprise', yuan: 8_000, day: 15 },
  { donorName: '杭州萧山纺织印染有限公司', donorType: 'enterprise', yuan: 15_000, day: 18 },
  { donorName: '上城区湖滨街道社区发展基金会', donorType: 'organisation', yuan: 5_000, day: 20, org: '上城区总工会' },
  { donorName: '林晓东', donorType: 'individual', yuan: 1_000, day: 12 },
  { donorName: '沈雅琴', donorType: 'individual', yuan: 200, day: 22, org: '西湖区总工会' },
  { donorName: '杭州市总工会机关全体干部职工', donorType: 'organisation', yuan: 8_650, day: 6, note: '机关一日捐' },
  { donorName: '匿名爱心人士', donorType: 'individual', yuan: 500, day: 30 },
];
