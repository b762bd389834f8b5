import type { EducationRefundGround } from '@gonghui/contracts';

/** Grounds refunding the whole tuition, whenever obtained (高级技师, 县级及以上劳模, 五一劳动奖章). */
const FULL_TUITION: ReadonlySet<EducationRefundGround> = new Set(['senior_technician', 'model_worker', 'may_day_medal']);

export interface RefundInput {
  tuitionFen: number;
  ground: EducationRefundGround;
  obtainedOn: string;
  graduatedOn: string | null;
  /** what this student has already been paid under the plan (the fixed grant, earlier refunds) */
  alreadyPaidFen: number;
}

/**
 * The 圆梦计划 tuition refund (domain.md): the whole tuition for a 高级技师, a county-level or higher
 * 劳模 or a 五一 medal holder; 90% of it for a 高级工 or 技师 certificate obtained before graduating;
 * nothing otherwise. What the student was already paid under the plan counts towards it, so the
 * plan never pays more than the entitled share of the tuition. Integer 分, rounded down.
 */
export function educationRefund(r: RefundInput): { refundFen: number; percent: number; reason: string } {
  if (FULL_TUITION.has(r.ground)) return settle(r, 100, '全额退还学费');
  if (r.graduatedOn && r.obtainedOn > r.graduatedOn) return { refundFen: 0, percent: 0, reason: '高级工或技师证书须在毕业前取得,毕业后取得的不退还学费' };
  return settle(r, 90, '退还学费的90%');
}

function settle(r: RefundInput, percent: number, basis: string): { refundFen: number; percent: number; reason: string } {
  const entitled = Math.floor((r.tuitionFen * percent) / 100);
  const refundFen = Math.max(0, entitled - r.alreadyPaidFen);
  const reason = refundFen > 0 ? `${basis}:应退 ${entitled / 100} 元,已付 ${r.alreadyPaidFen / 100} 元` : `${basis}:应退 ${entitled / 100} 元,已全部支付`;
  return { refundFen, percent, reason };
}
