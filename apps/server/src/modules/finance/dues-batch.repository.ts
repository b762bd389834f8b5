import { sql, type SQL } from 'drizzle-orm';
import type { DuesBatchListItem, DuesBatchListQuery, DuesBatchStatus, DuesMethod } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { duesMonthsSql } from './dues-months.repository.js';

interface BatchRow {
  id: string;
  org_id: string;
  org_name: string;
  month: string;
  method: DuesMethod;
  status: DuesBatchStatus;
  members: number;
  due_fen: string;
  paid_fen: string;
  confirmed_at: string | null;
  created_at: string;
  note: string | null;
  version: number;
  ledger_entry_id: string | null;
}

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const select = sql`SELECT x.id, x.org_id, o.name AS org_name, x.month, x.method, x.status, x.note, x.version, x.ledger_entry_id::text AS ledger_entry_id,
    ${iso(sql`x.confirmed_at`)} AS confirmed_at, ${iso(sql`x.created_at`)} AS created_at,
    (SELECT count(*)::int FROM dues_batch_lines l WHERE l.batch_id = x.id) AS members,
    (SELECT coalesce(sum(l.due_fen), 0)::text FROM dues_batch_lines l WHERE l.batch_id = x.id) AS due_fen,
    (SELECT coalesce(sum(l.paid_fen), 0)::text FROM dues_batch_lines l WHERE l.batch_id = x.id) AS paid_fen
  FROM dues_batches x JOIN orgs o ON o.id = x.org_id`;

export const batchScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`x.org_id` });

export function batchItem(r: BatchRow): DuesBatchListItem {
  return { id: r.id, orgId: r.org_id, orgName: r.org_name, month: r.month, method: r.method, status: r.status, members: r.members, dueFen: Number(r.due_fen), paidFen: Number(r.paid_fen), confirmedAt: r.confirmed_at, createdAt: r.created_at };
}

export async function batchRows(db: Db, scope: DataScope, f: DuesBatchListQuery): Promise<{ rows: BatchRow[]; total: number }> {
  const conds: SQL[] = [batchScope(scope)];
  if (f.orgId) conds.push(sql`x.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId}::uuid)`);
  if (f.month) conds.push(sql`x.month = ${f.month}`);
  if (f.status) conds.push(sql`x.status = ${f.status}`);
  const where = sql.join(conds, sql` AND `);
  const rows = await queryRows<BatchRow>(db, sql`${select} WHERE ${where} ORDER BY x.month DESC, o.name, x.created_at DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM dues_batches x WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

export async function findBatchRow(db: Db, scope: DataScope, id: string): Promise<BatchRow | null> {
  const [r] = await queryRows<BatchRow>(db, sql`${select} WHERE x.id = ${id} AND ${batchScope(scope)}`);
  return r ?? null;
}

export interface BatchLineRow {
  member_id: string;
  member_name: string;
  card_no: string;
  due_fen: string;
  paid_fen: string;
}

export const batchLineRows = (db: Db, batchId: string): Promise<BatchLineRow[]> =>
  queryRows<BatchLineRow>(
    db,
    sql`SELECT l.member_id, m.name AS member_name, m.card_no, l.due_fen::text AS due_fen, l.paid_fen::text AS paid_fen
        FROM dues_batch_lines l JOIN members m ON m.id = l.member_id WHERE l.batch_id = ${batchId} ORDER BY m.card_no`,
  );

/** The members of a union with dues still open for a month (due, not exempt, not yet collected): member → due 分. */
export async function openDues(db: Db, orgId: string, month: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ member_id: string; due_fen: string }>(
    db,
    sql`SELECT dm.member_id, dm.due_fen::text AS due_fen FROM ${duesMonthsSql({ year: Number(month.slice(0, 4)), upTo: month, month, orgId })}
        WHERE dm.org_id = ${orgId}::uuid AND dm.due_fen > 0 AND dm.paid_fen = 0`,
  );
  return new Map(rows.map((r) => [r.member_id, Number(r.due_fen)]));
}
