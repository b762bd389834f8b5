import { sql, type SQL } from 'drizzle-orm';
import { LEDGER_ENTRY_KIND_LABELS, type LedgerEntry, type LedgerEntryKind, type LedgerEntryPage, type Page, type Payout, type PayoutListQuery, type PayoutStatus } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import type { AuthContext } from '../auth/session.service.js';
import { queryRows } from '../db/db-connection.js';
import { fundScope, iso } from './fund.repository.js';
import { fundInScope } from './fund.service.js';
import { incomeTypeLabel, referenceOf } from './fund-money.service.js';
import { PROGRAMME_LABELS } from './ledger.service.js';
import { DIRECT_SPENDING_LABELS } from './ledger-spending.service.js';

interface EntryRow {
  id: string;
  kind: LedgerEntryKind;
  amount_fen: number;
  balance_after_fen: number;
  business_type: string;
  business_key: string;
  programme: string | null;
  memo: string | null;
  created_by_name: string | null;
  created_at: string;
}

const entryTypeLabel = (r: EntryRow): string => incomeTypeLabel(r.business_type) ?? (r.programme ? (PROGRAMME_LABELS[r.programme] ?? r.programme) : (DIRECT_SPENDING_LABELS[r.business_type] ?? r.business_type));

/** A fund's ledger, newest first, each entry with the balance right after it (over all entries, whatever the filter). */
export async function listEntries(ctx: AppContext, auth: AuthContext, fundId: string, q: { kind?: LedgerEntryKind; page: number; pageSize: number }): Promise<LedgerEntryPage> {
  await fundInScope(ctx, auth, fundId);
  const kind = q.kind ? sql`WHERE x.kind = ${q.kind}` : sql``;
  const rows = await queryRows<EntryRow>(
    ctx.db,
    sql`SELECT x.id::text AS id, x.kind, x.amount_fen::float8 AS amount_fen, x.balance_after::float8 AS balance_after_fen, x.business_type, x.business_key,
          p.programme, x.memo, u.name AS created_by_name, ${iso(sql`x.created_at`)} AS created_at
        FROM (SELECT e.*, sum(e.amount_fen) OVER (ORDER BY e.id) AS balance_after FROM ledger_entries e WHERE e.fund_id = ${fundId}) x
        LEFT JOIN payouts p ON p.entry_id = x.id LEFT JOIN users u ON u.id = x.created_by
        ${kind} ORDER BY x.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [sums] = await queryRows<{ income_fen: number; payout_fen: number; balance_fen: number; n: number }>(
    ctx.db,
    sql`SELECT coalesce(sum(amount_fen) FILTER (WHERE kind = 'income'), 0)::float8 AS income_fen,
          coalesce(-sum(amount_fen) FILTER (WHERE kind <> 'income'), 0)::float8 AS payout_fen,
          coalesce(sum(amount_fen), 0)::float8 AS balance_fen,
          count(*) FILTER (WHERE ${q.kind ? sql`kind = ${q.kind}` : sql`true`})::int AS n
        FROM ledger_entries WHERE fund_id = ${fundId}`,
  );
  const items: LedgerEntry[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: LEDGER_ENTRY_KIND_LABELS[r.kind] ?? r.kind,
    amountFen: r.amount_fen,
    balanceAfterFen: r.balance_after_fen,
    businessType: r.business_type,
    businessTypeLabel: entryTypeLabel(r),
    reference: referenceOf(r.business_type, r.business_key),
    memo: r.memo,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  }));
  return {
    items,
    total: sums?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    summary: { incomeFen: sums?.income_fen ?? 0, payoutFen: sums?.payout_fen ?? 0, balanceFen: sums?.balance_fen ?? 0 },
  };
}

interface PayoutRow {
  id: string;
  fund_id: string;
  fund_name: string;
  programme: string;
  business_type: string;
  business_key: string;
  amount_fen: number;
  payee_name: string;
  payee_account_masked: string | null;
  org_name: string | null;
  status: PayoutStatus;
  batch_id: string | null;
  created_at: string;
  paid_at: string | null;
}

/** Payouts of the funds in the caller's scope; the payee's account only masked. */
export async function listPayouts(ctx: AppContext, auth: AuthContext, q: PayoutListQuery): Promise<Page<Payout>> {
  const conds: SQL[] = [fundScope(auth.scope)];
  if (q.fundId) conds.push(sql`p.fund_id = ${q.fundId}`);
  if (q.batchId) conds.push(sql`p.batch_id = ${q.batchId}`);
  if (q.status) conds.push(sql`p.status = ${q.status}`);
  const where = sql.join(conds, sql` AND `);
  const rows = await queryRows<PayoutRow>(
    ctx.db,
    sql`SELECT p.id, p.fund_id, f.name AS fund_name, p.programme, p.business_type, p.business_key, p.amount_fen::float8 AS amount_fen, p.payee_name,
          p.payee_account_masked, o.name AS org_name, p.status, p.batch_id, ${iso(sql`p.created_at`)} AS created_at,
          CASE WHEN p.paid_at IS NULL THEN NULL ELSE ${iso(sql`p.paid_at`)} END AS paid_at
        FROM payouts p JOIN funds f ON f.id = p.fund_id LEFT JOIN orgs o ON o.id = p.org_id
        WHERE ${where} ORDER BY p.created_at DESC, p.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [c] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM payouts p JOIN funds f ON f.id = p.fund_id WHERE ${where}`);
  return {
    items: rows.map((r) => ({
      id: r.id,
      fundId: r.fund_id,
      fundName: r.fund_name,
      programme: r.programme,
      programmeLabel: PROGRAMME_LABELS[r.programme] ?? r.programme,
      businessType: r.business_type,
      businessKey: r.business_key,
      amountFen: r.amount_fen,
      payeeName: r.payee_name,
      payeeAccount: r.payee_account_masked,
      orgName: r.org_name,
      status: r.status,
      batchId: r.batch_id,
      createdAt: r.created_at,
      paidAt: r.paid_at,
    })),
    total: c?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
