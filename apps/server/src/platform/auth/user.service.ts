import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateUserBody, User, grantPlatformRoleBodySchema, updateUserBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import type { AuthContext } from './session.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { conflictField, forbidden, invalidField, notFound } from '../http/app-error.js';
import { findOrg } from '../org/org.repository.js';
import { replaceUserRoles, rolesByCodes, roleByCode, type RoleRow } from '../access/role.repository.js';
import type { Db } from '../db/db-connection.js';
import { sessions, users } from './auth.schema.js';
import { hashPassword } from './password.js';
import { checkPasswordPolicy } from './auth.service.js';
import * as repo from './user.repository.js';

function withAbilities(auth: AuthContext, v: repo.UserView): User {
  return {
    ...v,
    abilities: {
      canEdit: auth.permissions.has('system:user:update') && v.id !== auth.user.id,
      canGrantPlatform: auth.permissions.has('system:user:grant-platform') && v.id !== auth.user.id,
    },
  };
}

/** Business roles the caller may grant; platform roles are security_admin's alone (三权分立). */
async function businessRoles(db: Db, codes: string[]): Promise<RoleRow[]> {
  const unique = [...new Set(codes)];
  const found = await rolesByCodes(db, unique);
  const missing = unique.filter((c) => !found.some((r) => r.code === c));
  if (missing.length) throw invalidField('roleCodes', `角色不存在:${missing.join('、')}`);
  const platform = found.filter((r) => r.kind === 'platform');
  if (platform.length) throw forbidden(`系统管理员不能授予平台管理角色(${platform.map((r) => r.name).join('、')}),请由安全管理员授予`, 'SEPARATION_OF_DUTIES');
  return found;
}

async function scopedOrg(ctx: AppContext, auth: AuthContext, orgId: string) {
  const org = await findOrg(ctx.db, auth.scope, orgId);
  if (!org) throw invalidField('orgId', '所属组织不存在或不在您的管理范围内');
  return org;
}

export async function getUser(ctx: AppContext, auth: AuthContext, id: string): Promise<User> {
  const v = await repo.findUserView(ctx.db, auth.scope, id);
  if (!v) throw notFound('用户');
  return withAbilities(auth, v);
}

export async function listUsers(ctx: AppContext, auth: AuthContext, f: repo.UserFilter) {
  const { rows, total } = await repo.listUsers(ctx.db, auth.scope, f);
  return { items: rows.map((v) => withAbilities(auth, v)), total, page: f.page, pageSize: f.pageSize };
}

export async function createUser(ctx: AppContext, auth: AuthContext, actor: Actor, body: CreateUserBody): Promise<User> {
  const roleRows = await businessRoles(ctx.db, body.roleCodes);
  await scopedOrg(ctx, auth, body.orgId);
  checkPasswordPolicy(body.password, body.username);
  const [dup] = await ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${body.username})`);
  if (dup) throw conflictField('username', `用户名 ${body.username} 已存在`);
  const passwordHash = await hashPassword(body.password);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ username: body.username, name: body.name, orgId: body.orgId, memberId: body.memberId ?? null, passwordHash, mustChangePassword: body.mustChangePassword ?? false, createdBy: auth.user.id })
      .returning({ id: users.id });
    await replaceUserRoles(tx, row!.id, 'business', roleRows, auth.user.id);
    await recordAudit(tx, actor, { action: 'user.create', objectType: 'user', objectId: row!.id, detail: { after: { username: body.username, name: body.name, orgId: body.orgId, roles: body.roleCodes, memberId: body.memberId ?? null } } }, true);
    return row!.id;
  });
  return getUser(ctx, auth, id);
}

export async function updateUser(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof updateUserBodySchema>): Promise<User> {
  const before = await repo.findUserView(ctx.db, auth.scope, id);
  if (!before) throw notFound('用户');
  if (id === auth.user.id && (body.status === 'disabled' || body.roleCodes)) throw forbidden('不能停用自己或修改自己的角色', 'SELF_CHANGE');
  const roleRows = body.roleCodes ? await businessRoles(ctx.db, body.roleCodes) : null;
  if (body.orgId) await scopedOrg(ctx, auth, body.orgId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...(body.name ? { name: body.name } : {}), ...(body.orgId ? { orgId: body.orgId } : {}), ...(body.status ? { status: body.status } : {}), updatedAt: sql`now()` })
      .where(eq(users.id, id));
    if (roleRows) await replaceUserRoles(tx, id, 'business', roleRows, auth.user.id);
    if (body.status === 'disabled') await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, { action: roleRows ? 'role.grant' : 'user.update', objectType: 'user', objectId: id, detail: { before: { name: before.name, orgId: before.orgId, status: before.status, roles: before.roles.map((r) => r.code) }, after: body } }, true);
  });
  return getUser(ctx, auth, id);
}

export async function resetPassword(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, password: string): Promise<void> {
  const user = await repo.findUserRow(ctx.db, auth.scope, id);
  if (!user) throw notFound('用户');
  checkPasswordPolicy(password, user.username);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: sql`now()`, lockedUntil: null, failedCount: 0, updatedAt: sql`now()` }).where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, { action: 'user.password_reset', objectType: 'user', objectId: id }, true);
  });
}

export async function unlockUser(ctx: AppContext, auth: AuthContext, actor: Actor, id: string): Promise<void> {
  const user = await repo.findUserRow(ctx.db, auth.scope, id);
  if (!user) throw notFound('用户');
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ lockedUntil: null, failedCount: 0, failedWindowStart: null }).where(eq(users.id, id));
    await recordAudit(tx, actor, { action: 'user.update', objectType: 'user', objectId: id, detail: { unlock: true } }, true);
  });
}

/** security_admin grants or withdraws the one platform role an account may hold. */
export async function setPlatformRole(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof grantPlatformRoleBodySchema>): Promise<User> {
  const before = await repo.findUserView(ctx.db, auth.scope, id);
  if (!before) throw notFound('用户');
  if (id === auth.user.id) throw forbidden('不能修改自己的平台管理角色', 'SELF_CHANGE');
  const role = body.roleCode ? await roleByCode(ctx.db, body.roleCode) : null;
  await ctx.db.transaction(async (tx) => {
    await replaceUserRoles(tx, id, 'platform', role ? [role] : [], auth.user.id);
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, { action: 'role.grant', objectType: 'user', objectId: id, detail: { before: before.roles.filter((r) => r.kind === 'platform').map((r) => r.code), after: body.roleCode ? [body.roleCode] : [] } }, true);
  });
  return getUser(ctx, auth, id);
}
