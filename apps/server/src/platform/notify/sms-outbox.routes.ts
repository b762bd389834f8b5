import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf, smsOutboxItemSchema, smsOutboxQuerySchema } from '@gonghui/contracts';
import { authOf } from '../http/request-helpers.js';
import { listSms } from './sms-outbox.service.js';

/** The SMS outbox (queued messages; no gateway yet): masked phones and texts, in the caller's scope. */
export function smsOutboxRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/sms-outbox',
    { config: { permission: 'notify:sms:list' }, schema: { tags: ['消息'], summary: '短信发送队列(号码与内容脱敏,本范围单位发出的)', querystring: smsOutboxQuerySchema, response: { 200: pageOf(smsOutboxItemSchema) } } },
    async (req, reply) => reply.header('cache-control', 'no-store').send(await listSms(app.ctx.db, authOf(req), req.query)),
  );
}
