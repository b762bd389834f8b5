import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createTransferBodySchema, idParamSchema, pageOf, transferActionBodySchema, transferListQuerySchema, transferSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { actOnTransfer, createTransfer, getTransfer, listTransfers } from './member-transfer.service.js';

export async function memberTransferRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['会员关系接转'];
  r.get('/api/member-transfers', { config: { permission: 'member:transfer:list' }, schema: { tags, summary: '接转待办(inbox)、我发起的(outbox)、全部', querystring: transferListQuerySchema, response: { 200: pageOf(transferSchema) } } }, (req) =>
    listTransfers(app.ctx, authOf(req), req.query),
  );
  r.get('/api/member-transfers/:id', { config: { permission: 'member:transfer:list' }, schema: { tags, summary: '接转详情与办理记录', params: idParamSchema, response: { 200: transferSchema } } }, (req) =>
    getTransfer(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/member-transfers', { config: { permission: 'member:transfer:create' }, schema: { tags, summary: '发起会员关系接转(转出方按会员,转入方按身份证号)', body: createTransferBodySchema, response: { 201: transferSchema } } }, async (req, reply) =>
    reply.code(201).send(await createTransfer(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.post('/api/member-transfers/:id/actions', { config: { permission: 'member:transfer:approve' }, schema: { tags, summary: '同意、退回或撤回接转', params: idParamSchema, body: transferActionBodySchema, response: { 200: transferSchema } } }, (req) =>
    actOnTransfer(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
