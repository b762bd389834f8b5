import { AID_CATEGORIES, AID_CATEGORY_LABELS, CAMPAIGN_STATUS_LABELS, DONOR_TYPES, DONOR_TYPE_LABELS, type CampaignStatus } from '@gonghui/contracts';

export const CATEGORY_OPTIONS = AID_CATEGORIES.map((value) => ({ value, label: AID_CATEGORY_LABELS[value] }));
export const DONOR_TYPE_OPTIONS = DONOR_TYPES.map((value) => ({ value, label: DONOR_TYPE_LABELS[value] }));

export const STATUS_COLORS: Record<CampaignStatus, string> = { draft: 'default', active: 'processing', closed: 'success' };
export { CAMPAIGN_STATUS_LABELS };

/** Colours of the charts: the union's red first. */
export const CHART_COLORS = ['#c8161d', '#fa8c16', '#1677ff', '#52c41a', '#722ed1', '#13c2c2'];

/** 分 → 万元 with one decimal, for chart axes. */
export const wanYuan = (fen: number): number => Math.round(fen / 100_000) / 10;

/** done ÷ target as a percentage with one decimal; null without a target. */
export function completion(done: number, target: number | null | undefined): number | null {
  if (!target) return null;
  return Math.round((done / target) * 1000) / 10;
}
