import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { parseIdCard, type Transfer, type createTransferBodySchema, type transferActionBodySchema, type transferListQuerySchema } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { orgInScopeSql, scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { members, memberTransfers } from './member.schema.js';
import { hmacIdCard } from './member-search.js';
import { findMemberRow } from './member.repository.js';
import { recordMemberChange } from './member.service.js';
import { districtOf, findTransferRow, listTransferRows, transferActionable, transferVisible, type TimelineEntry, type TransferRow } from './member-transfer.repository.js';

/** District-level reviewers: staff of a 区县(市) union or the city. */
const isDistrictLevel = async (ctx: AppContext, auth: AuthContext) => {
  if (auth.scope.all) return true;
  const org = await findOrg(ctx.db, auth.scope, auth.user.orgId);
  return org?.kind === 'district' || org?.kind === 'city';
};

async function inScope(ctx: AppContext, auth: AuthContext, orgId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(ctx.db, orgInScopeSql(auth.scope, orgId));
  return row?.ok === true;
}

async function abilities(ctx: AppContext, auth: AuthContext, t: TransferRow) {
  const counterparty = t.initiated_by_org_id === t.from_org_id ? t.to_org_id : t.from_org_id;
  const mayApprove = auth.permissions.has('member:transfer:approve');
  const atCounterparty = t.status === 'pending_counterparty' && mayApprove && (await inScope(ctx, auth, counterparty));
  const atDistrict = t.status === 'pending_district' && mayApprove && (await isDistrictLevel(ctx, auth)) && (await inScope(ctx, auth, t.to_org_id));
  const initiator = ['pending_counterparty', 'pending_district'].includes(t.status) && auth.permissions.has('member:transfer:create') && (await inScope(ctx, auth, t.initiated_by_org_id));
  return { canApprove: atCounterparty || atDistrict, canReject: atCounterparty || atDistrict, canWithdraw: initiator };
}

async function toTransfer(ctx: AppContext, auth: AuthContext, t: TransferRow): Promise<Transfer> {
  return {
    id: t.id,
    memberId: t.member_id,
    memberName: t.member_name,
    memberIdCard: t.member_id_card,
    fromOrgId: t.from_org_id,
    fromOrgName: t.from_org_name,
    toOrgId: t.to_org_id,
    toOrgName: t.to_org_name,
    initiatedByOrgId: t.initiated_by_org_id,
    crossDistrict: t.cross_district,
    status: t.status as Transfer['status'],
    reason: t.reason,
    timeline: t.timeline,
    createdAt: t.created_at,
    abilities: await abilities(ctx, auth, t),
  };
}

const entry = (auth: AuthContext, action: string, opinion: string | null): TimelineEntry => ({ at: new Date().toISOString(), action, username: auth.user.name, orgName: auth.user.orgName, opinion });

export async function getTransfer(ctx: AppContext, auth: AuthContext, id: string): Promise<Transfer> {
  const row = await findTransferRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('接转申请');
  return toTransfer(ctx, auth, row);
}

export async function listTransfers(ctx: AppContext, auth: AuthContext, q: z.infer<typeof transferListQuerySchema>) {
  const conds = [transferVisible(auth.scope)];
  if (q.box === 'inbox') conds.push(transferActionable(auth.scope, await isDistrictLevel(ctx, auth)));
  if (q.box === 'outbox') conds.push(scopePredicate(auth.scope, { org: sql`t.initiated_by_org_id` }));
  if (q.status === 'open') conds.push(sql`t.status IN ('pending_counterparty', 'pending_district')`);
  else if (q.status) conds.push(sql`t.status = ${q.status}`);
  const { rows, total } = await listTransferRows(ctx.db, sql.join(conds, sql` AND `), q.page, q.pageSize);
  return { items: await Promise.all(rows.map((r) => toTransfer(ctx, auth, r))), total, page: q.page, pageSize: q.pageSize };
}

export async function createTransfer(ctx: AppContext, auth: AuthContext, actor: Actor, body: z.infer<typeof createTransferBodySchema>): Promise<Transfer> {
  const target = await findOrg(ctx.db, { all: true, subtreeRoots: [], units: [], selfUserId: null, selfMemberId: null }, body.toOrgId);
  if (!target || target.kind !== 'grassroots' || target.status !== 'active') throw invalidField('toOrgId', '转入工会须是有效的基层工会');
  let memberId: string;
  let fromOrgId: string;
  let initiatedBy: string;
  if (body.memberId) {
    const m = await findMemberRow(ctx.db, auth.scope, body.memberId);
    if (!m) throw notFound('会员');
    if (m.status !== 'active') throw conflict('只有在册会员才能办理接转', 'ILLEGAL_TRANSITION');
    memberId = m.id;
    fromOrgId = m.org_id;
    initiatedBy = m.org_id;
  } else {
    if (!(await inScope(ctx, auth, body.toOrgId))) throw invalidField('toOrgId', '按身份证号发起转入时,转入工会须在您的管理范围内');
    const id = parseIdCard(body.idCard!);
    const [m] = id.ok
      ? await ctx.db.select({ id: members.id, orgId: members.orgId }).from(members).where(and(eq(members.idCardHmac, hmacIdCard(ctx.crypto, id.id.value)), eq(members.status, 'active')))
      : [];
    if (!m) throw invalidField('idCard', '未找到该身份证号的在册会员;新会员请直接登记');
    memberId = m.id;
    fromOrgId = m.orgId;
    initiatedBy = body.toOrgId;
  }
  if (fromOrgId === body.toOrgId) throw invalidField('toOrgId', '转入工会与会员现在所在工会相同');
  const crossDistrict = (await districtOf(ctx.db, fromOrgId)) !== (await districtOf(ctx.db, body.toOrgId));
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(memberTransfers)
        .values({ memberId, fromOrgId, toOrgId: body.toOrgId, initiatedByOrgId: initiatedBy, crossDistrict, status: 'pending_counterparty', reason: body.reason, timeline: [entry(auth, 'submit', body.reason)], createdBy: auth.user.id })
        .returning({ id: memberTransfers.id });
      await recordAudit(tx, actor, { action: 'workflow.action', objectType: 'member_transfer', objectId: row!.id, detail: { action: 'submit', memberId, fromOrgId, toOrgId: body.toOrgId } }, true);
      return row!.id;
    });
    return getTransfer(ctx, auth, id);
  } catch (e) {
    if (isUniqueViolation(e, 'member_transfers_one_open')) throw conflict('该会员已有进行中的接转申请', 'DUPLICATE');
    throw e;
  }
}

export async function actOnTransfer(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof transferActionBodySchema>): Promise<Transfer> {
  const t = await findTransferRow(ctx.db, auth.scope, id);
  if (!t) throw notFound('接转申请');
  if (!['pending_counterparty', 'pending_district'].includes(t.status)) throw conflict('该接转申请已办结,不能再操作', 'ILLEGAL_TRANSITION');
  const can = await abilities(ctx, auth, t);
  if (body.action === 'reject' && !body.opinion) throw invalidField('opinion', '退回须填写意见');
  if (body.action === 'withdraw' ? !can.canWithdraw : !can.canApprove) throw forbidden('当前环节不由您办理', 'NOT_YOUR_STEP');
  const next = body.action === 'withdraw' ? 'withdrawn' : body.action === 'reject' ? 'rejected' : t.status === 'pending_counterparty' && t.cross_district ? 'pending_district' : 'approved';
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(memberTransfers)
      .set({ status: next, timeline: sql`${memberTransfers.timeline} || ${JSON.stringify([entry(auth, body.action, body.opinion ?? null)])}::jsonb`, updatedAt: sql`now()` })
      .where(and(eq(memberTransfers.id, id), eq(memberTransfers.status, t.status)))
      .returning({ id: memberTransfers.id });
    if (!row) throw new AppError(409, '该接转申请已被他人处理,请刷新', 'ILLEGAL_TRANSITION');
    if (next === 'approved') {
      const [moved] = await tx
        .update(members)
        .set({ orgId: t.to_org_id, version: sql`${members.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(members.id, t.member_id), eq(members.orgId, t.from_org_id), eq(members.status, 'active')))
        .returning({ id: members.id });
      if (!moved) throw conflict('会员已不在转出工会或已非在册状态,接转不能完成', 'ILLEGAL_TRANSITION');
      await recordMemberChange(tx, actor, t.member_id, 'data.update', 'transfer', { orgId: { from: t.from_org_id, to: t.to_org_id }, fromOrg: t.from_org_name, toOrg: t.to_org_name, transferId: id });
    }
    await recordAudit(tx, actor, { action: 'workflow.action', objectType: 'member_transfer', objectId: id, detail: { action: body.action, from: t.status, to: next, opinion: body.opinion ?? null } }, true);
  });
  return getTransfer(ctx, auth, id);
}

