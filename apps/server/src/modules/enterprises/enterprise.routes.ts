import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createEnterpriseBodySchema, enterpriseListQuerySchema, enterpriseSchema, idParamSchema, pageOf, reviewCreditCodeBodySchema, updateEnterpriseBodySchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { createEnterprise, getEnterprise, listEnterprises, reviewCreditCode, updateEnterprise } from './enterprise.service.js';

export async function enterpriseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['企业与建会'];
  r.get('/api/enterprises', { config: { permission: 'enterprise:enterprise:list' }, schema: { tags, summary: '企业列表(含未建会企业、待核实信用代码)', querystring: enterpriseListQuerySchema, response: { 200: pageOf(enterpriseSchema) } } }, (req) =>
    listEnterprises(app.ctx, authOf(req), req.query),
  );
  r.get('/api/enterprises/:id', { config: { permission: 'enterprise:enterprise:list' }, schema: { tags, summary: '企业详情', params: idParamSchema, response: { 200: enterpriseSchema } } }, (req) =>
    getEnterprise(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/enterprises', { config: { permission: 'enterprise:enterprise:create' }, schema: { tags, summary: '登记企业', body: createEnterpriseBodySchema, response: { 201: enterpriseSchema } } }, async (req, reply) =>
    reply.code(201).send(await createEnterprise(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.patch('/api/enterprises/:id', { config: { permission: 'enterprise:enterprise:update' }, schema: { tags, summary: '修改企业(含建会情况)', params: idParamSchema, body: updateEnterpriseBodySchema, response: { 200: enterpriseSchema } } }, (req) =>
    updateEnterprise(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/enterprises/:id/credit-code-review', { config: { permission: 'enterprise:enterprise:review' }, schema: { tags, summary: '核实校验位不符的信用代码', params: idParamSchema, body: reviewCreditCodeBodySchema, response: { 200: enterpriseSchema } } }, (req) =>
    reviewCreditCode(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
