import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { MUTUAL_AID_ENROLMENT_STATE_LABELS, fenToYuan, type MutualAidRoster, type mutualAidEnrolBodySchema, type mutualAidPaymentBodySchema, type mutualAidRosterQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg, scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { incomeBusinessKey, incomeBusinessType } from '../../platform/ledger/fund-money.service.js';
import { lockFund, recordIncome } from '../../platform/ledger/ledger.service.js';
import { mutualAidPayments } from './mutual-aid.schema.js';
import { enrolmentWindow, periodRowOrThrow, today, type MutualAidContext, type PeriodRow } from './mutual-aid-period.service.js';
import { rosterRows, rosterSummary } from './mutual-aid-roster.repository.js';

/** A member's contribution: the enabled parts' contributions (女职工特殊疾病 for women only). */
export const contributionOf = (p: Pick<PeriodRow, 'plan'>, gender: string): number =>
  p.plan.filter((r) => r.enabled && (r.part !== 'women_special' || gender === 'female')).reduce((s, r) => s + r.contributionFen, 0);

/** The grassroots union whose roster is asked for, in the caller's scope (404 otherwise). */
export async function unionInScope(db: Db, auth: AuthContext, orgId: string): Promise<{ id: string; name: string }> {
  const [org] = await queryRows<{ id: string; name: string; kind: string }>(db, sql`SELECT id, name, kind FROM orgs WHERE id = ${orgId}`);
  if (!org || !(await scopeIncludesOrg(db, auth.scope, orgId))) throw notFound('工会');
  if (org.kind !== 'grassroots') throw invalidField('orgId', '团体参保由基层工会办理,请选择一个基层工会');
  return org;
}

export const normaliseReceipt = (s: string): string => s.replace(/\s/g, '').toUpperCase();

export async function getRoster(ctx: MutualAidContext, auth: AuthContext, periodId: string, q: z.infer<typeof mutualAidRosterQuerySchema>): Promise<MutualAidRoster> {
  const period = await periodRowOrThrow(ctx.db, periodId);
  const org = await unionInScope(ctx.db, auth, q.orgId);
  const on = today();
  const f = { state: q.state, q: q.q };
  const [rows, s, payments] = [
    await rosterRows(ctx.db, periodId, org.id, on, f, q.pageSize, (q.page - 1) * q.pageSize),
    await rosterSummary(ctx.db, periodId, org.id, on, f),
    await queryRows<{ id: string; receipt_no: string; amount_fen: number; paid_on: string; member_count: number; note: string | null; created_at: string }>(
      ctx.db,
      sql`SELECT id, receipt_no, amount_fen::float8 AS amount_fen, paid_on::text AS paid_on, member_count, note, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
          FROM mutual_aid_payments WHERE period_id = ${periodId} AND org_id = ${org.id} ORDER BY created_at`,
    ),
  ];
  const canManage = auth.permissions.has('mutual-aid:enrolment:manage');
  return {
    orgId: org.id,
    orgName: org.name,
    items: rows.map((r) => ({
      memberId: r.member_id,
      memberName: r.member_name,
      gender: r.gender,
      idCard: r.id_card_masked,
      memberStatus: r.member_status,
      enrolmentId: r.enrolment_id,
      state: r.state,
      stateLabel: MUTUAL_AID_ENROLMENT_STATE_LABELS[r.state],
      contributionFen: r.contribution_fen ?? contributionOf(period, r.gender),
      late: r.late ?? false,
      coveredFrom: r.covered_from,
      receiptNo: r.receipt_no,
      enrolledAt: r.enrolled_at,
    })),
    total: s.total,
    page: q.page,
    pageSize: q.pageSize,
    summary: { activeMembers: s.active_members, enrolled: s.enrolled, unpaid: s.unpaid, unpaidFen: s.unpaid_fen, covered: s.covered, waiting: s.waiting, withdrawn: s.withdrawn, paidFen: s.paid_fen },
    payments: payments.map((p) => ({ id: p.id, receiptNo: p.receipt_no, amountFen: p.amount_fen, paidOn: p.paid_on, memberCount: p.member_count, note: p.note, createdAt: p.created_at })),
    abilities: { canEnrol: canManage && enrolmentWindow(period, on).open, canPay: canManage && s.unpaid > 0 },
  };
}

/** Enrols picked (or all) active members of a union: one row per member and period; those already in are skipped. */
export async function enrolMembers(ctx: MutualAidContext, auth: AuthContext, actor: Actor, periodId: string, body: z.infer<typeof mutualAidEnrolBodySchema>) {
  const period = await periodRowOrThrow(ctx.db, periodId);
  const org = await unionInScope(ctx.db, auth, body.orgId);
  const window = enrolmentWindow(period);
  if (!window.open) throw conflict(window.reason ?? '本期不受理参保', 'ENROLMENT_CLOSED');
  const picked = body.all ? null : [...new Set(body.memberIds ?? [])];
  const people = await queryRows<{ id: string; gender: string }>(
    ctx.db,
    sql`SELECT id, gender FROM members WHERE org_id = ${org.id} AND status = 'active'
        ${picked ? sql`AND id IN (${sql.join(picked.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}`,
  );
  if (picked && people.length !== picked.length) throw invalidField('memberIds', `${picked.length - people.length} 名会员不是本工会的在册会员,不能参保`);
  const enrolled = await ctx.db.transaction(async (tx) => {
    let n = 0;
    for (let i = 0; i < people.length; i += 500) {
      const chunk = people.slice(i, i + 500);
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO mutual_aid_enrolments (period_id, member_id, org_id, contribution_fen, late, enrolled_by)
            VALUES ${sql.join(chunk.map((m) => sql`(${periodId}::uuid, ${m.id}::uuid, ${org.id}::uuid, ${contributionOf(period, m.gender)}, ${window.late}, ${auth.user.id}::uuid)`), sql`, `)}
            ON CONFLICT (period_id, member_id) DO NOTHING RETURNING id`,
      );
      n += rows.length;
    }
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'mutual_aid_enrolment', objectId: `${periodId}:${org.id}`, detail: { periodId, orgId: org.id, enrolled: n, late: window.late } }, true);
    return n;
  });
  return { enrolled, late: window.late, skipped: people.length - enrolled };
}

/** A member leaves the union: their enrolment is withdrawn (contributions are not refunded). */
export async function withdrawEnrolment(ctx: MutualAidContext, auth: AuthContext, actor: Actor, enrolmentId: string, reason: string): Promise<void> {
  const [e] = await queryRows<{ id: string; status: string }>(
    ctx.db,
    sql`SELECT e.id, e.status FROM mutual_aid_enrolments e WHERE e.id = ${enrolmentId} AND ${scopePredicate(auth.scope, { org: sql`e.org_id` })}`,
  );
  if (!e) throw notFound('参保记录');
  if (e.status === 'withdrawn') throw conflict('该会员已退出本期医疗互助', 'ILLEGAL_TRANSITION');
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE mutual_aid_enrolments SET status = 'withdrawn', withdrawn_at = now(), withdrawn_reason = ${reason}, updated_at = now() WHERE id = ${enrolmentId}`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'mutual_aid_enrolment', objectId: enrolmentId, detail: { status: { from: e.status, to: 'withdrawn' }, reason } }, true);
  });
}

/**
 * The union's payment of its unpaid members' contributions: the amount must equal what is due
 * (422 naming the difference otherwise); the receipt number is unique; the money is booked as an
 * income of the period's fund, and the members are covered from the period start (on time) or
 * after the waiting period (late enrolments).
 */
export async function recordPayment(ctx: MutualAidContext, auth: AuthContext, actor: Actor, periodId: string, body: z.infer<typeof mutualAidPaymentBodySchema>): Promise<{ paymentId: string; members: number }> {
  const period = await periodRowOrThrow(ctx.db, periodId);
  const org = await unionInScope(ctx.db, auth, body.orgId);
  if (body.paidOn > today()) throw invalidField('paidOn', '缴费日期不能晚于今天');
  const receiptNo = body.receiptNo.trim();
  const norm = normaliseReceipt(receiptNo);
  try {
    return await ctx.db.transaction(async (tx) => {
      const due = await queryRows<{ id: string; contribution_fen: number }>(
        tx,
        sql`SELECT id, contribution_fen::float8 AS contribution_fen FROM mutual_aid_enrolments WHERE period_id = ${periodId} AND org_id = ${org.id} AND status = 'unpaid' ORDER BY id FOR UPDATE`,
      );
      if (due.length === 0) throw conflict('本工会没有待缴费的参保会员', 'NOTHING_DUE');
      const expected = due.reduce((s, e) => s + e.contribution_fen, 0);
      if (body.amountFen !== expected) {
        const diff = body.amountFen - expected;
        throw invalidField('amountFen', `缴费金额 ${fenToYuan(body.amountFen)} 元与应缴 ${fenToYuan(expected)} 元(${due.length} 人)不符,${diff > 0 ? '多缴' : '少缴'} ${fenToYuan(Math.abs(diff))} 元`);
      }
      const [pay] = await tx
        .insert(mutualAidPayments)
        .values({ periodId, orgId: org.id, receiptNo, receiptNoNorm: norm, amountFen: expected, paidOn: body.paidOn, memberCount: due.length, note: body.note ?? null, createdBy: auth.user.id })
        .returning({ id: mutualAidPayments.id });
      await lockFund(tx, period.fund_id);
      const entryId = await recordIncome(tx, {
        fundId: period.fund_id,
        amountFen: expected,
        businessType: incomeBusinessType('other'),
        businessKey: incomeBusinessKey(period.fund_id, receiptNo),
        memo: `${period.name}会费:${org.name} ${due.length} 人`,
        createdBy: auth.user.id,
      });
      await tx.execute(sql`UPDATE mutual_aid_payments SET ledger_entry_id = ${entryId} WHERE id = ${pay!.id}`);
      await tx.execute(sql`UPDATE mutual_aid_enrolments SET status = 'paid', payment_id = ${pay!.id}, updated_at = now(),
          covered_from = CASE WHEN late THEN greatest(${period.starts_on}::date, ${body.paidOn}::date + ${period.late_waiting_days}::int) ELSE ${period.starts_on}::date END
        WHERE id IN (${sql.join(due.map((e) => sql`${e.id}::uuid`), sql`, `)})`);
      await recordAudit(tx, actor, { action: 'ledger.income', objectType: 'mutual_aid_payment', objectId: pay!.id, detail: { periodId, orgId: org.id, receiptNo, amountFen: expected, members: due.length, fundId: period.fund_id, entryId } }, true);
      return { paymentId: pay!.id, members: due.length };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'mutual_aid_payments_receipt_unique') || isUniqueViolation(e, 'ledger_entries_business_unique')) throw conflictField('receiptNo', `收据号「${receiptNo}」已登记过,不能重复使用`);
    throw e;
  }
}
