import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateMemberBody, Member, MemberListQuery, memberStatusBodySchema, revealBodySchema, updateMemberBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import type { Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { memberHistory, members } from './member.schema.js';
import { bankColumns, identityColumns, phoneColumns } from './member-record.js';
import { memberSearchPredicate } from './member-search.js';
import { findMemberRow, listMemberRows, type MemberRow } from './member.repository.js';
import { findEnterpriseRow } from '../enterprises/enterprise.repository.js';

export function toMember(row: MemberRow, auth: AuthContext): Member {
  const staff = auth.permissions.has('member:member:update');
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    idCard: row.id_card_masked,
    phone: row.phone_masked,
    bankAccount: row.bank_account_masked,
    gender: row.gender,
    birthDate: row.birth_date,
    status: row.status as Member['status'],
    statusDate: row.status_date,
    statusReason: row.status_reason,
    cardNo: row.card_no,
    joinedAt: row.joined_at,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    migrantWorker: row.migrant_worker,
    frontline: row.frontline,
    newEmploymentForm: row.new_employment_form,
    modelWorker: row.model_worker,
    skillLevel: row.skill_level,
    education: row.education,
    version: row.version,
    createdAt: row.created_at,
    abilities: {
      canEdit: staff,
      canReveal: auth.permissions.has('member:member:reveal'),
      canTransfer: auth.permissions.has('member:transfer:create') && row.status === 'active',
      canChangeStatus: staff,
    },
  };
}

/** Writes one member_history row and its audit row in the caller's transaction. */
export async function recordMemberChange(tx: Db, actor: Actor, memberId: string, action: 'data.create' | 'data.update', kind: string, changes: Record<string, unknown>): Promise<void> {
  await tx.insert(memberHistory).values({ memberId, userId: actor.userId, username: actor.username, action: kind, changes });
  await recordAudit(tx, actor, { action, objectType: 'member', objectId: memberId, detail: { kind, ...changes } }, true);
}

async function grassrootsInScope(ctx: AppContext, auth: AuthContext, orgId: string) {
  const org = await findOrg(ctx.db, auth.scope, orgId);
  if (!org) throw invalidField('orgId', '所选工会不存在或不在您的管理范围内');
  if (org.kind !== 'grassroots') throw invalidField('orgId', '会员只能登记在基层工会(含联合工会、区域性/行业性工会)');
  return org;
}

/** An employer link must point at an enterprise the caller can see (else 422, never another district's data). */
async function checkEnterprise(ctx: AppContext, auth: AuthContext, enterpriseId: string | null | undefined): Promise<void> {
  if (!enterpriseId) return;
  if (!(await findEnterpriseRow(ctx.db, auth.scope, enterpriseId))) throw invalidField('enterpriseId', '所选企业不存在或不在您的管理范围内');
}

export async function getMember(ctx: AppContext, auth: AuthContext, id: string): Promise<Member> {
  const row = await findMemberRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('会员');
  return toMember(row, auth);
}

export async function listMembers(ctx: AppContext, auth: AuthContext, q: MemberListQuery) {
  const { rows, total, totalCapped } = await listMemberRows(ctx.db, auth.scope, {
    search: q.q ? memberSearchPredicate(q.q, ctx.crypto) : null,
    orgId: q.orgId,
    status: q.status,
    migrantWorker: q.migrantWorker,
    frontline: q.frontline,
    newEmploymentForm: q.newEmploymentForm,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: rows.map((r) => toMember(r, auth)), total, totalCapped, page: q.page, pageSize: q.pageSize };
}

export async function createMember(ctx: AppContext, auth: AuthContext, actor: Actor, body: CreateMemberBody): Promise<Member> {
  await grassrootsInScope(ctx, auth, body.orgId);
  await checkEnterprise(ctx, auth, body.enterpriseId);
  const values = {
    orgId: body.orgId,
    ...identityColumns(ctx.crypto, body),
    ...phoneColumns(ctx.crypto, body.phone),
    ...bankColumns(ctx.crypto, body.bankAccount ?? null),
    joinedAt: body.joinedAt ?? null,
    enterpriseId: body.enterpriseId ?? null,
    migrantWorker: body.migrantWorker ?? false,
    frontline: body.frontline ?? false,
    newEmploymentForm: body.newEmploymentForm ?? false,
    modelWorker: body.modelWorker ?? false,
    skillLevel: body.skillLevel ?? null,
    education: body.education ?? null,
    ...(body.cardNo ? { cardNo: body.cardNo } : {}),
    createdBy: auth.user.id,
  };
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(members).values(values).returning({ id: members.id });
      await recordMemberChange(tx, actor, row!.id, 'data.create', 'create', { name: body.name, idCard: values.idCardMasked, phone: values.phoneMasked, orgId: body.orgId });
      return row!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'members_active_id_card_unique')) throw conflict('该身份证号已是在册会员;如需转入本工会,请发起会员关系接转', 'DUPLICATE');
    if (isUniqueViolation(e, 'members_card_no_unique')) throw new AppError(409, '会员卡号已被使用', 'DUPLICATE_CARD_NO', [{ path: 'cardNo', message: '会员卡号已被使用' }]);
    throw e;
  }
  return getMember(ctx, auth, id);
}

type UpdateBody = z.infer<typeof updateMemberBodySchema>;

export async function updateMember(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: UpdateBody): Promise<Member> {
  const before = await findMemberRow(ctx.db, auth.scope, id);
  if (!before) throw notFound('会员');
  await checkEnterprise(ctx, auth, body.enterpriseId);
  const set: Partial<typeof members.$inferInsert> = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const track = (key: string, from: unknown, to: unknown) => {
    if (to !== undefined && from !== to) changes[key] = { from, to };
  };
  if (body.name !== undefined && body.name !== before.name) {
    const idCard = ctx.crypto.decrypt((await ctx.db.select({ enc: members.idCardEnc }).from(members).where(eq(members.id, id)))[0]!.enc);
    Object.assign(set, identityColumns(ctx.crypto, { name: body.name, idCard }));
    track('name', before.name, body.name);
  }
  if (body.phone !== undefined) {
    Object.assign(set, phoneColumns(ctx.crypto, body.phone));
    track('phone', before.phone_masked, set.phoneMasked);
  }
  if (body.bankAccount !== undefined) {
    Object.assign(set, bankColumns(ctx.crypto, body.bankAccount));
    track('bankAccount', before.bank_account_masked, set.bankAccountMasked);
  }
  const plain = { joinedAt: 'joined_at', enterpriseId: 'enterprise_id', migrantWorker: 'migrant_worker', frontline: 'frontline', newEmploymentForm: 'new_employment_form', modelWorker: 'model_worker', skillLevel: 'skill_level', education: 'education' } as const;
  for (const [key, column] of Object.entries(plain) as [keyof typeof plain, (typeof plain)[keyof typeof plain]][]) {
    const to = body[key];
    if (to === undefined) continue;
    track(key, before[column], to);
    Object.assign(set, { [key]: to });
  }
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(members)
      .set({ ...set, version: sql`${members.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(members.id, id), eq(members.version, body.version)))
      .returning({ id: members.id });
    if (!row) throw conflict('该会员信息已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
    await recordMemberChange(tx, actor, id, 'data.update', 'update', changes);
  });
  return getMember(ctx, auth, id);
}

export async function changeMemberStatus(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof memberStatusBodySchema>): Promise<Member> {
  const before = await findMemberRow(ctx.db, auth.scope, id);
  if (!before) throw notFound('会员');
  if (before.status === body.status) throw conflict('会员已是该状态', 'ILLEGAL_TRANSITION');
  if (before.status === 'deceased') throw conflict('已去世会员的状态不能再变更', 'ILLEGAL_TRANSITION');
  try {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(members)
        .set({ status: body.status, statusDate: body.date, statusReason: body.reason, version: sql`${members.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(members.id, id), eq(members.version, body.version)))
        .returning({ id: members.id });
      if (!row) throw conflict('该会员信息已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
      await recordMemberChange(tx, actor, id, 'data.update', 'status', { status: { from: before.status, to: body.status }, date: body.date, reason: body.reason });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'members_active_id_card_unique')) throw conflict('该身份证号已有另一条在册会员记录,不能恢复为在册', 'DUPLICATE');
    throw e;
  }
  return getMember(ctx, auth, id);
}

const REVEAL_COLUMNS = { idCard: members.idCardEnc, phone: members.phoneEnc, bankAccount: members.bankAccountEnc } as const;

/** The full value of a masked field, for a role with the reveal permission, audited with the reason. */
export async function revealMember(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof revealBodySchema>): Promise<{ value: string | null }> {
  if (!(await findMemberRow(ctx.db, auth.scope, id))) throw notFound('会员');
  const [row] = await ctx.db.select({ enc: REVEAL_COLUMNS[body.field] }).from(members).where(eq(members.id, id));
  const value = row?.enc ? ctx.crypto.decrypt(row.enc) : null;
  await recordAudit(ctx.db, actor, { action: 'pii.reveal', objectType: 'member', objectId: id, detail: { field: body.field, reason: body.reason } });
  return { value };
}
