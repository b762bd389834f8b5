import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentParamSchema, idParamSchema, newsFeedItemSchema, newsFeedQuerySchema, newsReadSchema, pageOf } from '@gonghui/contracts';
import { authOf } from '../../platform/http/request-helpers.js';
import { sendReadableCover } from './news-cover.js';
import { newsFeed, readNews, type NewsReader } from './news-feed.service.js';
import { viewerKey } from './news-views.js';

const viewerOf = (req: FastifyRequest, userId: string | null) => viewerKey({ userId, ip: req.ip, userAgent: req.headers['user-agent'] });

/** The public news page (no login: published public articles) and the members' H5 feed (public + their unions' members-only). */
export async function newsPublicRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const pub: NewsReader = { kind: 'public' };
  const tags = ['宣传(公开与移动端)'];
  const open = { permission: 'public' } as const;
  const self = { permission: 'news:feed:self' } as const;
  const member = (req: FastifyRequest): NewsReader => ({ kind: 'member', auth: authOf(req) });
  r.get('/api/public/news', { config: open, schema: { tags, summary: '工会新闻(公开,无需登录;栏目筛选、分页)', querystring: newsFeedQuerySchema, response: { 200: pageOf(newsFeedItemSchema) } } }, (req) => newsFeed(db, pub, req.query));
  r.get('/api/public/news/:id', { config: open, schema: { tags, summary: '阅读公开文章(每位读者每天计一次阅读)', params: idParamSchema, response: { 200: newsReadSchema } } }, (req) => readNews(db, pub, req.params.id, viewerOf(req, null)));
  r.get('/api/public/news/:id/cover/:fileId', { config: open, schema: { tags, summary: '公开文章封面图', params: attachmentParamSchema } }, (req, reply) => sendReadableCover(app, reply, pub, req.params.id, req.params.fileId));
  r.get('/api/m/news', { config: self, schema: { tags, summary: '会员新闻(公开文章及本人所在工会以上单位的会员文章)', querystring: newsFeedQuerySchema, response: { 200: pageOf(newsFeedItemSchema) } } }, (req) => newsFeed(db, member(req), req.query));
  r.get('/api/m/news/:id', { config: self, schema: { tags, summary: '阅读文章(每人每天计一次阅读)', params: idParamSchema, response: { 200: newsReadSchema } } }, (req) => readNews(db, member(req), req.params.id, viewerOf(req, authOf(req).user.id)));
  r.get('/api/m/news/:id/cover/:fileId', { config: self, schema: { tags, summary: '文章封面图', params: attachmentParamSchema } }, (req, reply) => sendReadableCover(app, reply, member(req), req.params.id, req.params.fileId));
}
