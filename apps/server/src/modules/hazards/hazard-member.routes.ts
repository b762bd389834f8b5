import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createHazardBodySchema, hazardEnterpriseOptionSchema, hazardEnterpriseQuerySchema, hazardOptionsSchema, hazardSchema, idParamSchema, myHazardsSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { createHazard, findEnterprises, getMyHazard, hazardOptions, myHazards, submitHazard } from './hazard.service.js';

/** The worker's side on H5: report (draft → photos → submit), my reports with status and points. */
export function hazardMemberRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['安全隐患随手拍'];
  const self = { permission: 'hazard:report:self' } as const;
  r.get('/api/m/hazards/options', { config: self, schema: { tags, summary: '上报表单选项:区县(市)、积分标准', response: { 200: hazardOptionsSchema } } }, () => hazardOptions(app.ctx));
  r.get('/api/m/hazards/enterprises', { config: self, schema: { tags, summary: '按企业名称或统一社会信用代码查找企业', querystring: hazardEnterpriseQuerySchema, response: { 200: z.array(hazardEnterpriseOptionSchema) } } }, (req) =>
    findEnterprises(app.ctx, req.query.q),
  );
  r.get('/api/m/hazards', { config: self, schema: { tags, summary: '我的随手拍:上报记录、状态与积分', response: { 200: myHazardsSchema } } }, (req) => myHazards(app.ctx, authOf(req)));
  r.get('/api/m/hazards/:id', { config: self, schema: { tags, summary: '我上报的隐患:进度、整改情况', params: idParamSchema, response: { 200: hazardSchema } } }, (req) => getMyHazard(app.ctx, authOf(req), req.params.id));
  r.post('/api/m/hazards', { config: self, schema: { tags, summary: '填写隐患报告(草稿;再上传照片后提交)', body: createHazardBodySchema, response: { 201: hazardSchema } } }, async (req, reply) =>
    reply.code(201).send(await createHazard(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.post('/api/m/hazards/:id/submit', { config: self, schema: { tags, summary: '提交隐患报告(须有1-9张照片),交负责工会审核', params: idParamSchema, response: { 200: hazardSchema } } }, (req) =>
    submitHazard(app.ctx, authOf(req), actorOf(req), req.params.id),
  );
}
