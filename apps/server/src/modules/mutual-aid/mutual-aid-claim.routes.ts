import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applyMutualAidClaimBodySchema,
  createMutualAidClaimBodySchema,
  idParamSchema,
  mutualAidClaimActionBodySchema,
  mutualAidClaimListQuerySchema,
  mutualAidClaimPageSchema,
  mutualAidClaimSchema,
  mutualAidCoverageSchema,
  mutualAidPayBodySchema,
  updateMutualAidClaimBodySchema,
} from '@gonghui/contracts';
import { actorOf, authOf, idempotencyKeyOf } from '../../platform/http/request-helpers.js';
import { getClaim, listClaims } from './mutual-aid-claim.service.js';
import { actOnClaim, applyClaim, createClaim, updateClaim } from './mutual-aid-filing.service.js';
import { payClaim } from './mutual-aid-pay.service.js';
import { myCoverage } from './mutual-aid-member.service.js';
import { mutualAidAttachmentRoutes } from './mutual-aid-attachments.js';

/** 医疗互助 claims: staff (list, 为他人申请, review, pay) and the member's own on H5. */
export async function mutualAidClaimRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['医疗互助·申请'];
  const list = { permission: 'mutual-aid:claim:list' } as const;
  const create = { permission: 'mutual-aid:claim:create' } as const;
  r.get('/api/mutual-aid/claims', { config: list, schema: { tags, summary: '申请列表(inbox:待我审核)', querystring: mutualAidClaimListQuerySchema, response: { 200: mutualAidClaimPageSchema } } }, (req) =>
    listClaims(app.ctx, authOf(req), req.query),
  );
  r.get('/api/mutual-aid/claims/:id', { config: list, schema: { tags, summary: '申请详情:发票、核算说明、办理时间线、可执行操作', params: idParamSchema, response: { 200: mutualAidClaimSchema } } }, (req) =>
    getClaim(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/mutual-aid/claims', { config: create, schema: { tags, summary: '为他人申请(草稿,记录代办人与关系)', body: createMutualAidClaimBodySchema, response: { 201: mutualAidClaimSchema } } }, async (req, reply) =>
    reply.code(201).send(await createClaim(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/mutual-aid/claims/:id', { config: create, schema: { tags, summary: '修改草稿或退回的申请(重新核算)', params: idParamSchema, body: updateMutualAidClaimBodySchema, response: { 200: mutualAidClaimSchema } } }, (req) =>
    updateClaim(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/mutual-aid/claims/:id/actions', { config: list, schema: { tags, summary: '提交、同意、不同意、退回、撤回', params: idParamSchema, body: mutualAidClaimActionBodySchema, response: { 200: mutualAidClaimSchema } } }, (req) =>
    actOnClaim(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/mutual-aid/claims/:id/pay',
    { config: { permission: 'mutual-aid:claim:pay' }, schema: { tags, summary: '从医疗互助资金支付(幂等:重复请求只付一次)', params: idParamSchema, body: mutualAidPayBodySchema, response: { 200: z.object({ claim: mutualAidClaimSchema, replayed: z.boolean() }) } } },
    (req) => payClaim(app.ctx, authOf(req), actorOf(req), req.params.id, idempotencyKeyOf(req.headers['idempotency-key'])),
  );

  // the member's own (H5)
  const self = { permission: 'mutual-aid:claim:self' } as const;
  r.get('/api/m/mutual-aid/coverage', { config: self, schema: { tags, summary: '我的本年度保障(是否参保、剩余额度)', response: { 200: mutualAidCoverageSchema } } }, (req) => myCoverage(app.ctx, authOf(req)));
  r.get('/api/m/mutual-aid/claims', { config: self, schema: { tags, summary: '我的医疗互助申请', response: { 200: mutualAidClaimPageSchema } } }, (req) =>
    listClaims(app.ctx, authOf(req), { box: 'mine', page: 1, pageSize: 50 }),
  );
  r.get('/api/m/mutual-aid/claims/:id', { config: self, schema: { tags, summary: '我的申请进度与核算说明', params: idParamSchema, response: { 200: mutualAidClaimSchema } } }, (req) =>
    getClaim(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/m/mutual-aid/claims', { config: self, schema: { tags, summary: '本人或家属申请(提交即进入基层工会初审)', body: applyMutualAidClaimBodySchema, response: { 201: mutualAidClaimSchema } } }, async (req, reply) =>
    reply.code(201).send(await applyClaim(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/m/mutual-aid/claims/:id', { config: self, schema: { tags, summary: '本人修改草稿或退回的申请(重新核算)', params: idParamSchema, body: updateMutualAidClaimBodySchema, response: { 200: mutualAidClaimSchema } } }, (req) =>
    updateClaim(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/m/mutual-aid/claims/:id/actions', { config: self, schema: { tags, summary: '本人提交或撤回', params: idParamSchema, body: mutualAidClaimActionBodySchema, response: { 200: mutualAidClaimSchema } } }, (req) =>
    actOnClaim(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  mutualAidAttachmentRoutes(app);
}
