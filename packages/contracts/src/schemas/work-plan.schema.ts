import { z } from 'zod';
import { optionalText, requiredText } from './common.schema.js';
import { trackedItemSchema, trackingDateSchema } from './tracking.schema.js';

export const principleBodySchema = z.object({ id: z.uuid().optional(), title: requiredText(120, '原则'), description: optionalText(2000) });

export const workPlanBodySchema = z.object({
  year: z.number({ error: '请填写年度' }).int().min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' }),
  title: requiredText(120, '计划名称'),
  summary: optionalText(20000),
  /** ordered; existing ones keep their id (and tasks), missing ones are removed with their tasks */
  principles: z.array(principleBodySchema).max(20, { error: '原则最多20条' }),
});
export type WorkPlanBody = z.infer<typeof workPlanBodySchema>;

export const workPlanTaskBodySchema = z.object({
  principleId: z.uuid({ error: '请选择所属原则' }),
  title: requiredText(200, '重点任务'),
  description: optionalText(2000),
  ownerOrgIds: z.array(z.uuid()).min(1, { error: '请选择至少一个责任单位' }).max(30, { error: '责任单位最多30个' }),
  deadline: trackingDateSchema('完成时限'),
});
export type WorkPlanTaskBody = z.infer<typeof workPlanTaskBodySchema>;

export const workPlanTaskSchema = z.object({
  id: z.string(),
  planId: z.string(),
  principleId: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  /** one tracked item per owner org (each reports its own progress) */
  owners: z.array(trackedItemSchema),
});
export type WorkPlanTask = z.infer<typeof workPlanTaskSchema>;

export const workPlanListItemSchema = z.object({ id: z.string(), orgId: z.string(), orgName: z.string(), year: z.number().int(), title: z.string(), principles: z.number().int(), tasks: z.number().int(), overdue: z.number().int() });
export type WorkPlanListItem = z.infer<typeof workPlanListItemSchema>;

export const workPlanSchema = workPlanListItemSchema.extend({
  summary: z.string(),
  principleList: z.array(z.object({ id: z.string(), position: z.number().int(), title: z.string(), description: z.string(), tasks: z.array(workPlanTaskSchema) })),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type WorkPlan = z.infer<typeof workPlanSchema>;

export const CHECKLIST_KINDS = ['plenary', 'congress', 'other'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export const CHECKLIST_KIND_LABELS: Record<ChecklistKind, string> = { plenary: '全委会', congress: '职代会', other: '其他会议' };

export const checklistItemBodySchema = z.object({
  title: requiredText(200, '筹备事项'),
  responsible: optionalText(60),
  responsibleOrgId: z.uuid().optional(),
  dueDate: trackingDateSchema('完成日期').optional(),
  done: z.boolean().default(false),
});
export const checklistBodySchema = z.object({
  kind: z.enum(CHECKLIST_KINDS, { error: '请选择会议类型' }),
  title: requiredText(120, '会议名称'),
  meetingDate: trackingDateSchema('会议日期'),
  /** ordered; omitted = the template of the kind */
  items: z.array(checklistItemBodySchema).max(100).optional(),
});
export type ChecklistBody = z.infer<typeof checklistBodySchema>;

export const checklistSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(CHECKLIST_KINDS),
  title: z.string(),
  meetingDate: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  items: z.array(z.object({ id: z.string(), position: z.number().int(), title: z.string(), responsible: z.string(), responsibleOrgId: z.string().nullable(), dueDate: z.string().nullable(), done: z.boolean(), overdue: z.boolean() })),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type Checklist = z.infer<typeof checklistSchema>;
export const checklistItemParamSchema = z.object({ id: z.uuid({ error: '编号格式不正确' }), itemId: z.uuid({ error: '编号格式不正确' }) });
export const checklistDoneBodySchema = z.object({ done: z.boolean() });
export const checklistTemplateSchema = z.array(z.object({ kind: z.enum(CHECKLIST_KINDS), label: z.string(), items: z.array(z.object({ title: z.string(), responsible: z.string(), daysBefore: z.number().int() })) }));

export const workPlanTaskDetailSchema = workPlanTaskSchema.extend({ planTitle: z.string(), planYear: z.number().int(), principleTitle: z.string() });
export type WorkPlanTaskDetail = z.infer<typeof workPlanTaskDetailSchema>;
export const workPlanListQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const workPlanTaskExportSchema = z.object({ year: z.number().int().min(2000).max(2100).optional(), ownerOrgId: z.uuid().optional() });
export type WorkPlanTaskExportFilter = z.infer<typeof workPlanTaskExportSchema>;
export type ChecklistTemplates = z.infer<typeof checklistTemplateSchema>;
