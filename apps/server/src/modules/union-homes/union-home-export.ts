import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { unionHomeExportBodySchema } from '@gonghui/contracts';
import { listExportRoute, registerListExport, type ListExport } from '../../platform/import-export/list-export.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { homeListPage } from './union-home.service.js';

type Filter = z.infer<typeof unionHomeExportBodySchema>;

/** 导出职工之家名单: the list with its filters, in the requesting user's current scope (no personal data). */
export const UNION_HOME_EXPORT: ListExport<Filter> = {
  job: 'union-homes.export',
  permission: 'union-home:home:list',
  name: '职工之家名单',
  objectType: 'union_home',
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
  page: async (db, scope, f, page, pageSize) => {
    const { items } = await homeListPage(db, scope, { ...f, due: f.due === true }, page, pageSize);
    return items.map((h) => ({ org: h.orgName, district: h.districtName ?? '', venue: h.venueName ?? '', area: h.areaM2 ?? undefined, grade: h.gradeLabel ?? '未定级', score: h.finalScore ?? undefined, due: h.dueDate ?? '', isDue: h.due ? '是' : '', year: h.cycleYear ?? undefined, status: h.statusLabel ?? '' }));
  },
};

export function registerUnionHomeJobs(jobs: JobRunner): void {
  registerListExport(jobs, UNION_HOME_EXPORT);
}

/** POST /api/union-homes/export → 202 { jobId }: a background job, audited when asked and when done. */
export function unionHomeExportRoute(app: FastifyInstance): void {
  listExportRoute(app, UNION_HOME_EXPORT, { url: '/api/union-homes/export', tags: ['职工之家'], summary: '导出职工之家名单(按当前筛选)', body: unionHomeExportBodySchema });
}
