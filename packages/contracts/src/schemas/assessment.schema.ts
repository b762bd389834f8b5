import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { timelineEntrySchema } from './workflow.schema.js';

/**
 * The shared assessment mechanism (职工之家, later CSR / 和谐劳动关系 and competitions): a template
 * has immutable versions of criteria; an assessment scores one subject against one version in one
 * cycle: self-assessment → higher-level review (one or several raters) → confirmation with a grade.
 */
export const CRITERION_KINDS = ['gate', 'points', 'bonus', 'deduction'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export const CRITERION_KIND_LABELS: Record<CriterionKind, string> = { gate: '必备条件', points: '评分项', bonus: '加分项', deduction: '扣分项' };

export const AGGREGATIONS = ['mean', 'trimmed_mean'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const AGGREGATION_LABELS: Record<Aggregation, string> = { mean: '平均分', trimmed_mean: '去掉一个最高分和一个最低分后平均(3人及以上)' };

export const SUBJECT_KINDS = ['union', 'enterprise', 'team'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'reviewed', 'confirmed', 'revoked', 'withdrawn'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: '自评中',
  submitted: '待审核',
  returned: '已退回修改',
  reviewed: '待确认',
  confirmed: '已确认',
  revoked: '已撤销',
  withdrawn: '已撤回',
};

export const EVIDENCE_TYPES = ['photo', 'document', 'minutes', 'ledger', 'other'] as const;
export const EVIDENCE_TYPE_LABELS: Record<(typeof EVIDENCE_TYPES)[number], string> = { photo: '现场照片', document: '制度文件', minutes: '会议记录', ledger: '经费台账', other: '其他' };
export const EVIDENCE_MAX_FILES = 10;

export const criterionSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, { error: '指标编码应为小写字母、数字或下划线' }),
  kind: z.enum(CRITERION_KINDS, { error: '请选择指标类别' }),
  group: z.string().trim().max(40).optional(),
  title: z.string().trim().min(1, { error: '请填写指标名称' }).max(60),
  description: z.string().trim().max(500),
  /** points: the most it scores; bonus / deduction: the most it adds / takes; gate: 0 */
  maxPoints: z.number().min(0).max(1000),
  weight: z.number().min(0).max(10).optional(),
  evidenceRequired: z.boolean(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const gradeRuleSchema = z.object({
  code: z.string().regex(/^[a-z_]{1,30}$/),
  label: z.string().trim().min(1).max(30),
  minScore: z.number().min(0).max(1000),
  /** facts of the subject the grade also needs, e.g. { membershipRate: 0.95 } */
  minFacts: z.record(z.string(), z.number()).optional(),
});
export type GradeRule = z.infer<typeof gradeRuleSchema>;

export const templateVersionBodySchema = z.object({
  criteria: z.array(criterionSchema).min(1, { error: '至少一项指标' }).max(80),
  /** lowest first; the first is the failing grade */
  grades: z.array(gradeRuleSchema).min(2, { error: '至少两个等级' }).max(8),
  /** the highest grade an assessment with a failed gate can get */
  gateCap: z.string(),
  aggregation: z.enum(AGGREGATIONS),
  note: z.string().trim().max(500).optional(),
});
export type TemplateVersionBody = z.infer<typeof templateVersionBodySchema>;

export const templateVersionSchema = templateVersionBodySchema.extend({
  id: z.string(),
  templateId: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  used: z.boolean(),
  current: z.boolean(),
});
export type TemplateVersion = z.infer<typeof templateVersionSchema>;

export const templateSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  subjectKind: z.enum(SUBJECT_KINDS),
  cycleYears: z.number().int(),
  versions: z.array(templateVersionSchema),
  abilities: z.object({ canRevise: z.boolean() }),
});
export type AssessmentTemplate = z.infer<typeof templateSchema>;

export const raterScoreSchema = z.object({ raterName: z.string(), raterOrgName: z.string(), passed: z.boolean().nullable(), points: z.number().nullable(), comment: z.string().nullable() });

export const assessmentItemSchema = z.object({
  id: z.string(),
  criterionKey: z.string(),
  selfPassed: z.boolean().nullable(),
  selfPoints: z.number().nullable(),
  note: z.string().nullable(),
  evidence: z.array(attachmentSchema),
  ratings: z.array(raterScoreSchema),
  /** the raters' figure by the version's aggregation rule (null before any rating) */
  reviewPassed: z.boolean().nullable(),
  reviewPoints: z.number().nullable(),
});

export const scoreResultSchema = z.object({
  total: z.number(),
  gatesPassed: z.boolean(),
  failedGates: z.array(z.string()),
  gradeCode: z.string(),
  gradeLabel: z.string(),
  /** why the grade is lower than the points alone would give */
  capReasons: z.array(z.string()),
});
export type ScoreResult = z.infer<typeof scoreResultSchema>;

export const assessmentSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  subjectKind: z.enum(SUBJECT_KINDS),
  subjectId: z.string(),
  subjectName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  cycleYear: z.number().int(),
  cycleLabel: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(ASSESSMENT_STATUSES),
  statusLabel: z.string(),
  stepLabel: z.string().nullable(),
  selfResult: scoreResultSchema.nullable(),
  reviewResult: scoreResultSchema.nullable(),
  gradeCode: z.string().nullable(),
  gradeLabel: z.string().nullable(),
  finalScore: z.number().nullable(),
  confirmedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  raterCount: z.number().int(),
  criteria: z.array(criterionSchema),
  grades: z.array(gradeRuleSchema),
  items: z.array(assessmentItemSchema),
  timeline: z.array(timelineEntrySchema),
  abilities: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canRate: z.boolean(),
    canApprove: z.boolean(),
    canReturn: z.boolean(),
    canConfirm: z.boolean(),
    canRevoke: z.boolean(),
    canWithdraw: z.boolean(),
  }),
});
export type Assessment = z.infer<typeof assessmentSchema>;

const optionalNote = z.string().trim().max(500, { error: '说明不能超过500个字' }).optional();

export const selfAssessmentBodySchema = z.object({
  items: z
    .array(z.object({ criterionKey: z.string(), passed: z.boolean().nullable().optional(), points: z.number().min(0, { error: '分值不能为负' }).nullable().optional(), note: optionalNote }))
    .max(80),
});

export const rateBodySchema = z.object({
  items: z
    .array(z.object({ criterionKey: z.string(), passed: z.boolean().nullable().optional(), points: z.number().min(0, { error: '分值不能为负' }).nullable().optional(), comment: optionalNote }))
    .min(1, { error: '请至少评一项' })
    .max(80),
});

/** submit, approve, return (opinion required), withdraw, confirm */
export const assessmentOpinionBodySchema = z.object({ opinion: z.string().trim().max(1000, { error: '意见不能超过1000个字' }).optional() });
export const revokeBodySchema = z.object({ reason: z.string({ error: '请填写撤销原因' }).trim().min(2, { error: '请填写撤销原因' }).max(500, { error: '撤销原因不能超过500个字' }) });
