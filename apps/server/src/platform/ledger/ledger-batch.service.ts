import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { MarkBatchPaidBody, Page, PayoutBatch, PayoutBatchListQuery, PayoutBatchStatus } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import type { AuthContext } from '../auth/session.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { conflict, notFound } from '../http/app-error.js';
import { fundScope, iso } from './fund.repository.js';
import { fundInScope } from './fund.service.js';
import { lockFund } from './ledger.service.js';
import { payoutBatches } from './ledger.schema.js';

interface BatchRow {
  id: string;
  fund_id: string;
  fund_name: string;
  status: PayoutBatchStatus;
  count: number;
  total_fen: number;
  created_by_name: string | null;
  created_at: string;
  paid_at: string | null;
  bank_reference: string | null;
}

const SELECT = sql`SELECT b.id, b.fund_id, f.name AS fund_name, b.status, b.count, b.total_fen::float8 AS total_fen, u.name AS created_by_name,
    ${iso(sql`b.created_at`)} AS created_at, CASE WHEN b.paid_at IS NULL THEN NULL ELSE ${iso(sql`b.paid_at`)} END AS paid_at, b.bank_reference
  FROM payout_batches b JOIN funds f ON f.id = b.fund_id LEFT JOIN users u ON u.id = b.created_by`;

function toBatch(r: BatchRow, auth: AuthContext): PayoutBatch {
  return {
    id: r.id,
    fundId: r.fund_id,
    fundName: r.fund_name,
    status: r.status,
    count: r.count,
    totalFen: r.total_fen,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    paidAt: r.paid_at,
    bankReference: r.bank_reference,
    abilities: { canExport: auth.permissions.has('ledger:payout:export'), canConfirm: auth.permissions.has('ledger:payout:confirm') && r.status === 'exported' },
  };
}

async function findBatchRow(db: Db, auth: AuthContext, id: string): Promise<BatchRow | null> {
  const [row] = await queryRows<BatchRow>(db, sql`${SELECT} WHERE b.id = ${id} AND ${fundScope(auth.scope)}`);
  return row ?? null;
}

export async function getBatch(ctx: AppContext, auth: AuthContext, id: string): Promise<PayoutBatch> {
  const row = await findBatchRow(ctx.db, auth, id);
  if (!row) throw notFound('代发批次');
  return toBatch(row, auth);
}

export async function listBatches(ctx: AppContext, auth: AuthContext, q: PayoutBatchListQuery): Promise<Page<PayoutBatch>> {
  const conds: SQL[] = [fundScope(auth.scope)];
  if (q.fundId) conds.push(sql`b.fund_id = ${q.fundId}`);
  if (q.status) conds.push(sql`b.status = ${q.status}`);
  const where = sql.join(conds, sql` AND `);
  const rows = await queryRows<BatchRow>(ctx.db, sql`${SELECT} WHERE ${where} ORDER BY b.created_at DESC, b.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [c] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM payout_batches b JOIN funds f ON f.id = b.fund_id WHERE ${where}`);
  return { items: rows.map((r) => toBatch(r, auth)), total: c?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/**
 * Puts every pending payout of the fund that has a bank account into a new bank batch (status
 * exported). The fund row is locked and the payouts are taken by a conditional update, so two
 * clicks never put one payout in two batches; 409 when nothing is pending.
 */
export async function createBatch(ctx: AppContext, auth: AuthContext, actor: Actor, fundId: string): Promise<{ batch: PayoutBatch; skippedWithoutAccount: number }> {
  await fundInScope(ctx, auth, fundId);
  const batchId = randomUUID();
  const skipped = await ctx.db.transaction(async (tx) => {
    await lockFund(tx, fundId);
    const [taken] = await queryRows<{ n: number; total: number }>(
      tx,
      sql`WITH t AS (UPDATE payouts SET status = 'batched', batch_id = ${batchId}
            WHERE fund_id = ${fundId} AND status = 'pending' AND payee_account_enc IS NOT NULL RETURNING amount_fen)
          SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::float8 AS total FROM t`,
    );
    const [left] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM payouts WHERE fund_id = ${fundId} AND status = 'pending'`);
    if (!taken || taken.n === 0) {
      throw conflict(left?.n ? `有 ${left.n} 笔待代发支付的收款人未登记银行账号,请补充后再生成批次` : '该资金没有待代发的支付,无需生成批次', 'NOTHING_PENDING');
    }
    await tx.insert(payoutBatches).values({ id: batchId, fundId, status: 'exported', count: taken.n, totalFen: taken.total, createdBy: auth.user.id });
    await recordAudit(tx, actor, { action: 'ledger.batch', objectType: 'payout_batch', objectId: batchId, detail: { event: 'create', fundId, count: taken.n, totalFen: taken.total } }, true);
    return left?.n ?? 0;
  });
  return { batch: await getBatch(ctx, auth, batchId), skippedWithoutAccount: skipped };
}

/** The bank confirmed the batch: it and its payouts become paid, once (409 the second time). */
export async function markBatchPaid(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: MarkBatchPaidBody): Promise<PayoutBatch> {
  const before = await findBatchRow(ctx.db, auth, id);
  if (!before) throw notFound('代发批次');
  await ctx.db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE payout_batches SET status = 'paid', paid_at = now(), paid_by = ${auth.user.id}, bank_reference = ${body.bankReference}
          WHERE id = ${id} AND status = 'exported' RETURNING id`,
    );
    if (!row) throw conflict('该批次已确认支付,不能重复确认', 'ALREADY_PAID');
    await tx.execute(sql`UPDATE payouts SET status = 'paid', paid_at = now() WHERE batch_id = ${id} AND status = 'batched'`);
    await recordAudit(
      tx,
      actor,
      { action: 'ledger.batch', objectType: 'payout_batch', objectId: id, detail: { event: 'paid', fundId: before.fund_id, bankReference: body.bankReference, count: before.count, totalFen: before.total_fen } },
      true,
    );
  });
  return getBatch(ctx, auth, id);
}
