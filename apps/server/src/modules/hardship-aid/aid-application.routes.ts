import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  aidActionBodySchema,
  aidApplicationListItemSchema,
  aidApplicationSchema,
  aidListQuerySchema,
  applyAidBodySchema,
  createAidApplicationBodySchema,
  disburseBodySchema,
  homeVisitBodySchema,
  idParamSchema,
  pageOf,
  updateAidApplicationBodySchema,
} from '@gonghui/contracts';
import { actorOf, authOf, idempotencyKeyOf } from '../../platform/http/request-helpers.js';
import { actOnAidApplication, applyForAid, createAidApplication, getAidApplication, listAidApplications, recordHomeVisit, updateAidApplication } from './aid-application.service.js';
import { disburseAid } from './aid-disbursement.service.js';

export async function aidApplicationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['春风行动·帮扶申请'];
  r.get('/api/aid/applications', { config: { permission: 'aid:application:list' }, schema: { tags, summary: '帮扶申请列表(inbox:待我审核)', querystring: aidListQuerySchema, response: { 200: pageOf(aidApplicationListItemSchema) } } }, (req) =>
    listAidApplications(app.ctx, authOf(req), req.query),
  );
  r.get('/api/aid/applications/:id', { config: { permission: 'aid:application:list' }, schema: { tags, summary: '申请详情、办理时间线、可执行操作、重复救助提示', params: idParamSchema, response: { 200: aidApplicationSchema } } }, (req) =>
    getAidApplication(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/aid/applications', { config: { permission: 'aid:application:create' }, schema: { tags, summary: '代职工填报帮扶申请(草稿)', body: createAidApplicationBodySchema, response: { 201: aidApplicationSchema } } }, async (req, reply) =>
    reply.code(201).send(await createAidApplication(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/aid/applications/:id', { config: { permission: 'aid:application:create' }, schema: { tags, summary: '修改草稿或退回的申请', params: idParamSchema, body: updateAidApplicationBodySchema, response: { 200: aidApplicationSchema } } }, (req) =>
    updateAidApplication(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/aid/applications/:id/actions', { config: { permission: 'aid:application:list' }, schema: { tags, summary: '提交、同意、不同意、退回、撤回、重新审核', params: idParamSchema, body: aidActionBodySchema, response: { 200: aidApplicationSchema } } }, (req) =>
    actOnAidApplication(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/aid/applications/:id/home-visit', { config: { permission: 'aid:application:approve' }, schema: { tags, summary: '登记入户调查(须签署收入核查授权书)', params: idParamSchema, body: homeVisitBodySchema, response: { 200: aidApplicationSchema } } }, (req) =>
    recordHomeVisit(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/aid/applications/:id/disburse',
    { config: { permission: 'aid:application:disburse' }, schema: { tags, summary: '从资金发放(幂等:Idempotency-Key 头,重复请求只付一次)', params: idParamSchema, body: disburseBodySchema, response: { 200: z.object({ application: aidApplicationSchema, replayed: z.boolean() }) } } },
    (req) => disburseAid(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.fundId, idempotencyKeyOf(req.headers['idempotency-key'])),
  );

  // the worker's own applications (H5)
  r.get('/api/m/aid/applications', { config: { permission: 'aid:application:apply' }, schema: { tags, summary: '我的帮扶申请', response: { 200: pageOf(aidApplicationListItemSchema) } } }, (req) =>
    listAidApplications(app.ctx, authOf(req), { box: 'mine', page: 1, pageSize: 50 }),
  );
  r.get('/api/m/aid/applications/:id', { config: { permission: 'aid:application:apply' }, schema: { tags, summary: '我的申请进度', params: idParamSchema, response: { 200: aidApplicationSchema } } }, (req) =>
    getAidApplication(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/m/aid/applications', { config: { permission: 'aid:application:apply' }, schema: { tags, summary: '职工本人申请帮扶(提交即进入基层工会初审)', body: applyAidBodySchema, response: { 201: aidApplicationSchema } } }, async (req, reply) =>
    reply.code(201).send(await applyForAid(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.post('/api/m/aid/applications/:id/actions', { config: { permission: 'aid:application:apply' }, schema: { tags, summary: '本人提交或撤回', params: idParamSchema, body: aidActionBodySchema.pick({ action: true, opinion: true }), response: { 200: aidApplicationSchema } } }, (req) =>
    actOnAidApplication(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
