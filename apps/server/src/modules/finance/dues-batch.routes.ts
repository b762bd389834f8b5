import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmDuesBatchBodySchema, duesArrearsQuerySchema, duesArrearsRowSchema, duesBatchBodySchema, duesBatchListItemSchema, duesBatchListQuerySchema, duesBatchSchema, duesReportQuerySchema,
  duesReportSchema, duesUnionArrearsSchema, idParamSchema, okSchema, pageOf, updateDuesBatchBodySchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { confirmDuesBatch, createDuesBatch, deleteDuesBatch, getDuesBatch, listDuesBatches, updateDuesBatch } from './dues-batch.service.js';
import { exportDuesArrears, listDuesArrears, listUnionArrears } from './dues-arrears.service.js';
import { duesReport, exportDuesReport } from './dues-report.service.js';

const unionArrearsQuery = z.object({ year: duesArrearsQuerySchema.shape.year, orgId: duesArrearsQuerySchema.shape.orgId });

/** 会费收缴: monthly batches (代扣/现金) posted to the union's 经费账户, arrears, and the report by org and month. */
export async function duesBatchRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['会费'];
  const list = { permission: 'finance:dues:list' } as const;
  const manage = { permission: 'finance:dues:manage' } as const;
  const report = { permission: 'finance:report:view' } as const;
  const base = '/api/finance/dues';

  r.get(`${base}/batches`, { config: list, schema: { tags, summary: '会费收缴批次(工会、月份、状态筛选)', querystring: duesBatchListQuerySchema, response: { 200: pageOf(duesBatchListItemSchema) } } }, (req) =>
    listDuesBatches(app.ctx, authOf(req), req.query),
  );
  r.post(`${base}/batches`, { config: manage, schema: { tags, summary: '新建收缴批次(草稿,列出当月待缴会员)', body: duesBatchBodySchema, response: { 201: duesBatchSchema } } }, async (req, reply) =>
    reply.code(201).send(await createDuesBatch(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get(`${base}/batches/:id`, { config: list, schema: { tags, summary: '收缴批次详情与明细', params: idParamSchema, response: { 200: duesBatchSchema } } }, (req) =>
    getDuesBatch(app.ctx, authOf(req), req.params.id),
  );
  r.put(`${base}/batches/:id`, { config: manage, schema: { tags, summary: '修改草稿批次(方式、明细实收金额)', params: idParamSchema, body: updateDuesBatchBodySchema, response: { 200: duesBatchSchema } } }, (req) =>
    updateDuesBatch(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${base}/batches/:id/confirm`, { config: manage, schema: { tags, summary: '确认入账(一笔收入记入工会经费账户,批次只读)', params: idParamSchema, body: confirmDuesBatchBodySchema, response: { 200: duesBatchSchema } } }, (req) =>
    confirmDuesBatch(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.version),
  );
  r.delete(`${base}/batches/:id`, { config: manage, schema: { tags, summary: '删除草稿批次', params: idParamSchema, response: { 200: okSchema } } }, (req) =>
    deleteDuesBatch(app.ctx, authOf(req), actorOf(req), req.params.id),
  );
  r.get(`${base}/arrears`, { config: list, schema: { tags, summary: '会费欠缴会员(应缴未缴、未减免的月份)', querystring: duesArrearsQuerySchema, response: { 200: pageOf(duesArrearsRowSchema) } } }, (req) =>
    listDuesArrears(app.ctx, authOf(req), req.query),
  );
  r.get(`${base}/arrears/unions`, { config: list, schema: { tags, summary: '各基层工会会费欠缴汇总', querystring: unionArrearsQuery, response: { 200: z.array(duesUnionArrearsSchema) } } }, (req) =>
    listUnionArrears(app.ctx, authOf(req), req.query),
  );
  r.get(`${base}/arrears/export.xlsx`, { config: list, schema: { tags, summary: '导出会费欠缴名单(审计)', querystring: duesArrearsQuerySchema.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const file = await exportDuesArrears(app.ctx, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.get(`${base}/report`, { config: report, schema: { tags, summary: '会费收缴报表:应缴、实缴、欠缴、减免,按下级组织与月份', querystring: duesReportQuerySchema, response: { 200: duesReportSchema } } }, (req) =>
    duesReport(app.ctx, authOf(req), req.query),
  );
  r.get(`${base}/report/export.xlsx`, { config: report, schema: { tags, summary: '导出会费收缴报表(审计)', querystring: duesReportQuerySchema } }, async (req, reply) => {
    const file = await exportDuesReport(app.ctx, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
}
