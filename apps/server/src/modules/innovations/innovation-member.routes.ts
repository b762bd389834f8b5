import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, innovationListItemSchema, innovationSchema, innovationSelfBodySchema, innovationUpdateBodySchema, pageOf, workflowActionBodySchema } from '@gonghui/contracts';
import { inlineHeader } from '../../platform/files/file.routes.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { innovationCertificate } from './innovation-adoption.service.js';
import { registerInnovationAttachmentRoutes } from './innovation-attachments.js';
import { submitOwnInnovation } from './innovation-filing.service.js';
import { actOnInnovation, getInnovation, listInnovations, updateInnovation } from './innovation.service.js';

/** The worker's own innovations on the phone (H5): submit, follow the review, read the opinions, get the certificate. */
export async function innovationMemberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['五小创新(移动端)'];
  const self = { permission: 'innovation:submission:self' } as const;
  r.get('/api/m/innovations', { config: self, schema: { tags, summary: '我的创新项目', response: { 200: pageOf(innovationListItemSchema) } } }, (req) =>
    listInnovations(db, authOf(req), { box: 'all', page: 1, pageSize: 100 }, true),
  );
  r.get('/api/m/innovations/:id', { config: self, schema: { tags, summary: '我的项目进度与审核意见', params: idParamSchema, response: { 200: innovationSchema } } }, (req) => getInnovation(db, authOf(req), req.params.id));
  r.post('/api/m/innovations', { config: self, schema: { tags, summary: '本人提交五小创新或合理化建议(提交即进入基层工会初审)', body: innovationSelfBodySchema, response: { 201: innovationSchema } } }, async (req, reply) =>
    reply.code(201).send(await submitOwnInnovation(db, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/m/innovations/:id', { config: self, schema: { tags, summary: '修改草稿或退回的项目', params: idParamSchema, body: innovationUpdateBodySchema, response: { 200: innovationSchema } } }, (req) =>
    updateInnovation(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/m/innovations/:id/actions', { config: self, schema: { tags, summary: '本人提交或撤回', params: idParamSchema, body: workflowActionBodySchema.pick({ action: true, opinion: true }), response: { 200: innovationSchema } } }, (req) =>
    actOnInnovation(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/m/innovations/:id/certificate.pdf', { config: self, schema: { tags, summary: '我的创新成果证书(PDF)', params: idParamSchema } }, async (req, reply) => {
    const c = await innovationCertificate(db, authOf(req), actorOf(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', inlineHeader(c.fileName)).send(c.pdf);
  });
  registerInnovationAttachmentRoutes(app, { base: '/api/m/innovations', view: 'innovation:submission:self', change: 'innovation:submission:self', tags });
}
