import { MUTUAL_AID_PART_LABELS, fenToYuan, type MutualAidExplanationLine, type MutualAidPartRule } from '@gonghui/contracts';

/**
 * The payout of one claim by the period's plan, as a pure function of the rule of its part, its
 * invoices and what the member's other claims of the period already hold. Per invoice, in order:
 * (自付 − the rest of the 起付线) × ratio, rounded down to the 分, capped by what is left of the
 * part's cap and of the member's overall period cap; then the 住院生活补助 (days × per day, at most
 * the days left this period), capped by the overall cap. Every line carries its amount, and the
 * amounts add up to the payout exactly.
 */
export interface PriorUsage {
  /** 起付线 already deducted in the part this period */
  deductibleUsedFen: number;
  /** reimbursements (without allowance) already held in the part */
  partPaidFen: number;
  /** everything already held this period, all parts and allowances */
  periodPaidFen: number;
  allowanceDaysUsed: number;
}

export interface PayoutInvoice {
  invoiceNo: string;
  selfPayFen: number;
}

export interface PayoutInput {
  rule: MutualAidPartRule;
  overallCapFen: number;
  invoices: PayoutInvoice[];
  /** days in hospital (for the living allowance) */
  hospitalDays: number;
  prior: PriorUsage;
}

export interface PayoutResult {
  amountFen: number;
  deductibleAppliedFen: number;
  allowanceFen: number;
  allowanceDays: number;
  lines: MutualAidExplanationLine[];
}

export const NO_PRIOR_USAGE: PriorUsage = { deductibleUsedFen: 0, partPaidFen: 0, periodPaidFen: 0, allowanceDaysUsed: 0 };

const y = (fen: number): string => `${fenToYuan(fen)} 元`;
const percent = (bp: number): string => `${bp / 100}%`;

/** Days in hospital, counting the day of admission and not the day of discharge (at least 1 when discharged the same day). */
export function hospitalDaysBetween(admission: string, discharge: string | null): number {
  if (!discharge) return 0;
  const days = Math.round((Date.parse(`${discharge}T00:00:00Z`) - Date.parse(`${admission}T00:00:00Z`)) / 86_400_000);
  return Math.max(1, days);
}

export function computePayout(input: PayoutInput): PayoutResult {
  const { rule, prior } = input;
  const partLabel = MUTUAL_AID_PART_LABELS[rule.part];
  let deductibleLeft = Math.max(0, rule.deductibleFen - prior.deductibleUsedFen);
  let partLeft = Math.max(0, rule.capFen - prior.partPaidFen);
  let overallLeft = Math.max(0, input.overallCapFen - prior.periodPaidFen);
  const lines: MutualAidExplanationLine[] = [];
  let deductibleApplied = 0;

  if (prior.deductibleUsedFen > 0 && rule.deductibleFen > 0) {
    lines.push({ text: `本年度${partLabel}起付线 ${y(rule.deductibleFen)},此前申请已扣除 ${y(Math.min(prior.deductibleUsedFen, rule.deductibleFen))}`, amountFen: 0 });
  }
  if (prior.periodPaidFen > 0) {
    lines.push({ text: `本年度累计限额 ${y(input.overallCapFen)},此前申请已占用 ${y(prior.periodPaidFen)},剩余 ${y(overallLeft)}`, amountFen: 0 });
  }
  for (const inv of input.invoices) {
    const applied = Math.min(deductibleLeft, inv.selfPayFen);
    deductibleLeft -= applied;
    deductibleApplied += applied;
    const base = inv.selfPayFen - applied;
    const raw = Math.floor((base * rule.ratioBp) / 10_000);
    let amount = raw;
    const notes: string[] = [];
    if (amount > partLeft) {
      notes.push(`超出${partLabel}分项剩余限额 ${y(partLeft)}`);
      amount = partLeft;
    }
    if (amount > overallLeft) {
      notes.push(`超出本年度累计剩余限额 ${y(overallLeft)}`);
      amount = overallLeft;
    }
    partLeft -= amount;
    overallLeft -= amount;
    let text = `发票 ${inv.invoiceNo}:个人自付 ${y(inv.selfPayFen)}`;
    if (applied > 0) text += `,扣除起付线 ${y(applied)}`;
    text += `,(${fenToYuan(base)} × ${percent(rule.ratioBp)}) = ${y(raw)}`;
    if (notes.length) text += `;${notes.join(',')},核定 ${y(amount)}`;
    lines.push({ text, amountFen: amount });
  }

  let allowanceFen = 0;
  let allowanceDays = 0;
  if (rule.allowancePerDayFen > 0 && input.hospitalDays > 0) {
    const daysLeft = Math.max(0, rule.allowanceMaxDays - prior.allowanceDaysUsed);
    allowanceDays = Math.min(input.hospitalDays, daysLeft);
    const raw = allowanceDays * rule.allowancePerDayFen;
    allowanceFen = Math.min(raw, overallLeft);
    overallLeft -= allowanceFen;
    let text = `住院生活补助:住院 ${input.hospitalDays} 天`;
    if (allowanceDays < input.hospitalDays) text += `(本年度最多补助 ${rule.allowanceMaxDays} 天,此前已补助 ${prior.allowanceDaysUsed} 天,本次计 ${allowanceDays} 天)`;
    text += `,${allowanceDays} 天 × ${y(rule.allowancePerDayFen)}/天 = ${y(raw)}`;
    if (allowanceFen < raw) text += `;超出本年度累计剩余限额,核定 ${y(allowanceFen)}`;
    lines.push({ text, amountFen: allowanceFen });
  }
  const amountFen = lines.reduce((s, l) => s + l.amountFen, 0);
  return { amountFen, deductibleAppliedFen: deductibleApplied, allowanceFen, allowanceDays, lines };
}
