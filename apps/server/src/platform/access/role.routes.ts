import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS, idParamSchema, orgTreeNodeSchema, roleBodySchema, roleSchema, roleUpdateBodySchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../http/request-helpers.js';
import { orgTree } from '../org/org.service.js';
import { allRoles, createRole, deleteRole, updateRole } from './role.service.js';

export async function roleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['角色权限'];
  r.get('/api/permissions', { config: { permission: 'system:role:list' }, schema: { tags, summary: '全部权限编码', response: { 200: z.array(z.object({ code: z.string(), label: z.string() })) } } }, () =>
    Object.entries(PERMISSIONS).map(([code, label]) => ({ code, label })),
  );
  // The org structure (names and kinds only, no contacts) for picking a custom role's scope:
  // security_admin defines scopes but holds no business permission such as org:unit:list.
  r.get('/api/roles/org-options', { config: { permission: 'system:role:manage' }, schema: { tags, summary: '可选组织(定义自定义数据范围用)', response: { 200: z.array(orgTreeNodeSchema) } } }, (req) =>
    orgTree(app.ctx, authOf(req)),
  );
  r.get('/api/roles', { config: { permission: 'system:role:list' }, schema: { tags, summary: '角色列表', response: { 200: z.array(roleSchema) } } }, () => allRoles(app.ctx));
  r.post('/api/roles', { config: { permission: 'system:role:manage' }, schema: { tags, summary: '新建自定义角色', body: roleBodySchema, response: { 201: roleSchema } } }, async (req, reply) =>
    reply.code(201).send(await createRole(app.ctx, actorOf(req), req.body)),
  );
  r.patch('/api/roles/:id', { config: { permission: 'system:role:manage' }, schema: { tags, summary: '修改自定义角色', params: idParamSchema, body: roleUpdateBodySchema, response: { 200: roleSchema } } }, (req) =>
    updateRole(app.ctx, actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/roles/:id', { config: { permission: 'system:role:manage' }, schema: { tags, summary: '删除自定义角色', params: idParamSchema } }, async (req, reply) => {
    await deleteRole(app.ctx, actorOf(req), req.params.id);
    return reply.code(204).send();
  });
}
