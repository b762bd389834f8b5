import type { RatingState } from '@gonghui/contracts';

export const RATING_STATE_COLORS: Record<RatingState, string> = { draft: 'default', open: 'processing', closed: 'orange', published: 'green' };
export const RATING_CLASS_COLORS = { satisfied: 'green', normal: 'default', dissatisfied: 'red', none: 'default' } as const;
export const pct = (bp: number | null | undefined): string => (bp === null || bp === undefined ? '—' : `${(bp / 100).toFixed(2)}%`);
export const RATING_HELP =
  '满意不满意单位评选:邀请九类群体代表对被测评单位的服务态度与效率、公正廉洁、工作成效与影响三个维度按五档评价。满意率 =(满意 + 比较满意 + 基本满意)/ 全部评价;单位综合满意率按各群体权重加权,无人评价的群体不参与加权(其余群体权重按比例放大)。';
