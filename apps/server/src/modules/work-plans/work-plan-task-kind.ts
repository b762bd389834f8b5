import { defineTrackingKind } from '../../platform/tracking/tracking-kind.js';

/** 年度重点任务 as tracked items: one per owner org, reminded 10 days before the deadline, escalated once past it. */
export const TASK_KIND = defineTrackingKind({
  kind: 'work-plan-task',
  label: '重点任务',
  remindDaysBefore: 10,
  link: (businessId) => `/work-plans/tasks/${businessId}`,
  reportPermission: 'plan:task:report',
  closePermission: 'plan:plan:manage',
});
