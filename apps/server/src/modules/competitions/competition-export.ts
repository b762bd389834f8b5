import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { COMPETITION_KIND_LABELS, COMPETITION_STATUS_LABELS, competitionExportBodySchema, type CompetitionKind, type CompetitionStatus } from '@gonghui/contracts';
import { listExportRoute, registerListExport, type ListExport } from '../../platform/import-export/list-export.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { listCompetitionRows } from './competition.repository.js';

/** 导出竞赛名单: the campaigns the requester organises or takes part in, with the list's filters. */
export const COMPETITION_EXPORT: ListExport<z.infer<typeof competitionExportBodySchema>> = {
  job: 'competitions.export',
  permission: 'competition:campaign:list',
  name: '劳动竞赛名单',
  objectType: 'competition',
  columns: [
    { header: '竞赛名称', key: 'name', width: 44 },
    { header: '类别', key: 'kind', width: 10 },
    { header: '主办单位', key: 'org', width: 28 },
    { header: '开始日期', key: 'start', width: 12 },
    { header: '结束日期', key: 'end', width: 12 },
    { header: '参赛对象', key: 'participants', width: 10 },
    { header: '状态', key: 'status', width: 10 },
    { header: '竞赛主题', key: 'theme', width: 50 },
  ],
  page: async (db, scope, f, page, pageSize) =>
    (await listCompetitionRows(db, scope, f, page, pageSize)).map((r) => ({
      name: r.name, kind: COMPETITION_KIND_LABELS[r.kind as CompetitionKind], org: r.org_name, start: r.start_date, end: r.end_date,
      participants: r.participants, status: COMPETITION_STATUS_LABELS[r.status as CompetitionStatus], theme: r.theme,
    })),
};

export function registerCompetitionJobs(jobs: JobRunner): void {
  registerListExport(jobs, COMPETITION_EXPORT);
}

export function competitionExportRoute(app: FastifyInstance): void {
  listExportRoute(app, COMPETITION_EXPORT, { url: '/api/competitions/export', tags: ['劳动竞赛'], summary: '导出竞赛名单(按当前筛选)', body: competitionExportBodySchema });
}
