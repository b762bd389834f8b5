import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { optionalText, pageOf, requiredText } from './common.schema.js';
import { timelineEntrySchema, workflowStateSchema } from './workflow.schema.js';

/** 安全隐患随手拍: hazard grades (一般 / 较大 / 重大). */
export const HAZARD_GRADES = ['general', 'larger', 'major'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];
export const HAZARD_GRADE_LABELS: Record<HazardGrade, string> = { general: '一般隐患', larger: '较大隐患', major: '重大隐患' };

/** Points for the reporter once the rectification is verified (configurable here; awarded once per report). */
export const HAZARD_POINTS: Record<HazardGrade, number> = { general: 5, larger: 20, major: 50 };
/** The rectification deadline proposed on acceptance, in 工作日 (the reviewer may change it, 1-120). */
export const HAZARD_DEADLINE_WORKDAYS: Record<HazardGrade, number> = { general: 10, larger: 15, major: 30 };

export const HAZARD_STATUSES = ['draft', 'reported', 'rejected', 'rectifying', 'rectified', 'verified', 'closed'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = {
  draft: '未提交',
  reported: '待审核',
  rejected: '不予受理',
  rectifying: '整改中',
  rectified: '待验收',
  verified: '已验收',
  closed: '已销号',
};

/** Photos: images only (JPG or PNG by their bytes), 1-9 with a report, up to 9 of the rectified place. */
export const HAZARD_PHOTO_TYPES = ['scene'] as const;
export const HAZARD_RECTIFY_PHOTO_TYPES = ['rectified'] as const;
export const HAZARD_PHOTO_MAX_FILES = 9;
export const HAZARD_PHOTO_ACCEPT = '.jpg,.jpeg,.png';

const coordinate = (label: string, limit: number) =>
  z
    .number({ error: `${label}应为数字` })
    .min(-limit, { error: `${label}应在 -${limit} 到 ${limit} 之间` })
    .max(limit, { error: `${label}应在 -${limit} 到 ${limit} 之间` });

/** A worker's report on H5 (saved as a draft; photos are uploaded next, then it is submitted). */
export const createHazardBodySchema = z
  .object({
    description: z.string({ error: '请描述隐患情况' }).trim().min(5, { error: '隐患描述至少5个字' }).max(500, { error: '隐患描述不能超过500个字' }),
    address: requiredText(120, '隐患地点'),
    latitude: coordinate('纬度', 90).optional(),
    longitude: coordinate('经度', 180).optional(),
    enterpriseId: z.uuid({ error: '请从企业名录中选择企业' }).optional(),
    enterpriseName: optionalText(60),
    /** the district of the place: needed when the enterprise is not in the registry */
    districtOrgId: z.uuid({ error: '请选择所在区县(市)' }).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.latitude === undefined) !== (b.longitude === undefined)) ctx.addIssue({ code: 'custom', path: [b.latitude === undefined ? 'latitude' : 'longitude'], message: '经纬度须同时填写' });
    if (!b.enterpriseId && !b.enterpriseName) ctx.addIssue({ code: 'custom', path: ['enterpriseName'], message: '请选择或填写隐患所在企业(单位)' });
    if (!b.enterpriseId && !b.districtOrgId) ctx.addIssue({ code: 'custom', path: ['districtOrgId'], message: '企业不在名录中时,请选择所在区县(市)' });
  });
export type CreateHazardBody = z.infer<typeof createHazardBodySchema>;

/** Review: accept with a grade, the one who must fix it and a deadline in 工作日; or reject with the reason shown to the reporter. */
export const hazardReviewBodySchema = z
  .object({
    decision: z.enum(['accept', 'reject'], { error: '请选择受理或不予受理' }),
    grade: z.enum(HAZARD_GRADES, { error: '请选择隐患等级' }).optional(),
    assignee: optionalText(60),
    deadlineWorkdays: z.number({ error: '整改期限应为数字' }).int({ error: '整改期限应为整数' }).min(1, { error: '整改期限至少1个工作日' }).max(120, { error: '整改期限最多120个工作日' }).optional(),
    opinion: optionalText(500),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.decision === 'accept' && !b.grade) ctx.addIssue({ code: 'custom', path: ['grade'], message: '受理时请选择隐患等级' });
    if (b.decision === 'reject' && !b.opinion) ctx.addIssue({ code: 'custom', path: ['opinion'], message: '不予受理须填写理由(将告知上报人)' });
  });
export type HazardReviewBody = z.infer<typeof hazardReviewBodySchema>;

export const hazardRectifyBodySchema = z.object({ note: requiredText(500, '整改情况') }).strict();
export const hazardVerifyBodySchema = z
  .object({ passed: z.boolean({ error: '请选择验收结果' }), note: optionalText(500) })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.passed && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '退回整改须写明原因' });
  });
export const hazardCloseBodySchema = z.object({ note: optionalText(200) }).strict();

export const hazardListQuerySchema = z.object({
  status: z.enum(HAZARD_STATUSES).optional(),
  grade: z.enum(HAZARD_GRADES).optional(),
  districtOrgId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type HazardListQuery = z.infer<typeof hazardListQuerySchema>;

export const hazardAbilitiesSchema = z.object({
  canSubmit: z.boolean(),
  canEditPhotos: z.boolean(),
  canReview: z.boolean(),
  canRectify: z.boolean(),
  canEditRectifyPhotos: z.boolean(),
  canVerify: z.boolean(),
  canClose: z.boolean(),
});
export type HazardAbilities = z.infer<typeof hazardAbilitiesSchema>;

export const hazardEventSchema = z.object({ at: z.string(), action: z.string(), actionLabel: z.string(), note: z.string().nullable(), userName: z.string().nullable(), orgName: z.string().nullable() });

export const hazardSchema = z.object({
  id: z.string(),
  reportNo: z.string(),
  reporterName: z.string(),
  description: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string(),
  districtOrgId: z.string(),
  districtName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(HAZARD_STATUSES),
  statusLabel: z.string(),
  grade: z.enum(HAZARD_GRADES).nullable(),
  gradeLabel: z.string().nullable(),
  rejectReason: z.string().nullable(),
  assignee: z.string().nullable(),
  deadlineWorkdays: z.number().int().nullable(),
  rectifyDue: z.string().nullable(),
  overdue: z.boolean(),
  rectifyNote: z.string().nullable(),
  verifyNote: z.string().nullable(),
  points: z.number().int().nullable(),
  photos: z.array(attachmentSchema),
  rectifyPhotos: z.array(attachmentSchema),
  reportedAt: z.string().nullable(),
  createdAt: z.string(),
  workflow: workflowStateSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  events: z.array(hazardEventSchema),
  abilities: hazardAbilitiesSchema,
});
export type Hazard = z.infer<typeof hazardSchema>;

export const hazardListItemSchema = hazardSchema.omit({ timeline: true, events: true, photos: true, rectifyPhotos: true, workflow: true }).extend({ photoCount: z.number().int() });
export type HazardListItem = z.infer<typeof hazardListItemSchema>;
export const hazardPageSchema = pageOf(hazardListItemSchema);

/** The member's own reports and points (H5). */
export const myHazardsSchema = z.object({ points: z.number().int(), reports: z.array(hazardListItemSchema) });
export type MyHazards = z.infer<typeof myHazardsSchema>;

/** What the H5 form offers: the districts, and enterprises of the registry matching a name or 信用代码. */
export const hazardOptionsSchema = z.object({ districts: z.array(z.object({ id: z.string(), name: z.string() })), points: z.record(z.string(), z.number().int()) });
export const hazardEnterpriseQuerySchema = z.object({ q: z.string().trim().min(2, { error: '请至少输入2个字' }).max(40) });
export const hazardEnterpriseOptionSchema = z.object({ id: z.string(), name: z.string(), creditCode: z.string(), address: z.string().nullable(), districtName: z.string().nullable() });
export type HazardEnterpriseOption = z.infer<typeof hazardEnterpriseOptionSchema>;

export const hazardStatsRowSchema = z.object({
  districtOrgId: z.string(),
  districtName: z.string(),
  grade: z.enum(HAZARD_GRADES).nullable(),
  reported: z.number().int(),
  accepted: z.number().int(),
  rectified: z.number().int(),
  overdue: z.number().int(),
});
export const hazardStatsSchema = z.object({ rows: z.array(hazardStatsRowSchema) });
export type HazardStats = z.infer<typeof hazardStatsSchema>;
