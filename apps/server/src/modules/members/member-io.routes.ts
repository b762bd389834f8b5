import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { memberExportBodySchema } from '@gonghui/contracts';
import { authOf, actorOf } from '../../platform/http/request-helpers.js';
import { forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { importErrorsReport } from '../../platform/import-export/import-errors.js';
import { queueImportUpload, sendXlsx, writeTemplate } from '../../platform/import-export/import-http.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { findJobForUser } from '../../platform/jobs/job-access.js';
import { MEMBER_EXPORT_JOB, MEMBER_IMPORT_JOB } from './member-jobs.js';
import { MEMBER_IMPORT_COLUMNS } from './member-import.js';

const jobAccepted = z.object({ jobId: z.string() });
const EXAMPLE = { name: '张三', idCard: '330106199001011234', phone: '13800138000', orgCode: '330102000001', joinedAt: '2024-05-01', migrantWorker: '否', frontline: '是', newEmploymentForm: '否', skillLevel: '中级工', education: '大专' };

export async function memberIoRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['会员实名制'];

  r.post('/api/members/import', { config: { permission: 'member:member:import' }, schema: { tags, summary: '批量导入会员(xlsx 或 csv;先预检 dryRun)', consumes: ['multipart/form-data'], response: { 202: jobAccepted } } }, async (req, reply) =>
    reply.code(202).send({ jobId: await queueImportUpload(app, req, MEMBER_IMPORT_JOB, 'member') }),
  );
  r.get('/api/members/import/:jobId/errors.xlsx', { config: { permission: 'member:member:import' }, schema: { tags, summary: '下载导入错误报告', params: z.object({ jobId: z.uuid() }) } }, async (req, reply) => {
    const job = await findJobForUser(app.ctx.db, authOf(req), req.params.jobId);
    if (!job || job.type !== MEMBER_IMPORT_JOB) throw notFound('导入任务');
    return sendXlsx(reply, '会员导入错误报告.xlsx', (out) => importErrorsReport(app.ctx.db, job.id, out));
  });
  r.get('/api/members/import-template.xlsx', { config: { permission: 'member:member:import' }, schema: { tags, summary: '会员导入模板' } }, (_req, reply) =>
    sendXlsx(reply, '会员导入模板.xlsx', (out) => writeTemplate(out, '会员导入模板', MEMBER_IMPORT_COLUMNS, EXAMPLE)),
  );
  r.post('/api/members/export', { config: { permission: 'member:member:export' }, schema: { tags, summary: '导出会员(默认脱敏;明文须有权限并填写原因)', body: memberExportBodySchema, response: { 202: jobAccepted } } }, async (req, reply) => {
    const auth = authOf(req);
    const b = req.body;
    if (b.unmasked && !auth.permissions.has('member:member:export-unmasked')) throw forbidden('您没有导出明文的权限', 'FORBIDDEN');
    if (b.unmasked && !b.reason) throw invalidField('reason', '导出明文须填写原因');
    const jobId = await app.ctx.jobs.enqueue(MEMBER_EXPORT_JOB, { userId: auth.user.id, q: b.q, orgId: b.orgId, status: b.status, unmasked: b.unmasked, reason: b.reason }, { createdBy: auth.user.id, orgId: auth.user.orgId });
    await recordAudit(app.ctx.db, actorOf(req), { action: 'data.export', objectType: 'member', objectId: jobId, detail: { requested: true, unmasked: b.unmasked, reason: b.reason ?? null } });
    return reply.code(202).send({ jobId });
  });
}
