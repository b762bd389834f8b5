import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checklistBodySchema, checklistDoneBodySchema, checklistItemParamSchema, checklistSchema, checklistTemplateSchema, idParamSchema, workPlanBodySchema, workPlanListItemSchema,
  workPlanListQuerySchema, workPlanSchema, workPlanTaskBodySchema, workPlanTaskDetailSchema, workPlanTaskExportSchema,
} from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { listExportRoute } from '../../platform/import-export/list-export.js';
import { registerTrackingRoutes, supervisionBoardRoute } from '../../platform/tracking/tracking.routes.js';
import { checklistTemplates } from './checklist-templates.js';
import { createChecklist, getChecklist, listChecklists, setItemDone } from './checklist.service.js';
import { TASK_EXPORT } from './work-plan-jobs.js';
import { TASK_KIND } from './work-plan-task-kind.js';
import { addTask, createPlan, getPlan, getTask, listPlans, updatePlan } from './work-plan.service.js';

/** 年度工作总结与计划: principles, key tasks with owner orgs tracked to closure, the 督办 board, meeting preparation checklists. */
export async function workPlanRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['工作计划与督办'];
  const list = { permission: 'plan:plan:list' } as const;
  const manage = { permission: 'plan:plan:manage' } as const;
  const checklist = { permission: 'plan:checklist:manage' } as const;
  r.get('/api/work-plans', { config: list, schema: { tags, summary: '年度工作计划列表(本单位及下级,或有本单位任务)', querystring: workPlanListQuerySchema, response: { 200: z.array(workPlanListItemSchema) } } }, (req) => listPlans(db, authOf(req), req.query.year));
  r.post('/api/work-plans', { config: manage, schema: { tags, summary: '编制本单位年度工作计划(总结、原则)', body: workPlanBodySchema, response: { 201: workPlanSchema } } }, async (req, reply) =>
    reply.code(201).send(await createPlan(db, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/work-plans/:id', { config: list, schema: { tags, summary: '工作计划详情:原则与重点任务', params: idParamSchema, response: { 200: workPlanSchema } } }, (req) => getPlan(db, authOf(req), req.params.id));
  r.put('/api/work-plans/:id', { config: manage, schema: { tags, summary: '修改工作计划(总结、原则顺序与内容)', params: idParamSchema, body: workPlanBodySchema, response: { 200: workPlanSchema } } }, (req) =>
    updatePlan(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/work-plans/:id/tasks', { config: manage, schema: { tags, summary: '增加重点任务(责任单位、完成时限)', params: idParamSchema, body: workPlanTaskBodySchema, response: { 200: workPlanSchema } } }, (req) =>
    addTask(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/work-plan-tasks/:id', { config: list, schema: { tags, summary: '重点任务详情(各责任单位进度)', params: idParamSchema, response: { 200: workPlanTaskDetailSchema } } }, (req) => getTask(db, authOf(req), req.params.id));
  listExportRoute(app, TASK_EXPORT, { url: '/api/work-plan-tasks/export', tags, summary: '导出重点任务(xlsx)', body: workPlanTaskExportSchema });
  registerTrackingRoutes(app, { kind: TASK_KIND, base: '/api/work-plan-tasks/tracking', tags, view: 'plan:plan:list' });
  supervisionBoardRoute(app, '/api/supervision/board', 'plan:plan:list', tags);
  r.get('/api/meeting-checklists/templates', { config: list, schema: { tags, summary: '筹备清单模板(全委会、职代会)', response: { 200: checklistTemplateSchema } } }, () => checklistTemplates());
  r.get('/api/meeting-checklists', { config: list, schema: { tags, summary: '会议筹备清单', response: { 200: z.array(checklistSchema) } } }, (req) => listChecklists(db, authOf(req)));
  r.post('/api/meeting-checklists', { config: checklist, schema: { tags, summary: '新建筹备清单(不填事项则按模板生成)', body: checklistBodySchema, response: { 201: checklistSchema } } }, async (req, reply) =>
    reply.code(201).send(await createChecklist(db, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/meeting-checklists/:id', { config: list, schema: { tags, summary: '筹备清单详情', params: idParamSchema, response: { 200: checklistSchema } } }, (req) => getChecklist(db, authOf(req), req.params.id));
  r.put('/api/meeting-checklists/:id/items/:itemId', { config: checklist, schema: { tags, summary: '勾选或取消筹备事项', params: checklistItemParamSchema, body: checklistDoneBodySchema, response: { 200: checklistSchema } } }, (req) =>
    setItemDone(db, authOf(req), actorOf(req), req.params.id, req.params.itemId, req.body.done),
  );
}
