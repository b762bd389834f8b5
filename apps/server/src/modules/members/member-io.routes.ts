import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { memberExportBodySchema } from '@gonghui/contracts';
import { authOf, actorOf } from '../../platform/http/request-helpers.js';
import { forbidden, invalid, invalidField, notFound } from '../../platform/http/app-error.js';
import { storeFile } from '../../platform/files/file-store.js';
import { attachmentHeader } from '../../platform/files/file.routes.js';
import { importErrorsReport } from '../../platform/import-export/import-errors.js';
import { writeXlsx } from '../../platform/import-export/xlsx-writer.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { findJobForUser } from '../../platform/jobs/job-access.js';
import { MEMBER_EXPORT_JOB, MEMBER_IMPORT_JOB } from './member-jobs.js';
import { MEMBER_IMPORT_COLUMNS } from './member-import.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const jobAccepted = z.object({ jobId: z.string() });

export async function memberIoRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['会员实名制'];

  r.post('/api/members/import', { config: { permission: 'member:member:import' }, schema: { tags, summary: '批量导入会员(xlsx 或 csv;先预检 dryRun)', consumes: ['multipart/form-data'], response: { 202: jobAccepted } } }, async (req, reply) => {
    const auth = authOf(req);
    let fileId: string | null = null;
    const fields: Record<string, string> = {};
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || fileId) {
          part.file.resume();
          continue;
        }
        const stored = await storeFile(app.ctx.db, part.file, { name: part.filename || 'members', purpose: 'members.import', createdBy: auth.user.id, orgId: auth.user.orgId, maxBytes: app.ctx.config.uploadLimitBytes, expiresAt: new Date(Date.now() + 7 * 86_400_000) });
        if (part.file.truncated) throw invalidField('file', '文件过大');
        fileId = stored.id;
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
    if (!fileId) throw invalid([{ path: 'file', message: '请选择要导入的文件(.xlsx 或 .csv)' }]);
    const dryRun = ['true', '1', 'on'].includes((fields.dryRun ?? '').toLowerCase());
    const updateExisting = ['true', '1', 'on'].includes((fields.updateExisting ?? '').toLowerCase());
    const jobId = await app.ctx.jobs.enqueue(MEMBER_IMPORT_JOB, { fileId, dryRun, updateExisting, userId: auth.user.id }, { createdBy: auth.user.id, orgId: auth.user.orgId, maxAttempts: 5 });
    await recordAudit(app.ctx.db, actorOf(req), { action: 'data.import', objectType: 'member', objectId: jobId, detail: { fileId, dryRun, updateExisting, requested: true } });
    return reply.code(202).send({ jobId });
  });

  r.get('/api/members/import/:jobId/errors.xlsx', { config: { permission: 'member:member:import' }, schema: { tags, summary: '下载导入错误报告', params: z.object({ jobId: z.uuid() }) } }, async (req, reply) => {
    const job = await findJobForUser(app.ctx.db, authOf(req), req.params.jobId);
    if (!job || job.type !== MEMBER_IMPORT_JOB) throw notFound('导入任务');
    reply.header('content-type', XLSX).header('content-disposition', attachmentHeader('会员导入错误报告.xlsx'));
    const { PassThrough } = await import('node:stream');
    const out = new PassThrough();
    void importErrorsReport(app.ctx.db, job.id, out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
    return reply.send(out);
  });

  r.get('/api/members/import-template.xlsx', { config: { permission: 'member:member:import' }, schema: { tags, summary: '会员导入模板' } }, async (_req, reply) => {
    const { PassThrough } = await import('node:stream');
    const out = new PassThrough();
    async function* example() {
      yield { name: '张三', idCard: '330106199001011234', phone: '13800138000', orgCode: '330102000001', joinedAt: '2024-05-01', bankAccount: '', cardNo: '', migrantWorker: '否', frontline: '是', newEmploymentForm: '否', skillLevel: '中级工', education: '大专' };
    }
    void writeXlsx(out, { name: '会员导入模板', columns: MEMBER_IMPORT_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: 16 })), rows: example() }).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
    reply.header('content-type', XLSX).header('content-disposition', attachmentHeader('会员导入模板.xlsx'));
    return reply.send(out);
  });

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
