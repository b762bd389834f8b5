import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, newsActionBodySchema, newsArticleSchema, newsCreateBodySchema, newsListItemSchema, newsListQuerySchema, newsUpdateBodySchema, pageOf } from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { actOnNews, createNews, getNews, listNews, updateNews } from './news-article.service.js';
import { registerNewsCoverRoutes } from './news-cover.js';
import { exportNews } from './news-export.js';

/** 宣传稿件 (staff): list with filters, the review queue (inbox), editor, review by the parent union, take-down, export. */
export async function newsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['宣传'];
  const list = { permission: 'news:article:list' } as const;
  const write = { permission: 'news:article:write' } as const;
  r.get('/api/news', { config: list, schema: { tags, summary: '稿件列表(栏目、状态、单位、关键词、日期;inbox:待本单位审核)', querystring: newsListQuerySchema, response: { 200: pageOf(newsListItemSchema) } } }, (req) =>
    listNews(db, authOf(req), req.query),
  );
  r.get('/api/news/export.xlsx', { config: list, schema: { tags, summary: '导出稿件与阅读量(按筛选条件,审计)', querystring: newsListQuerySchema } }, async (req, reply) => {
    const file = await exportNews(db, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.get('/api/news/:id', { config: list, schema: { tags, summary: '稿件详情(预览)、审核记录、可执行操作', params: idParamSchema, response: { 200: newsArticleSchema } } }, (req) => getNews(db, authOf(req), req.params.id));
  r.post('/api/news', { config: write, schema: { tags, summary: '撰写稿件(草稿,来源单位为本单位)', body: newsCreateBodySchema, response: { 201: newsArticleSchema } } }, async (req, reply) =>
    reply.code(201).send(await createNews(db, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/news/:id', { config: write, schema: { tags, summary: '修改草稿或退回的稿件', params: idParamSchema, body: newsUpdateBodySchema, response: { 200: newsArticleSchema } } }, (req) =>
    updateNews(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/news/:id/actions', { config: list, schema: { tags, summary: '提交审核、撤回(撰稿单位);发布、退回(上级工会审核);撤下已发布稿件(须填原因)', params: idParamSchema, body: newsActionBodySchema, response: { 200: newsArticleSchema } } }, (req) =>
    actOnNews(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  registerNewsCoverRoutes(app, tags);
}
