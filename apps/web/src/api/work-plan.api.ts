import type { Checklist, ChecklistBody, ChecklistTemplates, WorkPlan, WorkPlanBody, WorkPlanListItem, WorkPlanTaskBody, WorkPlanTaskDetail, WorkPlanTaskExportFilter } from '@gonghui/contracts';
import { api } from './api-client';
import type { JobStarted } from './contract-types';
import { trackingApi } from './tracking.api';

export const planKeys = {
  all: ['work-plans'] as const,
  list: (year?: number) => ['work-plans', 'list', year ?? null] as const,
  one: (id: string) => ['work-plans', 'one', id] as const,
  task: (id: string) => ['work-plans', 'task', id] as const,
  tracking: (id: string) => ['work-plans', 'tracking', id] as const,
  board: (q: object) => ['work-plans', 'board', q] as const,
  checklists: ['work-plans', 'checklists'] as const,
};

const p = (id: string, rest = '') => `/work-plans/${encodeURIComponent(id)}${rest}`;

/** 年度工作计划、重点任务、督办 and 会议筹备清单. */
export const planApi = {
  list: (year?: number): Promise<WorkPlanListItem[]> => api.get<WorkPlanListItem[]>('/work-plans', { year }),
  get: (id: string): Promise<WorkPlan> => api.get<WorkPlan>(p(id)),
  create: (body: WorkPlanBody): Promise<WorkPlan> => api.post<WorkPlan>('/work-plans', body),
  update: (id: string, body: WorkPlanBody): Promise<WorkPlan> => api.put<WorkPlan>(p(id), body),
  addTask: (id: string, body: WorkPlanTaskBody): Promise<WorkPlan> => api.post<WorkPlan>(p(id, '/tasks'), body),
  task: (id: string): Promise<WorkPlanTaskDetail> => api.get<WorkPlanTaskDetail>(`/work-plan-tasks/${encodeURIComponent(id)}`),
  exportTasks: (f: WorkPlanTaskExportFilter): Promise<JobStarted> => api.post<JobStarted>('/work-plan-tasks/export', f),
  tracking: trackingApi('/work-plan-tasks/tracking'),
  checklists: (): Promise<Checklist[]> => api.get<Checklist[]>('/meeting-checklists'),
  templates: (): Promise<ChecklistTemplates> => api.get<ChecklistTemplates>('/meeting-checklists/templates'),
  createChecklist: (body: ChecklistBody): Promise<Checklist> => api.post<Checklist>('/meeting-checklists', body),
  setDone: (id: string, itemId: string, done: boolean): Promise<Checklist> => api.put<Checklist>(`/meeting-checklists/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}`, { done }),
};
