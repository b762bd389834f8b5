import { z } from 'zod';
import { pageQuerySchema } from './common.schema.js';

/** 职工之家: a home profile per grassroots union, assessed on the shared assessment mechanism. */
export const UNION_HOME_TEMPLATE_CODE = 'union-home';

export const UNION_HOME_FACILITIES = ['reading_room', 'gym', 'activity_room', 'meeting_room', 'counselling', 'mother_room', 'canteen', 'training_room'] as const;
export const UNION_HOME_FACILITY_LABELS: Record<(typeof UNION_HOME_FACILITIES)[number], string> = {
  reading_room: '职工书屋',
  gym: '健身房',
  activity_room: '文体活动室',
  meeting_room: '会议室(职代会)',
  counselling: '心理咨询室',
  mother_room: '爱心妈咪小屋',
  canteen: '职工食堂',
  training_room: '培训教室',
};

/** The four checks shown on the profile: 有人干事、有钱办事、有屋议事、有章理事 */
export const homeChecksSchema = z.object({ staff: z.boolean(), funds: z.boolean(), room: z.boolean(), rules: z.boolean() });

export const homeProfileBodySchema = z.object({
  venueName: z.string({ error: '请填写阵地名称' }).trim().min(1, { error: '请填写阵地名称' }).max(100, { error: '阵地名称不能超过100个字' }),
  address: z.string().trim().max(200, { error: '地址不能超过200个字' }).default(''),
  areaM2: z.number({ error: '请填写面积' }).int({ error: '面积应为整数平方米' }).min(0, { error: '面积不能为负' }).max(100_000, { error: '面积不能超过100000平方米' }),
  facilities: z.array(z.enum(UNION_HOME_FACILITIES, { error: '设施类型不正确' })).max(20),
  annualFundsFen: z.number({ error: '请填写年度经费' }).int({ error: '经费以分为单位' }).min(0, { error: '经费不能为负' }).max(10_000_000_000),
  activitiesHeld: z.number().int().min(0, { error: '活动次数不能为负' }).max(10_000),
  staffCount: z.number().int().min(0, { error: '人数不能为负' }).max(1000),
  chairName: z.string().trim().max(30, { error: '主席姓名不能超过30个字' }).default(''),
  rules: z.array(z.string().trim().min(1).max(60, { error: '制度名称不能超过60个字' })).max(30),
  /** the union's 统计年报 figure; used for the assessment when given, else the registry's */
  membershipRateEntered: z.number().min(0, { error: '入会率应在0-100%之间' }).max(1, { error: '入会率应在0-100%之间' }).nullable(),
  version: z.number().int().optional(),
});
export type HomeProfileBody = z.infer<typeof homeProfileBodySchema>;

export const unionHomeSchema = z.object({
  id: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  districtName: z.string().nullable(),
  venueName: z.string(),
  address: z.string(),
  areaM2: z.number(),
  facilities: z.array(z.string()),
  annualFundsFen: z.number(),
  activitiesHeld: z.number(),
  staffCount: z.number(),
  chairName: z.string(),
  rules: z.array(z.string()),
  membershipRate: z.number().nullable(),
  membershipRateSource: z.enum(['registry', 'entered', 'none']),
  /** members in the registry over the covered enterprises' employees, for comparison */
  registryMembershipRate: z.number().nullable(),
  membershipRateEntered: z.number().nullable(),
  checks: homeChecksSchema,
  /** 有经费 read from the union's money: an approved budget (职工活动/职工之家建设) of the year, else income on its 经费账户 */
  fundsCheck: z.object({ source: z.enum(['budget', 'income', 'none']), year: z.number().int(), budgetFen: z.number(), incomeFen: z.number() }),
  version: z.number().int(),
  current: z
    .object({ assessmentId: z.string(), cycleYear: z.number().int(), status: z.string(), statusLabel: z.string(), gradeCode: z.string().nullable(), gradeLabel: z.string().nullable(), dueDate: z.string().nullable() })
    .nullable(),
  history: z.array(z.object({ assessmentId: z.string(), cycleYear: z.number().int(), statusLabel: z.string(), gradeLabel: z.string().nullable(), finalScore: z.number().nullable(), version: z.number().int() })),
  abilities: z.object({ canEdit: z.boolean(), canStartAssessment: z.boolean() }),
});
export type UnionHome = z.infer<typeof unionHomeSchema>;

export const unionHomeListItemSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  districtName: z.string().nullable(),
  venueName: z.string().nullable(),
  areaM2: z.number().nullable(),
  assessmentId: z.string().nullable(),
  cycleYear: z.number().int().nullable(),
  status: z.string().nullable(),
  statusLabel: z.string().nullable(),
  gradeCode: z.string().nullable(),
  gradeLabel: z.string().nullable(),
  finalScore: z.number().nullable(),
  dueDate: z.string().nullable(),
  due: z.boolean(),
});
export type UnionHomeListItem = z.infer<typeof unionHomeListItemSchema>;

export const unionHomeListQuerySchema = pageQuerySchema.extend({
  districtId: z.uuid({ error: '区县编号格式不正确' }).optional(),
  grade: z.string().max(30).optional(),
  status: z.string().max(30).optional(),
  due: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  q: z.string().trim().max(50).optional(),
});

export const unionHomeExportBodySchema = z.object({
  districtId: z.uuid({ error: '区县编号格式不正确' }).optional(),
  grade: z.string().max(30).optional(),
  status: z.string().max(30).optional(),
  due: z.boolean({ error: 'due 应为 true 或 false' }).optional(),
  q: z.string().trim().max(50).optional(),
});

export const startAssessmentBodySchema = z.object({ cycleYear: z.number().int().min(2000).max(2100).optional() });

export const gradesByDistrictSchema = z.object({
  grades: z.array(z.object({ code: z.string(), label: z.string() })),
  rows: z.array(z.object({ districtId: z.string(), districtName: z.string(), homes: z.number().int(), counts: z.record(z.string(), z.number().int()), due: z.number().int() })),
});
export type GradesByDistrict = z.infer<typeof gradesByDistrictSchema>;
