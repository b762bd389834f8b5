import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { fenToYuan } from '@gonghui/contracts';
import { queryRows, type Db } from '../db/db-connection.js';
import { isUniqueViolation } from '../db/db-errors.js';
import { AppError, conflict, invalidField, notFound } from '../http/app-error.js';
import { shanghaiDate, shanghaiYear } from '../calendar/work-calendar.js';
import { benefitRecords, fundBudgets, ledgerEntries, payouts, type funds } from './ledger.schema.js';

export type Payout = typeof payouts.$inferSelect;
export type Fund = typeof funds.$inferSelect;

/** A fund's balance: the sum of its entries, in 分. */
export async function fundBalance(db: Db, fundId: string): Promise<number> {
  const [row] = await queryRows<{ b: string | null }>(db, sql`SELECT sum(amount_fen)::text AS b FROM ledger_entries WHERE fund_id = ${fundId}`);
  return Number(row?.b ?? 0);
}

/** Paid out of a fund in a year (optionally for one campaign), in 分. */
export async function fundSpent(db: Db, fundId: string, year: number, campaignId: string | null): Promise<number> {
  const [row] = await queryRows<{ s: string | null }>(
    db,
    sql`SELECT (-sum(amount_fen))::text AS s FROM ledger_entries
        WHERE fund_id = ${fundId} AND kind IN ('payout','reversal')
          AND created_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND created_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
          ${campaignId ? sql`AND campaign_id = ${campaignId}` : sql``}`,
  );
  return Number(row?.s ?? 0);
}

export interface IncomeInput {
  fundId: string;
  amountFen: number;
  businessType: string;
  businessKey: string;
  campaignId?: string | null;
  memo?: string | null;
  createdBy: string | null;
}

/** Money into a fund (a donation, an allocation); the business key makes it happen once (409 on a repeat). */
export async function recordIncome(tx: Db, input: IncomeInput): Promise<number> {
  checkAmount(input.amountFen);
  const rows = await tx
    .insert(ledgerEntries)
    .values({ fundId: input.fundId, kind: 'income', amountFen: input.amountFen, businessType: input.businessType, businessKey: input.businessKey, campaignId: input.campaignId ?? null, memo: input.memo ?? null, createdBy: input.createdBy })
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  if (!rows[0]) throw conflict('该笔收入已入账(业务编号重复)', 'DUPLICATE');
  return rows[0].id;
}

export interface PayoutInput {
  fundId: string;
  businessType: string;
  businessKey: string;
  programme: string;
  amountFen: number;
  memberId: string | null;
  householdId: string | null;
  orgId: string | null;
  payeeName: string;
  payeeAccountEnc: string | null;
  payeeAccountMasked: string | null;
  campaignId: string | null;
  description: string;
  idempotencyKey: string | null;
  createdBy: string | null;
}

/** Amounts are whole 分, positive, and exact in JavaScript. */
export function checkAmount(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw invalidField('amountFen', '金额应为大于0的整数(分)');
}

/** Namespaces of the two-key advisory locks that serialise payouts of one business key / one Idempotency-Key. */
const PAYOUT_KEY_LOCK = 727_100;
const IDEMPOTENCY_KEY_LOCK = 727_101;

/** Locks the fund row for the rest of the transaction (balance and budget checks, batches); null when it does not exist. */
export async function lockFund(tx: Db, fundId: string): Promise<{ id: string; status: string; org_id: string } | null> {
  const [fund] = await queryRows<{ id: string; status: string; org_id: string }>(tx, sql`SELECT id, status, org_id FROM funds WHERE id = ${fundId} FOR UPDATE`);
  return fund ?? null;
}

const requestHashOf = (p: PayoutInput) => createHash('sha256').update(JSON.stringify([p.fundId, p.businessType, p.businessKey, p.amountFen, p.memberId, p.householdId])).digest('hex');

/**
 * Pays once. The same business key (or the same Idempotency-Key with the same request) returns the
 * payout made the first time, `replayed: true`, also when two requests race: a transaction-level
 * advisory lock on the business key (and one on the Idempotency-Key) makes the second wait for the
 * first to commit, then read its row (the caller's transaction must be READ COMMITTED, the
 * default). A key reused for a different request is a 409. The fund row is locked while its
 * balance and budget are checked, so concurrent payouts of other cases cannot overdraw it. Writes
 * the ledger entry, the payout and the benefit record in the caller's transaction. The unique
 * constraints stay the last word should anything bypass this function.
 */
export async function payOnce(tx: Db, p: PayoutInput): Promise<{ payout: Payout; replayed: boolean }> {
  checkAmount(p.amountFen);
  const hash = requestHashOf(p);
  // business key first, then the Idempotency-Key: every caller takes them in this order (no deadlock)
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PAYOUT_KEY_LOCK}::int, hashtext(${`${p.businessType}:${p.businessKey}`}))`);
  if (p.idempotencyKey) await tx.execute(sql`SELECT pg_advisory_xact_lock(${IDEMPOTENCY_KEY_LOCK}::int, hashtext(${p.idempotencyKey}))`);
  if (p.idempotencyKey) {
    const [byKey] = await tx.select().from(payouts).where(eq(payouts.idempotencyKey, p.idempotencyKey));
    if (byKey) {
      if (byKey.requestHash !== hash) throw conflict('Idempotency-Key 已用于另一笔不同的支付请求', 'IDEMPOTENCY_MISMATCH');
      return { payout: byKey, replayed: true };
    }
  }
  const [byBusiness] = await tx
    .select()
    .from(payouts)
    .where(and(eq(payouts.businessType, p.businessType), eq(payouts.businessKey, p.businessKey)));
  if (byBusiness) return { payout: byBusiness, replayed: true };

  const fund = await lockFund(tx, p.fundId);
  if (!fund) throw notFound('资金');
  if (fund.status !== 'active') throw conflict('该资金已关闭,不能支付', 'FUND_CLOSED');
  const balance = await fundBalance(tx, p.fundId);
  if (balance < p.amountFen) throw new AppError(409, `资金余额不足:余额 ${fenToYuan(balance)} 元,需支付 ${fenToYuan(p.amountFen)} 元`, 'INSUFFICIENT_FUNDS');
  const year = shanghaiYear();
  for (const scopeKey of ['', ...(p.campaignId ? [p.campaignId] : [])]) {
    const [budget] = await tx
      .select()
      .from(fundBudgets)
      .where(and(eq(fundBudgets.fundId, p.fundId), eq(fundBudgets.year, year), eq(fundBudgets.scopeKey, scopeKey)));
    if (!budget) continue;
    const spent = await fundSpent(tx, p.fundId, year, scopeKey ? scopeKey : null);
    if (spent + p.amountFen > budget.amountFen) {
      throw new AppError(409, `超出${scopeKey ? '本次活动' : `${year}年度`}预算:预算 ${fenToYuan(budget.amountFen)} 元,已支出 ${fenToYuan(spent)} 元,本次 ${fenToYuan(p.amountFen)} 元`, 'OVER_BUDGET');
    }
  }

  const [entry] = await tx
    .insert(ledgerEntries)
    .values({ fundId: p.fundId, kind: 'payout', amountFen: -p.amountFen, businessType: p.businessType, businessKey: p.businessKey, campaignId: p.campaignId, memberId: p.memberId, householdId: p.householdId, memo: p.description, createdBy: p.createdBy })
    .returning({ id: ledgerEntries.id });
  const [payout] = await tx
    .insert(payouts)
    .values({
      fundId: p.fundId,
      businessType: p.businessType,
      businessKey: p.businessKey,
      idempotencyKey: p.idempotencyKey,
      requestHash: hash,
      programme: p.programme,
      amountFen: p.amountFen,
      memberId: p.memberId,
      householdId: p.householdId,
      orgId: p.orgId,
      payeeName: p.payeeName,
      payeeAccountEnc: p.payeeAccountEnc,
      payeeAccountMasked: p.payeeAccountMasked,
      entryId: entry!.id,
      createdBy: p.createdBy,
    })
    .returning();
  await tx.insert(benefitRecords).values({
    memberId: p.memberId,
    householdId: p.householdId,
    programme: p.programme,
    businessType: p.businessType,
    businessKey: p.businessKey,
    amountFen: p.amountFen,
    orgId: p.orgId,
    on: shanghaiDate(new Date()),
    description: p.description,
  });
  return { payout: payout!, replayed: false };
}

/**
 * Runs a payout (the caller's transaction around payOnce) and, when a racing request paid first
 * (a unique violation of the payout's or its entry's keys: it paid from another fund, or before
 * our lock), runs it once more: that run finds the first payout and replays it.
 */
export async function payOnceRacing<T>(pay: () => Promise<T>): Promise<T> {
  try {
    return await pay();
  } catch (e) {
    if (!['payouts_business_unique', 'payouts_idempotency_unique', 'ledger_entries_business_unique'].some((c) => isUniqueViolation(e, c))) throw e;
    return pay();
  }
}

export interface BenefitRecord {
  programme: string;
  businessType: string;
  businessKey: string;
  amountFen: number;
  on: string;
  description: string | null;
  memberId: string | null;
  householdId: string | null;
}

/** What a member or their household received (any programme), newest first. */
export async function benefitsOf(db: Db, who: { memberId: string | null; householdId: string | null }, sinceDate?: string): Promise<BenefitRecord[]> {
  if (!who.memberId && !who.householdId) return [];
  const conds = [];
  if (who.memberId) conds.push(sql`member_id = ${who.memberId}`);
  if (who.householdId) conds.push(sql`household_id = ${who.householdId}`);
  return queryRows<BenefitRecord>(
    db,
    sql`SELECT programme, business_type AS "businessType", business_key AS "businessKey", amount_fen::float8 AS "amountFen", "on"::text AS "on", description,
          member_id AS "memberId", household_id AS "householdId"
        FROM benefit_records WHERE (${sql.join(conds, sql` OR `)}) ${sinceDate ? sql`AND "on" >= ${sinceDate}::date` : sql``}
        ORDER BY "on" DESC, id DESC LIMIT 200`,
  );
}

/**
 * Double-aid warnings: benefits the same member or household already received this year (Asia/
 * Shanghai), from any programme, other than the case at hand. Shown to reviewers; not a refusal.
 */
export async function doubleAidWarnings(db: Db, who: { memberId: string | null; householdId: string | null }, exclude: { businessType: string; businessKey: string }): Promise<string[]> {
  const year = shanghaiDate(new Date()).slice(0, 4);
  const prior = (await benefitsOf(db, who, `${year}-01-01`)).filter((b) => !(b.businessType === exclude.businessType && b.businessKey === exclude.businessKey));
  return prior.map((b) => `${b.on} 已获${PROGRAMME_LABELS[b.programme] ?? b.programme} ${fenToYuan(b.amountFen)} 元${b.description ? `(${b.description})` : ''}`);
}

/** The programmes whose payouts land in the benefits history. */
export const PROGRAMME_LABELS: Record<string, string> = {
  hardship_aid: '春风行动/困难帮扶',
  condolence: '送温暖慰问',
  mutual_aid: '医疗互助',
  education_aid: '助学',
  craftsman_award: '杭州工匠奖励',
  innovation_reward: '职工创新奖励',
};
