import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hazardEnterpriseOptionSchema, hazardEnterpriseQuerySchema, idParamSchema, memberRightsCaseBodySchema, rightsCasePageSchema, rightsCaseSchema, rightsOptionsSchema, rightsRateBodySchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { findEnterprises } from '../hazards/hazard.service.js';
import { districtOptions } from './rights-case.repository.js';
import { fileMemberCase, getMyRightsCase, listRightsCases } from './rights-case.service.js';
import { rateMyRightsCase, withdrawMyRightsCase } from './rights-handling.service.js';

/** 维权求助 on the phone: a worker files, follows, withdraws (before acceptance) and rates (once) their own cases. */
export async function rightsMemberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['维权案件·职工'];
  const self = { permission: 'rights:case:self' } as const;
  r.get('/api/m/rights/options', { config: self, schema: { tags, summary: '求助表单选项:用人单位所在区县(市)', response: { 200: rightsOptionsSchema } } }, async () => ({
    districts: (await districtOptions(app.ctx.db)).map((d) => ({ id: d.id, name: d.name })),
  }));
  r.get('/api/m/rights/enterprises', { config: self, schema: { tags, summary: '按名称或统一社会信用代码查找用人单位(企业名录)', querystring: hazardEnterpriseQuerySchema, response: { 200: z.array(hazardEnterpriseOptionSchema) } } }, (req) =>
    findEnterprises(app.ctx, req.query.q),
  );
  r.get('/api/m/rights/cases', { config: self, schema: { tags, summary: '我的维权求助', response: { 200: rightsCasePageSchema } } }, (req) =>
    listRightsCases(app.ctx, authOf(req), { page: 1, pageSize: 50 }, true),
  );
  r.post('/api/m/rights/cases', { config: self, schema: { tags, summary: '网上维权求助(提交即分派用人单位所在地区县总工会受理)', body: memberRightsCaseBodySchema, response: { 201: rightsCaseSchema } } }, async (req, reply) =>
    reply.code(201).send(await fileMemberCase(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/m/rights/cases/:id', { config: self, schema: { tags, summary: '我的求助进度与办理结果', params: idParamSchema, response: { 200: rightsCaseSchema } } }, (req) =>
    getMyRightsCase(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/m/rights/cases/:id/withdraw', { config: self, schema: { tags, summary: '受理前撤回', params: idParamSchema, response: { 200: rightsCaseSchema } } }, (req) =>
    withdrawMyRightsCase(app.ctx, authOf(req), actorOf(req), req.params.id),
  );
  r.post('/api/m/rights/cases/:id/rating', { config: self, schema: { tags, summary: '结案后评价满意度(只能评价一次)', params: idParamSchema, body: rightsRateBodySchema, response: { 200: rightsCaseSchema } } }, (req) =>
    rateMyRightsCase(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
