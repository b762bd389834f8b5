import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  condolenceCoverageSchema,
  condolencePlanActionBodySchema,
  condolencePlanBodySchema,
  condolencePlanListItemSchema,
  condolencePlanListQuerySchema,
  condolencePlanSchema,
  condolenceVisitBodySchema,
  condolenceVisitExportQuerySchema,
  condolenceVisitListQuerySchema,
  condolenceVisitSchema,
  idParamSchema,
  pageOf,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { actOnPlan, createPlan, getPlan, listPlans, updatePlan } from './condolence-plan.service.js';
import { getVisit, listVisits, recordVisit } from './condolence-visit.service.js';
import { exportVisits, planCoverage } from './condolence-coverage.service.js';
import { condolencePhotoRoutes } from './condolence-photos.js';

const visitPageSchema = pageOf(condolenceVisitSchema).extend({ moneyFen: z.number() });

/** 送温暖: plans (只做加法, on the review workflow), visits (money through the ledger), coverage, the visited list. */
export async function condolenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['送温暖'];
  const list = { permission: 'condolence:plan:list' } as const;
  const manage = { permission: 'condolence:plan:manage' } as const;
  const visits = { permission: 'condolence:visit:list' } as const;

  r.get('/api/condolences/plans', { config: list, schema: { tags, summary: '送温暖计划列表(本级及下级制定的,和上级已批准的)', querystring: condolencePlanListQuerySchema, response: { 200: pageOf(condolencePlanListItemSchema) } } }, (req) =>
    listPlans(app.ctx, authOf(req), req.query),
  );
  r.post('/api/condolences/plans', { config: manage, schema: { tags, summary: '制定送温暖计划(草稿)', body: condolencePlanBodySchema, response: { 201: condolencePlanSchema } } }, async (req, reply) =>
    reply.code(201).send(await createPlan(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/condolences/plans/:id', { config: list, schema: { tags, summary: '计划详情:类别与标准、上年对比、审批记录', params: idParamSchema, response: { 200: condolencePlanSchema } } }, (req) =>
    getPlan(app.ctx, authOf(req), req.params.id),
  );
  r.put('/api/condolences/plans/:id', { config: manage, schema: { tags, summary: '修改草稿或退回的计划', params: idParamSchema, body: condolencePlanBodySchema, response: { 200: condolencePlanSchema } } }, (req) =>
    updatePlan(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  // submit/withdraw are the drawing side's (condolence:plan:manage, checked by the workflow); approve/return/reject the approver's
  r.post('/api/condolences/plans/:id/actions', { config: list, schema: { tags, summary: '提交、审核、退回、特批(只做加法:低于上年标准须市总特批并写明理由)', params: idParamSchema, body: condolencePlanActionBodySchema, response: { 200: condolencePlanSchema } } }, (req) =>
    actOnPlan(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/condolences/plans/:id/coverage', { config: list, schema: { tags, summary: '计划覆盖情况:按类别计划与已慰问,按下级工会×类别', params: idParamSchema, response: { 200: condolenceCoverageSchema } } }, (req) =>
    planCoverage(app.ctx, authOf(req), req.params.id),
  );

  r.get('/api/condolences/visits', { config: visits, schema: { tags, summary: '慰问名单', querystring: condolenceVisitListQuerySchema, response: { 200: visitPageSchema } } }, (req) => listVisits(app.ctx, authOf(req), req.query));
  r.get('/api/condolences/visits/export.xlsx', { config: visits, schema: { tags, summary: '导出慰问名单(电话脱敏,审计)', querystring: condolenceVisitExportQuerySchema } }, async (req, reply) => {
    const file = await exportVisits(app.ctx, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.post('/api/condolences/visits', { config: { permission: 'condolence:visit:record' }, schema: { tags, summary: '登记慰问(慰问金经资金台账发放,同一计划每人一次)', body: condolenceVisitBodySchema, response: { 201: condolenceVisitSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordVisit(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/condolences/visits/:id', { config: visits, schema: { tags, summary: '慰问记录', params: idParamSchema, response: { 200: condolenceVisitSchema } } }, (req) => getVisit(app.ctx, authOf(req), req.params.id));
  condolencePhotoRoutes(app);
}
