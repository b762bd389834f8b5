import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maskBankAccount } from '@gonghui/contracts';
import type { TestApp } from './test-app.js';
import { queryRows } from '../platform/db/db-connection.js';
import { fundBudgets, funds } from '../platform/ledger/ledger.schema.js';
import { payOnce, recordIncome, type PayoutInput } from '../platform/ledger/ledger.service.js';
import { shanghaiYear } from '../platform/calendar/work-calendar.js';

/** Helpers for the ledger tests: funds written straight through the ledger service, payouts through payOnce. */
export const thisYear = (): number => shanghaiYear();

let serial = 0;

export interface SeedFund {
  orgId: string;
  name?: string;
  /** an opening income (拨款) */
  incomeFen?: number;
  /** this year's whole-year budget */
  budgetFen?: number;
}

export async function seedFund(t: TestApp, f: SeedFund): Promise<string> {
  serial++;
  const [row] = await t.ctx.db
    .insert(funds)
    .values({ code: `TEST${process.pid}${String(serial).padStart(4, '0')}`, name: f.name ?? `测试资金${serial}`, source: 'district', orgId: f.orgId })
    .returning({ id: funds.id });
  const fundId = row!.id;
  if (f.incomeFen) await t.ctx.db.transaction((tx) => recordIncome(tx, { fundId, amountFen: f.incomeFen!, businessType: 'test_income', businessKey: `${fundId}:opening`, createdBy: null }));
  if (f.budgetFen !== undefined) await t.ctx.db.insert(fundBudgets).values({ fundId, year: thisYear(), amountFen: f.budgetFen });
  return fundId;
}

/** A payout request with a fresh business key and a fresh member unless told otherwise. */
export function payoutInput(t: TestApp, fundId: string, orgId: string, over: Partial<PayoutInput> = {}): PayoutInput {
  const account = over.payeeAccountEnc === null ? null : `62220212345${String(++serial).padStart(8, '0')}`;
  return {
    fundId,
    businessType: 'aid.application',
    businessKey: randomUUID(),
    programme: 'hardship_aid',
    amountFen: 50_000,
    memberId: randomUUID(),
    householdId: null,
    orgId,
    payeeName: '张建国',
    payeeAccountEnc: account ? t.ctx.crypto.encrypt(account) : null,
    payeeAccountMasked: account ? maskBankAccount(account) : null,
    campaignId: null,
    description: '助困',
    idempotencyKey: null,
    createdBy: null,
    ...over,
  };
}

export const pay = (t: TestApp, input: PayoutInput) => t.ctx.db.transaction((tx) => payOnce(tx, input));

export interface LedgerFigures {
  balance: number;
  entries: number;
  payouts: number;
  benefits: number;
}

/** What a fund's ledger holds, and how many benefit records exist in all. */
export async function ledgerFigures(t: TestApp, fundId: string): Promise<LedgerFigures> {
  const [row] = await queryRows<LedgerFigures>(
    t.ctx.db,
    sql`SELECT coalesce((SELECT sum(amount_fen) FROM ledger_entries WHERE fund_id = ${fundId}), 0)::float8 AS balance,
          (SELECT count(*) FROM ledger_entries WHERE fund_id = ${fundId})::int AS entries,
          (SELECT count(*) FROM payouts WHERE fund_id = ${fundId})::int AS payouts,
          (SELECT count(*) FROM benefit_records)::int AS benefits`,
  );
  return row!;
}

/** The message of a database error, whichever driver raised it (Drizzle wraps it in `cause`). */
export function dbErrorText(e: unknown): string {
  const err = e as { message?: string; cause?: { message?: string } };
  return `${err.message ?? ''} ${err.cause?.message ?? ''}`;
}
