import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, notificationListQuerySchema, notificationListSchema } from '@gonghui/contracts';
import { authOf } from '../http/request-helpers.js';
import { notFound } from '../http/app-error.js';
import { listNotifications, markNotificationRead } from './notify.service.js';
import { smsOutboxRoutes } from './sms-outbox.routes.js';

export async function notifyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['消息'];
  r.get('/api/notifications', { config: { permission: 'authenticated' }, schema: { tags, summary: '我的消息(发给我或我所在单位的提醒、督办)', querystring: notificationListQuerySchema, response: { 200: notificationListSchema } } }, (req) =>
    listNotifications(app.ctx.db, authOf(req).user, { unreadOnly: req.query.unread === 'true', limit: req.query.limit }),
  );
  r.post('/api/notifications/:id/read', { config: { permission: 'authenticated' }, schema: { tags, summary: '标记已读', params: idParamSchema } }, async (req, reply) => {
    if (!(await markNotificationRead(app.ctx.db, authOf(req).user, req.params.id))) throw notFound('消息');
    return reply.code(204).send();
  });
  smsOutboxRoutes(app);
}
