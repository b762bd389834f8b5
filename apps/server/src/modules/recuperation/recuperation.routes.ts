import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocateQuotaBodySchema,
  cancelEnrolmentBodySchema,
  enrolmentListQuerySchema,
  idParamSchema,
  memberRecuperationBatchSchema,
  memberRecuperationOverviewSchema,
  okSchema,
  pageOf,
  recuperationBatchBodySchema,
  recuperationBatchListItemSchema,
  recuperationBatchListQuerySchema,
  recuperationBatchSchema,
  recuperationEnrolmentSchema,
  recuperationNominationBodySchema,
  recuperationSignupBodySchema,
  signupResultSchema,
} from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { allocateBatchQuota, createBatch, getBatch, listBatches, publishBatch, updateBatch } from './recuperation.service.js';
import { cancelBatchEnrolment, listBatchEnrolments, nominateForBatch } from './recuperation-enrolment.service.js';
import { cancelMyRecuperation, memberBatchDetail, memberOverview, signUpSelfForBatch } from './recuperation-member.service.js';
import { recuperationCatalogueRoutes } from './recuperation-catalogue.routes.js';

const reasonBodySchema = z.object({ reason: z.string({ error: '请填写原因' }).trim().min(2, { error: '请填写原因(至少2个字)' }).max(200, { error: '原因不能超过200字' }) }).strict();
const enrolmentParamSchema = z.object({ id: z.uuid({ error: '编号格式不正确' }), enrolmentId: z.uuid({ error: '编号格式不正确' }) });

/** 职工疗休养: batches on the enrolment mechanism, the member's phone pages, and the catalogue. */
export async function recuperationRoutes(app: FastifyInstance): Promise<void> {
  await recuperationCatalogueRoutes(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['职工疗休养'];
  const list = { permission: 'recuperation:batch:list' } as const;
  const manage = { permission: 'recuperation:batch:manage' } as const;

  r.get('/api/recuperation/batches', { config: list, schema: { tags, summary: '疗休养批次列表(本单位主办及上级主办可报名的)', querystring: recuperationBatchListQuerySchema, response: { 200: pageOf(recuperationBatchListItemSchema) } } }, (req) =>
    listBatches(app.ctx, authOf(req), req.query),
  );
  r.post('/api/recuperation/batches', { config: manage, schema: { tags, summary: '新建疗休养批次(草稿)', body: recuperationBatchBodySchema, response: { 201: recuperationBatchSchema } } }, async (req, reply) =>
    reply.code(201).send(await createBatch(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/recuperation/batches/:id', { config: list, schema: { tags, summary: '批次详情、名额分配与报名情况', params: idParamSchema, response: { 200: recuperationBatchSchema } } }, (req) =>
    getBatch(app.ctx, authOf(req), req.params.id),
  );
  r.put('/api/recuperation/batches/:id', { config: manage, schema: { tags, summary: '修改草稿批次', params: idParamSchema, body: recuperationBatchBodySchema, response: { 200: recuperationBatchSchema } } }, (req) =>
    updateBatch(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/recuperation/batches/:id/publish', { config: manage, schema: { tags, summary: '发布批次', params: idParamSchema, response: { 200: recuperationBatchSchema } } }, (req) =>
    publishBatch(app.ctx, authOf(req), actorOf(req), req.params.id),
  );
  r.post('/api/recuperation/batches/:id/quotas', { config: { permission: 'activity:quota:allocate' }, schema: { tags, summary: '向下级工会分配名额(市→区县→基层)', params: idParamSchema, body: allocateQuotaBodySchema, response: { 200: recuperationBatchSchema } } }, (req) =>
    allocateBatchQuota(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/recuperation/batches/:id/enrolments', { config: list, schema: { tags, summary: '报名名单(含随行家属)', params: idParamSchema, querystring: enrolmentListQuerySchema, response: { 200: pageOf(recuperationEnrolmentSchema) } } }, (req) =>
    listBatchEnrolments(app.ctx, authOf(req), req.params.id, req.query),
  );
  r.post('/api/recuperation/batches/:id/nominations', { config: { permission: 'activity:enrolment:manage' }, schema: { tags, summary: '工会推荐会员参加(可带自费家属)', params: idParamSchema, body: recuperationNominationBodySchema, response: { 201: signupResultSchema } } }, async (req, reply) =>
    reply.code(201).send(await nominateForBatch(app.ctx, authOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.post('/api/recuperation/batches/:id/enrolments/:enrolmentId/cancel', { config: { permission: 'activity:enrolment:manage' }, schema: { tags, summary: '取消某会员的报名(须填写原因)', params: enrolmentParamSchema, body: reasonBodySchema, response: { 200: okSchema } } }, async (req) => {
    await cancelBatchEnrolment(app.ctx, authOf(req), actorOf(req), req.params.id, req.params.enrolmentId, req.body.reason);
    return { ok: true as const };
  });

  // the member's own
  r.post('/api/recuperation/batches/:id/signups', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '会员本人报名(可带自费家属)', params: idParamSchema, body: recuperationSignupBodySchema, response: { 201: signupResultSchema } } }, async (req, reply) =>
    reply.code(201).send(await signUpSelfForBatch(app.ctx, authOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.get('/api/m/recuperation/batches', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '我可参加的疗休养批次与本年度费用', response: { 200: memberRecuperationOverviewSchema } } }, (req) =>
    memberOverview(app.ctx, authOf(req)),
  );
  r.get('/api/m/recuperation/batches/:id', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '批次详情与我的报名', params: idParamSchema, response: { 200: memberRecuperationBatchSchema } } }, (req) =>
    memberBatchDetail(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/m/recuperation/batches/:id/cancel', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '取消我的报名(取消截止前)', params: idParamSchema, body: cancelEnrolmentBodySchema, response: { 200: memberRecuperationBatchSchema } } }, (req) =>
    cancelMyRecuperation(app.ctx, authOf(req), actorOf(req), req.params.id),
  );
}
