import { CONDOLENCE_CATEGORY_LABELS, fenToYuan, type CondolenceCategory, type CondolenceShortfall } from '@gonghui/contracts';

/** A category's figures as the rule compares them. */
export interface CategoryFigures {
  category: CondolenceCategory;
  headcount: number;
  moneyPerHeadFen: number;
  goodsValuePerHeadFen: number;
}

const label = (c: CondolenceCategory) => `「${CONDOLENCE_CATEGORY_LABELS[c]}」`;

/**
 * 慰问只能做加法,不能做减法: every category of last year's approved plan must be in this year's
 * with at least the same headcount, per-head money and per-head goods value. Returns each shortfall
 * (empty when the plan may be approved as it is, or when there was no plan last year).
 */
export function shortfallsAgainst(lastYear: CategoryFigures[] | null, thisYear: CategoryFigures[]): CondolenceShortfall[] {
  if (!lastYear) return [];
  const out: CondolenceShortfall[] = [];
  const now = new Map(thisYear.map((c) => [c.category, c]));
  for (const before of lastYear) {
    const base = { category: before.category, categoryLabel: CONDOLENCE_CATEGORY_LABELS[before.category] };
    const after = now.get(before.category);
    if (!after) {
      out.push({ ...base, kind: 'dropped', lastYear: before.headcount, thisYear: 0, message: `${label(before.category)}去年慰问 ${before.headcount} 人,今年未列入计划` });
      continue;
    }
    if (after.headcount < before.headcount) {
      out.push({ ...base, kind: 'headcount', lastYear: before.headcount, thisYear: after.headcount, message: `${label(before.category)}人数:去年 ${before.headcount} 人,今年 ${after.headcount} 人` });
    }
    if (after.moneyPerHeadFen < before.moneyPerHeadFen) {
      out.push({ ...base, kind: 'money', lastYear: before.moneyPerHeadFen, thisYear: after.moneyPerHeadFen, message: `${label(before.category)}每人慰问金:去年 ${fenToYuan(before.moneyPerHeadFen)} 元,今年 ${fenToYuan(after.moneyPerHeadFen)} 元` });
    }
    if (after.goodsValuePerHeadFen < before.goodsValuePerHeadFen) {
      out.push({ ...base, kind: 'goods', lastYear: before.goodsValuePerHeadFen, thisYear: after.goodsValuePerHeadFen, message: `${label(before.category)}每人慰问品价值:去年 ${fenToYuan(before.goodsValuePerHeadFen)} 元,今年 ${fenToYuan(after.goodsValuePerHeadFen)} 元` });
    }
  }
  return out;
}

/** The refusal the approver reads: each shortfall, and who may still approve. */
export const shortfallReason = (s: CondolenceShortfall[]): string =>
  `慰问只能做加法,不能做减法:本计划低于上年标准——${s.map((x) => x.message).join(';')}。如确需调整,须由市总工会审批人特批并写明理由`;

/** The least an override reason must say. */
export const OVERRIDE_REASON_MIN = 10;
