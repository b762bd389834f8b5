import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { requiredText } from './common.schema.js';
import { WORKFLOW_STATUS_CODES, timelineEntrySchema, workflowAbilitiesSchema, workflowActionBodySchema, workflowStateSchema } from './workflow.schema.js';

/** 五小 (小发明、小创造、小革新、小设计、小建议) and 合理化建议. */
export const INNOVATION_KINDS = ['invention', 'creation', 'renovation', 'design', 'suggestion', 'rationalisation'] as const;
export type InnovationKind = (typeof INNOVATION_KINDS)[number];
export const INNOVATION_KIND_LABELS: Record<InnovationKind, string> = {
  invention: '小发明',
  creation: '小创造',
  renovation: '小革新',
  design: '小设计',
  suggestion: '小建议',
  rationalisation: '合理化建议',
};

/** 附件: drawings, photos of the device, calculation of the benefit, the enterprise's adoption proof. */
export const INNOVATION_ATTACHMENT_TYPES = ['drawing', 'photo', 'benefit_calculation', 'adoption_proof', 'other'] as const;
export const INNOVATION_ATTACHMENT_LABELS: Record<(typeof INNOVATION_ATTACHMENT_TYPES)[number], string> = {
  drawing: '图纸/方案',
  photo: '实物照片',
  benefit_calculation: '效益测算',
  adoption_proof: '采纳证明',
  other: '其他',
};
export const INNOVATION_ATTACHMENT_MAX_FILES = 20;

/** A team member: linked to the member registry where the name is a member of the union. */
export const teamMemberSchema = z
  .object({
    name: z.string().trim().max(20, { error: '成员姓名不能超过20个字' }).optional(),
    memberId: z.uuid({ error: '成员会员编号格式不正确' }).nullable().optional(),
  })
  .refine((t) => !!t.name || !!t.memberId, { error: '请填写成员姓名或选择会员', path: ['name'] });

const text = (max: number, label: string) => z.string({ error: `请填写${label}` }).trim().min(5, { error: `${label}至少5个字` }).max(max, { error: `${label}不能超过${max}个字` });

const fields = {
  kind: z.enum(INNOVATION_KINDS, { error: '请选择类别(小发明、小创造、小革新、小设计、小建议或合理化建议)' }),
  title: z.string({ error: '请填写项目名称' }).trim().min(4, { error: '项目名称至少4个字' }).max(60, { error: '项目名称不能超过60个字' }),
  problem: text(2000, '存在问题'),
  proposal: text(4000, '改进方案'),
  expectedBenefit: text(1000, '预期效益'),
};

/** A worker's own submission on the H5 form (the worker and their union are the caller's). */
export const innovationSelfBodySchema = z.object({ ...fields, submit: z.boolean().optional() });

/** Staff file for a worker (memberId) or a team (teamName + members, the first is the lead). */
export const innovationCreateBodySchema = z
  .object({
    ...fields,
    memberId: z.uuid({ error: '请选择职工' }).optional(),
    teamName: z.string().trim().max(40, { error: '班组名称不能超过40个字' }).optional(),
    teamMembers: z.array(teamMemberSchema).max(30, { error: '班组成员最多30人' }).optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.memberId && !b.teamName) ctx.addIssue({ code: 'custom', path: ['memberId'], message: '请选择职工或填写班组名称' });
    if (b.teamName && (b.teamMembers?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: ['teamMembers'], message: '班组项目至少列出2名成员' });
  });

export const innovationUpdateBodySchema = z.object(fields).partial();

export const innovationActionBodySchema = workflowActionBodySchema;

export const innovationAdoptionBodySchema = z.object({
  adoptedBy: requiredText(60, '采纳单位'),
  adoptedOn: z.iso.date({ error: '采纳日期格式应为 YYYY-MM-DD' }),
  /** 核定年创效(分) */
  valueFen: z.number({ error: '请填写核定年创效(分)' }).int({ error: '金额应为整数(分)' }).min(0, { error: '年创效不能为负' }).max(100_000_000_000, { error: '年创效超出范围' }),
  valueNote: z.string().trim().max(500, { error: '核定说明不能超过500个字' }).optional(),
});

export const innovationRewardBodySchema = z.object({
  fundId: z.uuid({ error: '请选择资金' }),
  rewardFen: z.number({ error: '请填写奖励金额(分)' }).int({ error: '金额应为整数(分)' }).min(1, { error: '奖励金额应大于0' }).max(5_000_000, { error: '单项奖励不能超过5万元' }),
});

export const innovationListQuerySchema = z.object({
  box: z.enum(['all', 'inbox'], { error: 'box 应为 all 或 inbox' }).default('all'),
  kind: z.enum(INNOVATION_KINDS, { error: '类别不正确' }).optional(),
  status: z.enum([...WORKFLOW_STATUS_CODES, 'adopted'], { error: '状态不正确' }).optional(),
  districtId: z.uuid({ error: '区县编号格式不正确' }).optional(),
  year: z.coerce.number().int().min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' }).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InnovationListQuery = z.infer<typeof innovationListQuerySchema>;

export const innovationAbilitiesSchema = workflowAbilitiesSchema.extend({
  canAdopt: z.boolean(),
  canPayReward: z.boolean(),
  canUpload: z.boolean(),
  canDownloadCertificate: z.boolean(),
});

export const innovationSchema = z.object({
  id: z.string(),
  kind: z.enum(INNOVATION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  problem: z.string(),
  proposal: z.string(),
  expectedBenefit: z.string(),
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  teamName: z.string().nullable(),
  teamMembers: z.array(z.object({ name: z.string(), memberId: z.string().nullable() })),
  orgId: z.string(),
  orgName: z.string(),
  districtName: z.string().nullable(),
  year: z.number().int(),
  filedByName: z.string().nullable(),
  onBehalf: z.boolean(),
  attachments: z.array(attachmentSchema),
  adoption: z.object({ adoptedBy: z.string(), adoptedOn: z.string(), valueFen: z.number().int(), valueNote: z.string().nullable() }).nullable(),
  reward: z.object({ amountFen: z.number().int(), fundName: z.string(), status: z.string(), paidAt: z.string() }).nullable(),
  certificateNo: z.string().nullable(),
  /** the last reviewer's opinion when returned or rejected (shown to the submitter) */
  lastOpinion: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(WORKFLOW_STATUS_CODES),
  workflow: workflowStateSchema,
  timeline: z.array(timelineEntrySchema),
  abilities: innovationAbilitiesSchema,
});
export type Innovation = z.infer<typeof innovationSchema>;
export const innovationListItemSchema = innovationSchema.omit({ timeline: true, problem: true, proposal: true, attachments: true });
export type InnovationListItem = z.infer<typeof innovationListItemSchema>;
