import { eq, sql } from 'drizzle-orm';
import { parseCreditCode, type CreateOrgBody, type Org, type OrgKind, type OrgTreeNode, type UnionType } from '@gonghui/contracts';
import type { z } from 'zod';
import type { moveOrgBodySchema, updateOrgBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import type { AuthContext } from '../auth/session.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { conflictField, invalidField, notFound } from '../http/app-error.js';
import { orgs } from './org.schema.js';
import { childKindProblem } from './org-rules.js';
import * as repo from './org.repository.js';

export function toOrg(row: repo.OrgRow): Org {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as OrgKind,
    unionType: row.unionType as UnionType | null,
    creditCode: row.creditCode,
    divisionCode: row.divisionCode,
    parentId: row.parentId,
    industryParentId: row.industryParentId,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    status: row.status,
  };
}

function abilities(auth: AuthContext, row: repo.OrgRow) {
  const isOwnRoot = !auth.scope.all && (auth.scope.subtreeRoots.includes(row.id) || auth.scope.units.includes(row.id));
  return {
    canEdit: auth.permissions.has('org:unit:update'),
    canCreateChild: auth.permissions.has('org:unit:create') && row.kind !== 'grassroots',
    canMove: auth.permissions.has('org:unit:update') && row.kind !== 'city' && !isOwnRoot,
  };
}

export async function getOrg(ctx: AppContext, auth: AuthContext, id: string): Promise<Org> {
  const row = await repo.findOrg(ctx.db, auth.scope, id);
  if (!row) throw notFound('组织');
  return { ...toOrg(row), path: await repo.orgPath(ctx.db, id), abilities: abilities(auth, row) };
}

function checkCreditCode(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const parsed = parseCreditCode(code);
  if (!parsed.ok) throw invalidField('creditCode', parsed.message);
  return parsed.value;
}

async function visibleParent(ctx: AppContext, auth: AuthContext, id: string, field: string) {
  const parent = await repo.findOrg(ctx.db, auth.scope, id);
  if (!parent) throw invalidField(field, '上级组织不存在或不在您的管理范围内');
  return parent;
}

export async function createOrg(ctx: AppContext, auth: AuthContext, actor: Actor, body: CreateOrgBody): Promise<Org> {
  const parent = await visibleParent(ctx, auth, body.parentId, 'parentId');
  const problem = childKindProblem(parent.kind as OrgKind, body.kind);
  if (problem) throw invalidField('kind', problem);
  if (body.industryParentId) {
    const ip = await visibleParent(ctx, auth, body.industryParentId, 'industryParentId');
    if (ip.kind !== 'industry') throw invalidField('industryParentId', '第二上级必须是产业工会');
  }
  const creditCode = checkCreditCode(body.creditCode);
  if (body.code && (await repo.findOrgByCode(ctx.db, body.code))) throw conflictField('code', `工会组织编码 ${body.code} 已被使用`);
  const divisionCode = body.divisionCode ?? parent.divisionCode ?? ctx.config.city.divisionCode;
  const row = await ctx.db.transaction(async (tx) => {
    const code = body.code ?? (await repo.nextOrgCode(tx, divisionCode));
    const [created] = await tx
      .insert(orgs)
      .values({
        code,
        name: body.name,
        kind: body.kind,
        unionType: body.kind === 'grassroots' ? (body.unionType ?? 'enterprise') : (body.unionType ?? null),
        creditCode: creditCode ?? null,
        divisionCode,
        parentId: parent.id,
        industryParentId: body.industryParentId ?? null,
        address: body.address ?? null,
        contactName: body.contactName ?? null,
        contactPhone: body.contactPhone ?? null,
        createdBy: auth.user.id,
      })
      .returning();
    await repo.rebuildClosure(tx, [created!.id]);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'org', objectId: created!.id, detail: { after: toOrg(created!) } }, true);
    return created!;
  });
  return { ...toOrg(row), path: await repo.orgPath(ctx.db, row.id), abilities: abilities(auth, row) };
}

export async function updateOrg(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof updateOrgBodySchema>): Promise<Org> {
  const before = await repo.findOrg(ctx.db, auth.scope, id);
  if (!before) throw notFound('组织');
  const creditCode = body.creditCode === null ? null : checkCreditCode(body.creditCode);
  const row = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(orgs)
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.unionType !== undefined ? { unionType: body.unionType } : {}),
        ...(creditCode !== undefined ? { creditCode } : {}),
        ...(body.address !== undefined ? { address: body.address ?? null } : {}),
        ...(body.contactName !== undefined ? { contactName: body.contactName ?? null } : {}),
        ...(body.contactPhone !== undefined ? { contactPhone: body.contactPhone ?? null } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(orgs.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'org', objectId: id, detail: { before: toOrg(before), after: toOrg(after!) } }, true);
    return after!;
  });
  return { ...toOrg(row), path: await repo.orgPath(ctx.db, id), abilities: abilities(auth, row) };
}

export async function moveOrg(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof moveOrgBodySchema>): Promise<Org> {
  const node = await repo.findOrg(ctx.db, auth.scope, id);
  if (!node) throw notFound('组织');
  if (!abilities(auth, node).canMove) throw invalidField('parentId', '不能调整本单位或市总工会的上级');
  const parentId = body.parentId ?? node.parentId;
  if (!parentId) throw invalidField('parentId', '请选择新的上级组织');
  const parent = await visibleParent(ctx, auth, parentId, 'parentId');
  const problem = childKindProblem(parent.kind as OrgKind, node.kind as OrgKind);
  if (problem) throw invalidField('parentId', problem);
  const industryParentId = body.industryParentId === undefined ? node.industryParentId : body.industryParentId;
  for (const [field, target] of [['parentId', parentId], ['industryParentId', industryParentId]] as const) {
    if (target && (target === id || (await repo.isAncestor(ctx.db, id, target)))) throw invalidField(field, '不能把组织移到它自己的下级之下');
  }
  if (industryParentId && industryParentId !== node.industryParentId) {
    const ip = await visibleParent(ctx, auth, industryParentId, 'industryParentId');
    if (ip.kind !== 'industry') throw invalidField('industryParentId', '第二上级必须是产业工会');
  }
  const row = await ctx.db.transaction(async (tx) => {
    const affected = await repo.subtreeIds(tx, id);
    const [after] = await tx.update(orgs).set({ parentId, industryParentId, updatedAt: sql`now()` }).where(eq(orgs.id, id)).returning();
    await repo.rebuildClosure(tx, affected);
    await recordAudit(
      tx,
      actor,
      { action: 'data.update', objectType: 'org', objectId: id, detail: { move: true, before: { parentId: node.parentId, industryParentId: node.industryParentId }, after: { parentId, industryParentId }, subtreeSize: affected.length } },
      true,
    );
    return after!;
  });
  return { ...toOrg(row), path: await repo.orgPath(ctx.db, id), abilities: abilities(auth, row) };
}

/**
 * The scoped tree, nested by territorial parent; an org whose territorial parent is out of sight
 * hangs under its industry parent when that one is visible, else it is a root.
 */
export async function orgTree(ctx: AppContext, auth: AuthContext): Promise<OrgTreeNode[]> {
  const rows = await repo.treeRows(ctx.db, auth.scope);
  const nodes = new Map<string, OrgTreeNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind as OrgKind,
      unionType: r.union_type as UnionType | null,
      ...(r.division_code && (r.kind === 'district' || r.kind === 'city') ? { divisionCode: r.division_code } : {}),
      industryParentId: r.industry_parent_id,
      children: [],
    });
  }
  const roots: OrgTreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = (r.parent_id && nodes.get(r.parent_id)) || (r.industry_parent_id && nodes.get(r.industry_parent_id)) || null;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
