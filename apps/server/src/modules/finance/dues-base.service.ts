import { and, eq, sql } from 'drizzle-orm';
import { monthlyDuesFen, type DuesBaseBody, type DuesBaseListQuery, type DuesBaseRow, type DuesExemptionBody, type Page, type UpdateDuesBaseBody } from '@gonghui/contracts';
import { scopePredicate } from '../../platform/access/data-scope.js';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { duesExemptions, duesWageBases } from './dues.schema.js';
import { duesBaseRows, exemptionsOf, scopedBase, scopedMember } from './dues-base.repository.js';

type Ctx = Pick<AppContext, 'db'>;

const canManage = (auth: AuthContext) => auth.permissions.has('finance:dues:manage');

export async function listDuesBases(ctx: Ctx, auth: AuthContext, q: DuesBaseListQuery): Promise<Page<DuesBaseRow>> {
  const { rows, total } = await duesBaseRows(ctx.db, auth.scope, q);
  const exemptions = await exemptionsOf(ctx.db, rows.map((r) => r.member_id));
  const manage = canManage(auth);
  const items = rows.map((r): DuesBaseRow => ({
    memberId: r.member_id, memberName: r.member_name, cardNo: r.card_no, orgId: r.org_id, orgName: r.org_name, baseId: r.base_id, year: q.year,
    employerType: r.employer_type, items: r.items ?? [], wageFen: r.wage_fen === null ? null : Number(r.wage_fen), monthlyDuesFen: r.monthly_dues_fen === null ? null : Number(r.monthly_dues_fen), version: r.version,
    exemptions: exemptions.filter((e) => e.member_id === r.member_id).map((e) => ({ id: e.id, reason: e.reason, note: e.note, fromMonth: e.from_month, toMonth: e.to_month })),
    abilities: { canEdit: manage, canExempt: manage },
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The wage (sum of the items) and the monthly dues by the rule, in 分. */
function amountsOf(body: { items: { amountFen: number }[] }): { wageFen: number; monthlyDuesFen: number } {
  const wageFen = body.items.reduce((s, i) => s + i.amountFen, 0);
  return { wageFen, monthlyDuesFen: monthlyDuesFen(wageFen) };
}

async function oneRow(ctx: Ctx, auth: AuthContext, memberId: string, year: number): Promise<DuesBaseRow> {
  const [m] = await queryRows<{ card_no: string }>(ctx.db, sql`SELECT card_no FROM members WHERE id = ${memberId}`);
  const page = await listDuesBases(ctx, auth, { page: 1, pageSize: 1, year, q: m?.card_no, state: 'all', orgId: undefined });
  const row = page.items.find((r) => r.memberId === memberId);
  if (!row) throw notFound('会员');
  return row;
}

export async function createDuesBase(ctx: Ctx, auth: AuthContext, actor: Actor, body: DuesBaseBody): Promise<DuesBaseRow> {
  const member = await scopedMember(ctx.db, auth.scope, body.memberId);
  if (!member) throw invalidField('memberId', '所选会员不存在或不在您的管理范围内');
  if (member.status !== 'active') throw invalidField('memberId', '该会员不在册,不能核定会费');
  const amounts = amountsOf(body);
  try {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(duesWageBases)
        .values({ memberId: member.id, orgId: member.org_id, year: body.year, employerType: body.employerType, items: body.items, ...amounts, createdBy: auth.user.id })
        .returning({ id: duesWageBases.id });
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'dues_wage_base', objectId: row!.id, detail: { memberId: member.id, year: body.year, employerType: body.employerType, items: body.items, ...amounts } }, true);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'dues_wage_bases_member_year_unique')) throw conflictField('memberId', `该会员${body.year}年度的工资基数已核定,请修改`);
    throw e;
  }
  return oneRow(ctx, auth, member.id, body.year);
}

export async function updateDuesBase(ctx: Ctx, auth: AuthContext, actor: Actor, id: string, body: UpdateDuesBaseBody): Promise<DuesBaseRow> {
  const before = await scopedBase(ctx.db, auth.scope, id);
  if (!before) throw notFound('会费基数');
  const amounts = amountsOf(body);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(duesWageBases)
      .set({ employerType: body.employerType, items: body.items, ...amounts, version: sql`${duesWageBases.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(duesWageBases.id, id), eq(duesWageBases.version, body.version)))
      .returning({ id: duesWageBases.id });
    if (!row) throw conflict('该会费基数已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
    await recordAudit(tx, actor, {
      action: 'data.update', objectType: 'dues_wage_base', objectId: id,
      detail: { from: { employerType: before.employer_type, items: before.items, wageFen: Number(before.wage_fen), monthlyDuesFen: Number(before.monthly_dues_fen) }, to: { employerType: body.employerType, items: body.items, ...amounts } },
    }, true);
  });
  return oneRow(ctx, auth, before.member_id, before.year);
}

/** 减免: months not due for the member; may not overlap another exemption nor a month already paid. */
export async function createDuesExemption(ctx: Ctx, auth: AuthContext, actor: Actor, body: DuesExemptionBody): Promise<{ id: string }> {
  const member = await scopedMember(ctx.db, auth.scope, body.memberId);
  if (!member) throw invalidField('memberId', '所选会员不存在或不在您的管理范围内');
  const [overlap] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM dues_exemptions WHERE member_id = ${member.id} AND from_month <= ${body.toMonth} AND to_month >= ${body.fromMonth} LIMIT 1`);
  if (overlap) throw invalidField('fromMonth', '该期间与已有的减免重叠');
  const [paid] = await queryRows<{ month: string }>(
    ctx.db,
    sql`SELECT month FROM dues_batch_lines WHERE member_id = ${member.id} AND status = 'confirmed' AND paid_fen > 0 AND month BETWEEN ${body.fromMonth} AND ${body.toMonth} ORDER BY month LIMIT 1`,
  );
  if (paid) throw invalidField('fromMonth', `${paid.month} 已缴纳会费,减免期间不能包含已缴月份`);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(duesExemptions)
      .values({ memberId: member.id, orgId: member.org_id, reason: body.reason, note: body.note ?? null, fromMonth: body.fromMonth, toMonth: body.toMonth, createdBy: auth.user.id })
      .returning({ id: duesExemptions.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'dues_exemption', objectId: row!.id, detail: { memberId: member.id, reason: body.reason, note: body.note ?? null, fromMonth: body.fromMonth, toMonth: body.toMonth } }, true);
    return { id: row!.id };
  });
}

export async function deleteDuesExemption(ctx: Ctx, auth: AuthContext, actor: Actor, id: string): Promise<{ ok: true }> {
  const [row] = await queryRows<{ id: string; member_id: string; reason: string; from_month: string; to_month: string }>(
    ctx.db,
    sql`SELECT e.id, e.member_id, e.reason, e.from_month, e.to_month FROM dues_exemptions e
        WHERE e.id = ${id} AND ${scopePredicate(auth.scope, { org: sql`e.org_id` })}`,
  );
  if (!row) throw notFound('会费减免');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(duesExemptions).where(eq(duesExemptions.id, id));
    await recordAudit(tx, actor, { action: 'data.delete', objectType: 'dues_exemption', objectId: id, detail: { memberId: row.member_id, reason: row.reason, fromMonth: row.from_month, toMonth: row.to_month } }, true);
  });
  return { ok: true };
}
