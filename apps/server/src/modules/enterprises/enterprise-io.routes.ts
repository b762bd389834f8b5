import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enterpriseExportBodySchema } from '@gonghui/contracts';
import { authOf, actorOf } from '../../platform/http/request-helpers.js';
import { notFound } from '../../platform/http/app-error.js';
import { importErrorsReport } from '../../platform/import-export/import-errors.js';
import { queueImportUpload, sendXlsx, writeTemplate } from '../../platform/import-export/import-http.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { findJobForUser } from '../../platform/jobs/job-access.js';
import { ENTERPRISE_EXPORT_JOB, ENTERPRISE_IMPORT_JOB } from './enterprise-jobs.js';
import { ENTERPRISE_IMPORT_COLUMNS } from './enterprise-import.js';

const jobAccepted = z.object({ jobId: z.string() });
const EXAMPLE = { name: '杭州示例科技有限公司', creditCode: '91330000704202479R', divisionCode: '330102', employeeCount: 120, unionOrgCode: '', address: '杭州市上城区延安路1号', industry: '制造业', ownership: '民营', nonPublic: '是', socialOrganisation: '否', platformCompany: '否' };

export async function enterpriseIoRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['企业与建会'];
  r.post('/api/enterprises/import', { config: { permission: 'enterprise:enterprise:import' }, schema: { tags, summary: '批量导入企业', consumes: ['multipart/form-data'], response: { 202: jobAccepted } } }, async (req, reply) =>
    reply.code(202).send({ jobId: await queueImportUpload(app, req, ENTERPRISE_IMPORT_JOB, 'enterprise') }),
  );
  r.get('/api/enterprises/import/:jobId/errors.xlsx', { config: { permission: 'enterprise:enterprise:import' }, schema: { tags, summary: '下载导入错误报告', params: z.object({ jobId: z.uuid() }) } }, async (req, reply) => {
    const job = await findJobForUser(app.ctx.db, authOf(req), req.params.jobId);
    if (!job || job.type !== ENTERPRISE_IMPORT_JOB) throw notFound('导入任务');
    return sendXlsx(reply, '企业导入错误报告.xlsx', (out) => importErrorsReport(app.ctx.db, job.id, out));
  });
  r.get('/api/enterprises/import-template.xlsx', { config: { permission: 'enterprise:enterprise:import' }, schema: { tags, summary: '企业导入模板' } }, (_req, reply) =>
    sendXlsx(reply, '企业导入模板.xlsx', (out) => writeTemplate(out, '企业导入模板', ENTERPRISE_IMPORT_COLUMNS, EXAMPLE)),
  );
  r.post('/api/enterprises/export', { config: { permission: 'enterprise:enterprise:export' }, schema: { tags, summary: '导出企业(如未建会企业工作清单)', body: enterpriseExportBodySchema, response: { 202: jobAccepted } } }, async (req, reply) => {
    const auth = authOf(req);
    const title = req.body.unionised === false ? '未建会企业清单' : '企业名单';
    const jobId = await app.ctx.jobs.enqueue(ENTERPRISE_EXPORT_JOB, { userId: auth.user.id, filter: req.body, title }, { createdBy: auth.user.id, orgId: auth.user.orgId });
    await recordAudit(app.ctx.db, actorOf(req), { action: 'data.export', objectType: 'enterprise', objectId: jobId, detail: { requested: true, filter: req.body } });
    return reply.code(202).send({ jobId });
  });
}
