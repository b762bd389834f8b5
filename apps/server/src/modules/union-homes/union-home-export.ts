import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unionHomeExportBodySchema } from '@gonghui/contracts';
import { EMPTY_SCOPE } from '../../platform/access/data-scope.js';
import { loadUserAccess } from '../../platform/access/user-scope.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { runExport } from '../../platform/import-export/export-runner.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { homeListPage } from './union-home.service.js';

export const UNION_HOME_EXPORT_JOB = 'union-homes.export';
const PAGE = 1000;

interface ExportPayload {
  userId: string;
  filter: z.infer<typeof unionHomeExportBodySchema>;
}

/** 导出职工之家名单: the list with its filters, in the requesting user's current scope (no personal data). */
export function registerUnionHomeJobs(jobs: JobRunner): void {
  jobs.register(UNION_HOME_EXPORT_JOB, async (ctx) => {
    const p = ctx.job.payload as unknown as ExportPayload;
    const access = await loadUserAccess(ctx.db, p.userId);
    const scope = access.permissions.has('union-home:home:list') ? access.scope : EMPTY_SCOPE;
    const filter = { ...p.filter, due: p.filter.due === true };
    const result = await runExport(ctx, {
      name: '职工之家名单',
      purpose: 'union-homes.export',
      columns: [
        { header: '基层工会', key: 'org', width: 34 },
        { header: '区县(市)', key: 'district', width: 14 },
        { header: '职工之家阵地', key: 'venue', width: 26 },
        { header: '面积(m²)', key: 'area', width: 10 },
        { header: '现有等级', key: 'grade', width: 14 },
        { header: '得分', key: 'score', width: 8 },
        { header: '有效期至', key: 'due', width: 12 },
        { header: '待复评', key: 'isDue', width: 8 },
        { header: '最近考评年度', key: 'year', width: 12 },
        { header: '考评状态', key: 'status', width: 12 },
      ],
      rows: async function* (db) {
        for (let page = 1; ; page++) {
          const { items } = await homeListPage(db, scope, filter, page, PAGE);
          for (const h of items) {
            yield { org: h.orgName, district: h.districtName ?? '', venue: h.venueName ?? '', area: h.areaM2 ?? undefined, grade: h.gradeLabel ?? '未定级', score: h.finalScore ?? undefined, due: h.dueDate ?? '', isDue: h.due ? '是' : '', year: h.cycleYear ?? undefined, status: h.statusLabel ?? '' };
          }
          if (items.length < PAGE) break;
        }
      },
    });
    await recordAudit(ctx.db, { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null }, { action: 'data.export', objectType: 'union_home', objectId: result.fileId, detail: { rows: result.rows, filter: p.filter } });
    return result;
  });
}

/** POST /api/union-homes/export → 202 { jobId }: a background job, audited when asked and when done. */
export function unionHomeExportRoute(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/union-homes/export',
    { config: { permission: 'union-home:home:list' }, schema: { tags: ['职工之家'], summary: '导出职工之家名单(按当前筛选)', body: unionHomeExportBodySchema, response: { 202: z.object({ jobId: z.string() }) } } },
    async (req, reply) => {
      const auth = authOf(req);
      const payload: ExportPayload = { userId: auth.user.id, filter: req.body };
      const jobId = await app.ctx.jobs.enqueue(UNION_HOME_EXPORT_JOB, { ...payload }, { createdBy: auth.user.id, orgId: auth.user.orgId });
      await recordAudit(app.ctx.db, actorOf(req), { action: 'data.export', objectType: 'union_home', objectId: jobId, detail: { requested: true, filter: req.body } });
      return reply.code(202).send({ jobId });
    },
  );
}
