import { sql } from 'drizzle-orm';
import { MUTUAL_AID_PART_LABELS, type MutualAidPart, type MutualAidPartRule } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { AppError, invalid, invalidField } from '../../platform/http/app-error.js';
import { periodOn, ruleOf, today, type PeriodRow } from './mutual-aid-period.service.js';
import { HOLDING_STATUSES } from './mutual-aid-claim.repository.js';
import { computePayout, hospitalDaysBetween, type PayoutResult, type PriorUsage } from './mutual-aid-payout.js';
import { MUTUAL_AID_WORKFLOW_TYPE } from './mutual-aid-workflow.js';

export interface InvoiceInput {
  invoiceNo: string;
  invoiceDate: string;
  totalFen: number;
  selfPayFen: number;
}

export interface ClaimFacts {
  part: MutualAidPart;
  hospital: string;
  admissionDate: string;
  dischargeDate?: string | null;
  diagnosis: string;
  invoices: InvoiceInput[];
}

/** The invoice number uniqueness is decided on: half-width, without blanks and dashes, upper case. */
export const normaliseInvoiceNo = (s: string): string => s.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

/** Invoices numbered twice in one claim, or already used by another claim (any member): 422 naming the earlier claim. */
export async function checkInvoicesFree(db: Db, invoices: InvoiceInput[], exceptClaimId: string | null): Promise<void> {
  const seen = new Map<string, number>();
  invoices.forEach((inv, i) => {
    const n = normaliseInvoiceNo(inv.invoiceNo);
    if (seen.has(n)) throw invalidField(`invoices.${i}.invoiceNo`, `发票 ${inv.invoiceNo} 在本申请中重复填写`);
    seen.set(n, i);
  });
  const taken = await queryRows<{ norm: string; claim_no: string }>(
    db,
    sql`SELECT i.invoice_no_norm AS norm, c.claim_no FROM mutual_aid_claim_invoices i JOIN mutual_aid_claims c ON c.id = i.claim_id
        WHERE i.invoice_no_norm IN (${sql.join([...seen.keys()].map((n) => sql`${n}`), sql`, `)}) ${exceptClaimId ? sql`AND i.claim_id <> ${exceptClaimId}::uuid` : sql``}`,
  );
  if (taken.length) {
    throw invalid(
      taken.map((t) => {
        const i = seen.get(t.norm)!;
        return { path: `invoices.${i}.invoiceNo`, message: `发票 ${invoices[i]!.invoiceNo} 已在申请 ${t.claim_no} 中使用` };
      }),
      `发票 ${invoices[seen.get(taken[0]!.norm)!]!.invoiceNo} 已在申请 ${taken[0]!.claim_no} 中使用,同一张发票不能重复报销`,
    );
  }
}

/** A unique violation of the invoice index (a racing claim won): the same 422 as the check before. */
export async function invoiceRaceError(db: Db, e: unknown, invoices: InvoiceInput[], claimId: string | null): Promise<unknown> {
  if (!isUniqueViolation(e, 'mutual_aid_claim_invoices_no_unique')) return e;
  try {
    await checkInvoicesFree(db, invoices, claimId);
  } catch (err) {
    if (err instanceof AppError) return err;
  }
  return invalidField('invoices', '发票已在其他申请中使用');
}

export interface Coverage {
  period: PeriodRow;
  rule: MutualAidPartRule;
  enrolmentId: string;
}

/** Whether the member is covered for this claim: enrolled and paid for the period of the dates, past any waiting period, the part open to them. */
export async function coverageFor(db: Db, member: { id: string; gender: string; status: string }, f: ClaimFacts): Promise<Coverage> {
  if (member.status !== 'active') throw invalidField('memberId', '只有在册会员可以申请医疗互助');
  if (f.admissionDate > today()) throw invalidField('admissionDate', '就诊(入院)日期不能晚于今天');
  const period = await periodOn(db, f.admissionDate);
  if (!period) throw invalidField('admissionDate', `${f.admissionDate} 不在任何医疗互助保障年度内`);
  if (f.dischargeDate && f.dischargeDate > period.ends_on) throw invalidField('dischargeDate', `出院日期超出${period.name}保障期(至 ${period.ends_on})`);
  f.invoices.forEach((inv, i) => {
    if (inv.invoiceDate < period.starts_on || inv.invoiceDate > period.ends_on) throw invalidField(`invoices.${i}.invoiceDate`, `开票日期不在${period.name}保障期内(${period.starts_on} 至 ${period.ends_on})`);
  });
  const rule = ruleOf(period, f.part);
  if (!rule?.enabled) throw invalidField('part', `${period.name}未开办「${MUTUAL_AID_PART_LABELS[f.part]}」保障`);
  if (f.part === 'women_special' && member.gender !== 'female') throw invalidField('part', '女职工特殊疾病保障仅限女职工申请');
  const [e] = await queryRows<{ id: string; status: string; covered_from: string | null }>(
    db,
    sql`SELECT id, status, covered_from::text AS covered_from FROM mutual_aid_enrolments WHERE period_id = ${period.id} AND member_id = ${member.id}`,
  );
  if (!e) throw invalidField('memberId', `该会员未参加${period.name},不能申请`);
  if (e.status === 'withdrawn') throw invalidField('memberId', `该会员已退出${period.name}(离会),不能申请`);
  if (e.status === 'unpaid') throw invalidField('memberId', `所在工会尚未缴纳${period.name}互助金,保障尚未生效`);
  if (e.covered_from && e.covered_from > f.admissionDate) {
    throw invalidField('admissionDate', `逾期参保等待期内:保障自 ${e.covered_from} 起生效,${f.admissionDate} 的就医不在保障范围内`);
  }
  return { period, rule, enrolmentId: e.id };
}

/** What the member's other claims of the period hold now (submitted, in review or approved). */
export async function priorUsage(db: Db, enrolmentId: string, part: string, exceptClaimId: string | null): Promise<PriorUsage> {
  const [u] = await queryRows<{ ded: number; part_paid: number; period_paid: number; days: number }>(
    db,
    sql`SELECT coalesce(sum(c.deductible_fen) FILTER (WHERE c.part = ${part}), 0)::float8 AS ded,
          coalesce(sum(c.computed_fen - c.allowance_fen) FILTER (WHERE c.part = ${part}), 0)::float8 AS part_paid,
          coalesce(sum(c.computed_fen), 0)::float8 AS period_paid,
          coalesce(sum(c.allowance_days) FILTER (WHERE c.part = ${part}), 0)::int AS days
        FROM mutual_aid_claims c JOIN workflow_instances w ON w.business_type = ${MUTUAL_AID_WORKFLOW_TYPE} AND w.business_id = c.id
        WHERE c.enrolment_id = ${enrolmentId} AND w.status IN ${HOLDING_STATUSES} ${exceptClaimId ? sql`AND c.id <> ${exceptClaimId}::uuid` : sql``}`,
  );
  return { deductibleUsedFen: u?.ded ?? 0, partPaidFen: u?.part_paid ?? 0, periodPaidFen: u?.period_paid ?? 0, allowanceDaysUsed: u?.days ?? 0 };
}

/** The payout of a claim now, by its period's plan and the member's other claims. */
export async function payoutFor(db: Db, cov: Coverage, f: ClaimFacts, claimId: string | null): Promise<PayoutResult> {
  const prior = await priorUsage(db, cov.enrolmentId, f.part, claimId);
  return computePayout({
    rule: cov.rule,
    overallCapFen: cov.period.overall_cap_fen,
    invoices: f.invoices.map((i) => ({ invoiceNo: i.invoiceNo.trim(), selfPayFen: i.selfPayFen })),
    hospitalDays: hospitalDaysBetween(f.admissionDate, f.dischargeDate ?? null),
    prior,
  });
}

/** Writes the computed payout onto the claim. */
export async function storePayout(tx: Db, claimId: string, r: PayoutResult): Promise<void> {
  await tx.execute(sql`UPDATE mutual_aid_claims SET computed_fen = ${r.amountFen}, deductible_fen = ${r.deductibleAppliedFen}, allowance_fen = ${r.allowanceFen},
      allowance_days = ${r.allowanceDays}, explanation = ${JSON.stringify(r.lines)}::jsonb, updated_at = now() WHERE id = ${claimId}`);
}

/** Replaces a claim's invoices (the unique index on the normalised number decides between racing claims). */
export async function saveInvoices(tx: Db, claimId: string, invoices: InvoiceInput[]): Promise<void> {
  await tx.execute(sql`DELETE FROM mutual_aid_claim_invoices WHERE claim_id = ${claimId}`);
  await tx.execute(sql`INSERT INTO mutual_aid_claim_invoices (claim_id, sort, invoice_no, invoice_no_norm, invoice_date, total_fen, self_pay_fen)
    VALUES ${sql.join(
      invoices.map((i, k) => sql`(${claimId}::uuid, ${k}, ${i.invoiceNo.trim()}, ${normaliseInvoiceNo(i.invoiceNo)}, ${i.invoiceDate}::date, ${i.totalFen}, ${i.selfPayFen})`),
      sql`, `,
    )}`);
  await tx.execute(sql`UPDATE mutual_aid_claims SET self_pay_fen = ${invoices.reduce((s, i) => s + i.selfPayFen, 0)} WHERE id = ${claimId}`);
}

const CLAIM_NO_LOCK = 727_300;

/** HZ-MA-<year>-<serial of 6>, serial per year. */
export async function nextClaimNo(tx: Db, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CLAIM_NO_LOCK}, ${year})`);
  const prefix = `HZ-MA-${year}-`;
  const [last] = await queryRows<{ n: number | null }>(tx, sql`SELECT max(substr(claim_no, ${prefix.length + 1})::int) AS n FROM mutual_aid_claims WHERE claim_no LIKE ${`${prefix}%`}`);
  return `${prefix}${String((last?.n ?? 0) + 1).padStart(6, '0')}`;
}
