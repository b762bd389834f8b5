import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createUserBodySchema, grantPlatformRoleBodySchema, idParamSchema, okSchema, pageOf, resetPasswordBodySchema, updateUserBodySchema, userListQuerySchema, userSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../http/request-helpers.js';
import { createUser, getUser, listUsers, resetPassword, setPlatformRole, unlockUser, updateUser } from './user.service.js';

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['用户管理'];
  r.get('/api/users', { config: { permission: 'system:user:list' }, schema: { tags, summary: '用户列表', querystring: userListQuerySchema, response: { 200: pageOf(userSchema) } } }, (req) =>
    listUsers(app.ctx, authOf(req), req.query),
  );
  r.get('/api/users/:id', { config: { permission: 'system:user:list' }, schema: { tags, summary: '用户详情', params: idParamSchema, response: { 200: userSchema } } }, (req) =>
    getUser(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/users', { config: { permission: 'system:user:create' }, schema: { tags, summary: '新建用户(授予业务角色)', body: createUserBodySchema, response: { 201: userSchema } } }, async (req, reply) =>
    reply.code(201).send(await createUser(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.patch('/api/users/:id', { config: { permission: 'system:user:update' }, schema: { tags, summary: '编辑、停用用户或调整业务角色', params: idParamSchema, body: updateUserBodySchema, response: { 200: userSchema } } }, (req) =>
    updateUser(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/users/:id/reset-password', { config: { permission: 'system:user:update' }, schema: { tags, summary: '重置密码(下次登录须修改)', params: idParamSchema, body: resetPasswordBodySchema, response: { 200: okSchema } } }, async (req) => {
    await resetPassword(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.password);
    return { ok: true as const };
  });
  r.post('/api/users/:id/unlock', { config: { permission: 'system:user:update' }, schema: { tags, summary: '解除锁定', params: idParamSchema, response: { 200: okSchema } } }, async (req) => {
    await unlockUser(app.ctx, authOf(req), actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.put('/api/users/:id/platform-role', { config: { permission: 'system:user:grant-platform' }, schema: { tags, summary: '授予或收回平台管理角色(安全管理员)', params: idParamSchema, body: grantPlatformRoleBodySchema, response: { 200: userSchema } } }, (req) =>
    setPlatformRole(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
