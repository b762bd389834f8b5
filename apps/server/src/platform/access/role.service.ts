import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { PERMISSIONS, type Role, type roleBodySchema, type roleUpdateBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { conflict, invalidField, notFound } from '../http/app-error.js';
import type { Db } from '../db/db-connection.js';
import { roles, roleScopeOrgs } from './access.schema.js';
import { listRoles, roleByCode, type RoleListRow } from './role.repository.js';

/** Custom roles are business roles: the platform codes stay with the three built-in admins (三权分立). */
const PLATFORM_ONLY = /^(system|audit):/;

function toRole(r: RoleListRow): Role {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as Role['kind'],
    scope: r.scope as Role['scope'],
    builtin: r.builtin,
    permissions: r.permissions,
    scopeOrgIds: r.scopeOrgIds,
    description: r.description,
    userCount: r.userCount,
  };
}

function checkPermissions(codes: string[]): void {
  const unknown = codes.filter((c) => !(c in PERMISSIONS));
  if (unknown.length) throw invalidField('permissions', `未知的权限编码:${unknown.join('、')}`);
  const platform = codes.filter((c) => PLATFORM_ONLY.test(c));
  if (platform.length) throw invalidField('permissions', `自定义角色不能包含平台管理权限:${platform.join('、')}`);
}

async function setScopeOrgs(db: Db, roleId: string, scope: string, orgIds: string[]): Promise<void> {
  await db.delete(roleScopeOrgs).where(eq(roleScopeOrgs.roleId, roleId));
  if (scope === 'custom' && orgIds.length) await db.insert(roleScopeOrgs).values([...new Set(orgIds)].map((orgId) => ({ roleId, orgId })));
}

export async function allRoles(ctx: AppContext): Promise<Role[]> {
  return (await listRoles(ctx.db)).map(toRole);
}

async function oneRole(ctx: AppContext, id: string): Promise<Role> {
  const r = (await listRoles(ctx.db)).find((x) => x.id === id);
  if (!r) throw notFound('角色');
  return toRole(r);
}

export async function createRole(ctx: AppContext, actor: Actor, body: z.infer<typeof roleBodySchema>): Promise<Role> {
  checkPermissions(body.permissions);
  if (body.scope === 'custom' && body.scopeOrgIds.length === 0) throw invalidField('scopeOrgIds', '数据范围为“指定组织”时请选择至少一个组织');
  if (await roleByCode(ctx.db, body.code)) throw conflict(`角色编码 ${body.code} 已存在`, 'DUPLICATE');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roles)
      .values({ code: body.code, name: body.name, kind: 'business', scope: body.scope, permissions: [...new Set(body.permissions)], description: body.description ?? null })
      .returning({ id: roles.id });
    await setScopeOrgs(tx, row!.id, body.scope, body.scopeOrgIds);
    await recordAudit(tx, actor, { action: 'role.change', objectType: 'role', objectId: row!.id, detail: { after: body } }, true);
    return row!.id;
  });
  return oneRole(ctx, id);
}

export async function updateRole(ctx: AppContext, actor: Actor, id: string, body: z.infer<typeof roleUpdateBodySchema>): Promise<Role> {
  const before = await oneRole(ctx, id);
  if (before.builtin) throw conflict('内置角色不能修改,请新建自定义角色', 'BUILTIN');
  if (body.permissions) checkPermissions(body.permissions);
  const scope = body.scope ?? before.scope;
  const scopeOrgIds = body.scopeOrgIds ?? before.scopeOrgIds;
  if (scope === 'custom' && scopeOrgIds.length === 0) throw invalidField('scopeOrgIds', '数据范围为“指定组织”时请选择至少一个组织');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(roles)
      .set({
        ...(body.name ? { name: body.name } : {}),
        scope,
        ...(body.permissions ? { permissions: [...new Set(body.permissions)] } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(roles.id, id));
    await setScopeOrgs(tx, id, scope, scopeOrgIds);
    await recordAudit(tx, actor, { action: 'role.change', objectType: 'role', objectId: id, detail: { before, after: body } }, true);
  });
  return oneRole(ctx, id);
}

export async function deleteRole(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const before = await oneRole(ctx, id);
  if (before.builtin) throw conflict('内置角色不能删除', 'BUILTIN');
  if (before.userCount > 0) throw conflict(`仍有 ${before.userCount} 个用户持有该角色,请先收回`, 'IN_USE');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(roles).where(eq(roles.id, id));
    await recordAudit(tx, actor, { action: 'role.change', objectType: 'role', objectId: id, detail: { before, deleted: true } }, true);
  });
}
