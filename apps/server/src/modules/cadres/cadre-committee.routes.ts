import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceBodySchema,
  committeeBodySchema,
  committeeDueGroupSchema,
  committeeItemSchema,
  committeeListQuerySchema,
  committeeSchema,
  idParamSchema,
  pageOf,
  renewCommitteeBodySchema,
  trainingBodySchema,
  trainingItemSchema,
  trainingListQuerySchema,
  trainingSchema,
  updateCommitteeBodySchema,
  updateTrainingBodySchema,
} from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { createCommittee, dueCommittees, getCommittee, listCommittees, renewCommittee, updateCommittee } from './cadre-committee.service.js';
import { createTraining, getTraining, listTrainings, recordAttendance, updateTraining } from './cadre-training.service.js';

/** 工会委员会 (届次, 换届) and 培训班 (attendance, 学时). */
export async function cadreCommitteeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['工会干部'];
  const list = { permission: 'cadre:cadre:list' } as const;
  const committee = { permission: 'cadre:committee:manage' } as const;
  const training = { permission: 'cadre:training:manage' } as const;
  const c = '/api/cadres/committees';
  const t = '/api/cadres/trainings';

  r.get(c, { config: list, schema: { tags, summary: '工会委员会届次(本届或历届,届满筛选)', querystring: committeeListQuerySchema, response: { 200: pageOf(committeeItemSchema) } } }, (req) =>
    listCommittees(app.ctx, authOf(req), req.query),
  );
  r.get(`${c}/due`, { config: list, schema: { tags, summary: '应换届名单:即将届满与已届满未换届的工会,按区县(市)', response: { 200: z.array(committeeDueGroupSchema) } } }, (req) =>
    dueCommittees(app.ctx, authOf(req)),
  );
  r.post(c, { config: committee, schema: { tags, summary: '登记本届工会委员会', body: committeeBodySchema, response: { 201: committeeSchema } } }, async (req, reply) =>
    reply.code(201).send(await createCommittee(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get(`${c}/:id`, { config: list, schema: { tags, summary: '委员会详情:成员与历届', params: idParamSchema, response: { 200: committeeSchema } } }, (req) => getCommittee(app.ctx, authOf(req), req.params.id));
  r.put(`${c}/:id`, { config: committee, schema: { tags, summary: '修改本届委员会(届期变更后重新提醒)', params: idParamSchema, body: updateCommitteeBodySchema, response: { 200: committeeSchema } } }, (req) =>
    updateCommittee(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${c}/:id/renew`, { config: committee, schema: { tags, summary: '换届:登记新一届,连任干部转入,其余离任', params: idParamSchema, body: renewCommitteeBodySchema, response: { 201: committeeSchema } } }, async (req, reply) =>
    reply.code(201).send(await renewCommittee(app.ctx, authOf(req), actorOf(req), req.params.id, req.body)),
  );

  r.get(t, { config: list, schema: { tags, summary: '培训班(年度、主办单位筛选)', querystring: trainingListQuerySchema, response: { 200: pageOf(trainingItemSchema) } } }, (req) =>
    listTrainings(app.ctx, authOf(req), req.query),
  );
  r.post(t, { config: training, schema: { tags, summary: '登记培训班', body: trainingBodySchema, response: { 201: trainingSchema } } }, async (req, reply) =>
    reply.code(201).send(await createTraining(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get(`${t}/:id`, { config: list, schema: { tags, summary: '培训班详情与签到名单', params: idParamSchema, response: { 200: trainingSchema } } }, (req) => getTraining(app.ctx, authOf(req), req.params.id));
  r.put(`${t}/:id`, { config: training, schema: { tags, summary: '修改培训班', params: idParamSchema, body: updateTrainingBodySchema, response: { 200: trainingSchema } } }, (req) =>
    updateTraining(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.put(`${t}/:id/attendance`, { config: training, schema: { tags, summary: '批量录入签到与认定学时', params: idParamSchema, body: attendanceBodySchema, response: { 200: trainingSchema } } }, (req) =>
    recordAttendance(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
