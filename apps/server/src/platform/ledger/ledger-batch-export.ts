import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { fenToYuan } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import type { AuthContext } from '../auth/session.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows } from '../db/db-connection.js';
import { writeXlsx, type SheetColumn } from '../import-export/xlsx-writer.js';
import { getBatch } from './ledger-batch.service.js';
import { PROGRAMME_LABELS } from './ledger.service.js';

/** The bank's 代发 file: one row per payout, the account in full (decrypted), the amount in 元 with two decimals. */
export const BANK_FILE_COLUMNS: SheetColumn[] = [
  { header: '序号', key: 'seq', width: 8 },
  { header: '户名', key: 'name', width: 14 },
  { header: '账号', key: 'account', width: 26 },
  { header: '金额(元)', key: 'amount', width: 14 },
  { header: '用途', key: 'purpose', width: 24 },
];

export interface BankFile {
  fileName: string;
  write: (out: Writable) => Promise<number>;
}

/**
 * Prepares a batch's bank file and audits the export (data.export, with the batch id). The rows
 * are read and decrypted before the download starts: nothing holds the database while the client
 * reads (PGlite has one connection).
 */
export async function prepareBankFile(ctx: AppContext, auth: AuthContext, actor: Actor, batchId: string): Promise<BankFile> {
  const batch = await getBatch(ctx, auth, batchId);
  const rows = await queryRows<{ payee_name: string; payee_account_enc: string | null; amount_fen: number; programme: string }>(
    ctx.db,
    sql`SELECT payee_name, payee_account_enc, amount_fen::float8 AS amount_fen, programme FROM payouts WHERE batch_id = ${batchId} ORDER BY created_at, id`,
  );
  const records = rows.map((r, i) => ({
    seq: i + 1,
    name: r.payee_name,
    account: r.payee_account_enc ? ctx.crypto.decrypt(r.payee_account_enc) : '',
    // text, so the bank sees exactly two decimals (a number cell would show 200 for 200.00)
    amount: fenToYuan(r.amount_fen),
    purpose: PROGRAMME_LABELS[r.programme] ?? r.programme,
  }));
  await recordAudit(ctx.db, actor, {
    action: 'data.export',
    objectType: 'payout_batch',
    objectId: batchId,
    detail: { kind: 'bank_file', fundId: batch.fundId, rows: records.length, totalFen: batch.totalFen, unmasked: true },
  });
  async function* sheetRows() {
    yield* records;
  }
  const day = batch.createdAt.slice(0, 10).replace(/-/g, '');
  return {
    fileName: `代发批次-${batch.fundName}-${day}-${batchId.slice(0, 8)}.xlsx`,
    write: (out) => writeXlsx(out, { name: '代发明细', columns: BANK_FILE_COLUMNS, rows: sheetRows() }),
  };
}
