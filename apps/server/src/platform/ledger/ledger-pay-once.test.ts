import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cityOrg } from '../../test-support/fixtures.js';
import { dbErrorText, ledgerFigures, pay, payoutInput, seedFund, thisYear } from '../../test-support/ledger-fixtures.js';
import { queryRows } from '../db/db-connection.js';
import { fundBudgets } from './ledger.schema.js';
import { fundBalance, fundSpent, payOnce } from './ledger.service.js';

describe('payOnce: a payout happens once (security.md 24), within balance and budget', () => {
  let t: TestApp;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await cityOrg(t)).id;
  });
  afterAll(() => t.close());

  it('pays: one payout entry (negative), one payout row (pending), one benefit record', async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 1_000_000 });
    const before = await ledgerFigures(t, fundId);
    const { payout, replayed } = await pay(t, payoutInput(t, fundId, orgId, { amountFen: 123_456 }));
    expect(replayed).toBe(false);
    expect(payout).toMatchObject({ status: 'pending', amountFen: 123_456, programme: 'hardship_aid' });
    const after = await ledgerFigures(t, fundId);
    expect(after).toEqual({ balance: 1_000_000 - 123_456, entries: before.entries + 1, payouts: 1, benefits: before.benefits + 1 });
    const [entry] = await queryRows<{ amount_fen: string; kind: string }>(t.ctx.db, sql`SELECT amount_fen::text, kind FROM ledger_entries WHERE id = ${payout.entryId}`);
    expect(entry).toEqual({ amount_fen: '-123456', kind: 'payout' });
  });

  it('the same business key twice pays once: balance, entries and benefit records unchanged by the replay', async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 1_000_000 });
    const input = payoutInput(t, fundId, orgId, { idempotencyKey: randomUUID() });
    const first = await pay(t, input);
    const afterFirst = await ledgerFigures(t, fundId);
    // the same request again (a retry with the same Idempotency-Key)
    const again = await pay(t, input);
    // the same case with a new key (a second click, another tab)
    const secondClick = await pay(t, { ...input, idempotencyKey: randomUUID() });
    // and with no key at all
    const noKey = await pay(t, { ...input, idempotencyKey: null });
    for (const r of [again, secondClick, noKey]) {
      expect(r.replayed).toBe(true);
      expect(r.payout.id).toBe(first.payout.id);
    }
    expect(await ledgerFigures(t, fundId)).toEqual(afterFirst);
    expect(afterFirst.balance).toBe(1_000_000 - input.amountFen);
  });

  it('the same Idempotency-Key with a different request is a 409 IDEMPOTENCY_MISMATCH, and pays nothing', async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 1_000_000 });
    const key = randomUUID();
    const input = payoutInput(t, fundId, orgId, { idempotencyKey: key });
    await pay(t, input);
    const before = await ledgerFigures(t, fundId);
    await expect(pay(t, { ...input, amountFen: input.amountFen + 1 })).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_MISMATCH' });
    await expect(pay(t, { ...input, businessKey: randomUUID() })).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_MISMATCH' });
    expect(await ledgerFigures(t, fundId)).toEqual(before);
  });

  it('racing calls for one case (Promise.all of transactions) pay once; on PGlite they serialise, on PostgreSQL they wait on the key lock', async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 1_000_000 });
    const input = payoutInput(t, fundId, orgId);
    const racers = Array.from({ length: 6 }, (_v, i) =>
      t.ctx.db.transaction(async (tx) => {
        const r = await payOnce(tx, { ...input, idempotencyKey: i % 2 ? randomUUID() : null });
        // hold the locks a moment, so the others really queue behind the winner on PostgreSQL
        await tx.execute(sql`SELECT pg_sleep(0.05)`);
        return r;
      }),
    );
    const results = await Promise.all(racers);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.payout.id)).size).toBe(1);
    const figures = await ledgerFigures(t, fundId);
    expect(figures).toMatchObject({ balance: 1_000_000 - input.amountFen, entries: 2, payouts: 1 });
  });

  it('racing payouts of different cases cannot overdraw a fund (the fund row is locked)', async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 100_000 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => pay(t, payoutInput(t, fundId, orgId, { amountFen: 30_000 }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: 'INSUFFICIENT_FUNDS' });
    expect((await ledgerFigures(t, fundId)).balance).toBe(10_000);
  });

  it('refuses a payout above the balance (409 INSUFFICIENT_FUNDS) and writes nothing', async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 100_00 });
    const before = await ledgerFigures(t, fundId);
    const err = await pay(t, payoutInput(t, fundId, orgId, { amountFen: 200_00 })).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 409, code: 'INSUFFICIENT_FUNDS' });
    expect(String((err as Error).message)).toContain('余额 100.00 元');
    expect(await ledgerFigures(t, fundId)).toEqual(before);
  });

  it("refuses a payout beyond this year's budget (409 OVER_BUDGET), and beyond a campaign's budget", async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 10_000_000, budgetFen: 500_000 });
    await pay(t, payoutInput(t, fundId, orgId, { amountFen: 300_000 }));
    expect(await fundSpent(t.ctx.db, fundId, thisYear(), null)).toBe(300_000);
    const before = await ledgerFigures(t, fundId);
    await expect(pay(t, payoutInput(t, fundId, orgId, { amountFen: 200_001 }))).rejects.toMatchObject({ status: 409, code: 'OVER_BUDGET' });
    expect(await ledgerFigures(t, fundId)).toEqual(before);
    // exactly up to the budget is fine
    await pay(t, payoutInput(t, fundId, orgId, { amountFen: 200_000 }));

    const campaignId = randomUUID();
    const other = await seedFund(t, { orgId, incomeFen: 10_000_000 });
    await t.ctx.db.insert(fundBudgets).values({ fundId: other, year: thisYear(), scopeKey: campaignId, amountFen: 100_000 });
    await pay(t, payoutInput(t, other, orgId, { amountFen: 80_000, campaignId }));
    await expect(pay(t, payoutInput(t, other, orgId, { amountFen: 30_000, campaignId }))).rejects.toMatchObject({ status: 409, code: 'OVER_BUDGET' });
    // outside the campaign the fund has no budget limit
    await pay(t, payoutInput(t, other, orgId, { amountFen: 30_000 }));
    expect(await fundSpent(t.ctx.db, other, thisYear(), campaignId)).toBe(80_000);
    expect(await fundSpent(t.ctx.db, other, thisYear(), null)).toBe(110_000);
  });

  it('refuses a payout from a closed fund, and amounts that are not whole positive 分', async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 1_000_000 });
    for (const amountFen of [0, -5, 10.5]) await expect(pay(t, payoutInput(t, fundId, orgId, { amountFen }))).rejects.toMatchObject({ status: 422 });
    await t.ctx.db.execute(sql`UPDATE funds SET status = 'closed' WHERE id = ${fundId}`);
    await expect(pay(t, payoutInput(t, fundId, orgId))).rejects.toMatchObject({ status: 409, code: 'FUND_CLOSED' });
    await expect(pay(t, payoutInput(t, randomUUID(), orgId))).rejects.toMatchObject({ status: 404 });
  });

  it('ledger entries and benefit records cannot be updated, deleted or truncated (trigger)', async () => {
    const fundId = await seedFund(t, { orgId, incomeFen: 1_000_000 });
    await pay(t, payoutInput(t, fundId, orgId));
    const before = await ledgerFigures(t, fundId);
    const attempts = [
      sql`UPDATE ledger_entries SET amount_fen = 1 WHERE fund_id = ${fundId} AND kind = 'payout'`,
      sql`UPDATE ledger_entries SET memo = '改' WHERE fund_id = ${fundId}`,
      sql`DELETE FROM ledger_entries WHERE fund_id = ${fundId}`,
      sql`TRUNCATE ledger_entries CASCADE`,
      sql`UPDATE benefit_records SET amount_fen = 1`,
      sql`DELETE FROM benefit_records`,
    ];
    for (const q of attempts) {
      const err = await t.ctx.db.execute(q).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, 'the change should be refused').not.toBeNull();
      expect(dbErrorText(err)).toContain('append-only');
    }
    expect(await ledgerFigures(t, fundId)).toEqual(before);
    expect(await fundBalance(t.ctx.db, fundId)).toBe(before.balance);
  });
});
