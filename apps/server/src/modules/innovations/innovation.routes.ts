import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamSchema,
  innovationActionBodySchema,
  innovationAdoptionBodySchema,
  innovationCreateBodySchema,
  innovationListItemSchema,
  innovationListQuerySchema,
  innovationRewardBodySchema,
  innovationSchema,
  innovationUpdateBodySchema,
  pageOf,
} from '@gonghui/contracts';
import { inlineHeader } from '../../platform/files/file.routes.js';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf, idempotencyKeyOf } from '../../platform/http/request-helpers.js';
import { innovationCertificate, payInnovationReward, recordAdoption } from './innovation-adoption.service.js';
import { registerInnovationAttachmentRoutes } from './innovation-attachments.js';
import { exportInnovations } from './innovation-export.js';
import { createInnovation } from './innovation-filing.service.js';
import { actOnInnovation, getInnovation, listInnovations, updateInnovation } from './innovation.service.js';

/** 五小创新与合理化建议 (staff): list, detail with the review timeline, filing, review up the tree, adoption, reward, certificate, export. */
export async function innovationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['五小创新与合理化建议'];
  const list = { permission: 'innovation:submission:list' } as const;
  r.get('/api/innovations', { config: list, schema: { tags, summary: '创新项目列表(类别、状态、区县、年度;inbox:待我审核)', querystring: innovationListQuerySchema, response: { 200: pageOf(innovationListItemSchema) } } }, (req) =>
    listInnovations(db, authOf(req), req.query),
  );
  r.get('/api/innovations/export.xlsx', { config: list, schema: { tags, summary: '导出创新项目(按筛选条件,审计)', querystring: innovationListQuerySchema } }, async (req, reply) => {
    const file = await exportInnovations(db, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.get('/api/innovations/:id', { config: list, schema: { tags, summary: '项目详情、审核时间线、可执行操作', params: idParamSchema, response: { 200: innovationSchema } } }, (req) => getInnovation(db, authOf(req), req.params.id));
  r.post('/api/innovations', { config: { permission: 'innovation:submission:create' }, schema: { tags, summary: '代职工或班组填报(草稿)', body: innovationCreateBodySchema, response: { 201: innovationSchema } } }, async (req, reply) =>
    reply.code(201).send(await createInnovation(db, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/innovations/:id', { config: { permission: 'innovation:submission:create' }, schema: { tags, summary: '修改草稿或退回的项目', params: idParamSchema, body: innovationUpdateBodySchema, response: { 200: innovationSchema } } }, (req) =>
    updateInnovation(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/innovations/:id/actions', { config: list, schema: { tags, summary: '提交、同意、不同意、退回、撤回、重新审核(审核须持本级审核权限)', params: idParamSchema, body: innovationActionBodySchema, response: { 200: innovationSchema } } }, (req) =>
    actOnInnovation(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.put('/api/innovations/:id/adoption', { config: { permission: 'innovation:adoption:record' }, schema: { tags, summary: '登记企业采纳与核定年创效(区县审核通过后,奖励发放前)', params: idParamSchema, body: innovationAdoptionBodySchema, response: { 200: innovationSchema } } }, (req) =>
    recordAdoption(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/innovations/:id/reward',
    { config: { permission: 'innovation:adoption:record' }, schema: { tags, summary: '发放创新奖励(资金台账,幂等:Idempotency-Key 头,只付一次)', params: idParamSchema, body: innovationRewardBodySchema, response: { 200: z.object({ innovation: innovationSchema, replayed: z.boolean() }) } } },
    (req) => payInnovationReward(db, authOf(req), actorOf(req), req.params.id, req.body, idempotencyKeyOf(req.headers['idempotency-key'])),
  );
  r.get('/api/innovations/:id/certificate.pdf', { config: list, schema: { tags, summary: '职工创新成果证书(PDF,市级认定后)', params: idParamSchema } }, async (req, reply) => {
    const c = await innovationCertificate(db, authOf(req), actorOf(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', inlineHeader(c.fileName)).send(c.pdf);
  });
  registerInnovationAttachmentRoutes(app, { base: '/api/innovations', view: 'innovation:submission:list', change: 'innovation:submission:create', tags });
}
