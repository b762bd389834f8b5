import { sql } from 'drizzle-orm';
import { fenToYuan } from '@gonghui/contracts';
import { queryRows, type Db } from '../db/db-connection.js';
import { AppError, conflict, notFound } from '../http/app-error.js';
import { ledgerEntries } from './ledger.schema.js';
import { checkAmount, fundBalance, lockFund } from './ledger.service.js';

/** How the ledger names direct spending entries (by business type). */
export const DIRECT_SPENDING_LABELS: Record<string, string> = { union_spending: '工会经费支出' };

/**
 * Money a fund spends directly (a union's 经费支出: an activity, a purchase), without a payout to a
 * person and a bank batch: one payout entry (negative) per business key, the fund locked while its
 * balance is checked; and its undo, one reversal entry (positive) of the same key. Both in the
 * caller's transaction; a repeat of either key is a 409 (the unique index is the last word).
 */
export interface SpendingEntryInput {
  fundId: string;
  amountFen: number;
  businessType: string;
  businessKey: string;
  memo: string | null;
  createdBy: string | null;
}

/** Posts a spending: refused (409 INSUFFICIENT_FUNDS) when the fund's balance is smaller. Returns the entry id. */
export async function recordSpending(tx: Db, input: SpendingEntryInput): Promise<number> {
  checkAmount(input.amountFen);
  const fund = await lockFund(tx, input.fundId);
  if (!fund) throw notFound('资金');
  if (fund.status !== 'active') throw conflict('该资金已关闭,不能支出', 'FUND_CLOSED');
  const balance = await fundBalance(tx, input.fundId);
  if (balance < input.amountFen) throw new AppError(409, `经费余额不足:余额 ${fenToYuan(balance)} 元,本次支出 ${fenToYuan(input.amountFen)} 元`, 'INSUFFICIENT_FUNDS', [{ path: 'amountFen', message: `经费余额不足(余额 ${fenToYuan(balance)} 元)` }]);
  const rows = await tx
    .insert(ledgerEntries)
    .values({ fundId: input.fundId, kind: 'payout', amountFen: -input.amountFen, businessType: input.businessType, businessKey: input.businessKey, memo: input.memo, createdBy: input.createdBy })
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  if (!rows[0]) throw conflict('该笔支出已入账(业务编号重复)', 'DUPLICATE');
  return rows[0].id;
}

/** Undoes a posted spending with a reversal entry of the same key (+amount); a second reversal is a 409. */
export async function reverseSpending(tx: Db, input: SpendingEntryInput): Promise<number> {
  checkAmount(input.amountFen);
  await lockFund(tx, input.fundId);
  const rows = await tx
    .insert(ledgerEntries)
    .values({ fundId: input.fundId, kind: 'reversal', amountFen: input.amountFen, businessType: input.businessType, businessKey: input.businessKey, memo: input.memo, createdBy: input.createdBy })
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  if (!rows[0]) throw conflict('该笔支出已冲销', 'ALREADY_REVERSED');
  return rows[0].id;
}

/** A fund's income and spending (payouts net of reversals), in 分. */
export async function fundIncomeAndSpending(db: Db, fundId: string): Promise<{ incomeFen: number; spentFen: number; balanceFen: number }> {
  const [row] = await queryRows<{ income: number; spent: number }>(
    db,
    sql`SELECT coalesce(sum(amount_fen) FILTER (WHERE kind = 'income'), 0)::float8 AS income, coalesce(-sum(amount_fen) FILTER (WHERE kind <> 'income'), 0)::float8 AS spent
        FROM ledger_entries WHERE fund_id = ${fundId}`,
  );
  const incomeFen = row?.income ?? 0;
  const spentFen = row?.spent ?? 0;
  return { incomeFen, spentFen, balanceFen: incomeFen - spentFen };
}
