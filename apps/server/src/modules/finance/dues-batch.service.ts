import { and, eq, sql } from 'drizzle-orm';
import { fenToYuan, type DuesBatch, type DuesBatchBody, type DuesBatchListItem, type DuesBatchListQuery, type Page, type UpdateDuesBatchBody } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { unionAccount } from './union-account.service.js';
import { duesBatchLines, duesBatches } from './dues.schema.js';
import { batchItem, batchLineRows, batchRows, batchScope, findBatchRow, openDues } from './dues-batch.repository.js';
import { currentDuesMonth } from './dues-months.repository.js';

type Ctx = Pick<AppContext, 'db'>;
export const DUES_BUSINESS_TYPE = 'dues_batch';

export async function listDuesBatches(ctx: Ctx, auth: AuthContext, q: DuesBatchListQuery): Promise<Page<DuesBatchListItem>> {
  const { rows, total } = await batchRows(ctx.db, auth.scope, q);
  return { items: rows.map(batchItem), total, page: q.page, pageSize: q.pageSize };
}

export async function getDuesBatch(ctx: Ctx, auth: AuthContext, id: string): Promise<DuesBatch> {
  const row = await findBatchRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('会费收缴批次');
  const lines = await batchLineRows(ctx.db, id);
  const open = row.status === 'draft' && auth.permissions.has('finance:dues:manage');
  return {
    ...batchItem(row), note: row.note, version: row.version, ledgerEntryId: row.ledger_entry_id === null ? null : Number(row.ledger_entry_id),
    lines: lines.map((l) => ({ memberId: l.member_id, memberName: l.member_name, cardNo: l.card_no, dueFen: Number(l.due_fen), paidFen: Number(l.paid_fen) })),
    abilities: { canEdit: open, canConfirm: open, canDelete: open },
  };
}

async function insertLines(tx: Db, batchId: string, orgId: string, month: string, lines: { memberId: string; dueFen: number; paidFen: number }[]): Promise<void> {
  if (lines.length) await tx.insert(duesBatchLines).values(lines.map((l) => ({ batchId, orgId, month, memberId: l.memberId, dueFen: l.dueFen, paidFen: l.paidFen })));
}

/** A draft batch listing every member with the month's dues still open; 代扣 presets the collected amount to the due. */
export async function createDuesBatch(ctx: Ctx, auth: AuthContext, actor: Actor, body: DuesBatchBody): Promise<DuesBatch> {
  const org = await findOrg(ctx.db, auth.scope, body.orgId);
  if (!org) throw invalidField('orgId', '所选工会不存在或不在您的管理范围内');
  if (org.kind !== 'grassroots') throw invalidField('orgId', '会费由基层工会收缴,请选择基层工会');
  if (body.month > currentDuesMonth()) throw invalidField('month', '不能登记未来月份的会费');
  const open = await openDues(ctx.db, org.id, body.month);
  if (!open.size) throw invalidField('month', '该月没有待收缴会费的会员(未核定工资基数、已缴纳或已减免)');
  const lines = [...open.entries()].map(([memberId, dueFen]) => ({ memberId, dueFen, paidFen: body.method === 'payroll' ? dueFen : 0 }));
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(duesBatches).values({ orgId: org.id, month: body.month, method: body.method, note: body.note ?? null, createdBy: auth.user.id }).returning({ id: duesBatches.id });
    await insertLines(tx, row!.id, org.id, body.month, lines);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'dues_batch', objectId: row!.id, detail: { orgId: org.id, month: body.month, method: body.method, members: lines.length } }, true);
    return row!.id;
  });
  return getDuesBatch(ctx, auth, id);
}

async function draftOf(ctx: Ctx, auth: AuthContext, id: string): Promise<DuesBatch> {
  const batch = await getDuesBatch(ctx, auth, id);
  if (batch.status !== 'draft') throw conflict('该批次已确认入账,不能修改', 'BATCH_CONFIRMED');
  return batch;
}

/** Edits a draft: the method, the note and the lines (each member must have the month's dues open; collected ≤ due). */
export async function updateDuesBatch(ctx: Ctx, auth: AuthContext, actor: Actor, id: string, body: UpdateDuesBatchBody): Promise<DuesBatch> {
  const batch = await draftOf(ctx, auth, id);
  const open = await openDues(ctx.db, batch.orgId, batch.month);
  const seen = new Set<string>();
  const lines = body.lines.map((l, i) => {
    const due = open.get(l.memberId);
    if (due === undefined) throw invalidField(`lines.${i}.memberId`, '该会员本月没有待收缴的会费或不属于本工会');
    if (seen.has(l.memberId)) throw invalidField(`lines.${i}.memberId`, '会员重复');
    seen.add(l.memberId);
    if (l.paidFen > due) throw invalidField(`lines.${i}.paidFen`, `实收金额不能超过应缴金额 ${fenToYuan(due)} 元`);
    return { memberId: l.memberId, dueFen: due, paidFen: l.paidFen };
  });
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(duesBatches)
      .set({ method: body.method, note: body.note ?? null, version: sql`${duesBatches.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(duesBatches.id, id), eq(duesBatches.version, body.version), eq(duesBatches.status, 'draft')))
      .returning({ id: duesBatches.id });
    if (!row) throw conflict('该批次已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
    await tx.delete(duesBatchLines).where(eq(duesBatchLines.batchId, id));
    await insertLines(tx, id, batch.orgId, batch.month, lines);
    const paidFen = lines.reduce((s, l) => s + l.paidFen, 0);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'dues_batch', objectId: id, detail: { method: body.method, members: lines.length, paidFen, before: { members: batch.members, paidFen: batch.paidFen }, after: { members: lines.length, paidFen } } }, true);
  });
  return getDuesBatch(ctx, auth, id);
}

/**
 * Confirms a draft: its lines become confirmed (a member-month paid once: the unique index has the
 * last word), one income entry of the collected total goes into the union's 经费账户 (business key =
 * batch id), the batch becomes read-only. Confirming a confirmed batch again changes nothing.
 */
export async function confirmDuesBatch(ctx: Ctx, auth: AuthContext, actor: Actor, id: string, version: number): Promise<DuesBatch> {
  if (!(await findBatchRow(ctx.db, auth.scope, id))) throw notFound('会费收缴批次');
  try {
    await ctx.db.transaction(async (tx) => {
      const [b] = await queryRows<{ id: string; org_id: string; month: string; status: string; version: number }>(
        tx,
        sql`SELECT x.id, x.org_id, x.month, x.status, x.version FROM dues_batches x WHERE x.id = ${id} AND ${batchScope(auth.scope)} FOR UPDATE`,
      );
      if (!b || b.status === 'confirmed') return;
      if (b.version !== version) throw conflict('该批次已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
      const [taken] = await queryRows<{ name: string }>(
        tx,
        sql`SELECT m.name FROM dues_batch_lines l JOIN members m ON m.id = l.member_id
            WHERE l.batch_id = ${id} AND l.paid_fen > 0 AND EXISTS (SELECT 1 FROM dues_batch_lines o WHERE o.member_id = l.member_id AND o.month = l.month AND o.status = 'confirmed' AND o.paid_fen > 0) LIMIT 1`,
      );
      if (taken) throw conflict(`${taken.name} ${b.month} 的会费已在其他批次缴纳,请从本批次移除后再确认`, 'ALREADY_PAID');
      const [sum] = await queryRows<{ paid: string; n: number }>(tx, sql`SELECT coalesce(sum(paid_fen), 0)::text AS paid, count(*) FILTER (WHERE paid_fen > 0)::int AS n FROM dues_batch_lines WHERE batch_id = ${id}`);
      const paidFen = Number(sum?.paid ?? 0);
      if (paidFen <= 0) throw invalidField('lines', '本批次实收合计为0,请先填写实收金额');
      await tx.update(duesBatchLines).set({ status: 'confirmed' }).where(eq(duesBatchLines.batchId, id));
      const fund = await unionAccount(tx, b.org_id, auth.user.id);
      const entryId = await recordIncome(tx, { fundId: fund.fundId, amountFen: paidFen, businessType: DUES_BUSINESS_TYPE, businessKey: id, memo: `${b.month} 会费收缴(${sum!.n}人)`, createdBy: auth.user.id });
      await tx
        .update(duesBatches)
        .set({ status: 'confirmed', confirmedAt: sql`now()`, confirmedBy: auth.user.id, ledgerEntryId: entryId, version: sql`${duesBatches.version} + 1`, updatedAt: sql`now()` })
        .where(eq(duesBatches.id, id));
      await recordAudit(tx, actor, { action: 'ledger.income', objectType: 'dues_batch', objectId: id, detail: { orgId: b.org_id, month: b.month, fundId: fund.fundId, entryId, paidFen, members: sum!.n } }, true);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'dues_batch_lines_paid_once')) throw conflict('本批次中有会员当月会费已在其他批次缴纳,请刷新后重试', 'ALREADY_PAID');
    throw e;
  }
  return getDuesBatch(ctx, auth, id);
}

export async function deleteDuesBatch(ctx: Ctx, auth: AuthContext, actor: Actor, id: string): Promise<{ ok: true }> {
  const batch = await draftOf(ctx, auth, id);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(duesBatches).where(and(eq(duesBatches.id, id), eq(duesBatches.status, 'draft'))).returning({ id: duesBatches.id });
    if (!row) throw conflict('该批次已确认入账,不能删除', 'BATCH_CONFIRMED');
    await recordAudit(tx, actor, { action: 'data.delete', objectType: 'dues_batch', objectId: id, detail: { orgId: batch.orgId, month: batch.month, method: batch.method, members: batch.members, paidFen: batch.paidFen } }, true);
  });
  return { ok: true };
}
