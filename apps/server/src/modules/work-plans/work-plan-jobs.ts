import { and, eq, inArray } from 'drizzle-orm';
import { DEADLINE_STATE_LABELS, type WorkPlanTaskExportFilter } from '@gonghui/contracts';
import type { ListExport } from '../../platform/import-export/list-export.js';
import { registerListExport } from '../../platform/import-export/list-export.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { trackedRows } from '../../platform/tracking/tracking.repository.js';
import { trackedView } from '../../platform/tracking/tracking.service.js';
import { TASK_KIND } from './work-plan-task-kind.js';
import { workPlanPrinciples, workPlans, workPlanTasks } from './work-plan.schema.js';

/** 导出重点任务 (xlsx): one row per task and owner org, in the requester's scope. */
export const TASK_EXPORT: ListExport<WorkPlanTaskExportFilter> = {
  job: 'work-plan-tasks.export',
  permission: 'plan:plan:list',
  name: '年度重点任务',
  objectType: 'work_plan_task',
  columns: [
    { header: '年度', key: 'year', width: 8 },
    { header: '计划', key: 'plan', width: 28 },
    { header: '原则', key: 'principle', width: 26 },
    { header: '重点任务', key: 'task', width: 44 },
    { header: '责任单位', key: 'owner', width: 18 },
    { header: '完成时限', key: 'deadline', width: 12 },
    { header: '进度(%)', key: 'percent', width: 8 },
    { header: '状态', key: 'state', width: 8 },
  ],
  page: async (db, scope, filter, page, pageSize) => {
    if (page > 1) return [];
    const items = await trackedRows(db, scope, { kind: TASK_KIND.kind, ownerOrgId: filter.ownerOrgId });
    if (items.length === 0) return [];
    const tasks = await db
      .select({ id: workPlanTasks.id, title: workPlanTasks.title, plan: workPlans.title, year: workPlans.year, principle: workPlanPrinciples.title })
      .from(workPlanTasks)
      .innerJoin(workPlans, eq(workPlans.id, workPlanTasks.planId))
      .innerJoin(workPlanPrinciples, eq(workPlanPrinciples.id, workPlanTasks.principleId))
      .where(and(inArray(workPlanTasks.id, [...new Set(items.map((i) => i.businessId))]), filter.year ? eq(workPlans.year, filter.year) : undefined));
    const byId = new Map(tasks.map((t) => [t.id, t]));
    return items
      .filter((i) => byId.has(i.businessId))
      .slice(0, pageSize)
      .map((i) => {
        const t = byId.get(i.businessId)!;
        const v = trackedView(i, null);
        return { year: t.year, plan: t.plan, principle: t.principle, task: t.title, owner: i.ownerOrgName, deadline: i.deadline, percent: i.percent, state: DEADLINE_STATE_LABELS[v.deadlineState] };
      });
  },
};

export function registerWorkPlanJobs(jobs: JobRunner): void {
  registerListExport(jobs, TASK_EXPORT);
}
