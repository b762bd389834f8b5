import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { optionalText, pageOf, pageQuerySchema, requiredText } from './common.schema.js';

/** 学习园地 (learning): courses with materials and a quiz, assigned with a deadline, studied on H5. */
export const LEARNING_CATEGORIES = ['theory', 'policy', 'skills', 'safety', 'model_worker', 'other'] as const;
export type LearningCategory = (typeof LEARNING_CATEGORIES)[number];
export const LEARNING_CATEGORY_LABELS: Record<LearningCategory, string> = {
  theory: '理论学习',
  policy: '政策法规',
  skills: '业务技能',
  safety: '安全生产',
  model_worker: '劳模精神',
  other: '其他',
};

export const COURSE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已下架' };

export const MATERIAL_KINDS = ['document', 'link', 'text'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const MATERIAL_KIND_LABELS: Record<MaterialKind, string> = { document: '文档', link: '链接', text: '图文课' };

export const QUESTION_KINDS = ['single', 'multiple', 'judge'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

/** The rule shown to staff and learners alike. */
export const QUIZ_SCORING_HELP = '单选题、判断题选对得分;多选题须选全且不多选才得分(全对才得分,少选、错选均不得分)。得分达到及格分即为通过,多次作答以最高分为准。';

/** Documents: PDF or images by their bytes (Word files: save as PDF first). */
export const MATERIAL_FILE_TYPES = ['document'] as const;
export const MATERIAL_FILE_MAX = 5;
/** The server credits at most this many seconds per heartbeat (and never more than the time since the last one). */
export const HEARTBEAT_MAX_SECONDS = 60;

export const uuidText = (label: string) => z.uuid({ error: `${label}格式不正确` });

const httpUrl = z
  .string({ error: '请填写链接地址' })
  .trim()
  .max(500, { error: '链接地址不能超过500个字符' })
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, { error: '链接地址须以 http:// 或 https:// 开头' });

export const materialInputSchema = z
  .object({
    id: z.uuid().optional(),
    kind: z.enum(MATERIAL_KINDS, { error: '请选择资料类型' }),
    title: requiredText(100, '资料标题'),
    url: httpUrl.optional(),
    body: z.string().trim().max(20_000, { error: '正文不能超过20000个字' }).optional(),
    minutes: z.number({ error: '请填写预计学习分钟数' }).int({ error: '预计学习分钟数应为整数' }).min(1, { error: '预计学习分钟数至少为1' }).max(600, { error: '预计学习分钟数不能超过600' }),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.kind === 'link' && !m.url) ctx.addIssue({ code: 'custom', path: ['url'], message: '请填写链接地址' });
    if (m.kind === 'text' && !m.body) ctx.addIssue({ code: 'custom', path: ['body'], message: '请填写图文课正文' });
  });
export type MaterialInput = z.infer<typeof materialInputSchema>;

export const quizOptionSchema = z.object({ id: z.string().min(1).max(8), text: requiredText(200, '选项内容') });
export const quizQuestionSchema = z
  .object({
    id: z.string().min(1).max(40),
    kind: z.enum(QUESTION_KINDS, { error: '请选择题型' }),
    text: requiredText(500, '题目'),
    options: z.array(quizOptionSchema).max(8, { error: '选项不能超过8个' }),
    answer: z.array(z.string()).min(1, { error: '请设置正确答案' }),
    points: z.number({ error: '请填写分值' }).int({ error: '分值应为整数' }).min(1, { error: '分值至少为1' }).max(100, { error: '分值不能超过100' }),
  })
  .strict();
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const quizSchema = z
  .object({
    passMark: z.number({ error: '请填写及格分' }).int({ error: '及格分应为整数' }).min(1, { error: '及格分至少为1' }),
    maxAttempts: z.number({ error: '请填写作答次数上限' }).int().min(1, { error: '作答次数至少为1' }).max(20, { error: '作答次数不能超过20' }),
    questions: z.array(quizQuestionSchema).min(1, { error: '测验至少要有一道题' }).max(100, { error: '测验不能超过100道题' }),
  })
  .strict();
export type Quiz = z.infer<typeof quizSchema>;

export const courseBodySchema = z
  .object({
    title: requiredText(100, '课程名称'),
    summary: optionalText(1000),
    category: z.enum(LEARNING_CATEGORIES, { error: '请选择课程分类' }),
    openToMembers: z.boolean().default(false),
    orgId: z.uuid({ error: '请选择所属组织' }).optional(),
    materials: z.array(materialInputSchema).min(1, { error: '课程至少要有一份学习资料' }).max(50, { error: '学习资料不能超过50份' }),
    quiz: quizSchema.nullable().default(null),
  })
  .strict();
export type CourseBody = z.infer<typeof courseBodySchema>;
export type CourseBodyInput = z.input<typeof courseBodySchema>;

export const materialSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.enum(MATERIAL_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  body: z.string().nullable(),
  minutes: z.number().int(),
  files: z.array(attachmentSchema),
});
export type Material = z.infer<typeof materialSchema>;

export const courseAbilitiesSchema = z.object({ canEdit: z.boolean(), canPublish: z.boolean(), canWithdraw: z.boolean(), canAssign: z.boolean(), canDelete: z.boolean() });

export const courseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.enum(LEARNING_CATEGORIES),
  status: z.enum(COURSE_STATUSES),
  openToMembers: z.boolean(),
  orgId: z.string(),
  orgName: z.string(),
  materialCount: z.number().int(),
  totalMinutes: z.number().int(),
  hasQuiz: z.boolean(),
  assignedCount: z.number().int(),
  finishedCount: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CourseSummary = z.infer<typeof courseSummarySchema>;
export const coursePageSchema = pageOf(courseSummarySchema);

export const courseSchema = courseSummarySchema.extend({ materials: z.array(materialSchema), quiz: quizSchema.nullable(), abilities: courseAbilitiesSchema });
export type Course = z.infer<typeof courseSchema>;

export const courseListQuerySchema = pageQuerySchema.extend({
  q: optionalText(50),
  status: z.enum(COURSE_STATUSES).optional(),
  category: z.enum(LEARNING_CATEGORIES).optional(),
});
export type CourseListQuery = z.infer<typeof courseListQuerySchema>;

export const materialParamSchema = z.object({ id: z.uuid({ error: '编号格式不正确' }), materialId: z.uuid({ error: '资料编号格式不正确' }) });

