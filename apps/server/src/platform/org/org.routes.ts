import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrgBodySchema, idParamSchema, moveOrgBodySchema, orgListQuerySchema, orgSchema, orgTreeNodeSchema, pageOf, updateOrgBodySchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../http/request-helpers.js';
import { listOrgs } from './org.repository.js';
import { createOrg, getOrg, moveOrg, orgTree, toOrg, updateOrg } from './org.service.js';

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['组织机构'];
  r.get('/api/orgs/tree', { config: { permission: 'org:unit:list' }, schema: { tags, summary: '组织树(数据范围内)', response: { 200: z.array(orgTreeNodeSchema) } } }, (req) =>
    orgTree(app.ctx, authOf(req)),
  );
  r.get('/api/orgs', { config: { permission: 'org:unit:list' }, schema: { tags, summary: '组织列表', querystring: orgListQuerySchema, response: { 200: pageOf(orgSchema) } } }, async (req) => {
    const { rows, total } = await listOrgs(app.ctx.db, authOf(req).scope, req.query);
    return { items: rows.map(toOrg), total, page: req.query.page, pageSize: req.query.pageSize };
  });
  r.get('/api/orgs/:id', { config: { permission: 'org:unit:list' }, schema: { tags, summary: '组织详情', params: idParamSchema, response: { 200: orgSchema } } }, (req) =>
    getOrg(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/orgs', { config: { permission: 'org:unit:create' }, schema: { tags, summary: '新建工会组织', body: createOrgBodySchema, response: { 201: orgSchema } } }, async (req, reply) =>
    reply.code(201).send(await createOrg(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.patch('/api/orgs/:id', { config: { permission: 'org:unit:update' }, schema: { tags, summary: '编辑工会组织', params: idParamSchema, body: updateOrgBodySchema, response: { 200: orgSchema } } }, (req) =>
    updateOrg(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/orgs/:id/move', { config: { permission: 'org:unit:update' }, schema: { tags, summary: '调整上级(维护闭包表)', params: idParamSchema, body: moveOrgBodySchema, response: { 200: orgSchema } } }, (req) =>
    moveOrg(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
