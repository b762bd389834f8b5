import { z } from 'zod';
import { optionalText, pageOf, pageQuerySchema } from './common.schema.js';
import { orgTargetSchema } from './org-target.schema.js';
import { LEARNING_CATEGORIES, QUESTION_KINDS } from './learning.schema.js';

/** Who an assignment reaches: the members of orgs, the staff (union workers) of orgs, or named people. */
export const ASSIGNMENT_AUDIENCES = ['members', 'staff', 'people'] as const;
export type AssignmentAudience = (typeof ASSIGNMENT_AUDIENCES)[number];
export const ASSIGNMENT_AUDIENCE_LABELS: Record<AssignmentAudience, string> = { members: '所选组织的会员', staff: '所选组织的工会干部(工作人员)', people: '指定人员' };

const dateText = z.string({ error: '请选择截止日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '截止日期格式应为 YYYY-MM-DD' });

export const assignmentBodySchema = z
  .object({
    audience: z.enum(ASSIGNMENT_AUDIENCES, { error: '请选择指派对象' }),
    target: orgTargetSchema.optional(),
    userIds: z.array(z.uuid({ error: '人员编号不正确' })).max(500, { error: '一次最多指定500人' }).optional(),
    /** the last day (Asia/Shanghai), studied until 23:59:59 */
    deadline: dateText,
    remindDays: z.number({ error: '请填写提前提醒的工作日数' }).int().min(0, { error: '提前提醒的工作日数不能为负' }).max(30, { error: '提前提醒的工作日数不能超过30' }).default(3),
    note: optionalText(200),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.audience === 'people' && !b.userIds?.length) ctx.addIssue({ code: 'custom', path: ['userIds'], message: '请至少指定一人' });
    if (b.audience !== 'people' && !b.target) ctx.addIssue({ code: 'custom', path: ['target'], message: '请选择指派的组织范围' });
  });
export type AssignmentBody = z.infer<typeof assignmentBodySchema>;
export type AssignmentBodyInput = z.input<typeof assignmentBodySchema>;

export const assignmentPreviewSchema = z.object({ count: z.number().int(), orgCount: z.number().int() });

export const assignmentSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  audience: z.enum(ASSIGNMENT_AUDIENCES),
  deadline: z.string(),
  remindDays: z.number().int(),
  remindedAt: z.string().nullable(),
  assigneeCount: z.number().int(),
  finishedCount: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Assignment = z.infer<typeof assignmentSchema>;
export const assignmentPageSchema = pageOf(assignmentSchema);
export const assignmentListQuerySchema = pageQuerySchema.extend({ courseId: z.uuid().optional() });

export const personOptionSchema = z.object({ id: z.string(), name: z.string(), orgName: z.string(), kind: z.enum(['member', 'staff']) });
export const personQuerySchema = z.object({ q: z.string().trim().min(1, { error: '请输入姓名' }).max(20) });

/** Completion per org of the scope (each row counts its whole subtree), for one course. */
export const learningStatsQuerySchema = z.object({ courseId: z.uuid({ error: '请选择课程' }), rootOrgId: z.uuid().optional() });
export const learningStatsRowSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  hasChildren: z.boolean(),
  assigned: z.number().int(),
  started: z.number().int(),
  finished: z.number().int(),
  passed: z.number().int(),
  averageScore: z.number().nullable(),
});
export type LearningStatsRow = z.infer<typeof learningStatsRowSchema>;
export const learningStatsSchema = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  root: learningStatsRowSchema,
  rows: z.array(learningStatsRowSchema),
  path: z.array(z.object({ orgId: z.string(), orgName: z.string() })),
});
export type LearningStats = z.infer<typeof learningStatsSchema>;

/** H5: my courses (assigned to me or open to my org). */
export const STUDY_STATES = ['not_started', 'in_progress', 'finished'] as const;
export type StudyState = (typeof STUDY_STATES)[number];
export const STUDY_STATE_LABELS: Record<StudyState, string> = { not_started: '未开始', in_progress: '学习中', finished: '已完成' };

export const myCourseSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.enum(LEARNING_CATEGORIES),
  orgName: z.string(),
  deadline: z.string().nullable(),
  assigned: z.boolean(),
  materialCount: z.number().int(),
  finishedMaterials: z.number().int(),
  totalMinutes: z.number().int(),
  hasQuiz: z.boolean(),
  passed: z.boolean(),
  bestScore: z.number().int().nullable(),
  state: z.enum(STUDY_STATES),
  secondsSpent: z.number().int(),
});
export type MyCourse = z.infer<typeof myCourseSchema>;

export const myMaterialSchema = z.object({
  id: z.string(),
  kind: z.enum(['document', 'link', 'text']),
  title: z.string(),
  url: z.string().nullable(),
  body: z.string().nullable(),
  minutes: z.number().int(),
  files: z.array(z.object({ fileId: z.string(), name: z.string().optional(), mime: z.string().optional() })),
  opened: z.boolean(),
  finished: z.boolean(),
});
export const myQuizInfoSchema = z.object({
  questionCount: z.number().int(),
  maxScore: z.number().int(),
  passMark: z.number().int(),
  maxAttempts: z.number().int(),
  attemptsUsed: z.number().int(),
  bestScore: z.number().int().nullable(),
  passed: z.boolean(),
});
export const myCourseDetailSchema = myCourseSchema.extend({ materials: z.array(myMaterialSchema), quiz: myQuizInfoSchema.nullable(), finishedAt: z.string().nullable() });
export type MyCourseDetail = z.infer<typeof myCourseDetailSchema>;

/** The paper a learner answers: no answers in it. */
export const quizPaperSchema = z.object({
  passMark: z.number().int(),
  maxScore: z.number().int(),
  attemptsLeft: z.number().int(),
  questions: z.array(z.object({ id: z.string(), kind: z.enum(QUESTION_KINDS), text: z.string(), points: z.number().int(), options: z.array(z.object({ id: z.string(), text: z.string() })) })),
});
export type QuizPaper = z.infer<typeof quizPaperSchema>;

export const quizSubmitBodySchema = z.object({ answers: z.record(z.string().max(40), z.array(z.string().max(8)).max(8)) }).strict();
export type QuizSubmitBody = z.infer<typeof quizSubmitBodySchema>;
export const quizResultSchema = z.object({
  attemptNo: z.number().int(),
  score: z.number().int(),
  maxScore: z.number().int(),
  passed: z.boolean(),
  bestScore: z.number().int(),
  attemptsLeft: z.number().int(),
  courseFinished: z.boolean(),
  questions: z.array(z.object({ id: z.string(), correct: z.boolean(), answer: z.array(z.string()).nullable() })),
});
export type QuizResult = z.infer<typeof quizResultSchema>;

export const heartbeatBodySchema = z.object({ seconds: z.number({ error: '时长应为数字' }).int().min(1).max(3600), materialId: z.uuid().optional() }).strict();
export const heartbeatResultSchema = z.object({ credited: z.number().int(), secondsSpent: z.number().int() });
