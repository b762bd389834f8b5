import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { duesBaseBodySchema, duesBaseListQuerySchema, duesBaseRowSchema, duesExemptionBodySchema, idParamSchema, myDuesQuerySchema, myDuesSchema, okSchema, pageOf, updateDuesBaseBodySchema } from '@gonghui/contracts';
import { z } from 'zod';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { notFound } from '../../platform/http/app-error.js';
import { importErrorsReport } from '../../platform/import-export/import-errors.js';
import { queueImportUpload, sendXlsx, writeTemplate } from '../../platform/import-export/import-http.js';
import { findJobForUser } from '../../platform/jobs/job-access.js';
import { DUES_BASE_IMPORT_COLUMNS } from './dues-base-import.js';
import { DUES_BASE_IMPORT_JOB } from './dues-jobs.js';
import { createDuesBase, createDuesExemption, deleteDuesExemption, listDuesBases, updateDuesBase } from './dues-base.service.js';
import { myDues } from './dues-arrears.service.js';

/** 会费核定: wage bases per member and year, exemptions (减免), and a member's own history (H5). */
export async function duesBaseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['会费'];
  const list = { permission: 'finance:dues:list' } as const;
  const manage = { permission: 'finance:dues:manage' } as const;
  const base = '/api/finance/dues';

  r.get(`${base}/bases`, { config: list, schema: { tags, summary: '会费核定:在册会员与年度工资基数、月缴会费、减免', querystring: duesBaseListQuerySchema, response: { 200: pageOf(duesBaseRowSchema) } } }, (req) =>
    listDuesBases(app.ctx, authOf(req), req.query),
  );
  r.post(`${base}/bases`, { config: manage, schema: { tags, summary: '核定会员年度工资基数(按单位类型的工资项目,会费按规则计算)', body: duesBaseBodySchema, response: { 201: duesBaseRowSchema } } }, async (req, reply) =>
    reply.code(201).send(await createDuesBase(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.put(`${base}/bases/:id`, { config: manage, schema: { tags, summary: '修改工资基数', params: idParamSchema, body: updateDuesBaseBodySchema, response: { 200: duesBaseRowSchema } } }, (req) =>
    updateDuesBase(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${base}/exemptions`, { config: manage, schema: { tags, summary: '登记会费减免(原因、起止月份)', body: duesExemptionBodySchema, response: { 201: z.object({ id: z.uuid() }) } } }, async (req, reply) =>
    reply.code(201).send(await createDuesExemption(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.delete(`${base}/exemptions/:id`, { config: manage, schema: { tags, summary: '撤销会费减免', params: idParamSchema, response: { 200: okSchema } } }, (req) =>
    deleteDuesExemption(app.ctx, authOf(req), actorOf(req), req.params.id),
  );
  r.post(`${base}/bases/import`, { config: manage, schema: { tags, summary: '批量导入工资基数(xlsx/csv,按会员卡号)', consumes: ['multipart/form-data'], response: { 202: z.object({ jobId: z.string() }) } } }, async (req, reply) =>
    reply.code(202).send({ jobId: await queueImportUpload(app, req, DUES_BASE_IMPORT_JOB, 'dues_wage_base') }),
  );
  r.get(`${base}/bases/import/:jobId/errors.xlsx`, { config: manage, schema: { tags, summary: '下载工资基数导入错误报告', params: z.object({ jobId: z.uuid() }) } }, async (req, reply) => {
    const job = await findJobForUser(app.ctx.db, authOf(req), req.params.jobId);
    if (!job || job.type !== DUES_BASE_IMPORT_JOB) throw notFound('导入任务');
    return sendXlsx(reply, '工资基数导入错误报告.xlsx', (out) => importErrorsReport(app.ctx.db, job.id, out));
  });
  r.get(`${base}/bases/import-template.xlsx`, { config: manage, schema: { tags, summary: '工资基数导入模板' } }, (_req, reply) =>
    sendXlsx(reply, '会费工资基数导入模板.xlsx', (out) => writeTemplate(out, '会费工资基数', DUES_BASE_IMPORT_COLUMNS, { cardNo: '330000000000123', name: '张建国', year: 2026, employerType: '企业', item_post: 4200, item_skill: 1200, item_seniority: 278 })),
  );
  r.get(`${base}/mine`, { config: { permission: 'finance:dues:self' }, schema: { tags, summary: '本人会费缴纳记录(按月:已缴、欠缴、减免)', querystring: myDuesQuerySchema, response: { 200: myDuesSchema } } }, (req) =>
    myDues(app.ctx, authOf(req), req.query.year),
  );
}
